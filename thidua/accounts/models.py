from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


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


class ApiToken(models.Model):
    """A personal API token; only its SHA-256 digest is stored, the key is shown once."""

    user = models.ForeignKey(User, models.CASCADE, related_name="api_tokens")
    name = models.CharField(_("tên gợi nhớ"), max_length=100)
    digest = models.CharField(max_length=64, unique=True, editable=False)
    prefix = models.CharField(max_length=8, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("mã truy cập API")
        verbose_name_plural = _("mã truy cập API")

    def __str__(self):
        return f"{self.name} ({self.prefix}…)"

    @classmethod
    def issue(cls, user, name):
        """Create a token and return (token, key); the key cannot be recovered later."""
        import hashlib
        import secrets

        key = secrets.token_urlsafe(32)
        token = cls.objects.create(user=user, name=name, prefix=key[:8],
                                   digest=hashlib.sha256(key.encode()).hexdigest())
        return token, key

    @classmethod
    def authenticate(cls, key):
        import hashlib

        from django.utils import timezone

        token = cls.objects.select_related("user").filter(
            digest=hashlib.sha256(key.encode()).hexdigest(), user__is_active=True).first()
        if token:
            cls.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
            return token.user
        return None
