"""The E&C departments and civil servants behind Biểu 0604–0605 over the API.

Exactly what the pages at /bao-cao/bo-may/ and /bao-cao/can-bo/ do: records are those of the
reporting units the user keeps (``managed_by``), anything else is "not found"; lists take the
pages' filters (same FilterSets), writes go through the pages' forms (same validation, same
choice of reporting unit) and deleting is final, as on the pages."""
from typing import Annotated

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from ninja import Field, FilterSchema, Query, Router, Schema, Status
from ninja.pagination import paginate

from thidua.organizations.models import Gender
from thidua.reports import services
from thidua.reports.forms import ECDepartmentForm, ECStaffMemberForm, reporting_units
from thidua.reports.models import ECDepartment, ECDepartmentLevel, ECStaffMember, TrainingLevel
from thidua.reports.views.ec_staff import (
    DepartmentListView,
    StaffListView,
)

from .common import REFUSALS, Error, Id, Pages, Text, Year, form_data, validated

router = Router(tags=["Bộ máy thi đua, khen thưởng"])

# Any year the column can hold: the form answers out-of-range years in Vietnamese, as on the pages.
AnyYear = Annotated[int, Field(ge=0, le=32767)]


class InPostOut(Schema):
    id: int
    organization_id: int
    organization_name: str
    start_year: int
    end_year: int | None

    @staticmethod
    def resolve_organization_name(obj):
        return obj.organization.name


class ECDepartmentOut(InPostOut):
    name: str
    level: str
    level_label: str

    @staticmethod
    def resolve_level_label(obj):
        return obj.get_level_display()


class ECStaffMemberOut(InPostOut):
    full_name: str
    gender: str
    birth_year: int
    training_level: str
    training_level_label: str
    ec_since_year: int
    person_id: int | None

    @staticmethod
    def resolve_training_level_label(obj):
        return obj.get_training_level_display()


class InPostIn(Schema):
    organization_id: Id
    end_year: AnyYear | None = None


class ECDepartmentIn(InPostIn):
    name: Text
    level: ECDepartmentLevel
    start_year: AnyYear


class ECStaffMemberIn(InPostIn):
    full_name: Text
    gender: Gender
    birth_year: AnyYear
    training_level: TrainingLevel
    ec_since_year: AnyYear
    start_year: AnyYear | None = None
    person_id: Id | None = None


class InPostFilterIn(FilterSchema):
    q: Text | None = None
    organization: Id | None = None
    year: Year | None = None


class ECDepartmentFilterIn(InPostFilterIn):
    level: ECDepartmentLevel | None = None


class ECStaffMemberFilterIn(InPostFilterIn):
    training_level: TrainingLevel | None = None


def _records(model, user):
    return model.objects.managed_by(user).select_related("organization")


def _filtered(request, page, filters):
    """The list page's FilterSet over the user's records; a value it refuses (a unit the user
    does not keep) is a 400, not silently ignored as on the page."""
    data = {name: value for name, value in filters.dict().items() if value is not None}
    filterset = page.filterset_class(data, queryset=_records(page.model, request.user),
                                     request=request)
    validated(filterset.form)
    return filterset.qs.order_by(*page.ordering)


def _save(request, form_class, data, instance=None):
    """Create (no ``instance``) or edit through the page's form; creating needs a reporting
    unit the user keeps, as the page's "Thêm" does."""
    if instance is None and not reporting_units(request.user).exists():
        raise PermissionDenied
    form = validated(form_class(request.user, form_data(
        data, organization=data.organization_id, person=getattr(data, "person_id", None) or ""),
        instance=instance))
    return services.save_ec_record(request.user, form.save(commit=False))


def _delete(request, model, pk):
    services.delete_ec_record(request.user, get_object_or_404(_records(model, request.user),
                                                              pk=pk))
    return Status(204, None)


@router.get("/ec-departments", response={200: list[ECDepartmentOut], 400: Error})
@paginate(Pages)
def list_ec_departments(request, filters: Query[ECDepartmentFilterIn]):
    """Departments of the user's reporting units; ``year`` keeps those counted in that year's
    Biểu 0604 (founded by then, not dissolved before 31/12)."""
    return _filtered(request, DepartmentListView, filters)


@router.get("/ec-departments/{department_id}", response={200: ECDepartmentOut, **REFUSALS})
def get_ec_department(request, department_id: Id):
    return get_object_or_404(_records(ECDepartment, request.user), pk=department_id)


@router.post("/ec-departments", response={201: ECDepartmentOut, **REFUSALS})
def create_ec_department(request, data: ECDepartmentIn):
    return Status(201, _save(request, ECDepartmentForm, data))


@router.put("/ec-departments/{department_id}", response={200: ECDepartmentOut, **REFUSALS})
def update_ec_department(request, department_id: Id, data: ECDepartmentIn):
    department = get_object_or_404(_records(ECDepartment, request.user), pk=department_id)
    return _save(request, ECDepartmentForm, data, department)


@router.delete("/ec-departments/{department_id}", response={204: None, **REFUSALS})
def delete_ec_department(request, department_id: Id):
    """Removes the department from every year's form; to keep past years, set ``end_year``."""
    return _delete(request, ECDepartment, department_id)


@router.get("/ec-staff", response={200: list[ECStaffMemberOut], 400: Error})
@paginate(Pages)
def list_ec_staff(request, filters: Query[ECStaffMemberFilterIn]):
    """Civil servants of the user's reporting units; ``year`` keeps those counted in that year's
    Biểu 0605."""
    return _filtered(request, StaffListView, filters)


@router.get("/ec-staff/{member_id}", response={200: ECStaffMemberOut, **REFUSALS})
def get_ec_staff_member(request, member_id: Id):
    return get_object_or_404(_records(ECStaffMember, request.user), pk=member_id)


@router.post("/ec-staff", response={201: ECStaffMemberOut, **REFUSALS})
def create_ec_staff_member(request, data: ECStaffMemberIn):
    """``start_year`` (arrival at this unit) defaults to ``ec_since_year``; ``person_id`` links a
    person of the alliance's own staff."""
    return Status(201, _save(request, ECStaffMemberForm, data))


@router.put("/ec-staff/{member_id}", response={200: ECStaffMemberOut, **REFUSALS})
def update_ec_staff_member(request, member_id: Id, data: ECStaffMemberIn):
    member = get_object_or_404(_records(ECStaffMember, request.user), pk=member_id)
    return _save(request, ECStaffMemberForm, data, member)


@router.delete("/ec-staff/{member_id}", response={204: None, **REFUSALS})
def delete_ec_staff_member(request, member_id: Id):
    """Removes the official from every year's form; to keep past years, set ``end_year``."""
    return _delete(request, ECStaffMember, member_id)
