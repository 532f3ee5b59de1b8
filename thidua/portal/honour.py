"""The honour roll: keeping ``HonourEntry`` in step with the award registry, and reading it."""
from django.db import transaction
from django.db.models import Q

from thidua.awards.models import Award, AwardStatus
from thidua.core.scopes import system
from thidua.core.text import normalize
from thidua.organizations import tree
from thidua.organizations.models import Employment

from .models import HonourEntry

ALLIANCE_DEPTH = 2  # VCA → provincial alliances and VCA units


def alliance_path(path):
    return tree.ancestor_path(path, ALLIANCE_DEPTH)


def _unit_of(award):
    """The recipient's unit: the collective itself, or the person's unit in the award year."""
    if award.organization_id:
        return award.organization
    employments = Employment.objects.filter(person_id=award.person_id).select_related(
        "organization").order_by("-start_date", "-pk")
    in_year = employments.filter(
        Q(start_date__isnull=True) | Q(start_date__year__lte=award.year),
        Q(end_date__isnull=True) | Q(end_date__year__gte=award.year)).first()
    chosen = in_year or employments.first()
    return chosen.organization if chosen else None


def entry_for(award):
    """An unsaved HonourEntry for ``award``, or None when it must not be on the roll."""
    if award.status != AwardStatus.ACTIVE:
        return None
    unit = _unit_of(award)
    if unit is None:
        return None
    recipient = award.organization.name if award.organization_id else award.person.full_name
    return HonourEntry(
        award=award, unit_path=unit.path, alliance_path=alliance_path(unit.path),
        unit_name=unit.name, province_code=unit.province_code,
        province_name=unit.province_name, recipient_name=recipient,
        is_collective=bool(award.organization_id), award_type_id=award.award_type_id,
        year=award.year, decision_number=award.decision_number,
        decision_date=award.decision_date, issuer_name=award.issuer_name,
        search_text=normalize(f"{recipient} {unit.name}")[:600])


def _delete_entries(entries):
    """Derived rows go without a signal each (``QuerySet.delete`` would send one per row, and
    the audit log would write a line for each)."""
    return entries._raw_delete(entries.db)


@transaction.atomic
@system("the public honour roll is derived from every award just written")
def refresh_awards(award_ids):
    """Replace the entries of the awards ``award_ids`` (just written by an award service, see
    ``awards.followups``): one for each that is active and has a unit, none for the others."""
    _delete_entries(HonourEntry.objects.filter(award_id__in=award_ids))
    awards = Award.objects.filter(pk__in=award_ids).select_related("person", "organization")
    entries = [entry for entry in map(entry_for, awards) if entry is not None]
    return HonourEntry.objects.bulk_create(entries, batch_size=2000)


@transaction.atomic
def rebuild(only_missing=False, batch_size=5000):
    """Rebuild the roll from the registry (nightly, so a person's move between units reaches
    the roll; and from ``manage.py refresh_honour_roll``), or with ``only_missing`` add the
    awards that have no entry yet; returns the number of entries written."""
    awards = Award.objects.filter(status=AwardStatus.ACTIVE)
    if only_missing:
        awards = awards.filter(honour_entry__isnull=True)
    else:
        _delete_entries(HonourEntry.objects.all())
    awards = awards.select_related("person", "organization").order_by("pk")
    buffer, written = [], 0
    for award in awards.iterator(chunk_size=batch_size):
        entry = entry_for(award)
        if entry is not None:
            buffer.append(entry)
        if len(buffer) >= batch_size:
            written += len(HonourEntry.objects.bulk_create(buffer))
            buffer = []
    written += len(HonourEntry.objects.bulk_create(buffer))
    return written


def roll(site, year=None, award_type=None, province=None, unit=None, query=""):
    """The site's honour roll, newest first, filtered; the unit filter narrows to a subtree of
    the site's own, and every word of ``query`` must appear in the name or unit."""
    path = site.organization.path
    if unit is not None and tree.is_within(unit.path, path):
        path = unit.path
    entries = HonourEntry.objects.select_related("award_type")
    if tree.depth(path) == ALLIANCE_DEPTH:
        entries = entries.filter(alliance_path=path)
    else:
        entries = entries.filter(unit_path__startswith=path)
    if year:
        entries = entries.filter(year=year)
    if award_type:
        entries = entries.filter(award_type=award_type)
    if province:
        entries = entries.filter(province_code=province)
    for term in normalize(query).split():
        entries = entries.filter(search_text__contains=term)
    return entries.order_by("-year", "-pk")


def unit_merged(user, absorbed, successor):
    """The follow-up of a merger (``organizations.merging``): entries of the units that moved
    from under ``absorbed`` get their new place (their old paths still start with its path)."""
    moved = HonourEntry.objects.filter(unit_path__startswith=absorbed.path).exclude(
        unit_path=absorbed.path)
    return refresh_awards(list(moved.values_list("award_id", flat=True)))


@system("the honour roll entries of the awards of people just moved by a split")
def people_moved(user, person_ids):
    """The follow-up of a split (``organizations.splitting``): the awards of the people it moved
    are placed again (an award of the split's year now shows the new unit, where they are at the
    year's end; earlier years keep the old unit)."""
    return refresh_awards(list(Award.objects.filter(person_id__in=person_ids)
                               .values_list("pk", flat=True)))
