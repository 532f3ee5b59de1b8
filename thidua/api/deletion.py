"""Soft delete and restore of units and people over the API (``organizations.deletion``): the
same rules and permission checks as the pages. A unit or person to delete is found among those
the caller sees; one to restore among the deleted ones the caller may restore."""
from datetime import datetime

from django.shortcuts import get_object_or_404
from ninja import Router, Schema

from thidua.organizations import deletion
from thidua.organizations.models import Organization, Person

from .common import REFUSALS, Id, Text

router = Router(tags=["Mạng lưới"])


class DeletionIn(Schema):
    reason: Text


class DeletionOut(Schema):
    id: int
    name: str
    deleted: bool
    deleted_at: datetime | None
    deleted_by: str
    reason: str

    @staticmethod
    def resolve_name(obj):
        return str(obj)

    @staticmethod
    def resolve_deleted(obj):
        return obj.deleted_at is not None

    @staticmethod
    def resolve_deleted_by(obj):
        return obj.deleted_by.username if obj.deleted_by else ""

    @staticmethod
    def resolve_reason(obj):
        return obj.deletion_reason


@router.post("/organizations/{org_id}/deletion", response={200: DeletionOut, **REFUSALS})
def delete_organization(request, org_id: Id, data: DeletionIn):
    """Soft-delete a unit entered by mistake (no units below it, no one working there)."""
    unit = get_object_or_404(Organization.objects.visible_to(request.user), pk=org_id)
    return deletion.delete_organization(request.user, unit, data.reason)


@router.post("/organizations/{org_id}/restoration", response={200: DeletionOut, **REFUSALS})
def restore_organization(request, org_id: Id):
    unit = get_object_or_404(deletion.deleted_units(request.user), pk=org_id)
    return deletion.restore_organization(request.user, unit)


@router.post("/people/{person_id}/deletion", response={200: DeletionOut, **REFUSALS})
def delete_person(request, person_id: Id, data: DeletionIn):
    """Soft-delete a person entered by mistake; their employments, awards and dossiers stay."""
    person = get_object_or_404(Person.objects.visible_to(request.user), pk=person_id)
    return deletion.delete_person(request.user, person, data.reason)


@router.post("/people/{person_id}/restoration", response={200: DeletionOut, **REFUSALS})
def restore_person(request, person_id: Id):
    person = get_object_or_404(deletion.deleted_people(request.user), pk=person_id)
    return deletion.restore_person(request.user, person)
