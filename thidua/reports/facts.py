"""Award facts: every active award with the dimensions reports group by, counted either live
from the registry or from the pre-aggregated ``AwardSummary``; both answer ``group(dims)`` with
rows of the same shape, so a panel does not care which one it reads.

An individual award belongs to the unit of the person's employment in the award's year (the
latest one starting by then, else the latest at all); a collective award to its unit.
"""
from django.db.models import (
    BooleanField,
    Case,
    CharField,
    Count,
    OuterRef,
    Q,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Coalesce, ExtractYear, Substr

from thidua.awards.models import Award, AwardStatus
from thidua.nominations.states import SubjectKind
from thidua.organizations.models import Employment, EmploymentCategory, OrganizationKind

from .models import AwardSummary, PersonCategory, Subject

# Dimensions a report may group by, as lookups valid on both Award (annotated) and AwardSummary.
DIMENSIONS = ("year", "award_type", "award_type__authority_level", "award_type__category",
              "subject", "person_category", "is_economic", "gender", "ethnicity", "basis",
              "province_code")
ECONOMIC_KINDS = [OrganizationKind.COOPERATIVE, OrganizationKind.COOPERATIVE_UNION,
                  OrganizationKind.CREDIT_FUND, OrganizationKind.COOPERATIVE_GROUP]
BUSINESS_KINDS = [*ECONOMIC_KINDS, OrganizationKind.ALLIANCE_UNIT]
LEADERSHIP = r"(chủ tịch|giám đốc|trưởng|phó|bí thư|chủ nhiệm|lãnh đạo)"
ANCHOR_LENGTH = 8  # two tree levels of treebeard's four-character steps


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


def _employment(field):
    """One field of the employment the award's person held in the award's year: the latest one
    started by then, else (a person recorded only later) the latest one."""
    jobs = (Employment.objects.filter(person=OuterRef("person_id"))
            .annotate(person_category=person_category()).order_by("-start_date", "-pk"))
    started = jobs.annotate(start_year=ExtractYear("start_date")).filter(
        Q(start_date__isnull=True) | Q(start_year__lte=OuterRef("year")))
    return Coalesce(Subquery(started.values(field)[:1]), Subquery(jobs.values(field)[:1]))


def annotated(awards):
    """``awards`` with the unit path and every dimension of ``DIMENSIONS`` as annotations."""
    nominated = "decision_item__nomination__"
    return awards.annotate(
        unit_path=Coalesce("organization__path", _employment("organization__path")),
        province_code=Coalesce("organization__province_code",
                               _employment("organization__province_code")),
        subject=Case(
            When(**{f"{nominated}subject_kind": SubjectKind.HOUSEHOLD},
                 then=Value(Subject.HOUSEHOLD)),
            When(person__isnull=False, then=Value(Subject.INDIVIDUAL)),
            default=Value(Subject.COLLECTIVE), output_field=CharField()),
        person_category=Case(When(person__isnull=False, then=_employment("person_category")),
                             default=Value(""), output_field=CharField()),
        is_economic=Case(When(organization__kind__in=ECONOMIC_KINDS, then=Value(True)),
                         default=Value(False), output_field=BooleanField()),
        gender=Coalesce("person__gender", Value(""), output_field=CharField()),
        ethnicity=Coalesce("person__ethnicity", Value(""), output_field=CharField()),
        basis=Coalesce(f"{nominated}batch__basis", Value(""), output_field=CharField()),
    )


def active_awards(**filters):
    return Award.objects.filter(status=AwardStatus.ACTIVE, **filters)


class LiveFacts:
    """Counted from the registry: for one unit or a small subtree (few rows, indexed lookups)."""

    def __init__(self, path, subtree, years):
        self.path, self.subtree, self.years = path, subtree, list(years)

    def queryset(self):
        lookup = "path__startswith" if self.subtree else "path"
        employed = Employment.objects.filter(**{f"organization__{lookup}": self.path})
        candidates = active_awards(year__in=self.years).filter(
            Q(**{f"organization__{lookup}": self.path})
            | Q(person__in=employed.values("person")))
        unit_lookup = "unit_path__startswith" if self.subtree else "unit_path"
        return annotated(candidates).filter(**{unit_lookup: self.path})

    def group(self, dims, **filters):
        return list(self.queryset().filter(**filters).order_by().values(*dims)
                    .annotate(n=Count("pk"), money=Coalesce(Sum("money_amount"), 0)))


class SummaryFacts:
    """Read from ``AwardSummary``: for the VCA, a provincial alliance or a VCA unit with its
    whole subtree."""

    def __init__(self, path, years):
        self.path, self.years = path, list(years)

    def group(self, dims, **filters):
        rows = AwardSummary.objects.filter(anchor_path__startswith=self.path,
                                           year__in=self.years, **filters)
        return list(rows.order_by().values(*dims)
                    .annotate(n=Sum("count"), money=Coalesce(Sum("money"), 0)))


def facts_for(organization, subtree, years):
    """The cheapest source that answers exactly for ``organization`` (with its subtree or not)."""
    if subtree and len(organization.path) <= ANCHOR_LENGTH:
        return SummaryFacts(organization.path, years)
    return LiveFacts(organization.path, subtree, years)


def summary_rows(year):
    """The year's grouped rows for ``AwardSummary``, computed in one query."""
    rows = (annotated(active_awards(year=year)).filter(unit_path__isnull=False)
            .annotate(anchor_path=Substr("unit_path", 1, ANCHOR_LENGTH)).order_by()
            .values("anchor_path", "province_code", "award_type_id", "subject", "person_category",
                    "is_economic", "gender", "ethnicity", "basis")
            .annotate(count=Count("pk"), money=Coalesce(Sum("money_amount"), 0)))
    return [AwardSummary(year=year, **row) for row in rows]
