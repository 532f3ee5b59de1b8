"""The audit log: one append-only row per state change or personal-data read, hash-chained.

Rows are never updated or deleted: the model and its queryset refuse it, and on PostgreSQL a
trigger refuses it too (migration 0002), so tampering needs direct SQL with the trigger dropped —
and then the chain of MACs (keys outside the database, ``keys``) and the checkpoints of its head
kept outside the database (``checkpoint``) show what and where (``chain.verify``).
"""
import hashlib
import json
from datetime import UTC

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from . import keys

GENESIS = "0" * 64
# The role whose holders read the log, by value: audit sits below accounts and imports nothing
# above core.
AUDITOR_ROLE = "SYSTEM_ADMIN"


class Action(models.TextChoices):
    CREATE = "CREATE", _("Tạo mới")
    UPDATE = "UPDATE", _("Sửa")
    DELETE = "DELETE", _("Xóa")
    READ = "READ", _("Xem dữ liệu cá nhân")
    LOGIN = "LOGIN", _("Đăng nhập")
    LOGIN_FAILED = "LOGIN_FAILED", _("Đăng nhập thất bại")
    LOGOUT = "LOGOUT", _("Đăng xuất")


class AppendOnlyError(Exception):
    """Raised on any attempt to change or remove an audit row."""


class AuditEntryQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AppendOnlyError("Nhật ký kiểm toán chỉ được ghi thêm, không được sửa.")

    def delete(self):
        raise AppendOnlyError("Nhật ký kiểm toán chỉ được ghi thêm, không được xóa.")

    def visible_to(self, user):
        """Superusers see everything; a system admin sees entries about units in the scope of
        their SYSTEM_ADMIN assignments and entries made by users holding a role there. A system
        admin at a root of the tree also sees entries tied to no unit (accounts, catalogues)."""
        if not (user.is_authenticated and user.is_active):
            return self.none()
        if user.is_superuser:
            return self
        condition = Q(pk__in=[])
        scopes = user.role_assignments.filter(role=AUDITOR_ROLE).values_list(
            "organization__path", "organization__depth", "include_descendants")
        for path, depth, descendants in scopes:
            if descendants:
                condition |= Q(unit_path__startswith=path)
                condition |= Q(actor__role_assignments__organization__path__startswith=path)
                if depth == 1:
                    condition |= Q(unit_path="")
            else:
                condition |= Q(unit_path=path)
        return self.filter(pk__in=self.filter(condition).values("pk"))


class AuditEntry(models.Model):
    """Who did what to which object, when and from where, with old → new values."""

    at = models.DateTimeField(_("thời điểm"), db_index=True)
    # No database constraint: removing a user must never touch (or be blocked by) the log.
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, models.DO_NOTHING, null=True,
                              db_constraint=False, related_name="+",
                              verbose_name=_("người thực hiện"))
    actor_name = models.CharField(_("tài khoản"), max_length=150, blank=True)
    ip = models.CharField(_("địa chỉ IP"), max_length=45, blank=True)
    action = models.CharField(_("hành động"), max_length=16, choices=Action.choices)
    model = models.CharField(_("loại dữ liệu"), max_length=100, blank=True, db_index=True)
    object_id = models.CharField(_("mã đối tượng"), max_length=64, blank=True)
    object_repr = models.CharField(_("đối tượng"), max_length=300, blank=True)
    unit_path = models.CharField(_("đơn vị liên quan"), max_length=255, blank=True, db_index=True)
    changes = models.JSONField(_("thay đổi"), default=dict, blank=True)
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64, unique=True)
    # The THIDUA_AUDIT_KEYS id the hash is a MAC under; blank on entries written before the log
    # was keyed (plain SHA-256, see ``compute_hash``).
    key_id = models.CharField(max_length=32, blank=True, default="")

    objects = AuditEntryQuerySet.as_manager()

    class Meta:
        verbose_name = _("mục nhật ký kiểm toán")
        verbose_name_plural = _("nhật ký kiểm toán")
        ordering = ["-pk"]
        indexes = [models.Index(fields=["model", "object_id"], name="audit_object")]

    def __str__(self):
        return f"{self.at:%d/%m/%Y %H:%M} {self.actor_name} {self.action} {self.object_repr}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AppendOnlyError("Nhật ký kiểm toán chỉ được ghi thêm, không được sửa.")
        super().save(*args, force_insert=True, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("Nhật ký kiểm toán chỉ được ghi thêm, không được xóa.")

    def content(self):
        """The row's content in one canonical form (what the hash covers)."""
        return json.dumps({
            "at": self.at.astimezone(UTC).isoformat(timespec="microseconds"),
            "actor": self.actor_id, "actor_name": self.actor_name, "ip": self.ip,
            "action": self.action, "model": self.model, "object_id": self.object_id,
            "object_repr": self.object_repr, "unit_path": self.unit_path, "changes": self.changes,
        }, sort_keys=True, ensure_ascii=False, separators=(",", ":"))

    def compute_hash(self):
        """HMAC-SHA256 of the previous hash and this row's content under the key ``key_id``
        (``keys.UnknownKey`` if the settings lack it); plain SHA-256 for entries written before
        the log was keyed, which ``chain.verify`` accepts only before the first keyed entry."""
        message = self.prev_hash + self.content()
        if not self.key_id:
            return hashlib.sha256(message.encode()).hexdigest()
        return keys.mac(self.key_id, message)
