"""Build the eligibility engine's input from the registry, in a fixed number of queries.

For people, one query (a UNION ALL of ratings, awards, initiatives, disciplines and holds, read as
plain tuples) per list of up to ``CHUNK`` people, whatever its length, so the same code serves one
person on a nomination form and a whole province in the "who qualifies" report; the national
recompute reads ranges of primary keys the same way (``individuals_between``) and hands the engine
parsed subjects. For units, one query per kind of fact (and their members' facts).
"""
from collections import defaultdict
from datetime import date
from functools import cache

from django.db import connection
from django.db.models import Q
from django.utils import timezone

from thidua.core import scopes
from thidua.legal.models import Regime
from thidua.organizations.models import Employment, Person
from thidua.organizations.scoping import current_employment_q
from thidua.records.models import Initiative, InitiativeScope

from . import regimes, succession
from .eligibility import evaluate, individual_subject
from .eligibility.individual import RATINGS_READ
from .issuers import Issuer
from .issuing import power_table
from .models import AnnualRating, Award, AwardStatus, AwardType, Discipline, DisciplineLevel, Hold

HISTORY_YEARS = 12  # enough for BK_TTG windows and CSTD_TQ cycles
CHUNK = 2000

# Eligibility judges the whole record of the subjects its caller holds (years under a merged
# unit's predecessors included), whoever asks: system reads.
whole_record = scopes.system("eligibility judges the whole record of the subjects its caller holds")


def _chunks(ids, size=CHUNK):
    ids = list(ids)
    for start in range(0, len(ids), size):
        yield ids[start:start + size]


def _ratings(field, ids, first_year):
    found = defaultdict(dict)
    rows = AnnualRating.objects.filter(**{f"{field}__in": ids, "year__gte": first_year})
    for owner, year, rating in rows.values_list(field, "year", "rating"):
        found[owner][str(year)] = rating
    return found


def _awards(field, ids):
    found = defaultdict(list)
    rows = Award.objects.filter(**{f"{field}__in": ids}).values_list(
        field, "award_type__code", "year", "status", "issuer__kind", "decision_date")
    for owner, code, year, status, issuer, day in rows:
        found[owner].append({"type": code, "year": year, "revoked": status == AwardStatus.REVOKED,
                             "issuer_kind": issuer, "decided_on": day and day.isoformat()})
    return found


def _holds(field, ids, as_of):
    found = defaultdict(list)
    rows = Hold.objects.filter(**{f"{field}__in": ids}).filter(
        Q(end_date__isnull=True) | Q(end_date__gte=as_of)).values_list(
        field, "start_date", "end_date", "reason")
    for owner, start, end, reason in rows:
        found[owner].append({"from": start.isoformat(), "to": end.isoformat() if end else None,
                             "reason": reason})
    return found


# ---------------------------------------------------------------- people: one query per list

RATING, AWARD, INITIATIVE, DISCIPLINE, HOLD, PERSON = range(6)
SCOPES = {scope.value: scope.name for scope in InitiativeScope}
LEVELS = {level.value: level.name for level in DisciplineLevel}


def _column(model, name):
    return model._meta.get_field(name).column


# The first arm fixes the column types for PostgreSQL (an untyped NULL there would be text).
_TYPED_NULLS = ("CAST(NULL AS INTEGER), CAST(NULL AS BIGINT), CAST(NULL AS BIGINT), "
                "CAST(NULL AS DATE), CAST(NULL AS DATE), CAST(NULL AS VARCHAR(24))")


