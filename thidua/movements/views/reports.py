from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from thidua.core.excel import xlsx_response
from thidua.organizations.models import Organization

from .. import compliance, services
from ..forms import ReportForm, ScheduleForm
from ..models import Movement, ProgressReport, ReportSchedule

STATUS_LABELS = {compliance.ON_TIME: gettext_lazy("Đúng hạn"),
                 compliance.LATE: gettext_lazy("Nộp muộn"),
                 compliance.MISSING: gettext_lazy("Chưa nộp (quá hạn)"),
                 compliance.NOT_DUE: gettext_lazy("Chưa đến hạn")}


class SchedulesView(LoginRequiredMixin, View):
    """A level's reporting rounds (optionally for one movement) and the form to open one."""

    template_name = "movements/schedules.html"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.level = get_object_or_404(Organization, pk=kwargs["unit"])
        if not request.user.has_perm("movements.follow_level", self.level):
            raise PermissionDenied
        self.movement = None
        if request.GET.get("movement"):
            self.movement = get_object_or_404(Movement.objects.visible_to(request.user),
                                              pk=request.GET["movement"])
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, unit):
        return self.render(ScheduleForm(initial={"year": timezone.localdate().year}))

    def post(self, request, unit):
        form = ScheduleForm(request.POST, instance=ReportSchedule(owner=self.level,
                                                                 movement=self.movement))
        if form.is_valid():
            schedule = form.save(commit=False)
            schedule.due_date = schedule.due_date or compliance.default_due_date(
                schedule.year, schedule.period)
            try:
                services.save_schedule(request.user, schedule)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("Đã mở kỳ báo cáo, hạn nộp %(due)s.") % {
                    "due": schedule.due_date.strftime("%d/%m/%Y")})
                return redirect("movements:compliance", schedule.pk)
        messages.error(request, _("Chưa lưu được: vui lòng sửa các lỗi được đánh dấu bên dưới."))
        return self.render(form)

    def render(self, form):
        schedules = self.level.report_schedules.select_related("movement")
        if self.movement:
            schedules = schedules.filter(movement=self.movement)
        return render(self.request, self.template_name, {
            "level": self.level, "movement": self.movement, "schedules": schedules, "form": form,
            "can_manage": self.request.user.has_perm("movements.manage_level", self.level)})


class ComplianceView(LoginRequiredMixin, View):
    """Who reported on time, late, or not at all, for one round."""

    template_name = "movements/compliance.html"

    def get(self, request, pk):
        schedule = get_object_or_404(ReportSchedule.objects.select_related("owner", "movement")
                                     .for_permission_check(), pk=pk)
        if not request.user.has_perm("movements.follow_level", schedule.owner):
            raise PermissionDenied
        rows = compliance.standings(schedule)
        if request.GET.get("format") == "xlsx":
            headers = [_("Đơn vị"), _("Tình trạng"), _("Nộp lúc"), *[
                ProgressReport._meta.get_field(name).verbose_name for name in ProgressReport.FIGURES]]
            data = ((row.unit.name, str(STATUS_LABELS[row.status]),
                     row.report.submitted_at if row.report else None,
                     *[getattr(row.report, name) if row.report else "" for name in ProgressReport.FIGURES])
                    for row in rows)
            return xlsx_response("tinh-hinh-bao-cao", str(schedule), headers, data,
                                 organization=schedule.owner.name)
        counts = {status: sum(1 for row in rows if row.status == status) for status in STATUS_LABELS}
        return render(request, self.template_name, {
            "schedule": schedule, "rows": rows, "labels": STATUS_LABELS, "counts": counts})


class ReportSubmitView(LoginRequiredMixin, View):
    template_name = "movements/report_form.html"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.schedule = get_object_or_404(
            ReportSchedule.objects.visible_to(request.user).select_related("owner"),
            pk=kwargs["pk"])
        self.unit = get_object_or_404(Organization, pk=kwargs["unit"])
        if not request.user.has_perm("movements.report_for_unit", self.unit):
            raise PermissionDenied
        self.report = self.unit.progress_reports.filter(schedule=self.schedule).first()
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, pk, unit):
        return self.render(ReportForm(instance=self.report))

    def post(self, request, pk, unit):
        instance = self.report or ProgressReport(schedule=self.schedule, unit=self.unit)
        form = ReportForm(request.POST, request.FILES, instance=instance)
        if form.is_valid():
            try:
                report = services.submit_report(request.user, form.save(commit=False))
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
                return self.render(form)
            if report.is_late:
                messages.warning(request, _("Đã nộp báo cáo, nhưng sau hạn %(due)s.") % {
                    "due": self.schedule.due_date.strftime("%d/%m/%Y")})
            else:
                messages.success(request, _("Đã nộp báo cáo đúng hạn."))
            return redirect("movements:unit_reports", self.unit.pk)
        messages.error(request, _("Chưa lưu được: vui lòng sửa các lỗi được đánh dấu bên dưới."))
        return self.render(form)

    def render(self, form):
        return render(self.request, self.template_name, {
            "schedule": self.schedule, "unit": self.unit, "form": form, "report": self.report})


class UnitReportsView(LoginRequiredMixin, View):
    """A unit's own reporting duties: every round of the level above it, with its status."""

    template_name = "movements/unit_reports.html"

    def get(self, request, unit):
        unit = get_object_or_404(Organization, pk=unit)
        if not request.user.has_perm("movements.view_unit_work", unit):
            raise PermissionDenied
        parent = Organization.objects.get_parent(unit)
        schedules = parent.report_schedules.select_related("movement") \
            if parent else ReportSchedule.objects.none()
        reports = {r.schedule_id: r for r in unit.progress_reports.all()}
        today = timezone.localdate()
        rows = [(s, reports.get(s.pk), (s.closes_on is None or today <= s.closes_on))
                for s in schedules]
        return render(request, self.template_name, {
            "unit": unit, "rows": rows, "today": today,
            "can_report": request.user.has_perm("movements.report_for_unit", unit)})
