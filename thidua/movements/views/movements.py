import django_filters
from django import forms as django_forms
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.db.models import Q
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import TemplateView

from thidua.core.excel import xlsx_response
from thidua.core.views import FilteredListMixin
from thidua.organizations.filters import SearchFilterSet
from thidua.organizations.models import Organization
from thidua.organizations.scoping import NETWORK_EDITORS, assignments, organization_q

from .. import services
from ..forms import CriterionFormSet, DocumentForm, MovementForm, PlannedAwardFormSet
from ..models import Movement, MovementDocument, MovementKind, MovementStatus


class MovementFilter(SearchFilterSet):
    same_form_for_everyone = True  # core.templatetags.ui.filter_fields
    kind = django_filters.ChoiceFilter(label=gettext_lazy("Loại phong trào"),
                                       choices=MovementKind.choices)
    status = django_filters.ChoiceFilter(label=gettext_lazy("Trạng thái"),
                                         choices=MovementStatus.choices)
    year = django_filters.NumberFilter(label=gettext_lazy("Năm"), method="filter_year",
                                       widget=django_forms.NumberInput)

    class Meta:
        model = Movement
        fields = ["q", "kind", "status", "year"]

    def filter_year(self, queryset, name, value):
        return queryset.filter(start_date__year__lte=value, end_date__year__gte=value)


def launch_units(user):
    """Units where the user may launch a movement (their own, not every descendant)."""
    own = [unit for _role, unit, _path, _d in assignments(user)]
    return Organization.objects.filter(organization_q(user, NETWORK_EDITORS), pk__in=own) \
        if not user.is_superuser else Organization.objects.filter(depth=1)


class MovementListView(LoginRequiredMixin, FilteredListMixin, TemplateView):
    template_name = "movements/movement_list.html"
    filterset_class = MovementFilter
    ordering = ("-start_date", "title", "pk")

    def get_base_queryset(self):
        return Movement.objects.visible_to(self.request.user).select_related("launched_by")

    def get_context_data(self, **kwargs):
        return super().get_context_data(launch_units=launch_units(self.request.user), **kwargs)

    def export(self, queryset):
        headers = [_("Tên phong trào"), _("Loại"), _("Cấp phát động"), _("Bắt đầu"), _("Kết thúc"),
                   _("Trạng thái")]
        rows = ((m.title, m.get_kind_display(), m.launched_by.name, m.start_date, m.end_date,
                 m.get_status_display()) for m in queryset)
        return xlsx_response("phong-trao", _("Phong trào"), headers, rows)


class MovementDetailView(LoginRequiredMixin, TemplateView):
    template_name = "movements/movement_detail.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        movement = get_object_or_404(Movement.objects.visible_to(user).select_related(
            "launched_by", "parent__launched_by"), pk=self.kwargs["pk"])
        my_units = [u for u in Organization.objects.filter(
            pk__in=[unit for _r, unit, _p, _d in assignments(user)]) if movement.covers(u)]
        derived_here = set(movement.derived.values_list("launched_by_id", flat=True))
        return super().get_context_data(
            movement=movement,
            can_edit=user.has_perm("movements.change_movement", movement),
            can_follow=user.has_perm("movements.view_movement_unit_data", movement),
            derivable=[u for u in my_units if u.pk != movement.launched_by_id
                       and u.pk not in derived_here
                       and user.has_perm("movements.launch_movement_at", u)],
            registrable=[u for u in my_units if user.has_perm("movements.register_unit", u)],
            derived=movement.derived.select_related("launched_by"),
            registrations=movement.registrations.count(),
            reviews=movement.reviews.select_related("organization"),
            registration_window=movement.registration_window(),
            activity_window=movement.activity_window(),
            document_form=DocumentForm(),
            history=movement.history.select_related("history_user")[:10],
            **kwargs,
        )


