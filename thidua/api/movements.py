"""Movements over the API: read what the user may see; create and submit registrations and
periodic reports through the same services as the pages."""
from datetime import date, datetime
from decimal import Decimal

from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import Router, Schema, Status
from ninja.errors import HttpError
from ninja.pagination import paginate

from thidua.awards.models import AwardType
from thidua.movements import services
from thidua.movements.models import Movement, ProgressReport, Registration, ReportSchedule, Review
from thidua.organizations.models import Organization, Person

from .common import REFUSALS, Count, Id, Pages, Text, Year

router = Router(tags=["Phong trào"])


class CriterionOut(Schema):
    id: int
    name: str
    guidance: str
    max_points: int
    weight: Decimal
    evidence_required: bool


class PlannedAwardOut(Schema):
    award_type: str
    count: int

    @staticmethod
    def resolve_award_type(obj):
        return obj.award_type.code


class MovementOut(Schema):
    id: int
    title: str
    kind: str
    status: str
    launched_by_id: int
    parent_id: int | None
    slogan: str
    goals: str
    start_date: date
    end_date: date
    registration_deadline: date | None
    midterm_review_date: date | None
    final_review_date: date | None
    criteria: list[CriterionOut]
    planned_awards: list[PlannedAwardOut]

    @staticmethod
    def resolve_criteria(obj):
        return list(obj.criteria.all())

    @staticmethod
    def resolve_planned_awards(obj):
        return list(obj.planned_awards.all())


class RegistrationItemIn(Schema):
    person_id: Id
    award_type: Text


class RegistrationIn(Schema):
    unit_id: Id
    year: Year
    collective_titles: list[Text] = []
    targets: Text = ""
    items: list[RegistrationItemIn] = []
    submit: bool = False


class RegistrationOut(Schema):
    id: int
    movement_id: int
    unit_id: int
    year: int
    status: str
    targets: str
    return_reason: str
    closed_reason: str  # why it was closed: its unit merged into one already registered
    submitted_at: datetime | None


class ReportIn(Schema):
    unit_id: Id
    text: Text
    participants: Count = 0
    exemplars_found: Count = 0
    initiatives: Count = 0
    new_cooperatives: Count = 0


class ReportOut(Schema):
    id: int
    schedule_id: int
    unit_id: int
    text: str
    participants: int
    exemplars_found: int
    initiatives: int
    new_cooperatives: int
    submitted_at: datetime
    is_late: bool


class ScheduleOut(Schema):
    id: int
    owner_id: int
    movement_id: int | None
    year: int
    period: str
    due_date: date
    closes_on: date | None


class ProposalOut(Schema):
    person_id: int | None
    organization_id: int | None
    award_type: str
    note: str
    handed_over_at: datetime | None

    @staticmethod
    def resolve_award_type(obj):
        return obj.award_type.code


class ReviewOut(Schema):
    id: int
    movement_id: int
    organization_id: int
    kind: str
    held_on: date
    summary: str
    participants: int
    exemplars_found: int
    initiatives: int
    new_cooperatives: int
    proposals: list[ProposalOut]

    @staticmethod
    def resolve_proposals(obj):
        return list(obj.proposals.all())


def _movements(user):
    return Movement.objects.visible_to(user).prefetch_related("criteria",
                                                              "planned_awards__award_type")


@router.get("/movements", response=list[MovementOut])
@paginate(Pages)
def list_movements(request, status: Text | None = None, year: Year | None = None):
    queryset = _movements(request.user)
    if status:
        queryset = queryset.filter(status=status)
    if year:
        queryset = queryset.filter(start_date__year__lte=year, end_date__year__gte=year)
    return queryset.order_by("-start_date", "pk")


@router.get("/movements/{movement_id}", response={200: MovementOut, **REFUSALS})
def get_movement(request, movement_id: Id):
    return get_object_or_404(_movements(request.user), pk=movement_id)


@router.get("/movements/{movement_id}/registrations", response=list[RegistrationOut])
@paginate(Pages)
def list_registrations(request, movement_id: Id, status: Text | None = None):
    queryset = Registration.objects.visible_to(request.user).filter(movement_id=movement_id)
    if status:
        queryset = queryset.filter(status=status)
    return queryset.order_by("pk")


@router.post("/movements/{movement_id}/registrations",
             response={201: RegistrationOut, **REFUSALS})
def save_registration(request, movement_id: Id, data: RegistrationIn):
    """Save (and with ``submit`` send to the superior) a unit's yearly registration."""
    movement = get_object_or_404(Movement.objects.visible_to(request.user), pk=movement_id)
    unit = get_object_or_404(Organization.objects.visible_to(request.user), pk=data.unit_id)
    types = {t.code: t for t in AwardType.objects.in_force(timezone.localdate()).filter(
        code__in=data.collective_titles + [item.award_type for item in data.items])}
    unknown = sorted(set(data.collective_titles + [i.award_type for i in data.items]) - set(types))
    if unknown:
        raise HttpError(400, f"Không có danh hiệu mã {', '.join(unknown)}.")
    people = {p.pk: p for p in Person.objects.visible_to(request.user).filter(
        pk__in=[item.person_id for item in data.items])}
    if len(people) != len({item.person_id for item in data.items}):
        raise HttpError(400, "Có cá nhân không thuộc phạm vi của bạn.")
    registration = (unit.registrations.filter(movement=movement, year=data.year).first()
                    or Registration(movement=movement, unit=unit, year=data.year))
    registration.targets = data.targets
    services.save_registration(request.user, registration,
                               [types[code] for code in data.collective_titles],
                               [(people[item.person_id], types[item.award_type])
                                for item in data.items])
    if data.submit:
        services.submit_registration(request.user, registration)
    return Status(201, registration)


@router.get("/report-schedules", response=list[ScheduleOut])
@paginate(Pages)
def list_schedules(request, year: Year | None = None, movement: Id | None = None):
    queryset = ReportSchedule.objects.visible_to(request.user)
    if year:
        queryset = queryset.filter(year=year)
    if movement:
        queryset = queryset.filter(movement_id=movement)
    return queryset.order_by("-year", "due_date", "pk")


@router.post("/report-schedules/{schedule_id}/reports", response={201: ReportOut, **REFUSALS})
def submit_report(request, schedule_id: Id, data: ReportIn):
    schedule = get_object_or_404(ReportSchedule.objects.visible_to(request.user), pk=schedule_id)
    unit = get_object_or_404(Organization.objects.visible_to(request.user), pk=data.unit_id)
    report = unit.progress_reports.filter(schedule=schedule).first() or ProgressReport(
        schedule=schedule, unit=unit)
    for field in ("text", *ProgressReport.FIGURES):
        setattr(report, field, getattr(data, field))
    return Status(201, services.submit_report(request.user, report))


@router.get("/report-schedules/{schedule_id}/reports", response=list[ReportOut])
@paginate(Pages)
def list_reports(request, schedule_id: Id):
    return ProgressReport.objects.visible_to(request.user).filter(
        schedule_id=schedule_id).select_related("schedule").order_by("pk")


@router.get("/reviews", response=list[ReviewOut])
@paginate(Pages)
def list_reviews(request, movement: Id | None = None, kind: Text | None = None):
    """Mid-term and final reviews at the levels the user follows."""
    queryset = Review.objects.visible_to(request.user)
    if movement:
        queryset = queryset.filter(movement_id=movement)
    if kind:
        queryset = queryset.filter(kind=kind)
    return queryset.prefetch_related("proposals__award_type").order_by("-held_on", "pk")
