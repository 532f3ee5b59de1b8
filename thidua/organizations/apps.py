from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganizationsConfig(AppConfig):
    name = "thidua.organizations"
    label = "organizations"
    verbose_name = _("Mạng lưới tổ chức")

    def ready(self):
        from . import signals  # noqa: F401
