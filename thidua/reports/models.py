"""The pre-aggregated award figures the dashboards read, and saved ad-hoc report definitions."""
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


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


class SavedReportQuerySet(models.QuerySet):
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
