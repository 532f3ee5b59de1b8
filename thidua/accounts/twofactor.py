"""Two-factor sign-in: who must use it, enrolment with a TOTP app and recovery codes."""
import segno
from django.conf import settings
from django.db import transaction
from django_otp import user_has_device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from .models import Role

# Those who sign decisions or administer the system must prove a second factor.
SECOND_FACTOR_ROLES = frozenset({Role.SYSTEM_ADMIN, Role.SIGNER})
TOTP_NAME = "app"
RECOVERY_NAME = "recovery"


def is_required(user):
    """True when ``user`` may not work without a second factor (THIDUA_REQUIRE_2FA)."""
    if not settings.THIDUA_REQUIRE_2FA:
        return False
    return user.is_superuser or user.role_assignments.filter(
        role__in=SECOND_FACTOR_ROLES).exists()


def is_enrolled(user):
    return user_has_device(user, confirmed=True)


def pending_device(user):
    """The unconfirmed TOTP device shown during enrolment (one per user, re-used on reload)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name=TOTP_NAME, confirmed=False)


def qr_svg(device):
    """The otpauth:// URL of ``device`` as an inline SVG QR code (no script, no external image)."""
    return segno.make(device.config_url, error="m").svg_inline(scale=4, title="otpauth")


@transaction.atomic
def confirm(user, device, token):
    """Confirm enrolment when ``token`` is right; replaces any earlier app device and returns fresh
    recovery codes, or None when the token is wrong."""
    if not device.verify_token(token):
        return None
    TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save()
    return new_recovery_codes(user)


@transaction.atomic
def new_recovery_codes(user):
    """Replace the user's recovery codes with THIDUA_RECOVERY_CODES new single-use ones."""
    device, _created = StaticDevice.objects.get_or_create(user=user, name=RECOVERY_NAME)
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(settings.THIDUA_RECOVERY_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes
