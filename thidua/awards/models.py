"""The award catalogue and registry, and the yearly facts eligibility is judged on
(ratings, disciplines, holds)."""
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from thidua.core.scopes import ScopedQuerySet
from thidua.organizations import scoping

from .catalogue import in_language
from .issuers import ConferralPower, Issuer, IssuerAlias, IssuerKind  # noqa: F401  (models)


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


class AwardTypeQuerySet(models.QuerySet):
    def in_force(self, day):
        """The catalogue rows in force on ``day`` (at most one version per code)."""
        return self.filter(Q(valid_from__isnull=True) | Q(valid_from__lte=day),
                           Q(valid_to__isnull=True) | Q(valid_to__gte=day))


class AwardType(models.Model):
    """A title or award form; ``code`` is the one the eligibility engine uses (LDTT, CSTDCS …).

    The catalogue is versioned: a rule in force is never edited in place; a new row with the same
    code and a later ``valid_from`` replaces it (the old row gets ``valid_to`` the day before), so
    awards and nominations keep pointing at the version they were made under. Periods of one code
    never overlap.
    """

    code = models.CharField(_("mã"), max_length=16)
    name = models.CharField(_("tên"), max_length=200)
    name_en = models.CharField(
        _("tên tiếng Anh"), max_length=200, blank=True,
        help_text=_("Hiện khi giao diện bằng tiếng Anh; văn bản, quyết định luôn dùng tên tiếng Việt."))
    abbreviation = models.CharField(_("viết tắt"), max_length=16)
    abbreviation_en = models.CharField(_("viết tắt tiếng Anh"), max_length=32, blank=True)
    category = models.CharField(_("loại"), max_length=8, choices=AwardCategory.choices)
    subject_kind = models.CharField(_("đối tượng"), max_length=12, choices=SubjectKind.choices)
    authority_level = models.PositiveSmallIntegerField(_("thẩm quyền"), choices=AuthorityLevel.choices)
    legal_basis = models.CharField(_("căn cứ"), max_length=200, blank=True)
    legal_text = models.ForeignKey(
        "legal.LegalText", models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("văn bản căn cứ"),
        help_text=_("Văn bản trong sổ văn bản pháp luật mà căn cứ trên thuộc về."))
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

    objects = AwardTypeQuerySet.as_manager()

    # What a version fixes; changing any of these on a row in force needs a new version.
    RULE_FIELDS = ("category", "subject_kind", "authority_level", "legal_basis",
                   "money_multiplier_individual", "money_multiplier_collective", "subject_kinds",
                   "chain_rank", "dossier_components", "council_vote_required",
                   "secret_ballot", "threshold_percent", "threshold_inclusive",
                   "publicity_required", "publicity_days")

    class Meta:
        ordering = ["order", "code", "valid_from"]
        verbose_name = _("loại khen thưởng")
        verbose_name_plural = _("danh mục khen thưởng")
        constraints = [models.UniqueConstraint(fields=["code", "valid_from"],
                                               name="one_award_type_version_per_start")]

    def __str__(self):
        return self.label

    @property
    def label(self):
        """The name in the interface's language (documents keep ``name``, the Vietnamese)."""
        return in_language(self.name, self.name_en)

    @property
    def short_label(self):
        return in_language(self.abbreviation, self.abbreviation_en)

    def clean(self):
        if self.valid_from and self.valid_to and self.valid_to < self.valid_from:
            raise ValidationError({"valid_to": _("Ngày hết hiệu lực phải sau ngày áp dụng.")})
        others = AwardType.objects.filter(code=self.code).exclude(pk=self.pk)
        if getattr(self, "closes_previous", False) and self.valid_from:
            # a new version: the open-ended one before it will end the day before (admin)
            others = others.exclude(valid_from__lt=self.valid_from, valid_to__isnull=True)
        if self.valid_to:
            others = others.filter(Q(valid_from__isnull=True) | Q(valid_from__lte=self.valid_to))
        if self.valid_from:
            others = others.filter(Q(valid_to__isnull=True) | Q(valid_to__gte=self.valid_from))
        if others.exists():
            raise ValidationError({"valid_from": _(
                "Thời gian áp dụng trùng với một phiên bản khác của mã %(code)s; hãy cho phiên bản "
                "cũ hết hiệu lực trước ngày áp dụng của phiên bản mới.") % {"code": self.code}})

    def components_for(self, procedure):
        """The attachment kinds a dossier for this type needs under ``procedure``."""
        return list((self.dossier_components or {}).get(procedure, []))

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
        """The confirmed row in force on ``day`` (the latest effective on or before it) or None."""
        return self.filter(effective_from__lte=day, confirmed=True).order_by(
            "-effective_from").select_related("legal_text").first()


