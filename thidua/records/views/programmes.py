"""Cooperation programmes: list, detail with yearly targets and progress, create/edit; and the
small base classes the records' pages share (a scoped create/edit page, a filtered list)."""
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import TemplateView

from thidua.core.scopes import for_permission_check
from thidua.organizations.models import Organization
from thidua.organizations.scoping import NETWORK_EDITORS, organization_q

from .. import services
from ..forms import ProgrammeForm, TargetForm
from ..models import CooperationProgramme, ProgrammeTarget
from ..programme_progress import programme_progress

FIX_ERRORS = gettext_lazy("Chưa lưu được: vui lòng sửa các lỗi được đánh dấu bên dưới.")


def add_errors(form, error):
    """Put a service's ValidationError on the form's fields (or on the form when the field is
    not on it)."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


def recent_history(*histories, limit=10):
    """The latest ``limit`` history rows of several models (e.g. a sheet and its criteria),
    newest first, for ``core/_history.html``."""
    rows = [row for history in histories
            for row in history.select_related("history_user").order_by("-history_date")[:limit]]
    return sorted(rows, key=lambda row: row.history_date, reverse=True)[:limit]


def managed_units(user):
    """Units where the user runs the level's work (E&C officers and administrators)."""
    return Organization.objects.filter(organization_q(user, NETWORK_EDITORS))


def object_or_403(user, queryset, pk, perm, unit_of):
    """One record, 404 if absent, 403 unless ``user`` has ``perm`` at its unit (a scoped model's
    row is read for that check: ``for_permission_check``)."""
    obj = get_object_or_404(for_permission_check(queryset), pk=pk)
    if not user.has_perm(perm, unit_of(obj)):
        raise PermissionDenied
    return obj


class RecordFormView(LoginRequiredMixin, View):
    """Create (no ``pk``) or edit a record owned by one unit; a subclass saves the valid form
    through its service in ``save(form)`` and returns the saved record."""

    model = None
    form_class = None
    unit_field = None
    template_name = "records/form.html"
    titles = ("", "")  # (create, edit)
    saved_message = gettext_lazy("Đã lưu.")
    detail_name = list_name = ""

    def dispatch(self, request, *args, **kwargs):
        self.object = None
        if request.user.is_authenticated:
            self.load(request.user, kwargs)
        return super().dispatch(request, *args, **kwargs)

    def load(self, user, kwargs):
        """Find the record (403 unless the user manages its unit) or check the user may create."""
        if "pk" in kwargs:
            self.object = object_or_403(user, self.model.objects.all(), kwargs["pk"],
                                        "movements.manage_level",
                                        lambda obj: getattr(obj, self.unit_field))
        elif not managed_units(user).exists():
            raise PermissionDenied

    def form_kwargs(self):
        return {"units": managed_units(self.request.user)}

    def initial(self):
        return {}

    def make_form(self, data=None):
        return self.form_class(data, instance=self.object, initial=self.initial(),
                               **self.form_kwargs())

    def detail_url(self, obj):
        return reverse(self.detail_name, args=[obj.pk])

    def cancel_url(self):
        return self.detail_url(self.object) if self.object else reverse(self.list_name)

    def readonly(self):
        """(label, value) pairs shown above the form and not editable here."""
        return []

    def render(self, form):
        return render(self.request, self.template_name, {
            "form": form, "object": self.object, "title": self.titles[bool(self.object)],
            "cancel_url": self.cancel_url(), "readonly": self.readonly(),
        })

    def get(self, request, *args, **kwargs):
        return self.render(self.make_form())

    def post(self, request, *args, **kwargs):
        form = self.make_form(request.POST)
        if form.is_valid():
            try:
                saved = self.save(form)
            except ValidationError as error:
                add_errors(form, error)
            else:
                messages.success(request, self.saved_message)
                return redirect(self.detail_url(saved))
        messages.error(request, FIX_ERRORS)
        return self.render(form)


class RecordListView(LoginRequiredMixin, TemplateView):
    """A filtered, paginated list of records visible to the user, with Excel export."""

    def get_context_data(self, **kwargs):
        return super().get_context_data(can_create=managed_units(self.request.user).exists(),
                                        **kwargs)


class ProgrammeListView(RecordListView):
    template_name = "records/programme_list.html"

    def get(self, request):
        programmes = CooperationProgramme.objects.visible_to(request.user).select_related("owner")
        return self.render_to_response(self.get_context_data(programmes=programmes))


class ProgrammeDetailView(LoginRequiredMixin, View):
    def get(self, request, pk):
        programme = object_or_403(request.user, CooperationProgramme.objects.select_related(
            "owner"), pk, "movements.view_level", lambda p: p.owner)
        can_edit = request.user.has_perm("movements.manage_level", programme.owner)
        return render(request, "records/programme_detail.html", {
            "programme": programme, "years": programme_progress(programme),
            "can_edit": can_edit, "target_form": TargetForm() if can_edit else None,
            "history": programme.history.select_related("history_user")[:10],
        })


class ProgrammeFormView(RecordFormView):
    model = CooperationProgramme
    form_class = ProgrammeForm
    unit_field = "owner"
    titles = (gettext_lazy("Thêm chương trình phối hợp"), gettext_lazy("Sửa chương trình phối hợp"))
    saved_message = gettext_lazy("Đã lưu chương trình phối hợp.")
    detail_name, list_name = "records:programme_detail", "records:programme_list"

    def save(self, form):
        return services.save_programme(self.request.user, form.save(commit=False))


class TargetFormView(RecordFormView):
    """Add a yearly target to a programme (``programme``) or edit one (``pk``)."""

    model = ProgrammeTarget
    form_class = TargetForm
    titles = (gettext_lazy("Thêm chỉ tiêu năm"), gettext_lazy("Sửa chỉ tiêu năm"))
    saved_message = gettext_lazy("Đã lưu chỉ tiêu năm.")

    def load(self, user, kwargs):
        if "pk" in kwargs:
            self.object = get_object_or_404(ProgrammeTarget.objects.select_related(
                "programme__owner"), pk=kwargs["pk"])
            self.programme = self.object.programme
        else:
            self.programme = get_object_or_404(
                CooperationProgramme.objects.for_permission_check(), pk=kwargs["programme"])
        if not user.has_perm("movements.manage_level", self.programme.owner):
            raise PermissionDenied

    def form_kwargs(self):
        return {}

    def make_form(self, data=None):
        form = super().make_form(data)
        form.instance.programme = self.programme
        return form

    def detail_url(self, obj):
        return reverse("records:programme_detail", args=[self.programme.pk])

    def cancel_url(self):
        return self.detail_url(self.programme)

    def save(self, form):
        return services.save_target(self.request.user, form.save(commit=False))
