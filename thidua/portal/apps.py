"""Public portals: one site per organisation with news, exemplars, the honour roll, documents,
Q&A, comments and visitor statistics."""
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "thidua.portal"
    label = "portal"
    verbose_name = _("Cổng thông tin")
