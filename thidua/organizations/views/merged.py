"""A write page asked for on a merged unit (``rules.unit_not_merged``)."""
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect


def refuse(request, unit):
    """Refuse a write the user's permission check turned down: on a merged unit the user may see,
    back to its page with why ("Đơn vị đã sáp nhập vào … từ …"); otherwise 403."""
    if unit.is_merged and request.user.has_perm("organizations.view_organization", unit):
        messages.error(request, unit.merged_note())
        return redirect(unit)
    raise PermissionDenied
