"""The network over the API: units, people with their employments, blocs and clusters.

Reads go through ``visible_to``; writes through the pages' forms (same validation) and the
organisations' services (same permission checks)."""
from datetime import date

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from ninja import Field, FilterSchema, Query, Router, Schema, Status
from ninja.pagination import paginate

from thidua.organizations import services, splitting
from thidua.organizations.forms import (
    EmploymentForm,
    EmulationGroupForm,
    MembershipForm,
    OrganizationForm,
    PersonForm,
)
from thidua.organizations.models import (
    Employment,
    EmulationGroup,
    Organization,
    OrganizationStatus,
    Person,
)
from thidua.organizations.scoping import (
    NETWORK_EDITORS,
    PEOPLE_EDITORS,
    current_employment_q,
    organization_q,
    search_q,
)

from .common import REFUSALS, Id, Pages, Text, Year, form_data, validated

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


class OrganizationIn(Schema):
    kind: str
    code: str
    name: str
    short_name: str = ""
    tax_code: str = ""
    sector: str = ""
    founding_date: date | None = None
    is_new_model: bool = False
    province_code: int | None = None
    ward_code: int | None = None
    address: str = ""
    phone: str = ""
    email: str = ""
    website: str = ""
    status: str = OrganizationStatus.ACTIVE
    status_date: date | None = None
    merged_into_id: int | None = None


class NewOrganizationIn(OrganizationIn):
    parent_id: Id


class EmploymentOut(Schema):
    id: int
    organization_id: int
    organization_name: str
    position: str
    category: str
    membership: str
    member_kind: str
    represents: str
    is_direct_worker: bool
    start_date: date | None
    end_date: date | None

    @staticmethod
    def resolve_organization_name(obj):
        return obj.organization.name


class PersonOut(Schema):
    id: int
    family_name: str
    middle_name: str
    given_name: str
    full_name: str
    gender: str
    birth_date: date | None
    ethnicity: str
    employments: list[EmploymentOut]

    @staticmethod
    def resolve_employments(obj):
        return list(obj.employments.all())


class PersonIn(Schema):
    family_name: str
    middle_name: str = ""
    given_name: str
    gender: str
    birth_date: date | None = None
    ethnicity: str = "01"
    citizen_id: str = ""
    phone: str = ""
    email: str = ""


class EmploymentIn(Schema):
    organization_id: Id
    position: str = ""
    category: str
    membership: str = ""
    member_kind: str = ""
    represents: str = ""
    is_direct_worker: bool = False
    start_date: date | None = None
    end_date: date | None = None


class NewPersonIn(PersonIn):
    employment: EmploymentIn


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


class EmulationGroupIn(Schema):
    owner_id: Id
    kind: str
    name: str
    year: Year


class MemberIn(Schema):
    organization_id: Id
    role: str = "MEMBER"


class OrganizationFilter(FilterSchema):
    kind: Text | None = None
    status: Text | None = None
    province: Id | None = None
    parent: Id | None = None
    q: Text | None = None


def code_of(org_id):
    """Forms name units by code; an id the user cannot see becomes an unknown code."""
    return Organization.objects.filter(pk=org_id).values_list("code", flat=True).first() or "?"


def _units(user, roles):
    return Organization.objects.filter(organization_q(user, roles))


@router.get("/organizations", response=list[OrganizationOut])
@paginate(Pages)
def list_organizations(request, filters: Query[OrganizationFilter]):
    queryset = Organization.objects.visible_to(request.user)
    if filters.kind:
        queryset = queryset.filter(kind=filters.kind)
    if filters.status:
        queryset = queryset.filter(status=filters.status)
    if filters.province:
        queryset = queryset.filter(province_code=filters.province)
    if filters.parent:
        parent = get_object_or_404(Organization.objects.visible_to(request.user), pk=filters.parent)
        queryset = queryset.children_of(parent)
    if filters.q:
        queryset = queryset.filter(search_q(filters.q))
    return queryset.order_by("sort_key", "pk")


@router.get("/organizations/{org_id}", response={200: OrganizationOut, **REFUSALS})
def get_organization(request, org_id: Id):
    return get_object_or_404(Organization.objects.visible_to(request.user), pk=org_id)


@router.post("/organizations", response={201: OrganizationOut, **REFUSALS})
def create_organization(request, data: NewOrganizationIn):
    """Add a unit under ``parent_id`` (E&C officers and system admins of the parent)."""
    parent = get_object_or_404(Organization.objects.visible_to(request.user), pk=data.parent_id)
    form = validated(OrganizationForm(form_data(data, merged_into=code_of(data.merged_into_id)
                                                if data.merged_into_id else "")))
    return Status(201, services.create_organization(request.user, parent, form.save(commit=False)))


@router.put("/organizations/{org_id}", response={200: OrganizationOut, **REFUSALS})
def update_organization(request, org_id: Id, data: OrganizationIn):
    organization = get_object_or_404(Organization.objects.visible_to(request.user), pk=org_id)
    form = validated(OrganizationForm(form_data(data, merged_into=code_of(data.merged_into_id)
                                                if data.merged_into_id else ""),
                                      instance=organization))
    return services.update_organization(request.user, form.save(commit=False))


def _people(user):
    employments = Employment.objects.visible_to(user).select_related("organization")
    current = employments.filter(current_employment_q())
    return Person.objects.visible_to(user).prefetch_related(
        Prefetch("employments", queryset=employments),
        Prefetch("employments", queryset=current, to_attr="current_employments"))


