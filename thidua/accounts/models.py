import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from thidua.audit.recording import audited_update


class Role(models.TextChoices):
    SYSTEM_ADMIN = "SYSTEM_ADMIN", _("Quản trị hệ thống")
    EC_OFFICER = "EC_OFFICER", _("Cán bộ thi đua – khen thưởng")
    APPRAISER = "APPRAISER", _("Cán bộ thẩm định")
    COUNCIL_MEMBER = "COUNCIL_MEMBER", _("Thành viên Hội đồng TĐKT")
    COUNCIL_SECRETARY = "COUNCIL_SECRETARY", _("Thư ký Hội đồng TĐKT")
    SIGNER = "SIGNER", _("Người ký quyết định")
    UNIT_REPORTER = "UNIT_REPORTER", _("Cán bộ báo cáo của đơn vị")
    PORTAL_EDITOR = "PORTAL_EDITOR", _("Biên tập viên cổng thông tin")
    MODERATOR = "MODERATOR", _("Người kiểm duyệt bình luận")
    VIEWER = "VIEWER", _("Người xem")


class User(AbstractUser):
    """A person who signs in. What they may do comes from their RoleAssignments."""

    is_demo = models.BooleanField(
        _("tài khoản demo"), default=False,
        help_text=_("Tài khoản dùng mật khẩu demo; production từ chối chạy khi còn tài khoản này."),
    )
    history = HistoricalRecords(excluded_fields=["password", "last_login"])

    class Meta:
        verbose_name = _("người dùng")
        verbose_name_plural = _("người dùng")

    def __str__(self):
        return self.get_full_name() or self.username

    def save(self, *args, **kwargs):
        """Saving a new password (``set_password``: the password change and reset pages, the
        admin, ``changepassword``) or a deactivation revokes the user's API tokens, logged. A
        rehash at sign-in is not a new password and revokes nothing."""
        password_changed = self._password is not None
        super().save(*args, **kwargs)
        if password_changed or not self.is_active:
            self.api_tokens.revoke(Revocation.PASSWORD if self.is_active else
                                   Revocation.DEACTIVATED)

    def role_keys(self):
        return sorted(f"{a.role}@{a.organization_id}{'+' if a.include_descendants else ''}"
                      for a in self.role_assignments.all())

    def get_full_name(self):
        """Vietnamese order: family and middle names (``last_name``) before the given name."""
        return " ".join(part for part in (self.last_name, self.first_name) if part).strip()


class RoleAssignment(models.Model):
    """Grants ``role`` at ``organization`` and, when ``include_descendants``, at every unit under it."""

    user = models.ForeignKey(User, models.CASCADE, related_name="role_assignments",
                             verbose_name=_("người dùng"))
    organization = models.ForeignKey("organizations.Organization", models.CASCADE,
                                     related_name="role_assignments", verbose_name=_("đơn vị"))
    role = models.CharField(_("vai trò"), max_length=32, choices=Role.choices)
    include_descendants = models.BooleanField(_("gồm các đơn vị cấp dưới"), default=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("phân quyền")
        verbose_name_plural = _("phân quyền")
        constraints = [
            models.UniqueConstraint(fields=["user", "organization", "role"],
                                    name="unique_role_per_user_and_organization"),
        ]

    def __str__(self):
        return f"{self.user} — {self.get_role_display()} — {self.organization}"

    def delete(self, *args, **kwargs):
        """A role taken away stops the user's API tokens (a token holds the roles it was made
        with; ``tokens.check`` also refuses one whose roles were removed by a bulk delete)."""
        result = super().delete(*args, **kwargs)
        self.user.api_tokens.revoke(Revocation.ROLE_LOST)
        return result


class Revocation(models.TextChoices):
    BY_USER = "BY_USER", _("Người dùng thu hồi")
    PASSWORD = "PASSWORD", _("Mật khẩu đã đổi")
    DEACTIVATED = "DEACTIVATED", _("Tài khoản bị khóa")
    ROLE_LOST = "ROLE_LOST", _("Vai trò bị thu hồi")


class ApiTokenQuerySet(models.QuerySet):
    def revoke(self, reason):
        """Revoke the live tokens among these, each with an audit entry; returns how many."""
        return audited_update(self.filter(revoked_at__isnull=True), revoked_at=timezone.now(),
                              revoked_reason=reason)

    def live(self):
        return self.filter(revoked_at__isnull=True, expires_at__gt=timezone.now())


class ApiToken(models.Model):
    """A personal API token; only its SHA-256 digest is stored, the key is shown once. It acts
    with its user's current state (``tokens.authenticate``): it expires, and a password change,
    a deactivation or a lost role revokes it."""

    user = models.ForeignKey(User, models.CASCADE, related_name="api_tokens")
    name = models.CharField(_("tên gợi nhớ"), max_length=100)
    digest = models.CharField(max_length=64, unique=True, editable=False)
    prefix = models.CharField(max_length=8, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    expires_at = models.DateTimeField(_("hết hạn lúc"))
    revoked_at = models.DateTimeField(_("thu hồi lúc"), null=True, blank=True)
    revoked_reason = models.CharField(_("lý do thu hồi"), max_length=16, blank=True,
                                      choices=Revocation.choices)
    roles = models.JSONField(default=list, editable=False)  # User.role_keys() when issued

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        verbose_name = _("mã truy cập API")
        verbose_name_plural = _("mã truy cập API")

    def __str__(self):
        return f"{self.name} ({self.prefix}…)"

    @staticmethod
    def digest_of(key):
        return hashlib.sha256(key.encode()).hexdigest()

    @classmethod
    def issue(cls, user, name):
        """Create a token valid THIDUA_API_TOKEN_DAYS and return (token, key); the key cannot be
        recovered later."""
        key = secrets.token_urlsafe(32)
        token = cls.objects.create(
            user=user, name=name, prefix=key[:8], digest=cls.digest_of(key),
            expires_at=timezone.now() + timedelta(days=settings.THIDUA_API_TOKEN_DAYS),
            roles=user.role_keys())
        return token, key

    @property
    def expired(self):
        return self.expires_at <= timezone.now()
