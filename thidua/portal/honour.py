"""The honour roll: keeping ``HonourEntry`` in step with the award registry, and reading it."""
from django.db import transaction
from django.db.models import Q

from thidua.awards.models import Award, AwardStatus
from thidua.core.text import normalize
from thidua.organizations.models import Employment, Organization

from .models import HonourEntry

ALLIANCE_DEPTH = 2  # VCA → provincial alliances and VCA units


def alliance_path(path):
    return path[:Organization.steplen * ALLIANCE_DEPTH]


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


@transaction.atomic
def refresh_award(award):
    HonourEntry.objects.filter(award_id=award.pk).delete()
    entry = entry_for(award)
    if entry is not None:
        entry.save()
    return entry


def rebuild(only_missing=False, batch_size=5000):
    """Rebuild the roll from the registry (after bulk imports), or with ``only_missing`` add the
    awards that have no entry yet; returns the number of entries written."""
    awards = Award.objects.filter(status=AwardStatus.ACTIVE)
    if only_missing:
        awards = awards.filter(honour_entry__isnull=True)
    else:
        HonourEntry.objects.all().delete()
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
    the site's own."""
    path = site.organization.path
    if unit is not None and unit.path.startswith(path):
        path = unit.path
    entries = HonourEntry.objects.select_related("award_type")
    if len(path) == len(alliance_path(path)) == Organization.steplen * ALLIANCE_DEPTH:
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
