"""The records over the API: bloc pledges and score sheets (with the live ranking),
cooperation programmes with yearly progress, exemplars, initiatives, inspections and events.

Each list uses the same scoping as its page; writes use the pages' forms and
``records.services`` (same validation, same permission checks)."""
from datetime import date
from decimal import Decimal

from django.shortcuts import get_object_or_404
from ninja import Router, Schema, Status
from ninja.pagination import paginate

from thidua.movements.models import Movement
from thidua.organizations.models import EmulationGroup
from thidua.records import services
from thidua.records.forms import ExemplarForm, InspectionForm, ProgrammeForm
from thidua.records.models import (CooperationProgramme, Event, Exemplar, Initiative, Inspection,
                                   Pledge, ScoreSheet)
from thidua.records.programme_progress import programme_progress
from thidua.records.views.groups import sheet_rows
from thidua.records.views.programmes import managed_units

from .common import REFUSALS, Id, Pages, Text, Year, form_data, validated
from .organizations import code_of

router = Router(tags=["Hồ sơ phong trào"])


class SignatureOut(Schema):
    member_id: int
    signer_title: str
    signed_on: date


class PledgeOut(Schema):
    group_id: int
    content: str
    targets: str
    signing_date: date | None
    signatures: list[SignatureOut]

    @staticmethod
    def resolve_signatures(obj):
        return list(obj.signatures.all())


class CriterionScoreOut(Schema):
    criterion_id: int
    self_points: Decimal | None
    adjusted_points: Decimal | None
    adjust_reason: str


class StandingOut(Schema):
    member_id: int
    rank: int
    total: Decimal
    scored: bool
    proposal: str | None
    scores: list[CriterionScoreOut]


class SheetCriterionOut(Schema):
    id: int
    name: str
    max_points: int


class ScoreSheetOut(Schema):
    group_id: int
    tie_break: str
    is_open: bool
    criteria: list[SheetCriterionOut]
    standings: list[StandingOut]


class TargetOut(Schema):
    id: int
    year: int
    indicator: str
    label: str
    minimum: int
    maximum: int | None
    actual: int | None
    computed: bool
    source: str
    status: str
    percent: int | None


class YearOut(Schema):
    year: int
    status: str
    targets: list[TargetOut]


class ProgrammeOut(Schema):
    id: int
    owner_id: int
    title: str
    partners: str
    signed_on: date | None
    start_year: int
    end_year: int
    commitments: str


class ProgrammeDetailOut(ProgrammeOut):
    years: list[YearOut]


class ProgrammeIn(Schema):
    owner_id: Id
    title: str
    partners: str
    signed_on: date | None = None
    start_year: Year
    end_year: Year
    commitments: str


class ExemplarOut(Schema):
    id: int
    unit_id: int
    person_id: int | None
    title: str
    story: str
    field: str
    is_new_model: bool
    movement_id: int | None
    stage: str
    found_on: date
    nurtured_on: date | None
    honoured_on: date | None
    replicated_on: date | None


class ExemplarIn(Schema):
    unit_id: Id
    person_id: Id | None = None
    title: str
    story: str
    field: str = ""
    is_new_model: bool = False
    movement_id: Id | None = None
    found_on: date
    nurtured_on: date | None = None
    honoured_on: date | None = None
    replicated_on: date | None = None


class InitiativeOut(Schema):
    id: int
    title: str
    kind: str
    unit_id: int
    author_ids: list[int]
    scope: int
    year: int
    recognised_by: str
    recognised_on: date | None
    decision_reference: str
    used_for_id: int | None

    @staticmethod
    def resolve_author_ids(obj):
        return [author.pk for author in obj.authors.all()]


class InspectionOut(Schema):
    id: int
    organizer_id: int
    movement_id: int | None
    team: str
    inspected_unit_ids: list[int]
    start_date: date
    end_date: date
    findings: str
    recommendations: str
    status: str

    @staticmethod
    def resolve_inspected_unit_ids(obj):
        return [unit.pk for unit in obj.inspected_units.all()]


