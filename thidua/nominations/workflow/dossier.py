"""The proposer's side: build a dossier, check it, submit it, withdraw it."""
from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

from thidua.awards.models import Hold
from thidua.core.permissions import require

from .. import guards, steps
from ..guards import missing_components  # noqa: F401 — the demo pipeline reads it from here
from ..files import check_upload
from ..models import Attachment, NominationBatch
from ..rules import INTAKE
from ..states import EDITABLE_STATES, ITEM_ATTACHMENT_KINDS, Procedure, State
from .common import WorkflowError, enforce, locked, move, tell, working_days_from_today


# documents sits above nominations: whether the signed tờ trình is still the one about to be sent
# (rendered again and compared) is asked of it by dotted path
# (tests/documents/test_signing_submissions.py resolves it).
SIGNED_SUBMISSION_CHANGED = "thidua.documents.signing.services.submission_changed"


def check_authority(proposer, authority):
    if not (authority.pk == proposer.pk or proposer.is_within(authority)):
        raise WorkflowError(_("Cấp xét khen thưởng phải là đơn vị đề nghị hoặc một cấp trên của "
                              "đơn vị đó."))


@transaction.atomic
def create_batch(user, proposer, authority, **fields):
    """Create a DRAFT tờ trình. Side effects: the batch row and its first Transition row."""
    require(user, "nominations.propose_for", proposer)
    check_authority(proposer, authority)
    batch = NominationBatch(proposer=proposer, authority=authority, created_by=user, **fields)
    if batch.movement is not None:
        batch.movement_name = batch.movement.title
    if batch.procedure == Procedure.SIMPLIFIED and not batch.simplified_reason:
        raise WorkflowError(_("Thủ tục đơn giản cần chọn một trong năm trường hợp luật định."))
    batch.save()
    steps.record(batch, State.DRAFT, user, from_state="")
    return batch


def editable(user, batch):
    enforce(guards.edit(user, batch))


def current_holds(day=None):
    """Holds in force on ``day`` (today by default)."""
    day = day or timezone.localdate()
    return Hold.objects.filter(start_date__lte=day).filter(
        Q(end_date__isnull=True) | Q(end_date__gte=day))


def on_hold(person=None, organization=None, day=None):
    return current_holds(day).filter(person=person, organization=organization).exists()


@transaction.atomic
def remove_nomination(user, item):
    editable(user, item.batch)
    item.delete()


@transaction.atomic
def add_attachment(user, batch, kind, upload, item=None):
    """Store a checked file (content and size) for the batch or one of its items."""
    editable(user, batch)
    content_type = check_upload(upload)
    if kind in ITEM_ATTACHMENT_KINDS and item is None:
        raise WorkflowError(_("Báo cáo thành tích và xác nhận sáng kiến phải gắn với một người "
                              "hoặc tập thể được đề nghị."))
    return Attachment.objects.create(batch=batch, item=item, kind=kind, file=upload,
                                     original_name=upload.name[-255:], size=upload.size,
                                     content_type=content_type, uploaded_by=user)


@transaction.atomic
def submit_batch(user, batch):
    """DRAFT/RETURNED_FOR_CORRECTION → SUBMITTED. Refuses an empty or incomplete dossier, any
    nominee now on hold, and, where the unit signs its tờ trình, one not signed since it became
    editable or changed after it was signed. Side effects: Transition row; intake deadline (5 working days) set;
    the authority's EC officers and appraisers notified."""
    batch = locked(batch)
    enforce(guards.submit(user, batch))
    for item in batch.items.select_related("person", "organization"):
        if on_hold(item.person, item.organization):
            raise WorkflowError(_("%(name)s đang trong thời gian tạm dừng xét khen thưởng.") % {
                "name": item.subject_name})
    if guards.signing_required(batch) and import_string(SIGNED_SUBMISSION_CHANGED)(batch):
        raise WorkflowError(_("Tờ trình đã thay đổi sau khi ký số; đề nghị người ký của đơn vị "
                              "ký lại trước khi gửi."))
    move(user, batch, EDITABLE_STATES, State.SUBMITTED,
         due_on=working_days_from_today(settings.THIDUA_INTAKE_WORKING_DAYS))
    tell(batch.authority, INTAKE, _("Tờ trình mới chờ tiếp nhận"), batch)
    return batch


@transaction.atomic
def withdraw_batch(user, batch, reason=""):
    """DRAFT/SUBMITTED/RETURNED_FOR_CORRECTION → WITHDRAWN, only before intake and only by the
    proposing side (``nominations.withdraw_batch``). Side effects: Transition row; the authority's
    intake officers notified."""
    batch = locked(batch)
    enforce(guards.withdraw(user, batch))
    move(user, batch, guards.WITHDRAWABLE, State.WITHDRAWN, note=reason)
    tell(batch.authority, INTAKE, _("Tờ trình đã được đơn vị đề nghị rút lại"), batch)
    return batch
