"""Pages of soft delete and restore (``deletion.py``): delete a unit or a person saying why,
the list of what is deleted within the administrator's reach, restore."""
from django import forms
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import FormView, TemplateView

from .. import deletion
from ..models import Organization, Person


class DeletionForm(forms.Form):
    reason = forms.CharField(label=gettext_lazy("Lý do xóa"), max_length=255,
                             help_text=gettext_lazy("Ví dụ: nhập trùng, nhập nhầm đơn vị."))


def can_delete_unit(user, unit):
    parent = Organization.objects.get_parent(unit)
    return (parent is not None and unit.deleted_at is None
            and user.has_perm("organizations.change_organization", parent))


def can_delete_person(user, person):
    return person.deleted_at is None and user.has_perm("organizations.change_person", person)


def _person(pk):
    return get_object_or_404(Person.objects.for_permission_check(), pk=pk)


class DeleteView(LoginRequiredMixin, FormView):
    """Delete a unit (``kind="unit"``) or a person (``kind="person"``) after saying why."""

    template_name = "organizations/delete_form.html"
    form_class = DeletionForm
    kind = "unit"

    def dispatch(self, request, *args, **kwargs):
        if self.kind == "unit":
            self.object = get_object_or_404(Organization, pk=kwargs["pk"])
            allowed = can_delete_unit(request.user, self.object)
        else:
            self.object = _person(kwargs["pk"])
            allowed = can_delete_person(request.user, self.object)
        if request.user.is_authenticated and not allowed:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(object=self.object, kind=self.kind, **kwargs)

    def form_valid(self, form):
        try:
            if self.kind == "unit":
                parent = Organization.objects.get_parent(self.object)
                deletion.delete_organization(self.request.user, self.object,
                                             form.cleaned_data["reason"])
                target = parent
            else:
                deletion.delete_person(self.request.user, self.object,
                                       form.cleaned_data["reason"])
                target = "organizations:person_list"
        except ValidationError as refusal:
            for message in refusal.messages:
                form.add_error(None, message)
            return self.form_invalid(form)
        messages.success(self.request, _("Đã xóa %(name)s. Quản trị hệ thống có thể khôi phục ở "
                                         "trang “Đã xóa”.") % {"name": self.object})
        return redirect(target)


class RestoreView(LoginRequiredMixin, View):
    """Restore a deleted unit or person (POST only), back to its page."""

    kind = "unit"

    def post(self, request, pk):
        if self.kind == "unit":
            instance = get_object_or_404(Organization, pk=pk)
            perm, restore = "organizations.restore_organization", deletion.restore_organization
        else:
            instance = _person(pk)
            perm, restore = "organizations.restore_person", deletion.restore_person
        if not request.user.has_perm(perm, instance):
            raise PermissionDenied
        try:
            restore(request.user, instance)
        except ValidationError as refusal:
            messages.error(request, " ".join(refusal.messages))
            return redirect("organizations:deleted")
        messages.success(request, _("Đã khôi phục %(name)s.") % {"name": instance})
        return redirect(instance)


class DeletedListView(LoginRequiredMixin, TemplateView):
    """What is deleted within the user's reach as a system administrator, to restore."""

    template_name = "organizations/deleted_list.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        return super().get_context_data(units=deletion.deleted_units(user)[:200],
                                        people=deletion.deleted_people(user)[:200], **kwargs)
