"""The permission check a service starts with."""
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _


def require(user, perm, obj):
    """Refuse (``PermissionDenied``, with a Vietnamese message) unless ``user`` holds ``perm`` on
    ``obj``; a missing ``obj`` (no unit chosen, a unit outside the tree) is refused too."""
    if obj is None or not user.has_perm(perm, obj):
        deny()


def deny():
    """Refuse the current user an action, with the same Vietnamese message everywhere."""
    raise PermissionDenied(_("Bạn không có quyền thực hiện thao tác này."))