@cache
def _arms():
    """The history of people as one UNION ALL: (kind, person, year, text, n1, n2, n3, d1, d2, t2)
    rows (for awards: d1 the decision date, t2 the issuer's kind).

    ``{owner}`` stands for the test on the person column; each arm names its parameters in order
    ("owner": the test's own). Built from the models' tables once.
    """
    authors = Initiative.authors.through
    rating, award, discipline, hold, issuer = (model._meta.db_table for model in (
        AnnualRating, Award, Discipline, Hold, Issuer))
    kinds, initiative = AwardType._meta.db_table, Initiative._meta.db_table
    author, work = _column(authors, "person"), _column(authors, "initiative")
    # nosec B608 below: the f-strings insert only the models' table and column names and the
    # kind constants; every value is a bound parameter.
    return (
        (f"SELECT {RATING}, person_id, year, rating, {_TYPED_NULLS} FROM {rating} "  # nosec B608
         "WHERE {owner} AND year >= %s", "person_id", ("owner", "ratings_from")),
        (f"SELECT {AWARD}, a.person_id, a.year, t.code, CASE WHEN a.status = %s THEN 1 ELSE 0 END, "  # nosec B608
         f"NULL, NULL, a.decision_date, NULL, i.kind FROM {award} a "
         f"JOIN {kinds} t ON t.id = a.award_type_id LEFT JOIN {issuer} i ON i.id = a.issuer_id "
         "WHERE {owner} AND (t.code <> %s OR a.year >= %s)", "a.person_id",
         ("revoked", "owner", "ldtt", "ldtt_from")),
        (f"SELECT {INITIATIVE}, w.{author}, i.year, NULL, i.scope, i.id, i.used_for_id, NULL, NULL, NULL "  # nosec B608
         f"FROM {authors._meta.db_table} w JOIN {initiative} i ON i.id = w.{work} "
         "WHERE {owner} AND i.year >= %s", f"w.{author}", ("owner", "first")),
        (f"SELECT {DISCIPLINE}, person_id, year, NULL, level, NULL, NULL, NULL, NULL, NULL "  # nosec B608
         f"FROM {discipline} " "WHERE {owner} AND year >= %s", "person_id", ("owner", "first")),
        (f"SELECT {HOLD}, person_id, NULL, reason, NULL, NULL, NULL, start_date, end_date, NULL "  # nosec B608
         f"FROM {hold} " "WHERE {owner} AND (end_date IS NULL OR end_date >= %s)", "person_id",
         ("owner", "as_of")),
    )


def _history_query(owner, owner_params, values, everyone=False):
    """SQL and parameters of the UNION ALL whose person column ``c`` passes ``owner`` (a format
    string of ``c``); with ``everyone``, one PERSON row per existing person passing it too."""
    arms, params = [], []
    for sql, column, names in _arms():
        arms.append(sql.format(owner=owner.format(c=column)))
        for name in names:
            params += owner_params if name == "owner" else [values[name]]
    if everyone:
        pk = Person._meta.pk.column
        arms.append(f"SELECT {PERSON}, {pk}, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL "  # nosec B608
                    f"FROM {Person._meta.db_table} WHERE {owner.format(c=pk)}")
        params += owner_params
    return " UNION ALL ".join(arms), params


def _day(value):
    return date.fromisoformat(value) if isinstance(value, str) else value  # SQLite gives text


class _Histories:
    """Rows of the history query, per person, in the engine's vocabulary."""

    def __init__(self, rows, powers):
        self.ratings, self.awards = ratings, awards = defaultdict(dict), defaultdict(list)
        self.initiatives, self.disciplines = defaultdict(list), defaultdict(list)
        self.holds, self.people, self.powers = defaultdict(list), [], powers
        for kind, owner, year, text, number, ident, used_for, start, end, issuer in rows:
            if kind == RATING:  # the commonest rows first, through locals
                ratings[owner][year] = text
            elif kind == AWARD:
                awards[owner].append((text, year, number == 1, issuer, _day(start)))
            elif kind == INITIATIVE:
                self.initiatives[owner].append(
                    (str(ident), SCOPES[number], year, str(used_for) if used_for else None))
            elif kind == DISCIPLINE:
                self.disciplines[owner].append((year, LEVELS[number]))
            elif kind == HOLD:
                self.holds[owner].append((_day(start), _day(end), text))
            else:
                self.people.append(owner)

    def subject(self, pk):
        """The engine's input shape (JSON-like) for person ``pk``."""
        return {
            "id": f"p{pk}", "kind": "individual",
            "ratings": {str(year): rating for year, rating in self.ratings.get(pk, {}).items()},
            "awards": [{"type": code, "year": year, "revoked": revoked, "issuer_kind": issuer,
                        "decided_on": day.isoformat() if day else None}
                       for code, year, revoked, issuer, day
                       in sorted(self.awards.get(pk, ()), key=lambda a: (-a[1], a[0]))],
            "holds": [{"from": start.isoformat(), "to": end.isoformat() if end else None,
                       "reason": reason} for start, end, reason in sorted(self.holds.get(pk, ()))],
            "disciplines": [{"year": year, "level": level}
                            for year, level in sorted(self.disciplines.get(pk, ()), reverse=True)],
            "initiatives": [{"id": ident, "scope": scope, "year": year, "used_for": used_for}
                            for ident, scope, year, used_for in self.initiatives.get(pk, ())],
        }

    def parsed(self, pk, as_of):
        """Person ``pk`` already parsed for an ``eligibility.Evaluator``."""
        return individual_subject(
            f"p{pk}", self.ratings.get(pk) or {}, self.awards.get(pk, ()),
            self.initiatives.get(pk, ()), self.disciplines.get(pk, ()), self.holds.get(pk, ()),
            as_of, self.powers)


