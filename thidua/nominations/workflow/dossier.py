"""The proposer's side: build a dossier, check it, submit it, withdraw it."""
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.awards.models import Hold

from .. import steps
from ..files import check_upload
from ..models import Attachment, NominationBatch
from ..rules import INTAKE
from ..states import EDITABLE_STATES, ITEM_ATTACHMENT_KINDS, Procedure, State
from .common import WorkflowError, locked, move, require, setting, tell, working_days_from_today


def check_authority(proposer, authority):
    if not (authority.pk == proposer.pk or proposer.path.startswith(authority.path)):
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
    require(user, "nominations.edit_batch", batch)
    if batch.state not in EDITABLE_STATES:
        raise WorkflowError(_("Chỉ sửa được tờ trình ở trạng thái Nháp hoặc Trả lại bổ sung."))


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
    from ..states import AttachmentKind

    return "; ".join(
        (f"{item.subject_name}: " if item else "") + str(AttachmentKind(kind).label)
        for item, kind in missing)


@transaction.atomic
def submit_batch(user, batch):
    """DRAFT/RETURNED_FOR_CORRECTION → SUBMITTED. Refuses an empty or incomplete dossier and any
    nominee now on hold. Side effects: Transition row; intake deadline (5 working days) set;
    the authority's EC officers and appraisers notified."""
    batch = locked(batch)
    require(user, "nominations.edit_batch", batch)
    items = list(batch.items.select_related("award_type", "person", "organization"))
    if not items:
        raise WorkflowError(_("Tờ trình chưa có người hoặc tập thể nào được đề nghị."))
    for item in items:
        if on_hold(item.person, item.organization):
            raise WorkflowError(_("%(name)s đang trong thời gian tạm dừng xét khen thưởng.") % {
                "name": item.subject_name})
    missing = missing_components(batch)
    if missing:
        raise WorkflowError(_("Hồ sơ còn thiếu: %(list)s.") % {"list": describe_missing(missing)})
    move(user, batch, EDITABLE_STATES, State.SUBMITTED,
         due_on=working_days_from_today(setting("THIDUA_INTAKE_WORKING_DAYS", 5)))
    tell(batch.authority, INTAKE, _("Tờ trình mới chờ tiếp nhận"), batch)
    return batch


@transaction.atomic
def withdraw_batch(user, batch, reason=""):
    """SUBMITTED → WITHDRAWN, only before intake. Side effects: Transition row; the authority's
    intake officers notified."""
    batch = locked(batch)
    require(user, "nominations.edit_batch", batch)
    move(user, batch, {State.DRAFT, State.SUBMITTED, State.RETURNED_FOR_CORRECTION},
         State.WITHDRAWN, note=reason)
    tell(batch.authority, INTAKE, _("Tờ trình đã được đơn vị đề nghị rút lại"), batch)
    return batch
