"""The award catalogue, eligibility, the award registry, ratings and disciplines over the API,
with the same permissions as the pages."""
from decimal import Decimal

from django.shortcuts import get_object_or_404
from ninja import Body, Router, Schema, Status
from ninja.pagination import paginate

from thidua.awards import services
from thidua.awards.eligibility import EligibilityInputError, evaluate
from thidua.awards.issuing import power_table
from thidua.awards.models import AnnualRating, Award, AwardType, Discipline, Rating
from thidua.organizations.models import Person

from .common import REFUSALS, Id, Pages, Text, Year

router = Router(tags=["Khen thưởng"])


class AwardTypeOut(Schema):
    """A catalogue entry with both names: ``name`` is the Vietnamese (documents use it),
    ``name_en``/``abbreviation_en`` the English the interface shows ("" when not set)."""
    code: str
    name: str
    name_en: str
    abbreviation: str
    abbreviation_en: str
    category: str
    subject_kind: str
    authority_level: int
    legal_basis: str
    money_multiplier_individual: Decimal | None
    money_multiplier_collective: Decimal | None
    is_active: bool


@router.get("/award-types", response=list[AwardTypeOut])
def list_award_types(request, active: bool | None = None):
    """The catalogue of titles and award forms (the same for everyone)."""
    queryset = AwardType.objects.all()
    if active is not None:
        queryset = queryset.filter(is_active=active)
    return queryset.order_by("order", "code")


@router.post("/eligibility/evaluate", response={200: dict, 400: dict})
def evaluate_eligibility(request, payload: dict = Body(...)):
    """The engine's contract (docs/eligibility.md#who-calls-it): the same JSON as the command
    line."""
    try:
        return Status(200, evaluate(payload, powers=power_table()))
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
    person_id: Id
    year: Year
    rating: Rating
    source: Text = ""


class DisciplineOut(Schema):
    id: int
    person_id: int
    year: int
    level: int
    decision: str


class RatingOut(Schema):
    id: int
    person_id: int | None
    organization_id: int | None
    year: int
    rating: str
    source: str


@router.get("/awards", response=list[AwardOut])
@paginate(Pages)
def list_awards(request, year: Year | None = None, person: Id | None = None,
                organization: Id | None = None):
    queryset = Award.objects.visible_to(request.user).select_related("award_type")
    if year:
        queryset = queryset.filter(year=year)
    if person:
        queryset = queryset.filter(person_id=person)
    if organization:
        queryset = queryset.filter(organization_id=organization)
    return queryset.order_by("-year", "pk")


@router.get("/awards/{award_id}", response={200: AwardOut, **REFUSALS})
def get_award(request, award_id: Id):
    return get_object_or_404(Award.objects.visible_to(request.user).select_related("award_type"),
                             pk=award_id)


@router.get("/ratings", response=list[RatingOut])
@paginate(Pages)
def list_ratings(request, year: Year | None = None, person: Id | None = None):
    queryset = AnnualRating.objects.visible_to(request.user)
    if year:
        queryset = queryset.filter(year=year)
    if person:
        queryset = queryset.filter(person_id=person)
    return queryset.order_by("-year", "pk")


@router.post("/ratings", response={201: RatingOut, **REFUSALS})
def create_rating(request, data: RatingIn):
    """Set a person's rating for a year (E&C officers of a unit the person works in)."""
    person = get_object_or_404(Person.objects.visible_to(request.user), pk=data.person_id)
    rating = services.set_rating(request.user, data.year, data.rating, data.source, person=person)
    return Status(201, rating)


@router.get("/disciplines", response=list[DisciplineOut])
@paginate(Pages)
def list_disciplines(request, year: Year | None = None, person: Id | None = None):
    """Disciplinary measures of the people the user may see (they bar commendation)."""
    queryset = Discipline.objects.filter(person__in=Person.objects.visible_to(request.user))
    if year:
        queryset = queryset.filter(year=year)
    if person:
        queryset = queryset.filter(person_id=person)
    return queryset.order_by("-year", "pk")
