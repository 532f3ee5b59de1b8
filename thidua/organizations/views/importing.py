"""Excel import of units and people into a unit's subtree."""
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext_lazy as _

from thidua.core import import_views

from .. import importing
from ..models import Organization


class UnitImport:
    """Only a network editor of the unit in the URL may import into it."""

    specs = importing.SPECS
    permission = "organizations.import_data"

    def get_unit(self, organization, **kwargs):
        return get_object_or_404(Organization, pk=organization)

    def refused(self):
        """A merged or dissolved unit the user may see: a page saying why nothing can be imported
        into it (and, when merged, where to import instead), still a 403."""
        if self.unit.is_active or not self.request.user.has_perm(
                "organizations.view_organization", self.unit):
            raise PermissionDenied
        return render(self.request, "organizations/import_closed.html", {"unit": self.unit},
                      status=403)


class ImportView(UnitImport, import_views.ImportView):
    template_url_name = "organizations:import_template"
    intro = _("Mỗi tệp chứa một loại dữ liệu: đơn vị hoặc cá nhân.")


class ImportTemplateView(UnitImport, import_views.ImportTemplateView):
    pass
