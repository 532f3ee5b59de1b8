"""Merging one unit into another on a given day, as the 2025 merger of provincial alliances did.

``merge_unit`` is the one state change: the units below the absorbed one move under its successor,
the people employed at it go on at the successor (``_move_people``) and pending transfers into or
out of it follow (``transfers.unit_merged``), its accounts move there or
are locked (the administrator chooses), it is marked merged with the day and the successor, and
what lives in higher apps follows by name (``FOLLOW_UPS``: open dossiers change hands, movements,
open registrations and report rounds pass on, the award summaries and the honour roll re-anchor
the moved units). Records already made keep pointing at the absorbed
unit, so old decisions, awards and documents keep the name they were issued under.
"""
from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

from thidua.accounts.models import RoleAssignment, User
from thidua.audit.recording import audited_update
from thidua.core.permissions import require

from . import services, transfers, unit_scope
from .models import Employment, Organization, OrganizationStatus

MOVE_ACCOUNTS, LOCK_ACCOUNTS = "move", "lock"
# Higher apps, named by dotted path because a lower app never imports them.
FOLLOW_UPS = ("thidua.nominations.workflow.merging.unit_merged",
              "thidua.movements.merging.unit_merged",
              "thidua.reports.summaries.unit_merged",
              "thidua.portal.honour.unit_merged")


def check_merge(absorbed, successor, day):
    """Refuse a merge that cannot be: the reason in Vietnamese (``ValidationError``)."""
    if absorbed.pk == successor.pk:
        raise ValidationError(_("Không thể sáp nhập một đơn vị vào chính nó."))
    if successor.is_within(absorbed):
        raise ValidationError(_("Không thể sáp nhập vào một đơn vị trực thuộc chính đơn vị này."))
    if not absorbed.is_active or not successor.is_active:
        raise ValidationError(_("Chỉ sáp nhập được giữa hai đơn vị đang hoạt động."))
    if day > timezone.localdate():
        raise ValidationError(_("Ngày sáp nhập không được ở tương lai."))


@transaction.atomic
def merge_unit(user, absorbed, successor, day, accounts=LOCK_ACCOUNTS):
    """Merge ``absorbed`` into ``successor`` from ``day``. The user must edit the network both
    where the absorbed unit sits (its parent) and at the successor. Returns the number of units
    moved under the successor."""
    parent = Organization.objects.get_parent(absorbed)
    require(user, "organizations.change_organization", parent or absorbed)
    require(user, "organizations.change_organization", successor)
    absorbed = Organization.objects.select_for_update().get(pk=absorbed.pk)
    successor = Organization.objects.select_for_update().get(pk=successor.pk)
    check_merge(absorbed, successor, day)
    children = list(Organization.objects.children_of(absorbed))
    for child in children:  # fresh rows each time: a move rewrites paths under the successor
        Organization.objects.move(Organization.objects.get(pk=child.pk),
                                  Organization.objects.get(pk=successor.pk), "last-child")
    _refresh_people_below(children)
    _move_people(user, absorbed, successor, day)
    transfers.unit_merged(user, absorbed, successor, day)
    _hand_over_accounts(absorbed, successor, accounts)
    absorbed.refresh_from_db()
    absorbed.status, absorbed.status_date, absorbed.merged_into = (
        OrganizationStatus.MERGED, day, successor)
    absorbed._history_user = user
    absorbed.save()
    for name in FOLLOW_UPS:
        import_string(name)(user, absorbed, successor)
    return len(children)


def _refresh_people_below(moved):
    """The people working anywhere under the moved units now sit under new ancestors."""
    units = Organization.objects.none()
    for unit in Organization.objects.filter(pk__in=[u.pk for u in moved]):
        units |= Organization.objects.subtree(unit, include_self=True)
    unit_scope.refresh(Employment.objects.filter(organization__in=units.values("pk"))
                       .values_list("person_id", flat=True).distinct())


def _move_people(user, absorbed, successor, day):
    """Each employment at ``absorbed`` still running on ``day`` ends the day before and goes on at
    ``successor`` from ``day`` (same position, category, direct-worker flag and planned end),
    through the people services: audited, unit scopes refreshed, the user's rights checked.

    Why the day before: ``day`` is the absorbed unit's first day as merged (``status_date``), and
    a transfer ends the old row the day before the new one starts (``add_employment``). A current
    employment is one whose end is today or later (``scoping.current_employment_q``), so a row
    ending on ``day`` itself would count the person as a member of both units on the merger day;
    ending the day before, the successor's members (its collective titles) include them from
    ``day`` and the absorbed unit has none left. The person's record keeps the old row, so the
    years before the merger still show the absorbed unit (and its name), and the merger's year
    shows the successor, where they are at the year's end (``portal.honour``: latest start).
    Employments at other units, concurrent ones included, are left as they are. A namesake
    already at the successor does not stop the merger (``confirmed``): it moves people as they
    are and makes no new person, so a duplicate it brings together was one before."""
    running = (Employment.objects.filter(organization=absorbed)
               .filter(Q(end_date__isnull=True) | Q(end_date__gte=day))
               .select_related("person").order_by("pk"))
    for job in running:
        services.add_employment(user, job.person, job.continued_at(
            successor, day, end_date=job.end_date), confirmed=True)
        services.end_employment(user, job, day - timedelta(days=1))


def _hand_over_accounts(absorbed, successor, accounts):
    assignments = RoleAssignment.objects.filter(organization=absorbed)
    if accounts == MOVE_ACCOUNTS:
        held = set(RoleAssignment.objects.filter(organization=successor)
                   .values_list("user_id", "role"))
        moving = [a for a in assignments if (a.user_id, a.role) not in held]
        audited_update(RoleAssignment.objects.filter(pk__in=[a.pk for a in moving]),
                       organization=successor)
        return
    elsewhere = RoleAssignment.objects.exclude(organization=absorbed).values("user_id")
    audited_update(User.objects.filter(pk__in=assignments.values("user_id"), is_active=True)
                   .exclude(pk__in=elsewhere), is_active=False)
