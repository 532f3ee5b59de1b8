"""Excel import of initiatives into a unit the user manages, with preview."""
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from thidua.core import import_views
from thidua.organizations.models import Organization

from .. import importing
from .programmes import managed_units


class InitiativeImport:
    specs = importing.SPECS
    permission = importing.InitiativeSpec.permission

    def get_unit(self, pk, **kwargs):
        return get_object_or_404(Organization, pk=pk)


class ImportView(InitiativeImport, import_views.ImportView):
    template_url_name = "records:initiative_import_template"
    intro = gettext_lazy("Các sáng kiến được ghi vào đơn vị này hoặc đơn vị cấp dưới ghi ở cột "
                         "Đơn vị áp dụng.")

    def get_success_url(self):
        return reverse("records:initiative_list")

    def get_breadcrumbs(self):
        return [(_("Sáng kiến"), reverse("records:initiative_list")),
                (self.unit.short_name or self.unit.name, self.unit.get_absolute_url())]


class ImportTemplateView(InitiativeImport, import_views.ImportTemplateView):
    pass


class ImportStartView(LoginRequiredMixin, View):
    """The list's "Nhập từ Excel" button: the import page of the highest unit the user manages."""

    def get(self, request):
        unit = managed_units(request.user).order_by("depth", "path").first()
        if unit is None:
            raise PermissionDenied
        return redirect("records:initiative_import", unit.pk)