class InspectionIn(Schema):
    organizer_id: Id
    movement_id: Id | None = None
    team: str
    inspected_unit_ids: list[Id]
    start_date: date
    end_date: date
    status: str = "PLANNED"
    findings: str = ""
    recommendations: str = ""


class EventOut(Schema):
    id: int
    organizer_id: int
    kind: str
    title: str
    held_on: date
    period_label: str
    summary: str


def _group(request, group_id):
    return get_object_or_404(EmulationGroup.objects.visible_to(request.user), pk=group_id)


@router.get("/emulation-groups/{group_id}/pledge", response={200: PledgeOut, **REFUSALS})
def get_pledge(request, group_id: Id):
    return get_object_or_404(Pledge.objects.prefetch_related("signatures"),
                             group=_group(request, group_id))


@router.get("/emulation-groups/{group_id}/score-sheet", response={200: ScoreSheetOut, **REFUSALS})
def get_score_sheet(request, group_id: Id):
    """The criteria and each member's scores with the live ranking (ties broken by the sheet's
    rule); the leader is the flag proposal, the next places the Bằng khen proposals."""
    group = _group(request, group_id)
    sheet = get_object_or_404(ScoreSheet, group=group)
    members = [m.organization for m in group.memberships.select_related("organization")]
    criteria, _scores, rows = sheet_rows(sheet, members)
    standings = [{
        "member_id": standing.member.pk, "rank": standing.rank, "total": standing.total,
        "scored": standing.scored, "proposal": standing.proposal,
        "scores": [{"criterion_id": c.pk, "self_points": s.self_points if s else None,
                    "adjusted_points": s.adjusted_points if s else None,
                    "adjust_reason": s.adjust_reason if s else ""}
                   for c, s in zip(criteria, scores, strict=True)],
    } for standing, scores in rows]
    return {"group_id": group.pk, "tie_break": sheet.tie_break, "is_open": sheet.is_open,
            "criteria": criteria, "standings": standings}


def _programmes(user):
    return CooperationProgramme.objects.visible_to(user)


@router.get("/programmes", response=list[ProgrammeOut])
@paginate(Pages)
def list_programmes(request, year: Year | None = None):
    queryset = _programmes(request.user)
    if year:
        queryset = queryset.filter(start_year__lte=year, end_year__gte=year)
    return queryset.order_by("-start_year", "pk")


@router.get("/programmes/{programme_id}", response={200: ProgrammeDetailOut, **REFUSALS})
def get_programme(request, programme_id: Id):
    """The programme with each year's targets, actuals (computed from the records or entered
    with a source) and status."""
    programme = get_object_or_404(_programmes(request.user), pk=programme_id)
    programme.years = [{
        "year": year.year, "status": year.status,
        "targets": [{"id": row.target.pk, "year": row.target.year,
                     "indicator": row.target.indicator, "label": row.target.label,
                     "minimum": row.target.minimum, "maximum": row.target.maximum,
                     "actual": row.actual, "computed": row.computed, "source": row.source,
                     "status": row.status, "percent": row.percent} for row in year.rows],
    } for year in programme_progress(programme)]
    return programme


@router.post("/programmes", response={201: ProgrammeOut, **REFUSALS})
def create_programme(request, data: ProgrammeIn):
    form = validated(ProgrammeForm(form_data(data, owner=code_of(data.owner_id)),
                                   units=managed_units(request.user)))
    return Status(201, services.save_programme(request.user, form.save(commit=False)))


@router.get("/exemplars", response=list[ExemplarOut])
@paginate(Pages)
def list_exemplars(request, stage: Text | None = None, movement: Id | None = None,
                   is_new_model: bool | None = None):
    queryset = Exemplar.objects.visible_to(request.user)
    if stage:
        queryset = queryset.filter(stage=stage)
    if movement:
        queryset = queryset.filter(movement_id=movement)
    if is_new_model is not None:
        queryset = queryset.filter(is_new_model=is_new_model)
    return queryset.order_by("-found_on", "pk")


