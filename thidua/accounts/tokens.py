"""API sign-in by personal token: the token acts with its user's current state.

A token is refused, with a message saying why, when it was revoked (by its user, a password
change or reset, a deactivation, a role taken away), has expired, or when its user must use two-
factor sign-in (``twofactor.is_required``) and has not enrolled: the API cannot ask for a second
factor, so it follows the pages, which send such a user to enrolment first."""
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from . import twofactor
from .models import ApiToken, Revocation


class TokenRefused(Exception):
    """The token is known but may not be used now; ``str()`` says why, in Vietnamese."""


def authenticate(key):
    """The user ``key`` signs in, None for an unknown key, or TokenRefused."""
    token = ApiToken.objects.select_related("user").filter(
        digest=ApiToken.digest_of(key)).first()
    if token is None:
        return None
    user = token.user
    if token.revoked_at is None and not user.is_active:
        ApiToken.objects.filter(pk=token.pk).revoke(Revocation.DEACTIVATED)
        token.refresh_from_db()
    if token.revoked_at is None and not set(token.roles) <= set(user.role_keys()):
        ApiToken.objects.filter(pk=token.pk).revoke(Revocation.ROLE_LOST)
        token.refresh_from_db()
    if token.revoked_at:
        raise TokenRefused(_("Mã truy cập “%(name)s” đã bị thu hồi lúc %(at)s (%(reason)s). Hãy "
                             "tạo mã mới ở trang Tài khoản của tôi.") % {
            "name": token.name, "reason": token.get_revoked_reason_display().lower(),
            "at": formats.date_format(timezone.localtime(token.revoked_at),
                                      "SHORT_DATETIME_FORMAT")})
    if token.expired:
        raise TokenRefused(_("Mã truy cập “%(name)s” đã hết hạn ngày %(date)s. Hãy tạo mã mới ở "
                             "trang Tài khoản của tôi.") % {
            "name": token.name, "date": formats.date_format(timezone.localtime(token.expires_at),
                                                            "SHORT_DATE_FORMAT")})
    if twofactor.is_required(user) and not twofactor.is_enrolled(user):
        raise TokenRefused(_("Vai trò của tài khoản này bắt buộc xác thực hai bước, nhưng tài "
                             "khoản chưa bật. Hãy đăng nhập trang web và bật xác thực hai bước; "
                             "mã truy cập sẽ dùng được lại."))
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
    return user
