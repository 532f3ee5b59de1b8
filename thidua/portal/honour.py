"""The honour roll: keeping ``HonourEntry`` in step with the award registry, and reading it.

Name search matches by word start, accents ignored ("le ha" finds Lê Thị Hà and the unit Hợp
tác xã Hà Lê, not Thanh Lê), over the recipient's name and unit (``search_text``). On PostgreSQL
a page of a search is found one of two ways (``search_page``), so that neither a name on every
fifth row ("nguyen van") nor one on a few rows ("dang van hung") reads more than a bounded part
of a roll of millions:

* newest first, through the roll's (year, id) index, whose entries carry ``search_text``
  (INCLUDE): over at most ``SEARCH_WINDOW`` entries, without reading the table (a LIKE, then
  the word-start regular expression: 50,000 entries in ~12 ms). A frequent name fills its page
  within the first hundreds.
* otherwise the name is rare: every match comes from one GIN index over the entries' keys
  (``CREATE_KEYS_INDEX``: word prefixes, and the roll's filters) and is sorted; there are at
  most a few thousand, because the ``SEARCH_WINDOW`` newest entries held fewer than a page.

Leaving that choice to the planner was measured at p95 2.3 s and up to 38 s (bench/RESULTS.md,
Portal): it cannot know how often a prefix occurs."""
from django.db import connection, transaction
from django.db.models import F, Q

from thidua.awards.models import Award, AwardStatus
from thidua.core.scopes import system
from thidua.core.text import normalize
from thidua.core.word_search import WordPrefixes, query_words
from thidua.organizations import tree
from thidua.organizations.models import Employment
from thidua.organizations.search_keys import FUNCTION

from .models import HonourEntry

ALLIANCE_DEPTH = 2  # VCA → provincial alliances and VCA units
#: Entries a search walks newest first before it asks the word-key index (see the docstring).
SEARCH_WINDOW = 50_000
#: An entry's keys (PostgreSQL): every prefix of every word (the people's key function) and
#: "#a<alliance path>", "#y<year>", "#t<award type>", "#p<province>" for the roll's filters, so
#: that a rare name in one province or year is one intersection of one index. It keeps the
#: search_path it was created with: pg_restore builds the index with an empty one, where the
#: people's function it calls would not be found (portal 0005).
KEYS_FUNCTION = "thidua_honour_search_keys"
CREATE_KEYS_FUNCTION = f"""
CREATE OR REPLACE FUNCTION {KEYS_FUNCTION}(search_text text, alliance_path text, year integer,
                                           award_type_id bigint, province_code integer)
RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE SET search_path FROM CURRENT AS $$
  SELECT {FUNCTION}(search_text, NULL) || ARRAY['#a' || alliance_path, '#y' || year,
    '#t' || award_type_id, '#p' || coalesce(province_code::text, '')]
$$"""  # nosec B608 - a constant
KEYS_COLUMNS = ("search_text", "alliance_path", "year", "award_type_id", "province_code")
CREATE_KEYS_INDEX = ("CREATE INDEX IF NOT EXISTS portal_honour_search_keys ON portal_honourentry "
                     f"USING gin ({KEYS_FUNCTION}({', '.join(KEYS_COLUMNS)}))")


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


class EntryKeys(WordPrefixes):
    """Every one of ``words`` starts a word of the entry's name or unit; on PostgreSQL these are
    keys of the word-key index, with the ``filters`` (alliance, year, award_type, province) as
    keys of the same index. Elsewhere only the words: filter the columns too."""

    def __init__(self, words, **filters):
        super().__init__(words)
        self.filters = {name: value for name, value in filters.items() if value}

    def as_postgresql(self, compiler, connection):
        prefixes = {"alliance": "#a", "year": "#y", "award_type": "#t", "province": "#p"}
        keys = [*self.words, *(prefixes[name] + str(getattr(value, "pk", value))
                               for name, value in self.filters.items())]
        return (f"{KEYS_FUNCTION}({', '.join(KEYS_COLUMNS)}) @> %s::text[]", [keys])


