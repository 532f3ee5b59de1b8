"""The E&C departments and civil servants behind Biểu 0604–0605: list with filters and Excel
export, create, edit, delete after confirmation, and the staff's Excel import. Each record belongs to a reporting unit (the VCA
or a provincial alliance) and only that unit's E&C officers and administrators (or those above
it) see or change it; any other record is "not found"."""
import django_filters
from django import forms
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import TemplateView

from thidua.core import import_views
from thidua.core.excel import xlsx_response
from thidua.core.views import FilteredListMixin
from thidua.organizations.models import Organization

from .. import importing, services
from ..forms import ECDepartmentForm, ECStaffMemberForm, reporting_units
from ..models import REPORTING_KINDS, ECDepartment, ECDepartmentLevel, ECStaffMember, TrainingLevel

FIX_ERRORS = gettext_lazy("Chưa lưu được: vui lòng sửa các lỗi được đánh dấu bên dưới.")


class InPostFilter(django_filters.FilterSet):
    """Name, reporting unit, and "counted in the form of year …"."""

    q = django_filters.CharFilter(label=gettext_lazy("Tìm theo tên"), method="filter_name",
                                  widget=forms.TextInput(attrs={"type": "search"}))
    organization = django_filters.ModelChoiceFilter(label=gettext_lazy("Đơn vị báo cáo"),
                                                    queryset=None)
    year = django_filters.NumberFilter(label=gettext_lazy("Tính vào biểu năm"),
                                       method="filter_year")
    name_field = "name"

    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, request=request, **kwargs)
        self.filters["organization"].queryset = reporting_units(request.user)

    def filter_name(self, queryset, name, value):
        return queryset.filter(**{f"{self.name_field}__icontains": value.strip()})

    def filter_year(self, queryset, name, value):
        return queryset.in_post(int(value))


class DepartmentFilter(InPostFilter):
    level = django_filters.ChoiceFilter(label=gettext_lazy("Cấp tổ chức"),
                                        choices=ECDepartmentLevel.choices)

    class Meta:
        model = ECDepartment
        fields = ["q", "organization", "level", "year"]


class StaffFilter(InPostFilter):
    training_level = django_filters.ChoiceFilter(label=gettext_lazy("Trình độ đào tạo"),
                                                 choices=TrainingLevel.choices)
    name_field = "full_name"

    class Meta:
        model = ECStaffMember
        fields = ["q", "organization", "training_level", "year"]


class RecordPages:
    """What the list, form and delete pages of one kind of record share."""

    model = form_class = None
    list_name = ""

    def records(self):
        return self.model.objects.managed_by(self.request.user).select_related("organization")

    def list_url(self):
        return reverse(self.list_name)


class RecordListView(RecordPages, FilteredListMixin, LoginRequiredMixin, TemplateView):
    def get_context_data(self, **kwargs):
        return super().get_context_data(
            can_create=reporting_units(self.request.user).exists(), **kwargs)

    def get_base_queryset(self):
        return self.records()


class DepartmentListView(RecordListView):
    template_name = "reports/ec_department_list.html"
    filterset_class = DepartmentFilter
    model, list_name = ECDepartment, "reports:ec_department_list"
    ordering = ("organization__path", "name", "pk")

    def export(self, queryset):
        headers = [_("Đơn vị báo cáo"), _("Tên tổ chức"), _("Cấp tổ chức"), _("Từ năm"),
                   _("Đến năm")]
        rows = ((d.organization.name, d.name, d.get_level_display(), d.start_year, d.end_year)
                for d in queryset)
        return xlsx_response("to-chuc-tdkt", _("Tổ chức TĐKT"), headers, rows)


class StaffListView(RecordListView):
    template_name = "reports/ec_staff_list.html"
    filterset_class = StaffFilter
    model, list_name = ECStaffMember, "reports:ec_staff_list"
    ordering = ("organization__path", "full_name", "pk")

    def export(self, queryset):
        headers = [_("Đơn vị báo cáo"), _("Họ và tên"), _("Giới tính"), _("Năm sinh"),
                   _("Trình độ đào tạo"), _("Năm bắt đầu làm công tác TĐKT"),
                   _("Năm về đơn vị"), _("Đến năm")]
        rows = ((s.organization.name, s.full_name, s.get_gender_display(), s.birth_year,
                 s.get_training_level_display(), s.ec_since_year, s.start_year, s.end_year)
                for s in queryset)
        return xlsx_response("cong-chuc-tdkt", _("Công chức TĐKT"), headers, rows)


