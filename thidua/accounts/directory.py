"""Finding who holds a role at a unit, for notifications."""
from django.db.models import Q

from .models import User


def users_with_roles(organization, roles):
    """Active users holding one of ``roles`` at ``organization`` or above it (with subtree)."""
    ancestors = organization.ancestor_paths()
    return User.objects.filter(is_active=True).filter(
        Q(role_assignments__organization=organization, role_assignments__role__in=roles)
        | Q(role_assignments__organization__path__in=ancestors,
            role_assignments__include_descendants=True, role_assignments__role__in=roles)
    ).distinct()
