"""The award catalogue and registry, and the yearly facts eligibility is judged on
(ratings, disciplines, holds)."""
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from thidua.organizations import scoping


class AwardCategory(models.TextChoices):
    TITLE = "TITLE", _("Danh hiệu thi đua")
    FORM = "FORM", _("Hình thức khen thưởng")


class SubjectKind(models.TextChoices):
    INDIVIDUAL = "INDIVIDUAL", _("Cá nhân")
    COLLECTIVE = "COLLECTIVE", _("Tập thể")
    BOTH = "BOTH", _("Cá nhân và tập thể")
    HOUSEHOLD = "HOUSEHOLD", _("Hộ gia đình")


class AuthorityLevel(models.IntegerChoices):
    BASE = 1, _("Cơ sở (thủ trưởng đơn vị, Giám đốc HTX)")
    MINISTRY = 2, _("Bộ, ban, ngành, tỉnh (Liên minh HTX Việt Nam, Chủ tịch UBND tỉnh)")
    GOVERNMENT = 3, _("Thủ tướng Chính phủ")
    STATE = 4, _("Chủ tịch nước")


class AwardType(models.Model):
    """A title or award form; ``code`` is the one the eligibility engine uses (LDTT, CSTDCS …)."""

    code = models.CharField(_("mã"), max_length=16, unique=True)
    name = models.CharField(_("tên"), max_length=200)
    abbreviation = models.CharField(_("viết tắt"), max_length=16)
    category = models.CharField(_("loại"), max_length=8, choices=AwardCategory.choices)
    subject_kind = models.CharField(_("đối tượng"), max_length=12, choices=SubjectKind.choices)
    authority_level = models.PositiveSmallIntegerField(_("thẩm quyền"), choices=AuthorityLevel.choices)
    legal_basis = models.CharField(_("căn cứ"), max_length=200, blank=True)
    money_multiplier_individual = models.DecimalField(
        _("hệ số tiền thưởng cá nhân (× lương cơ sở)"), max_digits=4, decimal_places=1, null=True,
        blank=True)
    money_multiplier_collective = models.DecimalField(
        _("hệ số tiền thưởng tập thể (× lương cơ sở)"), max_digits=4, decimal_places=1, null=True,
        blank=True)
    order = models.PositiveSmallIntegerField(default=0)
    is_active = models.BooleanField(_("đang dùng"), default=True)
    # The pipeline's rules for this type (issue 4); all editable data, versioned by ``history``.
    subject_kinds = models.JSONField(
        _("đối tượng được xét"), default=list, blank=True,
        help_text=_("Danh sách: INDIVIDUAL, COLLECTIVE, HOUSEHOLD."))
    conferrer_kinds = models.JSONField(
        _("loại đơn vị có thẩm quyền tặng"), default=list, blank=True,
        help_text=_("Loại hình đơn vị (OrganizationKind) được quyết định; trống: cơ quan ngoài "
                    "hệ thống (Thủ tướng, Chủ tịch nước)."))
    chain_rank = models.PositiveSmallIntegerField(_("bậc trong chuỗi danh hiệu"), default=0)
    dossier_components = models.JSONField(
        _("thành phần hồ sơ bắt buộc"), default=dict, blank=True,
        help_text=_('Theo thủ tục: {"STANDARD": [...], "SIMPLIFIED": [...]} (loại tệp đính kèm).'))
    council_vote_required = models.BooleanField(_("cần Hội đồng bỏ phiếu"), default=True)
    secret_ballot = models.BooleanField(_("bỏ phiếu kín"), default=False)
    threshold_percent = models.DecimalField(
        _("tỷ lệ phiếu đồng ý (% tổng số thành viên Hội đồng)"), max_digits=5, decimal_places=2,
        default=50)
    threshold_inclusive = models.BooleanField(
        _("đạt khi bằng tỷ lệ"), default=False,
        help_text=_("Bỏ chọn: phải vượt tỷ lệ (quá bán); chọn: từ tỷ lệ trở lên (80%, 90%)."))
    publicity_required = models.BooleanField(_("phải công khai"), default=False)
    publicity_days = models.PositiveSmallIntegerField(_("số ngày làm việc công khai"), default=5)
    valid_from = models.DateField(_("áp dụng từ"), null=True, blank=True)
    valid_to = models.DateField(_("áp dụng đến"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "code"]
        verbose_name = _("loại khen thưởng")
        verbose_name_plural = _("danh mục khen thưởng")

    def __str__(self):
        return self.name

    def components_for(self, procedure):
        """The attachment kinds a dossier for this type needs under ``procedure``."""
        return list((self.dossier_components or {}).get(procedure, []))

    def conferrable_by(self, organization):
        return organization is not None and organization.kind in (self.conferrer_kinds or [])

    def allows_subject(self, subject_kind):
        return subject_kind in (self.subject_kinds or [])

    def in_force(self, day):
        return ((self.valid_from is None or self.valid_from <= day)
                and (self.valid_to is None or day <= self.valid_to))

    def vote_passes(self, agree, total_members):
        """Whether ``agree`` votes reach the threshold over the council's total membership."""
        if total_members <= 0:
            return False
        needed = self.threshold_percent * total_members
        return agree * 100 >= needed if self.threshold_inclusive else agree * 100 > needed


class BaseSalaryQuerySet(models.QuerySet):
    def in_force(self, day):
        """The row in force on ``day`` (the latest effective on or before it) or None."""
        return self.filter(effective_from__lte=day).order_by("-effective_from").first()


class BaseSalary(models.Model):
    """Mức lương cơ sở: money awards are multiples of the amount in force on the decision date."""

    amount = models.PositiveIntegerField(_("mức lương cơ sở (đồng/tháng)"))
    effective_from = models.DateField(_("áp dụng từ ngày"), unique=True)
    legal_basis = models.CharField(_("căn cứ"), max_length=200, blank=True)
    history = HistoricalRecords()

    objects = BaseSalaryQuerySet.as_manager()

    class Meta:
        ordering = ["-effective_from"]
        verbose_name = _("mức lương cơ sở")
        verbose_name_plural = _("mức lương cơ sở")

    def __str__(self):
        return f"{self.amount:,} ({self.effective_from:%d/%m/%Y})".replace(",", ".")


class RecipientQuerySet(models.QuerySet):
    """Rows about a person or a unit, visible when that person or unit is."""

    def visible_to(self, user):
        from thidua.organizations.models import Person

        people = Person.objects.visible_to(user).values("pk")
        return self.filter(
            Q(person__in=people) | Q(scoping.organization_q(user, prefix="organization__"))
        )


class Recipient(models.Model):
    """Abstract: exactly one of ``person`` (individual) or ``organization`` (collective)."""

    person = models.ForeignKey("organizations.Person", models.PROTECT, null=True, blank=True,
                               related_name="+", verbose_name=_("cá nhân"))
    organization = models.ForeignKey("organizations.Organization", models.PROTECT, null=True,
                                     blank=True, related_name="+", verbose_name=_("tập thể"))
    year = models.PositiveSmallIntegerField(_("năm"))

    objects = RecipientQuerySet.as_manager()

    class Meta:
        abstract = True

    @property
    def recipient(self):
        return self.person or self.organization

    def clean(self):
        if bool(self.person_id) == bool(self.organization_id):
            raise ValidationError(_("Chọn đúng một đối tượng: một cá nhân hoặc một tập thể."))


def one_recipient(name):
    return models.CheckConstraint(
        condition=Q(person__isnull=False, organization__isnull=True)
        | Q(person__isnull=True, organization__isnull=False),
        name=name,
    )


class AwardSource(models.TextChoices):
    IMPORTED = "IMPORTED", _("Nhập từ quyết định cũ")
    DECISION = "DECISION", _("Quyết định trên hệ thống")


class AwardStatus(models.TextChoices):
    ACTIVE = "ACTIVE", _("Có hiệu lực")
    REVOKED = "REVOKED", _("Đã thu hồi")


class Award(Recipient):
    """One conferred title or award form: the registry row certificates and streaks come from."""

    award_type = models.ForeignKey(AwardType, models.PROTECT, related_name="awards",
                                   verbose_name=_("danh hiệu, hình thức"))
    decision_number = models.CharField(_("số quyết định"), max_length=32, blank=True)
    decision_date = models.DateField(_("ngày quyết định"), null=True, blank=True)
    issuer_name = models.CharField(_("cơ quan quyết định"), max_length=200, blank=True)
    register_number = models.CharField(_("số vào sổ vàng"), max_length=32, blank=True)
    status = models.CharField(_("trạng thái"), max_length=8, choices=AwardStatus.choices,
                              default=AwardStatus.ACTIVE)
    revoked_on = models.DateField(_("ngày thu hồi"), null=True, blank=True)
    revocation_reason = models.TextField(_("lý do thu hồi"), blank=True)
    source = models.CharField(_("nguồn"), max_length=8, choices=AwardSource.choices,
                              default=AwardSource.IMPORTED)
    decision = models.ForeignKey("nominations.Decision", models.PROTECT, null=True, blank=True,
                                 related_name="awards", verbose_name=_("quyết định"))
    money_amount = models.PositiveIntegerField(_("tiền thưởng (đồng)"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("khen thưởng")
        verbose_name_plural = _("sổ khen thưởng")
        ordering = ["-year", "award_type__order"]
        constraints = [one_recipient("award_has_one_recipient")]
        indexes = [models.Index(fields=["person", "year"], name="award_person_year"),
                   models.Index(fields=["organization", "year"], name="award_org_year")]

    def __str__(self):
        return f"{self.award_type.abbreviation} {self.year} — {self.recipient}"


class Rating(models.TextChoices):
    EXCELLENT = "EXCELLENT", _("Hoàn thành xuất sắc nhiệm vụ")
    GOOD = "GOOD", _("Hoàn thành tốt nhiệm vụ")
    COMPLETED = "COMPLETED", _("Hoàn thành nhiệm vụ")
    NOT_COMPLETED = "NOT_COMPLETED", _("Không hoàn thành nhiệm vụ")


class AnnualRating(Recipient):
    """The year's task rating of a person or collective, with where it came from."""

    rating = models.CharField(_("xếp loại"), max_length=16, choices=Rating.choices)
    source = models.CharField(_("căn cứ"), max_length=200, blank=True,
                              help_text=_("Ví dụ: Biên bản đánh giá, xếp loại cuối năm 2025."))
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("xếp loại hằng năm")
        verbose_name_plural = _("xếp loại hằng năm")
        constraints = [
            one_recipient("rating_has_one_recipient"),
            models.UniqueConstraint(fields=["person", "year"], name="one_rating_per_person_year"),
            models.UniqueConstraint(fields=["organization", "year"], name="one_rating_per_unit_year"),
        ]


class DisciplineLevel(models.IntegerChoices):
    REPRIMAND = 1, _("Khiển trách")
    WARNING = 2, _("Cảnh cáo")
    DEMOTION = 3, _("Hạ bậc lương, giáng chức, cách chức")
    DISMISSAL = 4, _("Buộc thôi việc, khai trừ")


class Discipline(models.Model):
    person = models.ForeignKey("organizations.Person", models.PROTECT, related_name="disciplines",
                               verbose_name=_("cá nhân"))
    year = models.PositiveSmallIntegerField(_("năm"))
    level = models.PositiveSmallIntegerField(_("hình thức kỷ luật"), choices=DisciplineLevel.choices)
    decision = models.CharField(_("quyết định"), max_length=200, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("kỷ luật")
        verbose_name_plural = _("kỷ luật")
        ordering = ["-year"]


class HoldReason(models.TextChoices):
    DISCIPLINE_REVIEW = "DISCIPLINE_REVIEW", _("Đang xem xét kỷ luật")
    INVESTIGATION = "INVESTIGATION", _("Đang điều tra")
    INSPECTION = "INSPECTION", _("Đang thanh tra, kiểm tra")
    COMPLAINT = "COMPLAINT", _("Có đơn thư khiếu nại, tố cáo đang xác minh")
    CORRUPTION = "CORRUPTION", _("Đang xác minh vụ việc tham nhũng, tiêu cực")


class Hold(Recipient):
    """While a hold covers a date, the subject may not be proposed for anything."""

    year = None
    start_date = models.DateField(_("từ ngày"))
    end_date = models.DateField(_("đến ngày"), null=True, blank=True)
    reason = models.CharField(_("lý do"), max_length=20, choices=HoldReason.choices)
    note = models.CharField(_("ghi chú"), max_length=200, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("tạm dừng xét khen thưởng")
        verbose_name_plural = _("tạm dừng xét khen thưởng")
        constraints = [one_recipient("hold_has_one_recipient")]

    def clean(self):
        super().clean()
        if self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("Ngày kết thúc phải sau ngày bắt đầu.")})


class RevocationGround(models.TextChoices):
    """Law 06/2022/QH15 Art. 93: the four grounds for cancelling an award."""

    FRAUD = "FRAUD", _("a) Gian dối trong kê khai thành tích")
    FORGERY = "FORGERY", _("b) Làm giả hồ sơ, giấy tờ, cung cấp thông tin sai sự thật")
    UNLAWFUL_PROCEDURE = "UNLAWFUL_PROCEDURE", _("c) Thẩm định, xét duyệt, đề nghị trái pháp luật")
    LATER_VIOLATION = "LATER_VIOLATION", _(
        "d) Có kết luận, quyết định, bản án xác định vi phạm trong thời gian đạt thành tích")


class Revocation(models.Model):
    """The cancellation of one award: ground, the revoking decision and what was recovered."""

    award = models.OneToOneField(Award, models.PROTECT, related_name="revocation",
                                 verbose_name=_("khen thưởng"))
    ground = models.CharField(_("căn cứ thu hồi"), max_length=20, choices=RevocationGround.choices)
    revoking_decision = models.CharField(_("số quyết định hủy bỏ"), max_length=64)
    decided_on = models.DateField(_("ngày quyết định hủy bỏ"))
    artefacts_recovered = models.BooleanField(_("đã thu hồi hiện vật"), default=False)
    recovered_amount = models.PositiveIntegerField(_("số tiền đã thu hồi (đồng)"), default=0)
    note = models.TextField(_("ghi chú"), blank=True)
    recorded_by = models.ForeignKey("accounts.User", models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("thu hồi khen thưởng")
        verbose_name_plural = _("thu hồi khen thưởng")

    def __str__(self):
        return f"{self.revoking_decision} — {self.award}"
