"""Append-only, hash-chained audit log of state changes and personal-data reads."""
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    name = "thidua.audit"
    label = "audit"
    verbose_name = _("Nhật ký kiểm toán")

    def ready(self):
        from . import recording, rules  # noqa: F401

        recording.connect()
