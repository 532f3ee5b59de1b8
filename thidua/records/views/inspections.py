"""Inspections (kiểm tra, giám sát): list with filters, detail, create/edit with findings,
recommendations and follow-up status. An inspection is seen by its organising level and by the
units it inspected."""
import django_filters
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from thidua.core.excel import xlsx_response
from thidua.core.views import FilteredListMixin
from thidua.movements.models import Movement

from .. import services
from ..forms import InspectionForm
from ..models import Inspection, InspectionStatus
from .exemplars import RecordFilterSet
from .programmes import RecordFormView, RecordListView, managed_units


class InspectionFilter(RecordFilterSet):
    status = django_filters.ChoiceFilter(label=gettext_lazy("Trạng thái"),
                                         choices=InspectionStatus.choices)
    year = django_filters.NumberFilter(label=gettext_lazy("Năm"), field_name="start_date__year")
    text_fields = ("team", "findings", "recommendations")
    unit_prefix = "organizer__"

    class Meta:
        model = Inspection
        fields = ["q", "status", "year", "unit"]


class InspectionListView(FilteredListMixin, RecordListView):
    template_name = "records/inspection_list.html"
    filterset_class = InspectionFilter
    ordering = ("-start_date", "pk")

    def get_base_queryset(self):
        return Inspection.objects.visible_to(self.request.user).select_related(
            "organizer", "movement").prefetch_related("inspected_units")

    def export(self, queryset):
        rows = ((i.organizer.name, ", ".join(u.name for u in i.inspected_units.all()),
                 i.start_date, i.end_date, i.get_status_display(), str(i.movement or ""),
                 i.team, i.findings, i.recommendations) for i in queryset)
        headers = [_("Cấp kiểm tra"), _("Đơn vị được kiểm tra"), _("Từ ngày"), _("Đến ngày"),
                   _("Trạng thái"), _("Phong trào"), _("Thành phần đoàn"), _("Kết quả kiểm tra"),
                   _("Kiến nghị")]
        return xlsx_response("kiem-tra", _("Kiểm tra, giám sát"), headers, rows)


class InspectionDetailView(LoginRequiredMixin, View):
    def get(self, request, pk):
        inspection = get_object_or_404(Inspection.objects.select_related(
            "organizer", "movement").for_permission_check(), pk=pk)
        units = list(inspection.inspected_units.order_by("sort_key"))
        if not any(request.user.has_perm("movements.view_level", unit)
                   for unit in [inspection.organizer, *units]):
            raise PermissionDenied
        return render(request, "records/inspection_detail.html", {
            "inspection": inspection, "units": units,
            "can_edit": request.user.has_perm("movements.manage_level", inspection.organizer),
            "history": inspection.history.select_related("history_user")[:10],
        })


class InspectionFormView(RecordFormView):
    model = Inspection
    form_class = InspectionForm
    unit_field = "organizer"
    titles = (gettext_lazy("Thêm đợt kiểm tra, giám sát"), gettext_lazy("Sửa đợt kiểm tra, giám sát"))
    saved_message = gettext_lazy("Đã lưu đợt kiểm tra, giám sát.")
    detail_name, list_name = "records:inspection_detail", "records:inspection_list"

    def form_kwargs(self):
        return {"units": managed_units(self.request.user),
                "movements": Movement.objects.visible_to(self.request.user)}

    def save(self, form):
        return services.save_inspection(self.request.user, form.save(commit=False),
                                        form.cleaned_data["inspected_units"])
