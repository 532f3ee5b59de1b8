"""Department appraisal: the appraiser asks several departments of the level at once, each
department answers on the nominees within its field. Neither changes the batch's state; the
appraiser's conclusion (``intake.appraise_item``) reads what came in."""
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.audit.recording import record_created
from thidua.core.notifications import notify
from thidua.core.permissions import deny

from .. import guards
from ..models import DepartmentOpinion, OpinionRequest
from ..opinions import covers, department_staff, departments_of, field_of
from ..states import ItemOutcome, Opinion, State
from .common import WorkflowError, enforce, locked, working_days_from_today

DEFAULT_OPINION_DAYS = 5  # offered on the form; the appraiser sets each request's own
MAX_WORKING_DAYS = 60
ANSWERS = {Opinion.AGREE, Opinion.DISAGREE, Opinion.NOTE}


def _due_on(working_days):
    if not isinstance(working_days, int) or not 1 <= working_days <= MAX_WORKING_DAYS:
        raise WorkflowError(_("Thời hạn cho ý kiến là từ 1 đến %(max)s ngày làm việc.") % {
            "max": MAX_WORKING_DAYS})
    return working_days_from_today(working_days)


@transaction.atomic
def request_department_opinions(user, batch, departments, working_days, note=""):
    """At the appraisal step, ask each of ``departments`` (departments of the deciding level, not
    asked before on this batch) for its opinion on the open nominees within its field, by
    ``working_days`` working days from today. Side effects: an OpinionRequest per department
    and a pending DepartmentOpinion per nominee in its field, with their audit entries; each
    department's staff notified. The batch stays where it is. Returns the requests."""
    batch = locked(batch)
    enforce(guards.request_opinions(user, batch))
    departments = list(departments)
    if not departments:
        raise WorkflowError(_("Chọn ít nhất một ban để xin ý kiến."))
    due_on = _due_on(working_days)
    allowed = {department.pk for department in departments_of(batch.authority)}
    asked = set(batch.opinion_requests.values_list("department_id", flat=True))
    items = list(batch.items.filter(outcome=ItemOutcome.OPEN).select_related("award_type"))
    requests = []
    for department in departments:
        if department.pk not in allowed:
            raise WorkflowError(_("%(unit)s không phải là ban của %(level)s.") % {
                "unit": department, "level": batch.authority})
        if department.pk in asked:
            raise WorkflowError(_("Đã xin ý kiến %(unit)s về tờ trình này.") % {
                "unit": department})
        department_field = field_of(department)
        chosen = [item for item in items if covers(department_field, item)]
        if not chosen:
            raise WorkflowError(_("Tờ trình không có hồ sơ nào thuộc lĩnh vực của %(unit)s.") % {
                "unit": department})
        request = OpinionRequest.objects.create(batch=batch, department=department, due_on=due_on,
                                                note=(note or "").strip(), requested_by=user)
        record_created(DepartmentOpinion.objects.bulk_create(
            [DepartmentOpinion(request=request, item=item) for item in chosen]))
        notify(department_staff(department),
               _("Đề nghị %(unit)s cho ý kiến về tờ trình trước ngày %(day)s"), str(batch),
               request.get_absolute_url(),
               title_params={"unit": department, "day": due_on.strftime("%d/%m/%Y")})
        requests.append(request)
    return requests


@transaction.atomic
def give_department_opinion(user, opinion, value, comment=""):
    """A department's opinion on one nominee (agree, disagree, or a note), while the batch is at
    the appraisal step; it may be changed until then. Disagreeing or noting needs its content.
    An answer after the deadline is taken and marked late. Side effects: the DepartmentOpinion
    row (audit entry); the appraiser notified once the department has answered on every
    nominee it was asked about."""
    request = OpinionRequest.objects.unscoped("the opinion the caller holds").select_related(
        "department").get(pk=opinion.request_id)
    batch = locked(request.batch)
    if not user.has_perm("nominations.answer_opinion", request):
        deny()
    if batch.state != State.IN_APPRAISAL:
        raise WorkflowError(_("Tờ trình đã qua bước thẩm định; không nhận thêm ý kiến."))
    if value not in ANSWERS:
        raise WorkflowError(_("Chọn Đồng ý, Không đồng ý hoặc Có ý kiến khác."))
    comment = (comment or "").strip()
    if value != Opinion.AGREE and not comment:
        raise WorkflowError(_("Cần ghi nội dung ý kiến."))
    opinion = DepartmentOpinion.objects.select_for_update().get(pk=opinion.pk)
    first_answer = opinion.value == Opinion.PENDING
    now = timezone.now()
    opinion.value, opinion.comment, opinion.answered_by, opinion.answered_at = (
        value, comment, user, now)
    opinion.late = timezone.localdate(now) > request.due_on
    opinion.save(update_fields=["value", "comment", "answered_by", "answered_at", "late"])
    if first_answer and batch.appraiser and not request.opinions.filter(
            value=Opinion.PENDING).exists():
        notify([batch.appraiser], _("%(unit)s đã cho ý kiến đủ các hồ sơ được hỏi"), str(batch),
               batch.get_absolute_url() + "tham-dinh/", title_params={"unit": request.department})
    return opinion


@transaction.atomic
def extend_opinion_deadline(user, request, working_days):
    """Give a department that still owes opinions more time: a new deadline ``working_days``
    working days from today, later than the one it had (answers already given after the old one
    stay marked late). Side effects: the request's due date (audit entry); the department's staff
    reminded with the new date. The batch stays where it is."""
    request = OpinionRequest.objects.unscoped("the request the caller holds").select_related(
        "department").get(pk=request.pk)
    batch = locked(request.batch)
    enforce(guards.request_opinions(user, batch))
    if not request.opinions.filter(value=Opinion.PENDING).exists():
        raise WorkflowError(_("%(unit)s đã cho ý kiến đủ các hồ sơ được hỏi.") % {
            "unit": request.department})
    due_on = _due_on(working_days)
    if due_on <= request.due_on:
        raise WorkflowError(_("Hạn mới phải sau hạn hiện tại (%(day)s).") % {
            "day": request.due_on.strftime("%d/%m/%Y")})
    request.due_on = due_on
    request.save(update_fields=["due_on"])
    notify(department_staff(request.department),
           _("Gia hạn cho ý kiến về tờ trình đến ngày %(day)s"), str(batch),
           request.get_absolute_url(), title_params={"day": due_on.strftime("%d/%m/%Y")})
    return request