class MovementFormView(LoginRequiredMixin, View):
    """Create a movement at a unit (``?unit=``) or edit one, with its criteria and planned awards."""

    template_name = "movements/movement_form.html"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        if "pk" in kwargs:
            self.movement = get_object_or_404(Movement.objects.for_permission_check(),
                                              pk=kwargs["pk"])
            if not request.user.has_perm("movements.change_movement", self.movement):
                raise PermissionDenied
        else:
            launcher = get_object_or_404(Organization, pk=request.GET.get("unit") or 0)
            if not request.user.has_perm("movements.launch_movement_at", launcher):
                raise PermissionDenied
            self.movement = Movement(launched_by=launcher)
        return super().dispatch(request, *args, **kwargs)

    def forms(self, data=None):
        instance = self.movement
        return (MovementForm(data, instance=instance, launcher=instance.launched_by),
                CriterionFormSet(data, instance=instance, prefix="criteria"),
                PlannedAwardFormSet(data, instance=instance, prefix="awards"))

    def get(self, request, pk=None):
        return self.render(*self.forms())

    def post(self, request, pk=None):
        form, criteria, awards = self.forms(request.POST)
        if form.is_valid() and criteria.is_valid() and awards.is_valid():
            parts = criteria.save(commit=False) + awards.save(commit=False)
            movement = services.save_movement(
                request.user, form.save(commit=False), form.cleaned_data["chosen_units"], parts,
                criteria.deleted_objects + awards.deleted_objects)
            messages.success(request, _("Đã lưu phong trào."))
            return redirect(movement)
        messages.error(request, _("Chưa lưu được: vui lòng sửa các lỗi được đánh dấu bên dưới."))
        return self.render(form, criteria, awards)

    def render(self, form, criteria, awards):
        return render(self.request, self.template_name, {
            "form": form, "criteria": criteria, "awards": awards, "movement": self.movement})


class MovementActionView(LoginRequiredMixin, View):
    """Launch, derive for one of my units, or attach a document."""

    def post(self, request, pk):
        movement = get_object_or_404(Movement.objects.visible_to(request.user), pk=pk)
        action = request.POST.get("action")
        try:
            if action == "launch":
                services.launch_movement(request.user, movement)
                messages.success(request, _("Đã phát động phong trào."))
            elif action == "derive":
                unit = get_object_or_404(Organization, pk=request.POST.get("unit"))
                derived = services.derive_movement(request.user, movement, unit)
                messages.success(request, _("Đã tạo phong trào triển khai tại %(unit)s; hãy "
                                            "điều chỉnh rồi phát động.") % {"unit": unit})
                return redirect("movements:movement_edit", derived.pk)
            elif action == "document":
                return self.attach(request, movement)
            else:
                raise PermissionDenied
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        return redirect(movement)

    def attach(self, request, movement):
        if not request.user.has_perm("movements.change_movement", movement):
            raise PermissionDenied
        form = DocumentForm(request.POST, request.FILES)
        if form.is_valid():
            services.attach_document(request.user, movement, form.save(commit=False))
            messages.success(request, _("Đã đính kèm văn bản."))
        else:
            messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
        return redirect(movement)


class UnitMovementsView(LoginRequiredMixin, TemplateView):
    """A unit's movement inbox: what levels above launched for it, and what it launched itself."""

    template_name = "movements/unit_movements.html"

    def get_context_data(self, **kwargs):
        unit = get_object_or_404(Organization, pk=kwargs.pop("unit"))
        if not self.request.user.has_perm("movements.view_level", unit):
            raise PermissionDenied
        covering = list(Movement.objects.covering(unit).exclude(launched_by=unit).select_related(
            "launched_by", "parent__launched_by"))
        # A level above that derived a movement for its units stands for it: the unit sees the
        # derived one ("triển khai từ …") and registers there, not the parent a second time.
        shown = {m.pk for m in covering}
        stood_for = {m.parent_id for m in covering if m.parent_id in shown}
        launched_here = Movement.objects.in_scope(Q(launched_by=unit))  # the unit checked above
        derived = dict(launched_here.filter(parent__isnull=False).values_list("parent_id", "pk"))
        return super().get_context_data(
            unit=unit, covering=[(m, derived.get(m.pk)) for m in covering
                                 if m.pk not in stood_for],
            own=launched_here,
            can_launch=self.request.user.has_perm("movements.launch_movement_at", unit), **kwargs)


class DocumentDownloadView(LoginRequiredMixin, View):
    """Attached files are never public: they are served only to those who see the movement."""

    def get(self, request, pk):
        document = get_object_or_404(MovementDocument, pk=pk)
        get_object_or_404(Movement.objects.visible_to(request.user), pk=document.movement_id)
        return FileResponse(document.file.open("rb"), as_attachment=True,
                            filename=document.file.name.rsplit("/", 1)[-1])
