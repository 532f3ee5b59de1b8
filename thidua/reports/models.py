"""The pre-aggregated award figures the dashboards read, saved ad-hoc report definitions, and
the E&C departments and staff officials enter for Biểu 0604 and 0605."""
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from thidua.core.scopes import ScopedQuerySet
from thidua.organizations.models import Gender, OrganizationKind


class PersonCategory(models.TextChoices):
    """The statutory split of individuals (Biểu 0602 rows 10–14); DIRECT is what the seeds call
    direct workers and members, every other value is a manager."""

    LEADER_CENTRAL = "LEADER_CENTRAL", _("Lãnh đạo cấp bộ, cấp tỉnh và tương đương trở lên")
    LEADER_DEPARTMENT = "LEADER_DEPARTMENT", _("Lãnh đạo cấp vụ, sở, ngành và tương đương")
    ENTREPRENEUR = "ENTREPRENEUR", _("Doanh nhân")
    LEADER_OTHER = "LEADER_OTHER", _("Các cấp lãnh đạo khác từ phó phòng trở lên")
    DIRECT = "DIRECT", _("Người trực tiếp công tác, lao động (thành viên, người lao động)")


class Subject(models.TextChoices):
    INDIVIDUAL = "INDIVIDUAL", _("Cá nhân")
    COLLECTIVE = "COLLECTIVE", _("Tập thể")
    HOUSEHOLD = "HOUSEHOLD", _("Hộ gia đình")


class AwardSummary(models.Model):
    """Active awards counted per year, anchor unit and every dimension a dashboard or statutory
    form groups by. ``anchor_path`` is the recipient's unit cut to its first two tree levels (the
    VCA itself, a provincial alliance or a VCA unit), so a national or provincial scope reads a
    few hundred rows instead of scanning the registry; smaller scopes are counted live (see
    ``summaries``)."""

    year = models.PositiveSmallIntegerField()
    anchor_path = models.CharField(max_length=16)
    province_code = models.PositiveSmallIntegerField(null=True)
    award_type = models.ForeignKey("awards.AwardType", models.CASCADE, related_name="+")
    subject = models.CharField(max_length=12, choices=Subject.choices)
    person_category = models.CharField(max_length=20, choices=PersonCategory.choices, blank=True)
    is_economic = models.BooleanField(default=False)
    gender = models.CharField(max_length=8, blank=True)
    ethnicity = models.CharField(max_length=2, blank=True)
    basis = models.CharField(max_length=10, blank=True)
    count = models.PositiveIntegerField()
    money = models.PositiveBigIntegerField(default=0)

    class Meta:
        indexes = [models.Index(fields=["year", "anchor_path"], name="award_summary_year_anchor")]


class SummaryYear(models.Model):
    """One row per year the summary holds; ``dirty`` marks a year whose awards changed since the
    last rebuild."""

    year = models.PositiveSmallIntegerField(primary_key=True)
    dirty = models.BooleanField(default=True)
    refreshed_at = models.DateTimeField(null=True)


class ReportSource(models.TextChoices):
    AWARDS = "awards", _("Sổ khen thưởng")
    NOMINATIONS = "nominations", _("Hồ sơ đề nghị khen thưởng")
    MOVEMENTS = "movements", _("Phong trào thi đua")


class SavedReportQuerySet(ScopedQuerySet):
    def visible_to(self, user):
        """The user's own definitions and those shared with a unit where the user holds a role.
        Only the definition is shared: figures are always counted within the viewer's scope."""
        from thidua.organizations import scoping

        return self.filter(models.Q(owner=user) | models.Q(
            scoping.organization_q(user, prefix="shared_with__"), shared_with__isnull=False))


class SavedReport(models.Model):
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, models.CASCADE, related_name="+")
    name = models.CharField(_("tên báo cáo"), max_length=200)
    source = models.CharField(_("nguồn số liệu"), max_length=12, choices=ReportSource.choices)
    definition = models.JSONField(_("thiết lập"), default=dict)
    shared_with = models.ForeignKey(
        "organizations.Organization", models.CASCADE, null=True, blank=True, related_name="+",
        verbose_name=_("chia sẻ với đơn vị"),
        help_text=_("Người có vai trò tại đơn vị này (và cấp trên của nó) dùng được thiết lập."))
    created_at = models.DateTimeField(auto_now_add=True)

    objects = SavedReportQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("báo cáo tự chọn")
        verbose_name_plural = _("báo cáo tự chọn")

    def __str__(self):
        return self.name


# ---- Biểu 0604 and 0605: the E&C apparatus, entered by officials ------------------------------

# Who files Biểu 0604 and 0605: the VCA and the provincial alliances.
REPORTING_KINDS = (OrganizationKind.NATIONAL_ALLIANCE, OrganizationKind.PROVINCIAL_ALLIANCE)
FIRST_YEAR, LAST_YEAR = 1940, 2100


def _year_field(label, **kwargs):
    return models.PositiveSmallIntegerField(label, validators=[
        MinValueValidator(FIRST_YEAR, _("Năm phải từ %(limit_value)s trở về sau.")),
        MaxValueValidator(LAST_YEAR, _("Năm không được sau %(limit_value)s."))], **kwargs)


class InPostQuerySet(models.QuerySet):
    """Records that hold for a year between ``start_year`` and ``end_year`` (the year it ended,
    excluded): forms are counted at 31/12, so what ended during a year is gone from its form."""

    def in_post(self, year):
        return self.filter(models.Q(end_year__isnull=True) | models.Q(end_year__gt=year),
                           start_year__lte=year)

    def managed_by(self, user):
        from thidua.organizations import scoping

        return self.filter(scoping.organization_q(user, scoping.NETWORK_EDITORS,
                                                  prefix="organization__"))


