"""Whether a user may take each step of a tờ trình now, and if not yet, why.

One function per step returns a ``Gate``. The batch page offers a button only where its gate is
``offered`` (the role may act and the batch is at that step) and shows the gate's ``reason`` when
the step is not yet possible; the workflow function of the same step starts with
``workflow.common.enforce(gate)``, so the page and the action can never disagree. The readiness
queries behind the reasons (missing components, appraisal done, publicity, what may be decided)
live here for the same reason.
"""
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.awards.issuing import unit_may_confer

from .models import IssuerSettings
from .opinions import departments_of
from .states import (EDITABLE_STATES, ITEM_ATTACHMENT_KINDS, AttachmentKind, CouncilResult,
                     ItemOutcome, State, Verdict)

WITHDRAWABLE = {State.DRAFT, State.SUBMITTED, State.RETURNED_FOR_CORRECTION}
RETURNABLE = {State.SUBMITTED, State.RECEIVED, State.IN_APPRAISAL}
REJECTABLE = {State.SUBMITTED, State.RECEIVED, State.IN_APPRAISAL, State.PUBLICITY,
              State.AT_COUNCIL}
BEFORE_COUNCIL = {State.IN_APPRAISAL, State.PUBLICITY}
DECIDING = {State.AT_COUNCIL, State.FORWARDED, State.DECIDED}
FORWARDING = {State.AT_COUNCIL, State.DECIDED}
DECIDABLE = {CouncilResult.PASSED, CouncilResult.NOT_REQUIRED}


@dataclass(frozen=True)
class Gate:
    """``permitted``: the user's role allows the step on this batch; ``applies``: the batch is at
    that step; ``reason``: why it cannot be taken yet (empty when it can); ``refusal``: what the
    action answers when the batch is at another step."""

    permitted: bool
    applies: bool
    reason: str = ""
    refusal: str = ""

    @property
    def offered(self):
        return self.permitted and self.applies

    @property
    def open(self):
        return self.offered and not self.reason


def state_refusal(batch, to_state):
    return _("Tờ trình đang ở trạng thái “%(state)s”, không thể chuyển sang “%(to)s”.") % {
        "state": batch.get_state_display(), "to": State(to_state).label}


def _gate(user, perm, batch, states, to_state=None, why=None, refusal=""):
    """A gate of the step taken from ``states`` (the move to ``to_state``, or the ``refusal``
    when the step moves nothing); its reason (``why``, a function of the batch) is only computed
    where the step applies."""
    permitted, applies = user.has_perm(perm, batch), batch.state in states
    return Gate(permitted, applies, (why(batch) or "") if why and permitted and applies else "",
                "" if applies else refusal or state_refusal(batch, to_state))


# Readiness -------------------------------------------------------------------------------------

def missing_components(batch):
    """[(item or None, attachment kind)] that the award types require and the dossier lacks."""
    kinds_of_batch = set(batch.attachments.filter(item=None).values_list("kind", flat=True))
    by_item = {}
    for item_id, kind in batch.attachments.exclude(item=None).values_list("item_id", "kind"):
        by_item.setdefault(item_id, set()).add(kind)
    missing = []
    for item in batch.items.select_related("award_type", "person", "organization"):
        for kind in item.award_type.components_for(batch.procedure):
            have = by_item.get(item.pk, set()) if kind in ITEM_ATTACHMENT_KINDS else kinds_of_batch
            if kind not in have and (None, kind) not in missing:
                missing.append((item if kind in ITEM_ATTACHMENT_KINDS else None, kind))
    return missing


def describe_missing(missing):
    return "; ".join((f"{item.subject_name}: " if item else "") + str(AttachmentKind(kind).label)
                     for item, kind in missing)


def appraisal_pending(batch):
    """Why the appraisal is not finished, or ""."""
    if batch.items.filter(verdict=Verdict.PENDING).exists():
        return _("Còn hồ sơ chưa thẩm định; hãy cho kết quả từng người, tập thể.")
    if not batch.items.filter(verdict=Verdict.ELIGIBLE).exists():
        return _("Không có hồ sơ nào đủ điều kiện; hãy chọn Không chấp thuận.")
    return ""


def needs_publicity(batch):
    return batch.items.filter(verdict=Verdict.ELIGIBLE,
                              award_type__publicity_required=True).exists()


def _within_power(batch, item):
    """Whether the batch's authority may confer the item's type today (catalogue of powers)."""
    return unit_may_confer(batch.authority, item.award_type.code, timezone.localdate())


def _council_approved(batch):
    return batch.items.filter(outcome=ItemOutcome.OPEN, council_result__in=DECIDABLE)


def decidable_items(batch):
    """Items the batch's authority may award now: council passed, open, within its power."""
    return [item for item in _council_approved(batch).select_related(
        "award_type", "person", "organization") if _within_power(batch, item)]


def forwardable_items(batch):
    return [item for item in _council_approved(batch).select_related("award_type")
            if not _within_power(batch, item)]


# The proposer's steps ----------------------------------------------------------------------------

def edit(user, batch):
    return _gate(user, "nominations.edit_batch", batch, EDITABLE_STATES, refusal=_(
        "Chỉ sửa được tờ trình ở trạng thái Nháp hoặc Trả lại bổ sung."))


def signing_required(batch):
    """Whether the proposing unit signs its tờ trình (Thiết lập ban hành quyết định: "Ký số tờ
    trình"); the signature itself is documents.signing's ``SignedSubmission``."""
    return IssuerSettings.objects.filter(organization_id=batch.proposer_id,
                                         sign_submissions=True).exists()


