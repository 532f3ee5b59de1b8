"""Periodic reports: schedules with working-day due dates, and what units submit."""
from django.db import models
from django.utils.translation import gettext_lazy as _

from thidua.core.scopes import ScopedQuerySet
from thidua.organizations import scoping, tree


class ReportScheduleQuerySet(ScopedQuerySet):
    def visible_to(self, user):
        """Rounds the user follows (asked by a level in their reading scope) or must answer (asked
        by one of their units or a level above it)."""
        condition = scoping.organization_q(user, scoping.PEOPLE_READERS, prefix="owner__")
        for _role, _unit, path, _descendants in scoping.assignments(user):
            condition |= models.Q(owner__path__in=tree.ancestor_paths(path))
        return self.filter(condition).distinct()


class Period(models.TextChoices):
    Q1 = "Q1", _("Quý I")
    Q2 = "Q2", _("Quý II")
    Q3 = "Q3", _("Quý III")
    Q4 = "Q4", _("Quý IV")
    H1 = "H1", _("6 tháng đầu năm")
    YEAR = "YEAR", _("Cả năm")


class ReportSchedule(models.Model):
    """One reporting round: units under ``owner`` report on ``period`` of ``year`` by ``due_date``."""

    owner = models.ForeignKey("organizations.Organization", models.PROTECT,
                              related_name="report_schedules", verbose_name=_("cấp nhận báo cáo"))
    movement = models.ForeignKey("movements.Movement", models.CASCADE, null=True, blank=True,
                                 related_name="report_schedules", verbose_name=_("phong trào"))
    year = models.PositiveSmallIntegerField(_("năm"))
    period = models.CharField(_("kỳ báo cáo"), max_length=4, choices=Period.choices)
    due_date = models.DateField(_("hạn nộp"))
    closes_on = models.DateField(_("khóa sổ"), null=True, blank=True,
                                 help_text=_("Sau ngày này không nhận báo cáo nữa."))

    objects = ReportScheduleQuerySet.as_manager()

    class Meta:
        verbose_name = _("kỳ báo cáo")
        verbose_name_plural = _("kỳ báo cáo")
        ordering = ["-year", "due_date"]
        constraints = [
            models.UniqueConstraint(fields=["owner", "movement", "year", "period"],
                                    name="one_schedule_per_movement_period"),
            models.UniqueConstraint(fields=["owner", "year", "period"],
                                    condition=models.Q(movement__isnull=True),
                                    name="one_general_schedule_per_period"),
        ]

    def __str__(self):
        return f"{self.get_period_display()} {self.year}"


class ProgressReportQuerySet(ScopedQuerySet):
    def visible_to(self, user):
        return self.filter(scoping.organization_q(user, prefix="unit__"))


class ProgressReport(models.Model):
    schedule = models.ForeignKey(ReportSchedule, models.PROTECT, related_name="reports")
    unit = models.ForeignKey("organizations.Organization", models.PROTECT,
                             related_name="progress_reports", verbose_name=_("đơn vị"))
    text = models.TextField(_("nội dung báo cáo"))
    participants = models.PositiveIntegerField(_("số lượt tham gia"), default=0)
    exemplars_found = models.PositiveIntegerField(_("điển hình phát hiện"), default=0)
    initiatives = models.PositiveIntegerField(_("sáng kiến"), default=0)
    new_cooperatives = models.PositiveIntegerField(_("HTX thành lập mới"), default=0)
    file = models.FileField(_("tệp báo cáo"), upload_to="reports/%Y/", blank=True)
    submitted_at = models.DateTimeField(_("nộp lúc"))
    submitted_by = models.ForeignKey("accounts.User", models.PROTECT, related_name="+")

    objects = ProgressReportQuerySet.as_manager()

    FIGURES = ("participants", "exemplars_found", "initiatives", "new_cooperatives")

    class Meta:
        verbose_name = _("báo cáo định kỳ")
        verbose_name_plural = _("báo cáo định kỳ")
        constraints = [models.UniqueConstraint(fields=["schedule", "unit"], name="one_report")]

    @property
    def is_late(self):
        from django.utils import timezone

        return timezone.localtime(self.submitted_at).date() > self.schedule.due_date