class InPost(models.Model):
    """What an E&C department and an E&C civil servant share: the reporting unit (the VCA or a
    provincial alliance) and the years they count in its forms."""

    organization = models.ForeignKey("organizations.Organization", models.PROTECT,
                                     related_name="+", verbose_name=_("đơn vị báo cáo"))
    start_year = _year_field(_("từ năm"))
    end_year = _year_field(
        _("đến năm (không tính từ năm này)"), null=True, blank=True,
        help_text=_("Năm giải thể hoặc thôi làm công tác thi đua, khen thưởng; để trống nếu còn. "
                    "Biểu tính số liệu tại 31/12, nên biểu của năm này không còn tính."))

    objects = InPostQuerySet.as_manager()

    class Meta:
        abstract = True

    def clean(self):
        if self.start_year and self.end_year and self.end_year < self.start_year:
            raise ValidationError({"end_year": _("Năm kết thúc phải bằng hoặc sau năm bắt đầu.")})


class ECDepartmentLevel(models.TextChoices):
    """Rows 02–05 of Biểu 0604."""

    DEPARTMENT = "DEPARTMENT", _("Cấp Vụ thuộc bộ, ban, ngành, đoàn thể Trung ương")
    DEPARTMENT_DIVISION = "DEPARTMENT_DIVISION", _("Cấp phòng, ban hoặc bộ phận thuộc Vụ")
    HOME_AFFAIRS_BOARD = "HOME_AFFAIRS_BOARD", _("Cấp ban thuộc Sở Nội vụ")
    HOME_AFFAIRS_DIVISION = "HOME_AFFAIRS_DIVISION", _("Cấp phòng thuộc Sở Nội vụ")


class ECDepartment(InPost):
    """An organisational unit doing emulation and commendation work (Biểu 0604)."""

    name = models.CharField(_("tên tổ chức"), max_length=200)
    start_year = _year_field(_("năm thành lập hoặc bắt đầu làm công tác thi đua, khen thưởng"))
    level = models.CharField(_("cấp tổ chức"), max_length=24, choices=ECDepartmentLevel.choices)
    history = HistoricalRecords()

    class Meta:
        ordering = ["organization__path", "name"]
        verbose_name = _("tổ chức làm công tác thi đua, khen thưởng")
        verbose_name_plural = _("tổ chức làm công tác thi đua, khen thưởng")

    def __str__(self):
        return self.name


class TrainingLevel(models.TextChoices):
    """Rows 08–12 of Biểu 0605, lowest first."""

    ELEMENTARY = "ELEMENTARY", _("Sơ cấp")
    INTERMEDIATE = "INTERMEDIATE", _("Trung cấp")
    COLLEGE = "COLLEGE", _("Cao đẳng")
    UNIVERSITY = "UNIVERSITY", _("Đại học")
    POSTGRADUATE = "POSTGRADUATE", _("Trên đại học")


class ECStaffMember(InPost):
    """A civil servant doing emulation and commendation work (Biểu 0605). Age and seniority are
    not stored: they are counted at 31/12 of the form's year from the birth year and the year
    E&C work began (which may predate ``start_year`` at this unit)."""

    MIN_AGE = 16

    full_name = models.CharField(_("họ và tên"), max_length=150)
    gender = models.CharField(_("giới tính"), max_length=8, choices=Gender.choices)
    birth_year = _year_field(_("năm sinh"))
    training_level = models.CharField(_("trình độ đào tạo"), max_length=12,
                                      choices=TrainingLevel.choices)
    ec_since_year = _year_field(_("năm bắt đầu làm công tác thi đua, khen thưởng"),
                                help_text=_("Kể cả thời gian làm ở đơn vị khác; dùng để tính "
                                            "thâm niên."))
    start_year = _year_field(_("năm về làm công tác thi đua, khen thưởng tại đơn vị"), blank=True,
                             help_text=_("Để trống nếu trùng năm bắt đầu làm công tác thi đua, "
                                         "khen thưởng."))
    person = models.ForeignKey("organizations.Person", models.SET_NULL, null=True, blank=True,
                               related_name="+", verbose_name=_("hồ sơ cá nhân trong hệ thống"))
    history = HistoricalRecords()

    class Meta:
        ordering = ["organization__path", "full_name"]
        verbose_name = _("công chức làm công tác thi đua, khen thưởng")
        verbose_name_plural = _("công chức làm công tác thi đua, khen thưởng")

    def __str__(self):
        return self.full_name

    def clean(self):
        if self.start_year is None:
            self.start_year = self.ec_since_year
        super().clean()
        errors = {}
        this_year = timezone.localdate().year
        if self.birth_year and self.birth_year > this_year - self.MIN_AGE:
            errors["birth_year"] = _("Năm sinh không hợp lệ: công chức phải đủ %(age)s tuổi.") % {
                "age": self.MIN_AGE}
        if self.birth_year and self.ec_since_year:
            if self.ec_since_year < self.birth_year + self.MIN_AGE:
                errors["ec_since_year"] = _("Năm bắt đầu làm công tác thi đua, khen thưởng phải "
                                            "sau năm sinh ít nhất %(age)s năm.") % {
                                                "age": self.MIN_AGE}
            elif self.ec_since_year > this_year:
                errors["ec_since_year"] = _("Năm bắt đầu không được ở tương lai.")
        if self.ec_since_year and self.start_year and self.start_year < self.ec_since_year:
            errors["start_year"] = _("Năm về đơn vị không được trước năm bắt đầu làm công tác "
                                     "thi đua, khen thưởng.")
        if errors:
            raise ValidationError(errors)

    def age_in(self, year):
        return year - self.birth_year

    def seniority_in(self, year):
        return year - self.ec_since_year
