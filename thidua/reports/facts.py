"""Award facts: every active award with the dimensions reports group by, counted either live
from the registry or from the pre-aggregated ``AwardSummary``; both answer ``group(dims)`` with
rows of the same shape, so a panel does not care which one it reads.

An individual award belongs to the unit of the person's employment in the award's year (the
latest one started by then, else the latest at all); a collective award to its unit. A person
with no employment at all is counted under the unit that proposed the award (its nomination
batch's proposer), and when there is none either (an imported award) under no unit: such facts
have an empty anchor, so only the national scope counts them, on a line of its own
("chưa gắn đơn vị"), rather than nowhere. The
attribution is done here in Python over two indexed, streamed queries (the awards grouped per
person, and those people's employments) rather than with a correlated subquery per award, which
measured ~1 ms per award on PostgreSQL (bench/reports.py).
"""
import hashlib
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date

from django.core.cache import cache
from django.db.models import (
    Case,
    CharField,
    Count,
    Exists,
    IntegerField,
    Max,
    Min,
    OuterRef,
    Q,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Coalesce

from thidua.awards.models import Award, AwardStatus, AwardType
from thidua.core.scopes import system
from thidua.nominations.states import SubjectKind
from thidua.organizations import tree
from thidua.organizations.models import Employment, EmploymentCategory, OrganizationKind

from .models import AwardSummary, PersonCategory, Subject, SummaryYear

ECONOMIC_KINDS = [OrganizationKind.COOPERATIVE, OrganizationKind.COOPERATIVE_UNION,
                  OrganizationKind.CREDIT_FUND, OrganizationKind.COOPERATIVE_GROUP]
BUSINESS_KINDS = [*ECONOMIC_KINDS, OrganizationKind.ALLIANCE_UNIT]
LEADERSHIP = r"(chủ tịch|giám đốc|trưởng|phó|bí thư|chủ nhiệm|lãnh đạo)"
ANCHOR_DEPTH = 2  # summaries count by the unit's ancestor two levels down (its province)
UNATTACHED = ""  # the anchor of an award counted under no unit
NOMINATED = "decision_item__nomination__"
PROPOSER = f"{NOMINATED}batch__proposer__"
SUMMARY_CACHE_SECONDS = 24 * 3600  # entries of a replaced summary are never read again
PERSON_CHUNK = 200_000
# The fields of a fact, in the order of the keys ``compute`` counts by.
FACT_FIELDS = ("year", "anchor_path", "province_code", "award_type", "subject", "person_category",
               "is_economic", "gender", "ethnicity", "basis")


def person_category():
    """Members, workers and anyone without a leading position are direct workers; leaders are
    split by the kind of unit they lead (Biểu 0602 rows 10–13)."""
    return Case(
        When(Q(is_direct_worker=True) | Q(category__in=[EmploymentCategory.MEMBER,
                                                        EmploymentCategory.WORKER]),
             then=Value(PersonCategory.DIRECT)),
        When(~Q(position__iregex=LEADERSHIP), then=Value(PersonCategory.DIRECT)),
        When(organization__kind=OrganizationKind.NATIONAL_ALLIANCE,
             then=Value(PersonCategory.LEADER_CENTRAL)),
        When(organization__kind__in=[OrganizationKind.PROVINCIAL_ALLIANCE,
                                     OrganizationKind.ALLIANCE_DEPARTMENT],
             then=Value(PersonCategory.LEADER_DEPARTMENT)),
        When(organization__kind__in=BUSINESS_KINDS, then=Value(PersonCategory.ENTREPRENEUR)),
        default=Value(PersonCategory.LEADER_OTHER), output_field=CharField())


def active_awards(**filters):
    return Award.objects.filter(status=AwardStatus.ACTIVE, **filters)


def _grouped_awards(awards, fields):
    """Awards grouped by what the award row itself decides and by ``fields``."""
    return (awards.annotate(
        household=Case(When(**{f"{NOMINATED}subject_kind": SubjectKind.HOUSEHOLD}, then=1),
                       default=0, output_field=IntegerField()),
        basis_value=Coalesce(f"{NOMINATED}batch__basis", Value(""), output_field=CharField()),
        economic=Case(When(organization__kind__in=ECONOMIC_KINDS, then=1), default=0,
                      output_field=IntegerField()))
        .order_by().values("year", "award_type_id", "household", "basis_value", *fields)
        .annotate(n=Count("pk"), money=Coalesce(Sum("money_amount"), 0)))


@dataclass(frozen=True)
class Job:
    start: date | None
    pk: int
    path: str
    province_code: int | None
    category: str
    gender: str
    ethnicity: str


def _jobs(person_ids_q):
    """{person id: [Job sorted by start]} for the people selected by ``person_ids_q``."""
    rows = (Employment.objects.filter(person_ids_q)
            .annotate(person_category=person_category()).order_by()
            .values_list("person_id", "start_date", "pk", "organization__path",
                         "organization__province_code", "person_category", "person__gender",
                         "person__ethnicity"))
    jobs = defaultdict(list)
    for person_id, *fields in rows.iterator(chunk_size=10_000):
        jobs[person_id].append(Job(*fields))
    for person_jobs in jobs.values():
        person_jobs.sort(key=lambda job: (job.start or date.min, job.pk))
    return jobs


def attributed(person_jobs, year):
    """The job that year's award is counted under."""
    started = [job for job in person_jobs if job.start is None or job.start.year <= year]
    return (started or person_jobs)[-1]


@system("statistics read the registry whole and keep what ``in_scope`` attributes to the scope")
def compute(awards, individual_awards=None, unattached_awards=None, in_scope=None):
    """{fact key (``FACT_FIELDS``, the anchor cut from the unit's path): [n, money]} for the
    collective ones of ``awards``, the individual ones of ``individual_awards`` (default:
    ``awards``) attributed through the person's employment, and those of ``unattached_awards``
    (default: the individual ones) whose person has no employment at all, attributed to the
    proposing unit or to none; ``in_scope(path)`` drops facts attributed to units outside the
    scope."""
    counts = defaultdict(lambda: [0, 0])

    def add(path, province_code, row, subject, *person):
        if in_scope and not in_scope(path):
            return
        anchor = tree.ancestor_path(path, ANCHOR_DEPTH)
        cell = counts[(row["year"], anchor, province_code, row["award_type_id"], subject, *person,
                       row["basis_value"])]
        cell[0] += row["n"]
        cell[1] += row["money"]

    collective = _grouped_awards(awards.filter(person__isnull=True),
                                 ["organization__path", "organization__province_code", "economic"])
    for row in collective.iterator():
        add(row["organization__path"], row["organization__province_code"], row,
            Subject.HOUSEHOLD if row["household"] else Subject.COLLECTIVE,
            "", bool(row["economic"]), "", "")
    individual = (awards if individual_awards is None else individual_awards).filter(
        person__isnull=False)
    bounds = individual.order_by().aggregate(low=Coalesce(Min("person_id"), 0),
                                             high=Coalesce(Max("person_id"), -1))
    for low in range(bounds["low"], bounds["high"] + 1, PERSON_CHUNK):
        chunk = individual.filter(person_id__gte=low, person_id__lt=low + PERSON_CHUNK)
        jobs = _jobs(Q(person__in=chunk.values("person_id")))
        for row in _grouped_awards(chunk, ["person_id"]).iterator():
            if person_jobs := jobs.get(row["person_id"]):
                job = attributed(person_jobs, row["year"])
                add(job.path, job.province_code, row, _individual(row), job.category, False,
                    job.gender, job.ethnicity)
    unattached = (individual if unattached_awards is None else unattached_awards).filter(
        ~Exists(Employment.objects.filter(person=OuterRef("person_id"))), person__isnull=False)
    fields = [f"{PROPOSER}path", f"{PROPOSER}province_code", "person__gender", "person__ethnicity"]
    for row in _grouped_awards(unattached, fields).iterator():
        add(row[fields[0]] or UNATTACHED, row[fields[1]], row, _individual(row),
            PersonCategory.DIRECT, False, row[fields[2]], row[fields[3]])
    return counts


def _individual(row):
    return Subject.HOUSEHOLD if row["household"] else Subject.INDIVIDUAL


class LiveFacts:
    """Counted from the registry for one unit or a small subtree: the unit's collective awards,
    the awards of people employed there and those it proposed for people with no employment,
    all through indexes. Not cached: a small scope's count is cheap and always current."""

    def __init__(self, path, subtree, years):
        self.path, self.subtree, self.years = path, subtree, list(years)
        self._facts = None

    def in_scope(self, path):
        return tree.is_within(path, self.path) if self.subtree else path == self.path

    def facts(self):
        if self._facts is None:
            lookup = "path__startswith" if self.subtree else "path"
            units = Q(**{f"organization__{lookup}": self.path})
            people = Employment.objects.filter(units).values("person_id")
            awards = active_awards(year__in=self.years)
            type_fields = dict(AwardType.objects.values_list("pk", "authority_level"))
            categories = dict(AwardType.objects.values_list("pk", "category"))
            self._facts = []
            counted = compute(awards.filter(units), awards.filter(person__in=people),
                              awards.filter(**{f"{PROPOSER}{lookup}": self.path}), self.in_scope)
            for key, (n, money) in counted.items():
                fact = dict(zip(FACT_FIELDS, key))
                fact.update(n=n, money=money,
                            award_type__authority_level=type_fields.get(fact["award_type"]),
                            award_type__category=categories.get(fact["award_type"]))
                self._facts.append(fact)
        return self._facts

    def group(self, dims, **filters):
        grouped = Counter()
        money = Counter()
        for fact in self.facts():
            if all(_matches(fact, name, value) for name, value in filters.items()):
                key = tuple(fact[d] for d in dims)
                grouped[key] += fact["n"]
                money[key] += fact["money"]
        return [{**dict(zip(dims, key)), "n": n, "money": money[key]}
                for key, n in grouped.items()]


def _matches(fact, name, value):
    if name.endswith("__in"):
        return fact[name[:-4]] in value
    return fact[name] == value


class SummaryFacts:
    """Read from ``AwardSummary``: for the VCA (with the awards of no unit), a provincial alliance
    or a VCA unit with its whole subtree.

    Answers are kept in Django's cache under a key holding the refresh time of every year read
    (``SummaryYear.refreshed_at``, set in the transaction that replaces a year's rows), so a
    cached answer is always what the table holds now: a rebuild changes the key, and the entries
    of the replaced summary are never read again (they expire after a day). No time-based
    staleness is involved."""

    def __init__(self, path, years):
        self.path, self.years = path, sorted(years)
        self._stamp = None

    def anchors_q(self):
        anchors = Q(anchor_path__startswith=self.path)
        return anchors | Q(anchor_path=UNATTACHED) if tree.is_root(self.path) else anchors

    def stamp(self):
        """The summary's state for these years: one small indexed query per facts object."""
        if self._stamp is None:
            self._stamp = [(year, at.isoformat() if at else None) for year, at in
                           SummaryYear.objects.filter(year__in=self.years).order_by("year")
                           .values_list("year", "refreshed_at")]
        return self._stamp

    def cache_key(self, dims, filters):
        what = repr((self.path, self.years, self.stamp(), list(dims), sorted(filters.items())))
        return "reports:summary:" + hashlib.sha256(what.encode()).hexdigest()

    def group(self, dims, **filters):
        key = self.cache_key(dims, filters)
        rows = cache.get(key)
        if rows is None:
            rows = list(AwardSummary.objects.filter(self.anchors_q(), year__in=self.years,
                                                    **filters)
                        .order_by().values(*dims)
                        .annotate(n=Sum("count"), money=Coalesce(Sum("money"), 0)))
            cache.set(key, rows, SUMMARY_CACHE_SECONDS)
        return rows


def summarised(path, subtree):
    """Whether the unit at ``path`` (with its subtree or not) is one the summary answers for."""
    return subtree and tree.depth(path) <= ANCHOR_DEPTH


def facts_for(organization, subtree, years):
    """The cheapest source that answers exactly for ``organization`` (with its subtree or not)."""
    if summarised(organization.path, subtree):
        return SummaryFacts(organization.path, years)
    return LiveFacts(organization.path, subtree, years)


def summary_rows(year):
    """The year's ``AwardSummary`` rows."""
    fields = [name if name != "award_type" else "award_type_id" for name in FACT_FIELDS]
    return [AwardSummary(**dict(zip(fields, key)), count=n, money=money)
            for key, (n, money) in compute(active_awards(year=year)).items()]
