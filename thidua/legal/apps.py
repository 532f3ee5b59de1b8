from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LegalConfig(AppConfig):
    name = "thidua.legal"
    label = "legal"
    verbose_name = _("Căn cứ pháp lý")

    def ready(self):
        from . import rules  # noqa: F401
