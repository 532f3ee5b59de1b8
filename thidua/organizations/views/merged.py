"""A write page asked for on a merged or dissolved unit (``rules.unit_active``)."""
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect


def refuse(request, unit):
    """Refuse a write the user's permission check turned down: on a merged or dissolved unit the
    user may see, back to its page with why ("Đơn vị đã sáp nhập vào … từ …"); otherwise 403."""
    if not unit.is_active and request.user.has_perm("organizations.view_organization", unit):
        messages.error(request, unit.closed_note())
        return redirect(unit)
    raise PermissionDenied
