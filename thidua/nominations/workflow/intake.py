"""The authority's side before the council: intake, return, appraisal, publicity, rejection."""
from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.accounts.models import User
from thidua.audit.recording import audited_update

from .. import guards
from ..guards import describe_missing, missing_components
from ..models import Disclosure, PublicComment
from ..opinions import missing_for
from ..rules import PROPOSERS, SECRETARIES
from ..states import CouncilResult, ItemOutcome, State, Verdict
from .common import WorkflowError, enforce, locked, move, tell, working_days_from_today


def checklist(batch):
    """[(label, ok)] of the completeness checklist computed from the required components."""
    missing = missing_components(batch)
    rows = [(_("Có ít nhất một người hoặc tập thể được đề nghị"), batch.items.exists())]
    rows.append((_("Đủ thành phần hồ sơ theo danh mục khen thưởng"), not missing))
    if missing:
        rows.append((_("Còn thiếu: %(list)s") % {"list": describe_missing(missing)}, False))
    return rows


@transaction.atomic
def receive_batch(user, batch):
    """SUBMITTED → RECEIVED once the checklist is complete. Side effects: Transition row; the
    appraisal deadline (20 working days) set; the proposer notified."""
    batch = locked(batch)
    enforce(guards.receive(user, batch))
    move(user, batch, {State.SUBMITTED}, State.RECEIVED,
         due_on=working_days_from_today(settings.THIDUA_APPRAISAL_WORKING_DAYS))
    tell(batch.proposer, PROPOSERS, _("Tờ trình đã được tiếp nhận"), batch)
    return batch


@transaction.atomic
def return_for_correction(user, batch, reason, working_days=None):
    """SUBMITTED/RECEIVED/IN_APPRAISAL → RETURNED_FOR_CORRECTION with a reason and a deadline in
    working days. Side effects: Transition row (the reason is its note); proposer notified."""
    batch = locked(batch)
    enforce(guards.return_for_correction(user, batch))
    if not (reason or "").strip():
        raise WorkflowError(_("Cần ghi rõ lý do trả lại và nội dung cần bổ sung."))
    days = working_days or settings.THIDUA_CORRECTION_WORKING_DAYS
    move(user, batch, guards.RETURNABLE, State.RETURNED_FOR_CORRECTION, note=reason,
         due_on=working_days_from_today(days))
    tell(batch.proposer, PROPOSERS, _("Tờ trình bị trả lại để bổ sung"), batch, body=reason)
    return batch


@transaction.atomic
def start_appraisal(user, batch, appraiser):
    """RECEIVED → IN_APPRAISAL with an assigned appraiser (who must hold an intake role at the
    authority). Side effects: Transition row; the appraiser notified."""
    batch = locked(batch)
    enforce(guards.assign_appraiser(user, batch))
    if not isinstance(appraiser, User) or not appraiser.has_perm("nominations.intake_batch", batch):
        raise WorkflowError(_("Người được giao thẩm định phải là cán bộ thẩm định hoặc cán bộ "
                              "thi đua – khen thưởng của cấp xét."))
    batch.appraiser = appraiser
    batch.save(update_fields=["appraiser"])
    move(user, batch, {State.RECEIVED}, State.IN_APPRAISAL, note=str(appraiser),
         due_on=batch.due_on)
    from thidua.core.notifications import notify

    notify([appraiser], _("Bạn được giao thẩm định tờ trình"), str(batch),
           batch.get_absolute_url())
    return batch


@transaction.atomic
def appraise_item(user, item, verdict, reason="", override_reason="", confirm_missing=False):
    """Record the appraiser's verdict for one nominee, beside the engine's and the departments'
    opinions. Disagreeing with the engine needs ``override_reason``; concluding while a
    department asked about the nominee has not answered needs ``confirm_missing``, and the
    silent departments are recorded on the row (``concluded_without``). Side effects: the
    Nomination row only (its audit entry)."""
    batch = locked(item.batch)
    enforce(guards.appraise(user, batch))
    if verdict not in {Verdict.ELIGIBLE, Verdict.NOT_ELIGIBLE}:
        raise WorkflowError(_("Chọn Đủ điều kiện hoặc Không đủ điều kiện."))
    missing = missing_for(item)
    if missing and not confirm_missing:
        raise WorkflowError(_("Còn %(count)s ban chưa cho ý kiến (%(list)s): hãy chờ, hoặc xác "
                              "nhận kết luận khi chưa đủ ý kiến.") % {
            "count": len(missing), "list": ", ".join(missing)})
    engine = item.engine_eligible
    disagrees = engine is not None and engine != (verdict == Verdict.ELIGIBLE)
    if disagrees and not (override_reason or "").strip():
        raise WorkflowError(_("Kết quả thẩm định khác kết quả kiểm tra tự động: cần ghi lý do."))
    if verdict == Verdict.NOT_ELIGIBLE and not (reason or "").strip():
        raise WorkflowError(_("Cần ghi lý do không đủ điều kiện."))
    item.verdict, item.verdict_reason = verdict, reason
    item.override_reason = override_reason if disagrees else ""
    item.appraised_by = user
    item.concluded_without = "; ".join(missing)
    item.save(update_fields=["verdict", "verdict_reason", "override_reason", "appraised_by",
                             "concluded_without"])
    return item