class RecordFormView(RecordPages, LoginRequiredMixin, View):
    """Create (no ``pk``) or edit one record."""

    titles = ("", "")  # (create, edit)

    def dispatch(self, request, *args, pk=None, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.object = get_object_or_404(self.records(), pk=pk) if pk else None
        if self.object is None and not reporting_units(request.user).exists():
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def render(self, form):
        history = self.object.history.select_related("history_user")[:10] if self.object else []
        return render(self.request, "reports/ec_form.html", {
            "form": form, "object": self.object, "title": self.titles[bool(self.object)],
            "list_url": self.list_url(), "history": history,
            "delete_url": self.object and reverse(self.delete_name, args=[self.object.pk])})

    def get(self, request):
        return self.render(self.form_class(request.user, instance=self.object))

    def post(self, request):
        form = self.form_class(request.user, request.POST, instance=self.object)
        if not form.is_valid():
            messages.error(request, FIX_ERRORS)
            return self.render(form)
        saved = services.save_ec_record(request.user, form.save(commit=False))
        messages.success(request, _("Đã lưu “%(name)s”.") % {"name": saved})
        return redirect(self.list_url())


class DepartmentFormView(RecordFormView):
    model, form_class = ECDepartment, ECDepartmentForm
    list_name, delete_name = "reports:ec_department_list", "reports:ec_department_delete"
    titles = (gettext_lazy("Thêm tổ chức làm công tác thi đua, khen thưởng"),
              gettext_lazy("Sửa tổ chức làm công tác thi đua, khen thưởng"))


class StaffFormView(RecordFormView):
    model, form_class = ECStaffMember, ECStaffMemberForm
    list_name, delete_name = "reports:ec_staff_list", "reports:ec_staff_delete"
    titles = (gettext_lazy("Thêm công chức làm công tác thi đua, khen thưởng"),
              gettext_lazy("Sửa công chức làm công tác thi đua, khen thưởng"))


class RecordDeleteView(RecordPages, LoginRequiredMixin, View):
    """Asks first; deleting removes the record from every year's form, which is why ending it
    (``end_year``) is offered instead on the confirmation page."""

    def dispatch(self, request, *args, pk=None, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.object = get_object_or_404(self.records(), pk=pk)
        return super().dispatch(request, *args, **kwargs)

    def get(self, request):
        return render(request, "reports/ec_confirm_delete.html", {
            "object": self.object, "list_url": self.list_url(),
            "edit_url": reverse(self.edit_name, args=[self.object.pk])})

    def post(self, request):
        name = str(self.object)
        services.delete_ec_record(request.user, self.object)
        messages.success(request, _("Đã xóa “%(name)s”.") % {"name": name})
        return redirect(self.list_url())


class DepartmentDeleteView(RecordDeleteView):
    model, list_name, edit_name = ECDepartment, "reports:ec_department_list", "reports:ec_department_edit"


class StaffDeleteView(RecordDeleteView):
    model, list_name, edit_name = ECStaffMember, "reports:ec_staff_list", "reports:ec_staff_edit"


class StaffImport:
    specs = importing.SPECS
    permission = importing.StaffSpec.permission

    def get_unit(self, pk, **kwargs):
        return get_object_or_404(Organization, pk=pk, kind__in=REPORTING_KINDS)


class StaffImportView(StaffImport, import_views.ImportView):
    template_url_name = "reports:ec_staff_import_template"

    def get_success_url(self):
        return reverse("reports:ec_staff_list")

    def get_breadcrumbs(self):
        return [(_("Công chức TĐKT"), reverse("reports:ec_staff_list"))]


class StaffImportTemplateView(StaffImport, import_views.ImportTemplateView):
    pass


class StaffImportStartView(LoginRequiredMixin, View):
    """The list's "Nhập từ Excel" button: the import page of the user's highest reporting unit."""

    def get(self, request):
        unit = reporting_units(request.user).first()
        if unit is None:
            raise PermissionDenied
        return redirect("reports:ec_staff_import", unit.pk)
