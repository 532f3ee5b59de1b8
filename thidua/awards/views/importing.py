"""Excel import of ratings and disciplines for a unit's subtree."""
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from thidua.core import import_views
from thidua.organizations.models import Organization

from .. import importing


class RegistryImport:
    specs = importing.SPECS
    permission = "awards.rate_people_of"  # rows needing more (disciplines) are checked per row

    def get_unit(self, pk, **kwargs):
        return get_object_or_404(Organization, pk=pk)


class ImportView(RegistryImport, import_views.ImportView):
    template_url_name = "awards:import_template"
    intro = _("Nhập kết quả xếp loại cuối năm hoặc quyết định kỷ luật của cá nhân trong phạm vi "
              "đơn vị.")

    def get_success_url(self):
        return reverse("awards:unit_record", args=[self.unit.pk])


class ImportTemplateView(RegistryImport, import_views.ImportTemplateView):
    pass
