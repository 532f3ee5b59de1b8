"""Read endpoints for the network; every queryset goes through ``visible_to``."""
from datetime import date

from django.shortcuts import get_object_or_404
from ninja import FilterSchema, Query, Router, Schema
from ninja.pagination import LimitOffsetPagination, paginate

from thidua.organizations.models import EmulationGroup, Organization, Person
from thidua.organizations.scoping import search_q

router = Router(tags=["Mạng lưới"])


class OrganizationOut(Schema):
    id: int
    code: str
    name: str
    short_name: str
    kind: str
    kind_label: str
    parent_id: int | None
    tax_code: str
    sector: str
    province_code: int | None
    province_name: str
    ward_code: int | None
    ward_name: str
    founding_date: date | None
    is_new_model: bool
    status: str

    @staticmethod
    def resolve_kind_label(obj):
        return obj.get_kind_display()

    @staticmethod
    def resolve_parent_id(obj):
        parent = Organization.objects.get_parent(obj)
        return parent.pk if parent else None


class PersonOut(Schema):
    id: int
    family_name: str
    middle_name: str
    given_name: str
    full_name: str
    gender: str
    birth_date: date | None
    ethnicity: str


class MemberOut(Schema):
    organization_id: int
    organization_name: str
    role: str

    @staticmethod
    def resolve_organization_name(obj):
        return obj.organization.name


class EmulationGroupOut(Schema):
    id: int
    name: str
    kind: str
    year: int
    owner_id: int
    members: list[MemberOut]

    @staticmethod
    def resolve_members(obj):
        return list(obj.memberships.all())


class OrganizationFilter(FilterSchema):
    kind: str | None = None
    province: int | None = None
    parent: int | None = None
    q: str | None = None


@router.get("/organizations", response=list[OrganizationOut])
@paginate(LimitOffsetPagination)
def list_organizations(request, filters: Query[OrganizationFilter]):
    queryset = Organization.objects.visible_to(request.user)
    if filters.kind:
        queryset = queryset.filter(kind=filters.kind)
    if filters.province:
        queryset = queryset.filter(province_code=filters.province)
    if filters.parent:
        parent = get_object_or_404(Organization, pk=filters.parent)
        queryset = queryset.filter(depth=parent.depth + 1, path__startswith=parent.path)
    if filters.q:
        queryset = queryset.filter(search_q(filters.q))
    return queryset.order_by("sort_key", "pk")


@router.get("/organizations/{org_id}", response=OrganizationOut)
def get_organization(request, org_id: int):
    return get_object_or_404(Organization.objects.visible_to(request.user), pk=org_id)


@router.get("/people", response=list[PersonOut])
@paginate(LimitOffsetPagination)
def list_people(request, q: str | None = None):
    queryset = Person.objects.visible_to(request.user)
    if q:
        queryset = queryset.filter(search_q(q))
    return queryset.order_by("sort_key", "pk")


@router.get("/people/{person_id}", response=PersonOut)
def get_person(request, person_id: int):
    return get_object_or_404(Person.objects.visible_to(request.user), pk=person_id)


@router.get("/emulation-groups", response=list[EmulationGroupOut])
@paginate(LimitOffsetPagination)
def list_emulation_groups(request, q: str | None = None, year: int | None = None):
    queryset = EmulationGroup.objects.visible_to(request.user).prefetch_related(
        "memberships__organization")
    if q:
        queryset = queryset.filter(search_q(q))
    if year:
        queryset = queryset.filter(year=year)
    return queryset.order_by("-year", "name", "pk")