def _fetch(sql, params, powers):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return _Histories(cursor.fetchall(), powers)


def _values(year, as_of, rules_only=False):
    """The query's parameters; ``rules_only`` leaves out the ratings and LDTT titles the rules
    never read (individual.RATINGS_READ, LDTT of the year only: see ``history_key``), which
    are most of a person's rows."""
    first = year - HISTORY_YEARS
    return {"first": first, "revoked": AwardStatus.REVOKED, "as_of": as_of, "ldtt": "LDTT",
            "ratings_from": year - RATINGS_READ + 1 if rules_only else first,
            "ldtt_from": year if rules_only else 0}


def judge(payload, dates=None):
    """``eligibility.evaluate`` with the registry's catalogue of conferral powers, so that each
    award counts by what it is (type and issuer kind on its decision date); once an
    administrator has confirmed a regime, under the regime(s) the case falls under
    (``regimes.judge``; ``dates``: {"decision", "receipt", "year"}, by default the evaluation
    date and the year)."""
    if Regime.objects.filter(confirmed=True).exists():
        try:
            as_of = date.fromisoformat(str(payload.get("as_of")))
        except ValueError:
            as_of = None  # let the engine refuse the payload with its own message
        if as_of is not None:
            return regimes.judge(payload, dates or {"decision": as_of,
                                                    "year": payload.get("year")})
    return evaluate(payload, powers=power_table())


@whole_record
def person_subjects(person_ids, year, as_of):
    """Engine subjects (kind "individual") for ``person_ids``, ids as strings "p<pk>".

    One query per ``CHUNK`` people (a UNION ALL of ratings, awards, initiatives, disciplines and
    holds), so one person on a form costs one round trip."""
    subjects = []
    values = _values(year, as_of)
    for ids, owner, params in _id_lists(person_ids):
        found = _fetch(*_history_query(owner, params, values), None)
        subjects.extend(found.subject(pk) for pk in ids)
    return subjects


def _id_lists(person_ids):
    """(ids, owner test, its parameters) per list of people small enough for one query."""
    postgres = connection.vendor == "postgresql"
    size = CHUNK if postgres else connection.features.max_query_params // (len(_arms()) + 1)
    for ids in _chunks(person_ids, size):
        if postgres:
            yield ids, "{c} = ANY(%s)", [ids]
        else:
            yield ids, "{c} IN (" + ", ".join(["%s"] * len(ids)) + ")", ids


@whole_record
def individuals(person_ids, year, as_of, powers=None):
    """``individuals_between`` for a list of people (those of them that exist), one query per
    ``CHUNK``: the incremental path (``awards.verdicts.refresh_people``)."""
    values = _values(year, as_of, rules_only=True)
    powers = power_table() if powers is None else powers
    subjects = []
    for _ids, owner, params in _id_lists(person_ids):
        found = _fetch(*_history_query(owner, params, values, everyone=True), powers)
        subjects.extend(found.parsed(pk, as_of) for pk in sorted(found.people))
    return subjects