class BaseSalary(models.Model):
    """Mức lương cơ sở: money awards are multiples of the amount in force on the decision date.

    ``replaced_from`` is the day a newer text replaces this row's (announced, e.g. NĐ 161/2026 from
    01/7/2026): from then on, until a confirmed row with the new amount exists, decisions with
    money must wait (``base_salary.hold_reason``) — the amount is never guessed."""

    amount = models.PositiveIntegerField(_("mức lương cơ sở (đồng/tháng)"))
    effective_from = models.DateField(_("áp dụng từ ngày"), unique=True)
    legal_basis = models.CharField(_("căn cứ"), max_length=200, blank=True)
    legal_text = models.ForeignKey("legal.LegalText", models.PROTECT, null=True, blank=True,
                                   related_name="+", verbose_name=_("văn bản căn cứ"))
    replaced_from = models.DateField(
        _("được thay thế từ ngày"), null=True, blank=True,
        help_text=_("Ngày văn bản mới thay mức này có hiệu lực (đã công bố)."))
    confirmed = models.BooleanField(
        _("đã đối chiếu văn bản chính thức"), default=False,
        help_text=_("Chỉ mức đã đối chiếu mới được dùng để tính tiền thưởng."))
    history = HistoricalRecords()

    objects = BaseSalaryQuerySet.as_manager()

    class Meta:
        ordering = ["-effective_from"]
        verbose_name = _("mức lương cơ sở")
        verbose_name_plural = _("mức lương cơ sở")

    def __str__(self):
        return f"{self.amount:,} ({self.effective_from:%d/%m/%Y})".replace(",", ".")


class RecipientQuerySet(ScopedQuerySet):
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
    issuer_name = models.CharField(_("cơ quan quyết định (như đã ghi)"), max_length=200,
                                   blank=True)
    issuer = models.ForeignKey("awards.Issuer", models.PROTECT, null=True, blank=True,
                               related_name="awards", verbose_name=_("cơ quan quyết định"))
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


class QuotaBasis(models.TextChoices):
    HOLDERS = "HOLDERS", _("Tỷ lệ trên số đạt một danh hiệu khác")
    MEMBERS = "MEMBERS", _("Tỷ lệ trên tổng số cá nhân hoặc tập thể của đơn vị")
    FIXED = "FIXED", _("Số lượng tối đa")


class QuotaKind(models.TextChoices):
    INDIVIDUAL = "individual", _("Cá nhân")
    COLLECTIVE = "collective", _("Tập thể")


class AwardQuotaQuerySet(models.QuerySet):
    def in_force(self, organization, year):
        """The quotas ``organization`` set for its own lists of ``year``."""
        return self.filter(
            Q(year_from__isnull=True) | Q(year_from__lte=year),
            Q(year_to__isnull=True) | Q(year_to__gte=year),
            organization=organization,
        ).select_related("award_type", "basis_type")


