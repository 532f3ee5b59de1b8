"""Eligibility and the award registry over the API, with the same permissions as the pages."""
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404
from ninja import Body, Router, Schema, Status
from ninja.errors import HttpError
from ninja.pagination import LimitOffsetPagination, paginate

from thidua.awards import services
from thidua.awards.eligibility import EligibilityInputError, evaluate
from thidua.awards.models import AnnualRating, Award, Rating
from thidua.organizations.models import Person

router = Router(tags=["Khen thưởng"])


@router.post("/eligibility/evaluate", response={200: dict, 400: dict})
def evaluate_eligibility(request, payload: dict = Body(...)):
    """The engine's contract (see ELIGIBILITY.md): the same JSON as the command line."""
    try:
        return Status(200, evaluate(payload))
    except EligibilityInputError as error:
        return Status(400, {"detail": str(error), "field": error.field})


class AwardOut(Schema):
    id: int
    type: str
    type_name: str
    year: int
    person_id: int | None
    organization_id: int | None
    decision_number: str
    status: str

    @staticmethod
    def resolve_type(obj):
        return obj.award_type.code

    @staticmethod
    def resolve_type_name(obj):
        return obj.award_type.name


class RatingIn(Schema):
    person_id: int
    year: int
    rating: Rating
    source: str = ""


class RatingOut(Schema):
    id: int
    person_id: int | None
    organization_id: int | None
    year: int
    rating: str
    source: str


@router.get("/awards", response=list[AwardOut])
@paginate(LimitOffsetPagination)
def list_awards(request, year: int | None = None, person: int | None = None,
                organization: int | None = None):
    queryset = Award.objects.visible_to(request.user).select_related("award_type")
    if year:
        queryset = queryset.filter(year=year)
    if person:
        queryset = queryset.filter(person_id=person)
    if organization:
        queryset = queryset.filter(organization_id=organization)
    return queryset.order_by("-year", "pk")


@router.get("/ratings", response=list[RatingOut])
@paginate(LimitOffsetPagination)
def list_ratings(request, year: int | None = None, person: int | None = None):
    queryset = AnnualRating.objects.visible_to(request.user)
    if year:
        queryset = queryset.filter(year=year)
    if person:
        queryset = queryset.filter(person_id=person)
    return queryset.order_by("-year", "pk")


@router.post("/ratings", response={201: RatingOut})
def create_rating(request, data: RatingIn):
    """Set a person's rating for a year (E&C officers of a unit the person works in)."""
    person = get_object_or_404(Person.objects.visible_to(request.user), pk=data.person_id)
    try:
        rating = services.set_rating(request.user, data.year, data.rating, data.source,
                                     person=person)
    except PermissionDenied as error:
        raise HttpError(403, str(error)) from error
    except ValidationError as error:
        raise HttpError(400, " ".join(error.messages)) from error
    return Status(201, rating)