@whole_record
def individuals_between(lo, hi, year, as_of, powers=None):
    """Every existing person with ``lo <= pk < hi``, parsed for an ``eligibility.Evaluator``
    (``eligibility.evaluator(as_of, year)``), by primary key: the bulk path, one query per range
    (keep ranges to a few thousand people). Only what the rules read of ``year`` is loaded:
    the verdicts are those of the full history, the subjects are not (no ratings before
    ``year`` - 4, no LDTT before ``year``). ``powers``: ``issuing.power_table()``, read once
    per call when not given."""
    values = _values(year, as_of, rules_only=True)
    powers = power_table() if powers is None else powers
    found = _fetch(*_history_query("{c} >= %s AND {c} < %s", [lo, hi], values, everyone=True),
                   powers)
    return [found.parsed(pk, as_of) for pk in sorted(found.people)]


# ---------------------------------------------------------------- units


def _members(unit_ids, year):
    """Each unit's current people with their rating, titles and worst discipline in ``year``."""
    people_by_unit = defaultdict(set)
    rows = Employment.objects.filter(organization_id__in=unit_ids).filter(
        current_employment_q()).values_list("organization_id", "person_id")
    for unit_id, person_id in rows:
        people_by_unit[unit_id].add(person_id)
    everyone = set().union(*people_by_unit.values()) if people_by_unit else set()
    ratings, titles, worst = {}, defaultdict(list), {}
    for ids in _chunks(everyone):
        ratings.update(AnnualRating.objects.filter(person_id__in=ids, year=year).values_list(
            "person_id", "rating"))
        for person_id, code in Award.objects.filter(
                person_id__in=ids, year=year, status=AwardStatus.ACTIVE).values_list(
                "person_id", "award_type__code"):
            titles[person_id].append(code)
        for person_id, level in Discipline.objects.filter(person_id__in=ids, year=year).values_list(
                "person_id", "level"):
            worst[person_id] = max(level, worst.get(person_id, 0))
    return {
        unit_id: [{"id": f"p{pk}", "rating": ratings.get(pk), "awards": sorted(titles[pk]),
                   "discipline": DisciplineLevel(worst[pk]).name if pk in worst else None}
                  for pk in sorted(people)]
        for unit_id, people in people_by_unit.items()
    }


@whole_record
def unit_subjects(unit_ids, year, as_of, bloc_ranks=None):
    """Engine subjects (kind "collective") for ``unit_ids``, ids as strings "o<pk>": one unit on
    a form or a whole subtree, the same queries. A successor's ratings and awards include the
    years it inherits from the units merged into it (``succession``); holds and members are its
    own."""
    subjects = []
    bloc_ranks = bloc_ranks or {}
    mergers = succession.absorbed_by()
    for ids in _chunks(unit_ids):
        with_old = list(ids) + sorted(succession.predecessors(ids, mergers))
        ratings = _ratings("organization_id", with_old, year - HISTORY_YEARS)
        awards = _awards("organization_id", with_old)
        holds = _holds("organization_id", ids, as_of)
        members = _members(ids, year)
        for pk in ids:
            unit_ratings, unit_awards = succession.history(pk, ratings, awards, mergers)
            subject = {"id": f"o{pk}", "kind": "collective", "ratings": unit_ratings,
                       "awards": unit_awards, "holds": holds.get(pk, []),
                       "members": members.get(pk, [])}
            if pk in bloc_ranks:
                subject["bloc_rank"] = bloc_ranks[pk]
            subjects.append(subject)
    return subjects


@whole_record
def inherited_years(unit_id, year):
    """[(year, rating or None, award type codes, pk of the unit that earned it)] of the years
    unit ``unit_id`` takes over from units merged into it (``succession``), newest first, within
    the history ``unit_subjects`` reads for ``year``: what its record page shows."""
    mergers = succession.absorbed_by()
    earlier = sorted(succession.predecessors([unit_id], mergers))
    if not earlier:
        return []
    ratings = _ratings("organization_id", [unit_id, *earlier], year - HISTORY_YEARS)
    awards = _awards("organization_id", [unit_id, *earlier])
    origins = {}
    unit_ratings, unit_awards = succession.history(unit_id, ratings, awards, mergers, origins)
    return [(int(t), unit_ratings.get(t),
             [a["type"] for a in unit_awards if str(a["year"]) == t and not a["revoked"]], earner)
            for t, earner in sorted(origins.items(), reverse=True)]


def default_as_of(year):
    """Proposals for a year are judged at its end (15 December), or today for the current year."""
    today = timezone.localdate()
    return min(today, date(year, 12, 15)) if year >= today.year else date(year, 12, 15)
