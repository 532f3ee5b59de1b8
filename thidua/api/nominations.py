"""The commendation pipeline over the API: create and submit nominations, read statuses,
councils and their sessions, decisions and awards. Every call goes through the same workflow
functions and permissions as the pages; querysets through ``visible_to``.

Secret voting: no endpoint says who voted or how; a session shows its anonymous per-nominee counts
only once it is closed."""
from datetime import date, datetime

from django.db import transaction
from django.shortcuts import get_object_or_404
from ninja import Router, Schema, Status
from ninja.pagination import paginate

from thidua.awards.models import AwardType
from thidua.nominations import workflow
from thidua.nominations.models import (
    Council,
    CouncilSession,
    Decision,
    NominationBatch,
    SessionState,
)
from thidua.organizations.models import Organization, Person

from .common import REFUSALS, Id, Pages, Text, Year

router = Router(tags=["Hồ sơ khen thưởng"])


class NominationIn(Schema):
    subject_kind: Text = "INDIVIDUAL"
    award_type: Text
    person_id: Id | None = None
    organization_id: Id | None = None
    achievement: Text = ""


class BatchIn(Schema):
    proposer_id: Id
    authority_id: Id
    title: Text
    year: Year
    basis: Text = "MERIT"
    procedure: Text = "STANDARD"
    simplified_reason: Text = ""
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


class CouncilMemberOut(Schema):
    user_id: int
    name: str
    role: str
    start_date: date
    end_date: date | None

    @staticmethod
    def resolve_name(obj):
        return str(obj.user)


class CouncilOut(Schema):
    id: int
    organization_id: int
    name: str
    members: list[CouncilMemberOut]

    @staticmethod
    def resolve_members(obj):
        return list(obj.memberships.all())


class TallyOut(Schema):
    nomination_id: int
    round: int
    agree: int
    disagree: int
    abstain: int


class SessionOut(Schema):
    id: int
    council_id: int
    title: str
    date: date
    secret: bool
    state: str
    round: int
    agenda: list[int]
    tallies: list[TallyOut]

    @staticmethod
    def resolve_agenda(obj):
        return [item.pk for item in obj.agenda.all()]

    @staticmethod
    def resolve_tallies(obj):
        if obj.state != SessionState.CLOSED:
            return []
        return [{"nomination_id": t.item_id, "round": t.round, "agree": t.agree,
                 "disagree": t.disagree, "abstain": t.abstain} for t in obj.tallies.all()]


def _batch(request, pk):
    return get_object_or_404(NominationBatch.objects.visible_to(request.user), pk=pk)


@router.get("/nominations", response=list[BatchOut])
@paginate(Pages)
def list_batches(request, state: Text = "", year: Year | None = None):
    batches = NominationBatch.objects.visible_to(request.user)
    if state:
        batches = batches.filter(state=state)
    if year:
        batches = batches.filter(year=year)
    return batches.order_by("-pk")


@router.get("/nominations/{pk}", response={200: BatchOut, **REFUSALS})
def get_batch(request, pk: Id):
    return _batch(request, pk)


@router.post("/nominations", response={201: BatchOut, **REFUSALS})
@transaction.atomic
def create_batch(request, payload: BatchIn):
    """Create a draft tờ trình with its nominees (all or nothing)."""
    visible = Organization.objects.visible_to(request.user)
    proposer = get_object_or_404(visible, pk=payload.proposer_id)
    authority = get_object_or_404(Organization, pk=payload.authority_id)
    batch = workflow.create_batch(
        request.user, proposer, authority, title=payload.title, year=payload.year,
        basis=payload.basis, procedure=payload.procedure,
        simplified_reason=payload.simplified_reason)
    for item in payload.items:
        workflow.add_nomination(
            request.user, batch, item.subject_kind,
            get_object_or_404(AwardType, code=item.award_type),
            person=Person.objects.visible_to(request.user).filter(pk=item.person_id).first(),
            organization=visible.filter(pk=item.organization_id).first(),
            achievement=item.achievement)
    return Status(201, batch)


@router.post("/nominations/{pk}/submit", response={200: BatchOut, **REFUSALS})
def submit_batch(request, pk: Id):
    batch = _batch(request, pk)
    workflow.submit_batch(request.user, batch)
    batch.refresh_from_db()
    return Status(200, batch)


def _councils(user):
    return Council.objects.visible_to(user)


@router.get("/councils", response=list[CouncilOut])
@paginate(Pages)
def list_councils(request):
    return _councils(request.user).prefetch_related("memberships__user").order_by("pk")


def _sessions(user):
    """Sessions of the councils the user sees, and those the user sits on."""
    return CouncilSession.objects.visible_to(user).prefetch_related("agenda", "tallies")


@router.get("/council-sessions", response=list[SessionOut])
@paginate(Pages)
def list_sessions(request, council: Id | None = None, state: Text | None = None):
    queryset = _sessions(request.user)
    if council:
        queryset = queryset.filter(council_id=council)
    if state:
        queryset = queryset.filter(state=state)
    return queryset.order_by("-date", "-pk")


@router.get("/council-sessions/{pk}", response={200: SessionOut, **REFUSALS})
def get_session(request, pk: Id):
    return get_object_or_404(_sessions(request.user), pk=pk)


def _decisions(user):
    return Decision.objects.visible_to(user).filter(state="ISSUED")


@router.get("/decisions", response=list[DecisionOut])
@paginate(Pages)
def list_decisions(request, year: Year | None = None):
    queryset = _decisions(request.user)
    if year:
        queryset = queryset.filter(date__year=year)
    return queryset.order_by("-date", "-pk")


@router.get("/decisions/{pk}", response={200: DecisionOut, **REFUSALS})
def get_decision(request, pk: Id):
    return get_object_or_404(_decisions(request.user), pk=pk)
