"""Progress of a cooperation programme: each yearly target's actual, its % and a status per year.

Actuals of the computed indicators count the system's own records under the programme owner's
subtree, one grouped query per indicator for all years:

- NEW_MODEL_COOPERATIVES: collective exemplars marked new-model that reached "honoured" (or
  "replicated", when no honour date was kept) in the year;
- EXEMPLARY_INDIVIDUALS: person exemplars reaching the same stages in the year;
- AWARDS: active ``awards.Award`` rows of the year whose recipient is a unit of the subtree or a
  person employed there (read through the app registry: records sits below awards);
- OTHER: the value entered on the target with its source.
"""
from dataclasses import dataclass

from django.apps import apps
from django.db.models import Count, Exists, OuterRef, Q
from django.db.models.functions import Coalesce, ExtractYear
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import Exemplar, ProgrammeIndicator

BELOW, MET, EXCEEDED, UPCOMING = "BELOW", "MET", "EXCEEDED", "UPCOMING"
STATUS_LABELS = {BELOW: _("Chưa đạt"), MET: _("Đạt"), EXCEEDED: _("Vượt"),
                 UPCOMING: _("Chưa đến kỳ")}
STATUS_COLOURS = {BELOW: "danger", MET: "success", EXCEEDED: "primary", UPCOMING: "secondary"}
COMPUTED = {ProgrammeIndicator.NEW_MODEL_COOPERATIVES, ProgrammeIndicator.EXEMPLARY_INDIVIDUALS,
            ProgrammeIndicator.AWARDS}


class StatusDisplay:
    @property
    def status_label(self):
        return STATUS_LABELS[self.status]

    @property
    def colour(self):
        return STATUS_COLOURS[self.status]


@dataclass(frozen=True)
class TargetProgress(StatusDisplay):
    target: object
    actual: int | None
    computed: bool
    source: str
    status: str

    @property
    def percent(self):
        """Actual against the minimum, in whole per cent (may pass 100)."""
        if self.actual is None:
            return None
        if not self.target.minimum:
            return 100
        return round(100 * self.actual / self.target.minimum)

    @property
    def bar_percent(self):
        return min(self.percent or 0, 100)


@dataclass(frozen=True)
class YearProgress(StatusDisplay):
    year: int
    rows: list
    status: str


def status_of(actual, minimum, maximum, year=None, today=None):
    """BELOW / MET / EXCEEDED against the range; a later year not yet reached is UPCOMING."""
    today = today or timezone.localdate()
    if actual is None or actual < minimum:
        return UPCOMING if year is not None and year > today.year else BELOW
    if maximum is not None and actual > maximum:
        return EXCEEDED
    return MET


def year_status(statuses):
    """A year is below if one target is, exceeded if all are, met otherwise."""
    if not statuses:
        return UPCOMING
    if BELOW in statuses:
        return BELOW
    if UPCOMING in statuses:
        return UPCOMING
    return EXCEEDED if all(s == EXCEEDED for s in statuses) else MET


def _exemplar_counts(owner, years, persons):
    reached = Coalesce("honoured_on", "replicated_on")
    queryset = Exemplar.objects.public(owner).filter(person__isnull=not persons)
    if not persons:
        queryset = queryset.filter(is_new_model=True)
    rows = (queryset.annotate(reached_year=ExtractYear(reached))
            .filter(reached_year__in=years).order_by()
            .values("reached_year").annotate(n=Count("pk")))
    return {row["reached_year"]: row["n"] for row in rows}


def _award_counts(owner, years):
    award = apps.get_model("awards", "Award")
    employment = apps.get_model("organizations", "Employment")
    employed_here = employment.objects.filter(person=OuterRef("person_id"),
                                              organization__path__startswith=owner.path)
    rows = (award.objects.unscoped("a programme's indicator counts its owner's whole subtree")
            .filter(year__in=years, status="ACTIVE")
            .filter(Q(organization__path__startswith=owner.path) | Q(Exists(employed_here)))
            .order_by().values("year").annotate(n=Count("pk")))
    return {row["year"]: row["n"] for row in rows}


def computed_actuals(owner, years):
    """{indicator: {year: count}} for the computed indicators."""
    years = list(years)
    return {
        ProgrammeIndicator.NEW_MODEL_COOPERATIVES: _exemplar_counts(owner, years, persons=False),
        ProgrammeIndicator.EXEMPLARY_INDIVIDUALS: _exemplar_counts(owner, years, persons=True),
        ProgrammeIndicator.AWARDS: _award_counts(owner, years),
    }


def target_progress(target, counts, today=None):
    if target.indicator in COMPUTED:
        actual = counts.get(target.indicator, {}).get(target.year, 0)
        source = str(_("Tính từ dữ liệu trên hệ thống"))
        computed = True
    else:
        actual, source, computed = target.entered_actual, target.actual_source, False
    status = status_of(actual, target.minimum, target.maximum, target.year, today)
    return TargetProgress(target, actual, computed, source, status)


def programme_progress(programme, today=None):
    """The programme's years in order, each with its targets' progress and the year's status."""
    targets = list(programme.targets.all())
    years = sorted({t.year for t in targets})
    counts = computed_actuals(programme.owner, years) if targets else {}
    result = []
    for year in years:
        rows = [target_progress(t, counts, today) for t in targets if t.year == year]
        result.append(YearProgress(year, rows, year_status([r.status for r in rows])))
    return result