def signed_this_round(batch):
    """Whether the tờ trình was signed since it last became editable (created, or returned for
    correction): a signature from before a return does not cover what was added after it."""
    since = (batch.transitions.filter(to_state__in=EDITABLE_STATES).order_by("-at", "-pk")
             .values_list("at", flat=True).first())
    signed = batch.signed_submissions.all()
    return (signed.filter(created_at__gte=since) if since else signed).exists()


def _submit_blocked(batch):
    if not batch.items.exists():
        return _("Tờ trình chưa có người hoặc tập thể nào được đề nghị.")
    missing = missing_components(batch)
    if missing:
        return _("Hồ sơ còn thiếu: %(list)s.") % {"list": describe_missing(missing)}
    if signing_required(batch) and not signed_this_round(batch):
        return _("Tờ trình phải được người ký của %(unit)s ký số trước khi gửi.") % {
            "unit": batch.proposer}
    return ""


def submit(user, batch):
    return _gate(user, "nominations.edit_batch", batch, EDITABLE_STATES, State.SUBMITTED,
                 _submit_blocked)


def withdraw(user, batch):
    return _gate(user, "nominations.withdraw_batch", batch, WITHDRAWABLE, State.WITHDRAWN)


# The authority's steps before the council ----------------------------------------------------

def _receive_blocked(batch):
    missing = missing_components(batch)
    return (_("Hồ sơ chưa đủ để tiếp nhận (%(list)s); hãy trả lại để bổ sung.")
            % {"list": describe_missing(missing)}) if missing else ""


def receive(user, batch):
    return _gate(user, "nominations.intake_batch", batch, {State.SUBMITTED}, State.RECEIVED,
                 _receive_blocked)


def return_for_correction(user, batch):
    return _gate(user, "nominations.intake_batch", batch, RETURNABLE,
                 State.RETURNED_FOR_CORRECTION)


def assign_appraiser(user, batch):
    return _gate(user, "nominations.intake_batch", batch, {State.RECEIVED}, State.IN_APPRAISAL)


def appraise(user, batch):
    return _gate(user, "nominations.intake_batch", batch, {State.IN_APPRAISAL}, refusal=_(
        "Chỉ thẩm định được tờ trình đang ở bước thẩm định."))


def open_publicity(user, batch):
    return _gate(user, "nominations.intake_batch", batch, {State.IN_APPRAISAL}, State.PUBLICITY,
                 appraisal_pending)


def _council_blocked(batch):
    pending = appraisal_pending(batch)
    if pending:
        return pending
    if batch.state == State.IN_APPRAISAL and needs_publicity(batch):
        return _("Danh sách có danh hiệu, hình thức phải công khai trước khi đưa ra Hội đồng.")
    if batch.state == State.PUBLICITY and batch.disclosure.ends_on >= timezone.localdate():
        return _("Chờ hết hạn công khai %(day)s rồi mới đưa ra Hội đồng.") % {
            "day": batch.disclosure.ends_on.strftime("%d/%m/%Y")}
    return ""


def send_to_council(user, batch):
    return _gate(user, "nominations.intake_batch", batch, BEFORE_COUNCIL, State.AT_COUNCIL,
                 _council_blocked)


def request_opinions(user, batch):
    """Asking the level's departments for opinions: at the appraisal step, by its intake staff."""
    return _gate(user, "nominations.intake_batch", batch, {State.IN_APPRAISAL}, why=lambda b: (
        "" if departments_of(b.authority) else _("%(level)s chưa có ban nào để xin ý kiến.") % {
            "level": b.authority}), refusal=_(
        "Chỉ xin ý kiến các ban khi tờ trình đang ở bước thẩm định."))


def reject(user, batch):
    return _gate(user, "nominations.intake_batch", batch, REJECTABLE, State.REJECTED)


# Council and decision ----------------------------------------------------------------------------

def run_council(user, batch):
    council = getattr(batch.authority, "council", None)
    return Gate(user.has_perm("nominations.council_batch", batch),
                batch.state == State.AT_COUNCIL and council is not None)


def create_decision(user, batch):
    """Offered while council-approved nominees within this level's power wait for a decision, or
    while the council has not finished voting on them."""
    permitted = user.has_perm("nominations.decide_batch", batch)
    if not permitted or batch.state not in DECIDING:
        return Gate(permitted, False)
    if decidable_items(batch):
        return Gate(True, True)
    voting = batch.state == State.AT_COUNCIL and batch.items.filter(
        verdict=Verdict.ELIGIBLE, council_result=CouncilResult.PENDING).exists()
    return Gate(True, voting, _("Chờ Hội đồng bỏ phiếu xong.") if voting else "")


def forward(user, batch):
    """Offered where council-approved nominees exceed this level's power."""
    permitted = user.has_perm("nominations.decide_batch", batch)
    return Gate(permitted, permitted and batch.state in FORWARDING
                and bool(forwardable_items(batch)))


def record_external_outcome(user, batch):
    return Gate(user.has_perm("nominations.decide_batch", batch), bool(batch.external_authority),
                "")


STEPS = {"edit": edit, "submit": submit, "withdraw": withdraw, "receive": receive,
         "return_for_correction": return_for_correction, "assign_appraiser": assign_appraiser,
         "appraise": appraise, "open_publicity": open_publicity,
         "send_to_council": send_to_council, "reject": reject, "run_council": run_council,
         "create_decision": create_decision, "forward": forward,
         "record_external_outcome": record_external_outcome}


def for_batch(user, batch):
    """{step name: Gate} for the batch page."""
    return {name: gate(user, batch) for name, gate in STEPS.items()}