@transaction.atomic
def open_publicity(user, batch, working_days=None):
    """IN_APPRAISAL → PUBLICITY: the eligible nominees go on a public page for N working days
    (the longest any of their types asks, or ``working_days``). Side effects: Transition row,
    Disclosure row with its token; the council secretary notified."""
    batch = locked(batch)
    enforce(guards.open_publicity(user, batch))
    days = working_days or max(batch.items.filter(verdict=Verdict.ELIGIBLE).values_list(
        "award_type__publicity_days", flat=True))
    today = timezone.localdate()
    ends_on = working_days_from_today(days)
    Disclosure.objects.update_or_create(batch=batch, defaults={
        "starts_on": today, "ends_on": ends_on, "opened_by": user})
    move(user, batch, {State.IN_APPRAISAL}, State.PUBLICITY,
         note=_("Công khai đến hết ngày %(day)s") % {"day": ends_on.strftime("%d/%m/%Y")},
         due_on=ends_on)
    tell(batch.authority, SECRETARIES, _("Danh sách đề nghị khen thưởng đang được công khai"), batch)
    return batch


@transaction.atomic
def add_public_comment(disclosure, name, body, contact=""):
    """A citizen's comment on a published list (CAPTCHA checked by the view). Side effects: the
    comment row; the council secretary's inbox."""
    if not disclosure.is_open:
        raise WorkflowError(_("Thời gian lấy ý kiến đã kết thúc."))
    comment = PublicComment.objects.create(disclosure=disclosure, name=name, body=body,
                                           contact=contact)
    batch = disclosure.batch
    tell(batch.authority, SECRETARIES, _("Có ý kiến góp ý về danh sách công khai"), batch,
         body=f"{name}: {body[:500]}")
    return comment


@transaction.atomic
def send_to_council(user, batch):
    """IN_APPRAISAL/PUBLICITY → AT_COUNCIL. A list that must be published goes only after its
    publicity window ended. Items not needing a vote are marked so; ineligible ones close.
    Side effects: Transition row; item results; the council's deadline (20 working days) set;
    the council secretary notified."""
    batch = locked(batch)
    enforce(guards.send_to_council(user, batch))
    audited_update(batch.items.filter(verdict=Verdict.NOT_ELIGIBLE),
                   outcome=ItemOutcome.NOT_AWARDED)
    audited_update(batch.items.filter(verdict=Verdict.ELIGIBLE,
                                      award_type__council_vote_required=False),
                   council_result=CouncilResult.NOT_REQUIRED)
    move(user, batch, guards.BEFORE_COUNCIL, State.AT_COUNCIL,
         due_on=working_days_from_today(settings.THIDUA_COUNCIL_WORKING_DAYS))
    tell(batch.authority, SECRETARIES, _("Tờ trình chờ Hội đồng xét"), batch)
    return batch


@transaction.atomic
def reject_batch(user, batch, reason):
    """Any active state at the authority → REJECTED with a reason. Side effects: Transition row;
    open items closed as not awarded; the proposer notified."""
    batch = locked(batch)
    enforce(guards.reject(user, batch))
    if not (reason or "").strip():
        raise WorkflowError(_("Cần ghi rõ lý do không chấp thuận."))
    move(user, batch, guards.REJECTABLE, State.REJECTED, note=reason)
    audited_update(batch.items.filter(outcome=ItemOutcome.OPEN), outcome=ItemOutcome.NOT_AWARDED)
    tell(batch.proposer, PROPOSERS, _("Tờ trình không được chấp thuận"), batch, body=reason)
    return batch
