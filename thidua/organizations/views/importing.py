"""Excel import of units and people into a unit's subtree."""
from django.shortcuts import get_object_or_404
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


class ImportView(UnitImport, import_views.ImportView):
    template_url_name = "organizations:import_template"
    intro = _("Mỗi tệp chứa một loại dữ liệu: đơn vị hoặc cá nhân.")


class ImportTemplateView(UnitImport, import_views.ImportTemplateView):
    pass