class AwardQuota(models.Model):
    """Hạn mức: how many of a unit's subjects it may propose for one type in a year.

    Checked over the unit's whole list (its batches of the year), never per person. The law sets
    no cap since 2024; an organisation may keep its own (e.g. CSTĐCS ≤ 15% of LĐTT holders).
    """

    organization = models.ForeignKey("organizations.Organization", models.CASCADE,
                                     related_name="award_quotas", verbose_name=_("đơn vị"))
    award_type = models.ForeignKey(AwardType, models.PROTECT, related_name="quotas",
                                   verbose_name=_("danh hiệu, hình thức"))
    subject_kind = models.CharField(_("đối tượng"), max_length=10, choices=QuotaKind.choices,
                                    default=QuotaKind.INDIVIDUAL)
    basis = models.CharField(_("cách tính"), max_length=8, choices=QuotaBasis.choices)
    basis_type = models.ForeignKey(AwardType, models.PROTECT, null=True, blank=True,
                                   related_name="+", verbose_name=_("tính trên số đạt"))
    percent = models.DecimalField(_("tỷ lệ tối đa (%)"), max_digits=5, decimal_places=2, null=True,
                                  blank=True)
    max_count = models.PositiveIntegerField(_("số lượng tối đa"), null=True, blank=True)
    year_from = models.PositiveSmallIntegerField(_("từ năm"), null=True, blank=True)
    year_to = models.PositiveSmallIntegerField(_("đến năm"), null=True, blank=True)
    legal_basis = models.CharField(_("căn cứ"), max_length=200, blank=True)
    history = HistoricalRecords()

    objects = AwardQuotaQuerySet.as_manager()

    class Meta:
        ordering = ["organization", "award_type__order", "pk"]
        verbose_name = _("hạn mức khen thưởng")
        verbose_name_plural = _("hạn mức khen thưởng")

    def __str__(self):
        return f"{self.organization} — {self.award_type.abbreviation}"

    def clean(self):
        errors = {}
        if self.basis == QuotaBasis.FIXED:
            if self.max_count is None:
                errors["max_count"] = _("Nhập số lượng tối đa.")
        elif self.percent is None or not 0 <= self.percent <= 100:
            errors["percent"] = _("Nhập tỷ lệ từ 0 đến 100.")
        if self.basis == QuotaBasis.HOLDERS and not self.basis_type_id:
            errors["basis_type"] = _("Chọn danh hiệu làm căn cứ tính tỷ lệ.")
        if self.year_from and self.year_to and self.year_to < self.year_from:
            errors["year_to"] = _("Năm kết thúc phải sau năm bắt đầu.")
        if errors:
            raise ValidationError(errors)

    def as_engine_quota(self):
        """This row in the shape ``eligibility.check_quotas`` reads."""
        quota = {"type": self.award_type.code, "kind": self.subject_kind,
                 "rule": self.legal_basis or str(self.organization)}
        if self.basis == QuotaBasis.FIXED:
            quota["max"] = self.max_count
        else:
            quota["percent"] = float(self.percent)
            quota["of"] = self.basis_type.code if self.basis == QuotaBasis.HOLDERS else "MEMBERS"
        return quota


class VerdictQuerySet(ScopedQuerySet):
    def visible_to(self, user):
        from thidua.organizations.models import Person

        return self.filter(person__in=Person.objects.visible_to(user).values("pk"))


class StoredVerdict(models.Model):
    """One person's eligibility for one proposal year as last computed (``awards.verdicts``):
    which types are eligible and which one condition short, kept in step with the history by
    the services that change it and checked every night. Codes, not sentences, so a page in any
    language reads it; the wording comes from evaluating the person again. One row a person and
    year (2,000,000 rows a year at national scale), not one a type."""

    person = models.ForeignKey("organizations.Person", models.CASCADE, related_name="+",
                               db_index=False, verbose_name=_("cá nhân"))
    year = models.PositiveSmallIntegerField(_("năm"))
    eligible = models.CharField(_("đủ điều kiện"), max_length=80, blank=True)  # codes, spaced
    almost = models.CharField(_("thiếu một điều kiện"), max_length=80, blank=True)
    on_hold = models.BooleanField(_("đang tạm dừng xét"), default=False)
    computed_at = models.DateTimeField(_("tính lúc"))

    objects = VerdictQuerySet.as_manager()

    class Meta:
        verbose_name = _("kết quả xét điều kiện đã lưu")
        verbose_name_plural = _("kết quả xét điều kiện đã lưu")
        constraints = [models.UniqueConstraint(fields=["person", "year"],
                                               name="stored_verdict_person_year")]

    @property
    def eligible_codes(self):
        return self.eligible.split()

    @property
    def almost_codes(self):
        return self.almost.split()


class VerdictPass(models.Model):
    """The last full pass over everyone for a proposal year (``verdicts.refresh_all``): a stored
    verdict it left unchanged was still right when it started."""

    year = models.PositiveSmallIntegerField(_("năm"), unique=True)
    started_at = models.DateTimeField(_("bắt đầu"))
    finished_at = models.DateTimeField(_("kết thúc"), null=True)
    people = models.PositiveIntegerField(_("số người đã xét"), default=0)

    class Meta:
        verbose_name = _("lượt xét điều kiện toàn bộ")
        verbose_name_plural = _("lượt xét điều kiện toàn bộ")
