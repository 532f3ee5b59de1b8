"""The commendation pipeline over the API: create and submit nominations, read statuses,
decisions and awards. Every call goes through the same workflow functions and permissions as the
pages; querysets through ``visible_to``."""
from datetime import date, datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404
from ninja import Router, Schema, Status
from ninja.pagination import LimitOffsetPagination, paginate

from thidua.awards.models import AwardType
from thidua.nominations import workflow
from thidua.nominations.models import Decision, NominationBatch
from thidua.organizations.models import Organization, Person
from thidua.organizations.scoping import ALL_ROLES, organization_q

router = Router(tags=["Hồ sơ khen thưởng"])


class NominationIn(Schema):
    subject_kind: str = "INDIVIDUAL"
    award_type: str
    person_id: int | None = None
    organization_id: int | None = None
    achievement: str = ""


class BatchIn(Schema):
    proposer_id: int
    authority_id: int
    title: str
    year: int
    basis: str = "MERIT"
    procedure: str = "STANDARD"
    simplified_reason: str = ""
    items: list[NominationIn] = []


class NominationOut(Schema):
    id: int
    subject_kind: str
    person_id: int | None
    organization_id: int | None
    award_type: str
    verdict: str
    council_result: str
    outcome: str

    @staticmethod
    def resolve_award_type(obj):
        return obj.award_type.code


class TransitionOut(Schema):
    from_state: str
    to_state: str
    at: datetime
    note: str


class BatchOut(Schema):
    id: int
    title: str
    proposer_id: int
    authority_id: int
    year: int
    state: str
    state_label: str
    due_on: date | None
    items: list[NominationOut]
    transitions: list[TransitionOut]

    @staticmethod
    def resolve_state_label(obj):
        return obj.get_state_display()

    @staticmethod
    def resolve_items(obj):
        return list(obj.items.select_related("award_type"))

    @staticmethod
    def resolve_transitions(obj):
        return list(obj.transitions.all())


class DecisionOut(Schema):
    id: int
    issuer_id: int
    reference: str
    date: date | None
    title: str
    state: str
    award_ids: list[int]

    @staticmethod
    def resolve_award_ids(obj):
        return list(obj.awards.values_list("pk", flat=True))


class Error(Schema):
    detail: str


def _batch(request, pk):
    batch = get_object_or_404(NominationBatch.objects.visible_to(request.user), pk=pk)
    return batch


def _refused(error):
    if isinstance(error, PermissionDenied):
        return Status(403, {"detail": str(error) or "Không có quyền."})
    return Status(400, {"detail": " ".join(error.messages)})


@router.get("/nominations", response=list[BatchOut])
@paginate(LimitOffsetPagination)
def list_batches(request, state: str = ""):
    batches = NominationBatch.objects.visible_to(request.user)
    return batches.filter(state=state) if state else batches


@router.get("/nominations/{pk}", response=BatchOut)
def get_batch(request, pk: int):
    return _batch(request, pk)


@router.post("/nominations", response={201: BatchOut, 400: Error, 403: Error})
def create_batch(request, payload: BatchIn):
    """Create a draft tờ trình with its nominees (all or nothing)."""
    from django.db import transaction

    proposer = get_object_or_404(Organization, pk=payload.proposer_id)
    authority = get_object_or_404(Organization, pk=payload.authority_id)
    try:
        with transaction.atomic():
            batch = workflow.create_batch(
                request.user, proposer, authority, title=payload.title, year=payload.year,
                basis=payload.basis, procedure=payload.procedure,
                simplified_reason=payload.simplified_reason)
            for item in payload.items:
                workflow.add_nomination(
                    request.user, batch, item.subject_kind,
                    get_object_or_404(AwardType, code=item.award_type),
                    person=Person.objects.filter(pk=item.person_id).first(),
                    organization=Organization.objects.filter(pk=item.organization_id).first(),
                    achievement=item.achievement)
    except (PermissionDenied, ValidationError) as error:
        return _refused(error)
    return Status(201, batch)


@router.post("/nominations/{pk}/submit", response={200: BatchOut, 400: Error, 403: Error})
def submit_batch(request, pk: int):
    batch = _batch(request, pk)
    try:
        workflow.submit_batch(request.user, batch)
    except (PermissionDenied, ValidationError) as error:
        return _refused(error)
    batch.refresh_from_db()
    return Status(200, batch)


@router.get("/decisions", response=list[DecisionOut])
@paginate(LimitOffsetPagination)
def list_decisions(request):
    return Decision.objects.filter(organization_q(request.user, ALL_ROLES, "issuer__"),
                                   state="ISSUED")


@router.get("/decisions/{pk}", response=DecisionOut)
def get_decision(request, pk: int):
    return get_object_or_404(Decision.objects.filter(
        organization_q(request.user, ALL_ROLES, "issuer__")), pk=pk)