@router.get("/exemplars/{exemplar_id}", response={200: ExemplarOut, **REFUSALS})
def get_exemplar(request, exemplar_id: Id):
    return get_object_or_404(Exemplar.objects.visible_to(request.user), pk=exemplar_id)


def _exemplar_form(request, data, instance=None):
    return validated(ExemplarForm(
        form_data(data, unit=code_of(data.unit_id), person=data.person_id or "",
                  movement=data.movement_id or ""),
        instance=instance, units=managed_units(request.user),
        movements=Movement.objects.visible_to(request.user)))


@router.post("/exemplars", response={201: ExemplarOut, **REFUSALS})
def create_exemplar(request, data: ExemplarIn):
    form = _exemplar_form(request, data)
    return Status(201, services.save_exemplar(request.user, form.save(commit=False)))


@router.put("/exemplars/{exemplar_id}", response={200: ExemplarOut, **REFUSALS})
def update_exemplar(request, exemplar_id: Id, data: ExemplarIn):
    exemplar = get_object_or_404(Exemplar.objects.visible_to(request.user), pk=exemplar_id)
    form = _exemplar_form(request, data, instance=exemplar)
    return services.save_exemplar(request.user, form.save(commit=False))


@router.post("/exemplars/{exemplar_id}/advance", response={200: ExemplarOut, **REFUSALS})
def advance_exemplar(request, exemplar_id: Id, on: date | None = None):
    """Found → nurtured → honoured → replicated, dated ``on`` (today by default)."""
    exemplar = get_object_or_404(Exemplar.objects.visible_to(request.user), pk=exemplar_id)
    return services.advance_exemplar_stage(request.user, exemplar, on)


@router.get("/initiatives", response=list[InitiativeOut])
@paginate(Pages)
def list_initiatives(request, year: Year | None = None, scope: int | None = None):
    queryset = Initiative.objects.visible_to(request.user).prefetch_related("authors")
    if year:
        queryset = queryset.filter(year=year)
    if scope:
        queryset = queryset.filter(scope=scope)
    return queryset.order_by("-year", "pk")


def _inspections(user):
    return Inspection.objects.visible_to(user).prefetch_related("inspected_units")


@router.get("/inspections", response=list[InspectionOut])
@paginate(Pages)
def list_inspections(request, status: Text | None = None, year: Year | None = None):
    queryset = _inspections(request.user)
    if status:
        queryset = queryset.filter(status=status)
    if year:
        queryset = queryset.filter(start_date__year=year)
    return queryset.order_by("-start_date", "pk")


@router.get("/inspections/{inspection_id}", response={200: InspectionOut, **REFUSALS})
def get_inspection(request, inspection_id: Id):
    return get_object_or_404(_inspections(request.user), pk=inspection_id)


def _save_inspection(request, data, instance=None):
    codes = ", ".join(code_of(pk) for pk in data.inspected_unit_ids)
    form = validated(InspectionForm(
        form_data(data, organizer=code_of(data.organizer_id), movement=data.movement_id or "",
                  inspected_units=codes),
        instance=instance, units=managed_units(request.user),
        movements=Movement.objects.visible_to(request.user)))
    inspection = services.save_inspection(request.user, form.save(commit=False),
                                          form.cleaned_data["inspected_units"])
    return get_object_or_404(_inspections(request.user), pk=inspection.pk)


@router.post("/inspections", response={201: InspectionOut, **REFUSALS})
def create_inspection(request, data: InspectionIn):
    return Status(201, _save_inspection(request, data))


@router.put("/inspections/{inspection_id}", response={200: InspectionOut, **REFUSALS})
def update_inspection(request, inspection_id: Id, data: InspectionIn):
    """Record findings, recommendations and the follow-up status."""
    inspection = get_object_or_404(_inspections(request.user), pk=inspection_id)
    return _save_inspection(request, data, instance=inspection)


@router.get("/events", response=list[EventOut])
@paginate(Pages)
def list_events(request, kind: Text | None = None):
    queryset = Event.objects.visible_to(request.user)
    if kind:
        queryset = queryset.filter(kind=kind)
    return queryset.order_by("-held_on", "pk")
