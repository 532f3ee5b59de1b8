"""“Ai đủ điều kiện?”: every person and unit of a subtree, every type within reach, and the
"almost" list of those exactly one condition short."""
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef

from thidua.organizations.models import Employment, Organization, Person
from thidua.organizations.scoping import current_employment_q

from . import histories
from .eligibility import TYPES, period_for
from .eligibility.ruleset import COLLECTIVE, INDIVIDUAL
from .eligibility.texts import ON_HOLD, texts
from .models import AwardType
from .quotas import quota_results

ELIGIBLE, ALMOST = "eligible", "almost"


@dataclass
class Row:
    subject: object  # a Person or an Organization
    type_code: str
    status: str
    verdict: dict

    @property
    def type_name(self):
        return TYPES[self.type_code].label

    @property
    def is_person(self):
        return isinstance(self.subject, Person)


@dataclass
class Report:
    unit: Organization
    year: int
    regime: str
    rows: list = field(default_factory=list)
    quotas: list = field(default_factory=list)

    def count(self, status):
        return sum(1 for row in self.rows if row.status == status)


def status_of(verdict, otherwise=None):
    """eligible, almost (one machine condition missing, not on hold) or None. ``otherwise``:
    ``texts().otherwise``, given by callers judging many verdicts."""
    if verdict["eligible"]:
        return ELIGIBLE
    otherwise = otherwise or texts().otherwise
    missing = [m for m in verdict["missing"] if not m.startswith(otherwise)]
    if len(missing) == 1 and not missing[0].startswith(ON_HOLD):
        return ALMOST
    return None


def types_in_force(as_of, asked=None):
    """The machine-checkable types (or those ``asked``) whose catalogue version is in force and
    active on ``as_of``: a type the catalogue has ended, or not started yet, is not suggested."""
    in_force = set(AwardType.objects.filter(is_active=True).in_force(as_of).values_list(
        "code", flat=True))
    defaults = period_for(as_of).default_types
    codes = asked or dict.fromkeys(code for kind in defaults for code in defaults[kind])
    return [code for code in codes if code in in_force]


def people_in(unit, user):
    """People currently working in ``unit`` or below it that ``user`` may see."""
    here = Employment.objects.filter(person=OuterRef("pk"), organization__path__startswith=unit.path)
    return Person.objects.visible_to(user).filter(Exists(here.filter(current_employment_q())))


def who_qualifies(user, unit, year, as_of=None, types=None):
    """Evaluate everyone in ``unit``'s subtree for ``year`` and keep what is within reach."""
    as_of = as_of or histories.default_as_of(year)
    people = {p.pk: p for p in people_in(unit, user).order_by("sort_key", "pk")}
    units = {u.pk: u for u in Organization.objects.visible_to(user).subtree(
        unit, include_self=True).order_by("sort_key", "pk")}
    subjects = (histories.person_subjects(people, year, as_of)
                + histories.unit_subjects(units, year, as_of))
    payload = {"as_of": as_of.isoformat(), "year": year, "subjects": subjects,
               "types": types_in_force(as_of, types)}
    result = histories.judge(payload)
    report = Report(unit=unit, year=year, regime=result["regime"])
    for verdict in result["results"]:
        status = status_of(verdict)
        if status is None:
            continue
        kind, pk = verdict["subject"][0], int(verdict["subject"][1:])
        subject = people[pk] if kind == "p" else units[pk]
        report.rows.append(Row(subject, verdict["type"], status, verdict))
    report.quotas = quota_results(unit, year, as_of, eligible_lists(report.rows))
    return report


def eligible_lists(rows):
    """{kind: {type: subject keys}} of the eligible rows: the list a quota is checked over."""
    lists = {INDIVIDUAL: defaultdict(set), COLLECTIVE: defaultdict(set)}
    for row in rows:
        if row.status == ELIGIBLE:
            kind = INDIVIDUAL if row.is_person else COLLECTIVE
            lists[kind][row.type_code].add(row.verdict["subject"])
    return lists
