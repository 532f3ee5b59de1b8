"""Department appraisal over the API (``nominations.workflow.opinions``): the appraiser asks
departments of the level for their opinion on a tờ trình, a department answers each nominee, and
whoever sees a request reads its answers. Reads go through ``OpinionRequest.objects.visible_to``;
every change through the workflow function's own permission check."""
from datetime import date, datetime
from typing import Annotated

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status
from ninja.pagination import paginate

from thidua.nominations import workflow
from thidua.nominations.models import DepartmentOpinion, NominationBatch, OpinionRequest
from thidua.nominations.opinions import departments_of
from thidua.nominations.states import Opinion

from .common import REFUSALS, Id, Pages, Text

router = Router(tags=["Hồ sơ khen thưởng"])
WorkingDays = Annotated[int, Field(ge=1, le=60)]


class OpinionOut(Schema):
    id: int
    nomination_id: int
    subject_name: str
    award_type: str
    value: str
    value_label: str
    comment: str
    late: bool
    answered_at: datetime | None

    @staticmethod
    def resolve_nomination_id(obj):
        return obj.item_id

    @staticmethod
    def resolve_subject_name(obj):
        return obj.item.subject_name

    @staticmethod
    def resolve_award_type(obj):
        return obj.item.award_type.code

    @staticmethod
    def resolve_value_label(obj):
        return obj.get_value_display()


class OpinionRequestOut(Schema):
    id: int
    nomination_batch_id: int
    department_id: int
    department_name: str
    due_on: date
    note: str
    asked: int
    answered: int
    late: bool
    opinions: list[OpinionOut]

    @staticmethod
    def resolve_nomination_batch_id(obj):
        return obj.batch_id

    @staticmethod
    def resolve_department_name(obj):
        return obj.department.name

    # The opinions come prefetched with their nominees (``_requests``): counting them here costs
    # no query per request on a list page.
    @staticmethod
    def resolve_opinions(obj):
        return list(obj.opinions.all())

    @staticmethod
    def resolve_asked(obj):
        return len(obj.opinions.all())

    @staticmethod
    def resolve_answered(obj):
        return sum(opinion.value != Opinion.PENDING for opinion in obj.opinions.all())

    @staticmethod
    def resolve_late(obj):
        """Past its deadline with nominees still unanswered."""
        return obj.is_past_due and any(opinion.value == Opinion.PENDING
                                       for opinion in obj.opinions.all())


class OpinionRequestIn(Schema):
    department_ids: list[Id] = Field(..., max_length=50)
    working_days: WorkingDays = 5
    note: Text = ""


class ExtensionIn(Schema):
    working_days: WorkingDays


class OpinionIn(Schema):
    value: Text
    comment: Text = ""


def _requests(user):
    return OpinionRequest.objects.visible_to(user).select_related("department").prefetch_related(
        Prefetch("opinions", queryset=DepartmentOpinion.objects.select_related(
            "item__person", "item__organization", "item__award_type")))


@router.get("/opinion-requests", response=list[OpinionRequestOut])
@paginate(Pages)
def list_opinion_requests(request, batch: Id | None = None):
    """Requests sent to the user's departments, and those of the levels whose tờ trình the user
    sees as the deciding authority; ``batch`` keeps one tờ trình's."""
    requests = _requests(request.user)
    if batch:
        requests = requests.filter(batch_id=batch)
    return requests.order_by("-pk")


@router.get("/opinion-requests/{pk}", response={200: OpinionRequestOut, **REFUSALS})
def get_opinion_request(request, pk: Id):
    return get_object_or_404(_requests(request.user), pk=pk)


@router.post("/nominations/{pk}/opinion-requests",
             response={201: list[OpinionRequestOut], **REFUSALS})
def request_opinions(request, pk: Id, payload: OpinionRequestIn):
    """Ask departments of the deciding level (ids from ``department_ids``) at the appraisal
    step; the same checks as the appraisal page."""
    batch = get_object_or_404(NominationBatch.objects.visible_to(request.user), pk=pk)
    by_id = {department.pk: department for department in departments_of(batch.authority)}
    unknown = sorted(set(payload.department_ids) - by_id.keys())
    if unknown:
        raise workflow.WorkflowError(_("Mã %(ids)s không phải là ban của %(level)s.") % {
            "ids": ", ".join(map(str, unknown)), "level": batch.authority})
    departments = [by_id[pk] for pk in dict.fromkeys(payload.department_ids)]
    return Status(201, workflow.request_department_opinions(
        request.user, batch, departments, payload.working_days, payload.note))


@router.post("/opinion-requests/{pk}/extension", response={200: OpinionRequestOut, **REFUSALS})
def extend_opinion_request(request, pk: Id, payload: ExtensionIn):
    """A later deadline, ``working_days`` working days from today, for a department that still
    owes opinions, and a reminder to it; the same checks as the appraisal page's "Gia hạn"."""
    opinion_request = get_object_or_404(_requests(request.user), pk=pk)
    workflow.extend_opinion_deadline(request.user, opinion_request, payload.working_days)
    return Status(200, get_object_or_404(_requests(request.user), pk=pk))


@router.post("/opinions/{pk}", response={200: OpinionOut, **REFUSALS})
def give_opinion(request, pk: Id, payload: OpinionIn):
    """A department's opinion on one nominee: AGREE, DISAGREE or NOTE (the last two with a
    ``comment``)."""
    opinion = get_object_or_404(DepartmentOpinion.objects.select_related(
        "item__person", "item__organization", "item__award_type").filter(
        request__in=_requests(request.user).values("pk")), pk=pk)
    return Status(200, workflow.give_department_opinion(request.user, opinion, payload.value,
                                                        payload.comment))
