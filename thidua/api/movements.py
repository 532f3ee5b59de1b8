"""Movements over the API: read what the user may see; create and submit registrations and
periodic reports through the same services as the pages."""
from datetime import date, datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.shortcuts import get_object_or_404
from ninja import Router, Schema, Status
from ninja.errors import HttpError
from ninja.pagination import LimitOffsetPagination, paginate

from thidua.awards.models import AwardType
from thidua.movements import services
from thidua.movements.models import Movement, ProgressReport, Registration, ReportSchedule
from thidua.organizations.models import Organization, Person

router = Router(tags=["Phong trào"])


class MovementOut(Schema):
    id: int
    title: str
    kind: str
    status: str
    launched_by_id: int
    parent_id: int | None
    start_date: date
    end_date: date
    registration_deadline: date | None
    midterm_review_date: date | None
    final_review_date: date | None


class RegistrationItemIn(Schema):
    person_id: int
    award_type: str


class RegistrationIn(Schema):
    unit_id: int
    year: int
    collective_titles: list[str] = []
    targets: str = ""
    items: list[RegistrationItemIn] = []
    submit: bool = False


class RegistrationOut(Schema):
    id: int
    movement_id: int
    unit_id: int
    year: int
    status: str
    submitted_at: datetime | None


class ReportIn(Schema):
    unit_id: int
    text: str
    participants: int = 0
    exemplars_found: int = 0
    initiatives: int = 0
    new_cooperatives: int = 0


class ReportOut(Schema):
    id: int
    schedule_id: int
    unit_id: int
    submitted_at: datetime
    is_late: bool


def _call(function, *args):
    """Run a service, turning its refusals into HTTP errors with the Vietnamese message."""
    try:
        return function(*args)
    except PermissionDenied as error:
        raise HttpError(403, str(error) or "Không có quyền.") from error
    except ValidationError as error:
        raise HttpError(400, " ".join(error.messages)) from error


@router.get("/movements", response=list[MovementOut])
@paginate(LimitOffsetPagination)
def list_movements(request, status: str | None = None, year: int | None = None):
    queryset = Movement.objects.visible_to(request.user)
    if status:
        queryset = queryset.filter(status=status)
    if year:
        queryset = queryset.filter(start_date__year__lte=year, end_date__year__gte=year)
    return queryset.order_by("-start_date", "pk")


@router.get("/movements/{movement_id}", response=MovementOut)
def get_movement(request, movement_id: int):
    return get_object_or_404(Movement.objects.visible_to(request.user), pk=movement_id)


@router.get("/movements/{movement_id}/registrations", response=list[RegistrationOut])
@paginate(LimitOffsetPagination)
def list_registrations(request, movement_id: int):
    return Registration.objects.visible_to(request.user).filter(movement_id=movement_id).order_by("pk")


@router.post("/movements/{movement_id}/registrations", response={201: RegistrationOut})
def save_registration(request, movement_id: int, data: RegistrationIn):
    movement = get_object_or_404(Movement.objects.visible_to(request.user), pk=movement_id)
    unit = get_object_or_404(Organization.objects.visible_to(request.user), pk=data.unit_id)
    types = {t.code: t for t in AwardType.objects.filter(
        code__in=data.collective_titles + [item.award_type for item in data.items])}
    unknown = sorted(set(data.collective_titles + [i.award_type for i in data.items]) - set(types))
    if unknown:
        raise HttpError(400, f"Không có danh hiệu mã {', '.join(unknown)}.")
    people = {p.pk: p for p in Person.objects.visible_to(request.user).filter(
        pk__in=[item.person_id for item in data.items])}
    if len(people) != len({item.person_id for item in data.items}):
        raise HttpError(400, "Có cá nhân không thuộc phạm vi của bạn.")
    registration = Registration.objects.filter(movement=movement, unit=unit, year=data.year).first() \
        or Registration(movement=movement, unit=unit, year=data.year)
    registration.targets = data.targets
    _call(services.save_registration, request.user, registration,
          [types[code] for code in data.collective_titles],
          [(people[item.person_id], types[item.award_type]) for item in data.items])
    if data.submit:
        _call(services.submit_registration, request.user, registration)
    return Status(201, registration)


@router.post("/report-schedules/{schedule_id}/reports", response={201: ReportOut})
def submit_report(request, schedule_id: int, data: ReportIn):
    schedule = get_object_or_404(ReportSchedule, pk=schedule_id)
    unit = get_object_or_404(Organization.objects.visible_to(request.user), pk=data.unit_id)
    report = ProgressReport.objects.filter(schedule=schedule, unit=unit).first() or ProgressReport(
        schedule=schedule, unit=unit)
    for field in ("text", "participants", "exemplars_found", "initiatives", "new_cooperatives"):
        setattr(report, field, getattr(data, field))
    return Status(201, _call(services.submit_report, request.user, report))


@router.get("/report-schedules/{schedule_id}/reports", response=list[ReportOut])
@paginate(LimitOffsetPagination)
def list_reports(request, schedule_id: int):
    return ProgressReport.objects.visible_to(request.user).filter(
        Q(schedule_id=schedule_id)).order_by("pk")
