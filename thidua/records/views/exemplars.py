"""Exemplars: list with filters and Excel export, detail with the stage timeline, advancing the
stage, create/edit; and the people-of-a-unit choices the exemplar and initiative forms reload."""
import django_filters
from django import forms
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from thidua.core.excel import xlsx_response
from thidua.core.views import FilteredListMixin
from thidua.core.widgets import AnyYesNo
from thidua.movements.models import Movement
from thidua.organizations.models import Organization
from thidua.organizations.scoping import search_q

from .. import services
from ..forms import AdvanceForm, ExemplarForm, people_of
from ..models import Exemplar, ExemplarStage
from .programmes import (FIX_ERRORS, RecordFormView, RecordListView, add_errors, managed_units,
                         object_or_403)


class RecordFilterSet(django_filters.FilterSet):
    """Free text over the title, and the managing unit by code (its subtree).

    ``search_fields`` hold normalised text (``thidua.core.text.normalize``) and are matched
    without diacritics ("khuyen nong" finds "Khuyến nông"), every word in one of the fields;
    ``text_fields`` are plain text matched as typed (ignoring case).
    """

    q = django_filters.CharFilter(label=gettext_lazy("Tìm kiếm"), method="filter_text",
                                  widget=forms.TextInput(attrs={"type": "search"}))
    unit = django_filters.CharFilter(label=gettext_lazy("Mã đơn vị"), method="filter_unit")
    text_fields = ("title",)
    search_fields = ()
    unit_prefix = "unit__"

    def filter_text(self, queryset, name, value):
        condition = Q()
        for field in self.text_fields:
            condition |= Q(**{f"{field}__icontains": value.strip()})
        for field in self.search_fields:
            condition |= search_q(value, field)
        return queryset.filter(condition)

    def filter_unit(self, queryset, name, value):
        unit = Organization.objects.filter(code=value.strip()).only("path").first()
        if unit is None:
            return queryset.none()
        return queryset.filter(**{f"{self.unit_prefix}path__startswith": unit.path})


class ExemplarFilter(RecordFilterSet):
    stage = django_filters.ChoiceFilter(label=gettext_lazy("Giai đoạn"),
                                        choices=ExemplarStage.choices)
    is_new_model = django_filters.BooleanFilter(label=gettext_lazy("HTX kiểu mới"), widget=AnyYesNo)
    movement = django_filters.ModelChoiceFilter(label=gettext_lazy("Phong trào"),
                                                queryset=Movement.objects.none())
    text_fields = ()
    search_fields = ("search_text", "person__search_text")

    class Meta:
        model = Exemplar
        fields = ["q", "stage", "is_new_model", "unit", "movement"]

    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, request=request, **kwargs)
        self.filters["movement"].queryset = Movement.objects.visible_to(request.user)


class ExemplarListView(FilteredListMixin, RecordListView):
    template_name = "records/exemplar_list.html"
    filterset_class = ExemplarFilter
    ordering = ("-found_on", "pk")

    def get_base_queryset(self):
        return Exemplar.objects.visible_to(self.request.user).select_related(
            "unit", "person", "movement")

    def export(self, queryset):
        rows = ((e.title, e.person.full_name if e.person else "", e.unit.name, e.field,
                 _("Có") if e.is_new_model else "", e.get_stage_display(),
                 e.found_on, e.nurtured_on, e.honoured_on, e.replicated_on,
                 str(e.movement or "")) for e in queryset)
        headers = [_("Điển hình"), _("Cá nhân"), _("Đơn vị quản lý"), _("Lĩnh vực"),
                   _("HTX kiểu mới"), _("Giai đoạn"), _("Phát hiện"), _("Bồi dưỡng"),
                   _("Tôn vinh"), _("Nhân rộng"), _("Phong trào")]
        return xlsx_response("dien-hinh", _("Điển hình tiên tiến"), headers, rows)


def timeline(exemplar):
    """(label, date, reached) per stage, for the detail page."""
    reached = services.STAGES.index(exemplar.stage)
    return [(stage.label, getattr(exemplar, services.STAGE_DATES[stage]), index <= reached)
            for index, stage in enumerate(services.STAGES)]


class ExemplarDetailView(RecordFormView):
    """Shows the exemplar; its managers post here to advance the stage."""

    def load(self, user, kwargs):
        self.object = object_or_403(user, Exemplar.objects.select_related(
            "unit", "person", "movement"), kwargs["pk"], "movements.view_level", lambda e: e.unit)
        self.can_edit = user.has_perm("movements.manage_level", self.object.unit)

    def render(self, form):
        exemplar = self.object
        at_end = exemplar.stage == services.STAGES[-1]
        return render(self.request, "records/exemplar_detail.html", {
            "exemplar": exemplar, "timeline": timeline(exemplar), "can_edit": self.can_edit,
            "advance_form": form if self.can_edit and not at_end else None,
            "next_stage": None if at_end else services.STAGES[
                services.STAGES.index(exemplar.stage) + 1].label,
            "awards": exemplar.awards.select_related("award_type"),
            "history": exemplar.history.select_related("history_user")[:10],
        })

    def make_form(self, data=None):
        return AdvanceForm(data, initial={"on": timezone.localdate()})

    def post(self, request, pk):
        if not self.can_edit:
            raise PermissionDenied
        form = self.make_form(request.POST)
        if form.is_valid():
            try:
                services.advance_exemplar_stage(request.user, self.object, form.cleaned_data["on"])
            except ValidationError as error:
                add_errors(form, error)
            else:
                messages.success(request, _("Đã chuyển sang giai đoạn “%(stage)s”.") % {
                    "stage": self.object.get_stage_display()})
                return redirect("records:exemplar_detail", pk=pk)
        self.object.refresh_from_db()
        messages.error(request, FIX_ERRORS)
        return self.render(form)


class ExemplarFormView(RecordFormView):
    model = Exemplar
    form_class = ExemplarForm
    unit_field = "unit"
    titles = (gettext_lazy("Thêm điển hình tiên tiến"), gettext_lazy("Sửa điển hình tiên tiến"))
    saved_message = gettext_lazy("Đã lưu điển hình tiên tiến.")
    detail_name, list_name = "records:exemplar_detail", "records:exemplar_list"

    def form_kwargs(self):
        return {"units": managed_units(self.request.user),
                "movements": Movement.objects.visible_to(self.request.user)}

    def save(self, form):
        return services.save_exemplar(self.request.user, form.save(commit=False))


class PeopleOptionsView(LoginRequiredMixin, View):
    """``<option>``s of the people working at the unit typed in (``?unit=code``), for htmx."""

    limit = 500

    def get(self, request):
        code = request.GET.get("unit", "").strip().replace("\x00", "")
        unit = Organization.objects.filter(code=code).first()
        if unit is None or not request.user.has_perm("organizations.view_people_of", unit):
            people = []
        else:
            people = people_of(unit)[: self.limit]
        return render(request, "records/_people_options.html", {"people": people})