def _path(site, unit):
    path = site.organization.path
    return unit.path if unit is not None and tree.is_within(unit.path, path) else path


def roll(site, year=None, award_type=None, province=None, unit=None, query=""):
    """The site's honour roll, newest first, filtered; the unit filter narrows to a subtree of
    the site's own, and every word of ``query`` must start a word of the name or unit."""
    path = _path(site, unit)
    entries = HonourEntry.objects.select_related("award_type")
    if tree.depth(path) == ALLIANCE_DEPTH:
        entries = entries.filter(alliance_path=path)
    elif tree.depth(path) < ALLIANCE_DEPTH:  # the same rows; the column the roll's index carries
        entries = entries.filter(alliance_path__startswith=path)
    else:
        entries = entries.filter(unit_path__startswith=path)
    if year:
        entries = entries.filter(year=year)
    if award_type:
        entries = entries.filter(award_type=award_type)
    if province:
        entries = entries.filter(province_code=province)
    words = query_words(query)
    if words:
        entries = entries.filter(EntryKeys(words))
    return entries.order_by("-year", "-pk")


def search_page(site, start, size, query="", year=None, award_type=None, province=None,
                unit=None):
    """Entries ``start`` to ``start + size`` of ``roll(site, ...)`` with the same arguments."""
    words = query_words(query)
    filters = {"year": year, "award_type": award_type, "province": province, "unit": unit}
    if not words or connection.vendor != "postgresql":
        return list(roll(site, query=query, **filters)[start:start + size])
    wanted = start + size
    ids = _newest_matches(roll(site, year=year, unit=unit), words, wanted, award_type, province)
    if len(ids) < wanted:  # (or the roll is shorter than the window: then there are few)
        ids = _every_match(site, words, wanted, **filters)
    found = HonourEntry.objects.select_related("award_type").in_bulk(ids[start:])
    return [found[pk] for pk in ids[start:] if pk in found]


def _newest_matches(entries, words, wanted, award_type=None, province=None):
    """The ids of the first ``wanted`` matches of ``words`` (and of the type and province, which
    the walk's index carries but does not order by) among the ``SEARCH_WINDOW`` newest of
    ``entries``, read from the (year, id) index alone."""
    window = SEARCH_WINDOW * (3 if award_type or province else 1)  # they pass fewer entries
    newest, params = entries.values(found=F("pk"), searched=F("search_text"), kind=F(
        "award_type_id"), province=F("province_code"))[:window].query.sql_with_params()
    # Words are letters and digits: nothing to escape. LIKE first, as it is cheaper.
    conditions = ["newest.searched LIKE %s AND newest.searched ~ %s" for _ in words]
    values = [value for word in words for value in (f"%{word}%", f"(^|[^[:alnum:]]){word}")]
    for column, value in (("kind", getattr(award_type, "pk", None)), ("province", province)):
        if value:
            conditions.append(f"newest.{column} = %s")
            values.append(value)
    return _ids(f"SELECT newest.found FROM ({newest}) newest "  # nosec B608
                f"WHERE {' AND '.join(conditions)} LIMIT %s", [*params, *values, wanted])


def _every_match(site, words, wanted, unit=None, **filters):
    """The ids of the first ``wanted`` of every match: all of them from the word-key index (the
    roll's filters are keys too: one intersection, no table row read to filter), then sorted;
    MATERIALIZED keeps the planner from walking the roll in order instead."""
    path = _path(site, unit)
    alliance = alliance_path(path) if tree.depth(path) >= ALLIANCE_DEPTH else None
    hits = HonourEntry.objects.filter(EntryKeys(words, alliance=alliance, **filters))
    if tree.depth(path) > ALLIANCE_DEPTH:
        hits = hits.filter(unit_path__startswith=path)
    sql, params = hits.order_by().values(found=F("pk"), newest=F("year")).query \
        .sql_with_params()
    return _ids(f"WITH hits AS MATERIALIZED ({sql}) SELECT found FROM hits "  # nosec B608
                "ORDER BY newest DESC, found DESC LIMIT %s", [*params, wanted])


def _ids(sql, params):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [row[0] for row in cursor.fetchall()]


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