@router.get("/people", response=list[PersonOut])
@paginate(Pages)
def list_people(request, q: Text | None = None, organization: Id | None = None):
    """People with a current employment in the user's scope; ``organization`` narrows to those
    currently working in that unit or below it."""
    queryset = _people(request.user)
    if q:
        queryset = queryset.filter(search_q(q))
    if organization:
        unit = get_object_or_404(Organization.objects.visible_to(request.user), pk=organization)
        queryset = queryset.filter(pk__in=Employment.objects.filter(
            current_employment_q(), organization__path__startswith=unit.path).values("person"))
    return queryset.order_by("sort_key", "pk")


@router.get("/people/{person_id}", response={200: PersonOut, **REFUSALS})
def get_person(request, person_id: Id):
    return get_object_or_404(_people(request.user), pk=person_id)


@router.post("/people", response={201: PersonOut, **REFUSALS})
def create_person(request, data: NewPersonIn):
    """A new person with a first employment at a unit where the user may add people. The citizen
    ID is written, never read back."""
    person_form = validated(PersonForm(form_data(data), show_citizen_id=True))
    job = data.employment
    job_form = validated(EmploymentForm(
        form_data(job, organization=code_of(job.organization_id)),
        organizations=_units(request.user, PEOPLE_EDITORS)))
    person = services.create_person(request.user, person_form.save(commit=False),
                                    job_form.save(commit=False))
    return Status(201, get_object_or_404(_people(request.user), pk=person.pk))


@router.put("/people/{person_id}", response={200: PersonOut, **REFUSALS})
def update_person(request, person_id: Id, data: PersonIn):
    """Edit a person; ``citizen_id`` is only accepted from those allowed to see it (empty keeps
    the stored number)."""
    person = get_object_or_404(Person.objects.visible_to(request.user), pk=person_id)
    allowed = request.user.has_perm("organizations.view_citizen_id", person)
    form = validated(PersonForm(form_data(data), instance=person, show_citizen_id=allowed))
    services.update_person(request.user, form.save(commit=False))
    return get_object_or_404(_people(request.user), pk=person.pk)


@router.post("/people/{person_id}/employments", response={201: EmploymentOut, **REFUSALS})
def add_employment(request, person_id: Id, data: EmploymentIn, close_current: bool = False):
    """A new position or a move; ``close_current`` ends the open ones the day before."""
    person = get_object_or_404(Person.objects.visible_to(request.user), pk=person_id)
    form = validated(EmploymentForm(form_data(data, organization=code_of(data.organization_id)),
                                    instance=Employment(person=person),
                                    organizations=_units(request.user, PEOPLE_EDITORS)))
    employment = form.save(commit=False)
    services.add_employment(request.user, person, employment, close_current=close_current)
    return Status(201, employment)


def _groups(user):
    return EmulationGroup.objects.visible_to(user).prefetch_related("memberships__organization")


@router.get("/emulation-groups", response=list[EmulationGroupOut])
@paginate(Pages)
def list_emulation_groups(request, q: Text | None = None, year: Year | None = None):
    queryset = _groups(request.user)
    if q:
        queryset = queryset.filter(search_q(q))
    if year:
        queryset = queryset.filter(year=year)
    return queryset.order_by("-year", "name", "pk")


@router.get("/emulation-groups/{group_id}", response={200: EmulationGroupOut, **REFUSALS})
def get_emulation_group(request, group_id: Id):
    return get_object_or_404(_groups(request.user), pk=group_id)


@router.post("/emulation-groups", response={201: EmulationGroupOut, **REFUSALS})
def create_emulation_group(request, data: EmulationGroupIn):
    form = validated(EmulationGroupForm(form_data(data, owner=code_of(data.owner_id)),
                                        owners=_units(request.user, NETWORK_EDITORS)))
    group = services.create_emulation_group(request.user, form.save(commit=False))
    return Status(201, get_object_or_404(_groups(request.user), pk=group.pk))


@router.put("/emulation-groups/{group_id}/members", response={200: EmulationGroupOut, **REFUSALS})
def set_group_member(request, group_id: Id, data: MemberIn):
    """Add a unit to the bloc or change its role (a new head replaces the previous one)."""
    group = get_object_or_404(_groups(request.user), pk=group_id)
    form = validated(MembershipForm(form_data(data, organization=code_of(data.organization_id)),
                                    organizations=Organization.objects.subtree(group.owner)))
    services.set_group_member(request.user, group, form.cleaned_data["organization"],
                              form.cleaned_data["role"])
    return get_object_or_404(_groups(request.user), pk=group.pk)


class NewUnitIn(Schema):
    code: Text
    name: Text
    short_name: Text = ""
    kind: str = ""  # the old unit's when empty


class SplitIn(Schema):
    day: date
    new_units: list[NewUnitIn] = Field(..., max_length=splitting.MAX_NEW_UNITS)
    moves: dict[Id, int] = {}  # employment id at the old unit → index in ``new_units``


@router.post("/organizations/{org_id}/split", response={201: list[OrganizationOut], **REFUSALS})
def split_organization(request, org_id: Id, data: SplitIn):
    """Split new units off a unit on ``day`` and move the people ``moves`` assigns; the award
    history stays with the old unit (the same rules as the page "Chia tách")."""
    unit = get_object_or_404(Organization.objects.visible_to(request.user), pk=org_id)
    new_units = [Organization(code=new.code, name=new.name, short_name=new.short_name,
                              kind=new.kind) for new in data.new_units]
    return Status(201, splitting.split_unit(request.user, unit, new_units, data.day, data.moves))
