"""The dossier package a level sends upward for the items it forwarded: a ZIP with the tờ trình
(DOCX and PDF), the annex list, every nominee's achievement report and attachments, the council
minutes and tally, the signed decisions already made on the batch (the original PDF and our
validation report of it), and ``manifest.json`` listing the batch, the items, the award codes,
the subjects and every file with its SHA-256.

Personal data: the manifest carries, for an individual, the name (family / middle / given),
gender, birth date, position and unit — what Mẫu 01 and Mẫu 05 (NĐ 152/2025) print and what the
receiving level needs to recognise the person. No citizen ID (no dossier form asks for it), phone,
e-mail or ethnicity.
"""
import hashlib
import io
import json
import zipfile

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from thidua.core.text import normalize
from thidua.documents import services as documents
from thidua.documents.signing import validation
from thidua.documents.signing.services import latest_signed
from thidua.nominations.models import CouncilSession, Decision
from thidua.nominations.models.council import SessionState
from thidua.nominations.states import (
    ITEM_ATTACHMENT_KINDS,
    AttachmentKind,
    CouncilResult,
    ItemOutcome,
)
from thidua.organizations.scoping import current_employment_q

SCHEMA = "thidua.dossier/1"
MANIFEST = "manifest.json"
PERSONAL_DATA = ("Họ tên, giới tính, ngày sinh, chức vụ, đơn vị công tác; không gồm số CCCD, "
                 "điện thoại, thư điện tử, dân tộc.")


class PackageIncomplete(Exception):
    def __init__(self, messages):
        super().__init__(messages)
        self.messages = [str(message) for message in messages]


def can_export(user, batch):
    """The forwarding level (who may decide on ``batch``) and the level it was forwarded to."""
    if user.has_perm("nominations.decide_batch", batch):
        return True
    return any(user.has_perm("nominations.intake_batch", upper)
               for upper in batch.forwarded_batches.all())


def forwarded_items(batch):
    return list(batch.items.filter(outcome=ItemOutcome.FORWARDED).select_related(
        "award_type", "person", "organization").order_by("pk"))


def sessions_for(items):
    return list(CouncilSession.objects.in_scope(Q(agenda__in=items))
                .filter(state=SessionState.CLOSED).select_related("council__organization")
                .distinct().order_by("date", "pk"))


def checklist(batch):
    """([(label, ok)], [what is missing]); nothing missing means the package can be built."""
    items = forwarded_items(batch)
    forwarded = [] if items else [_("Chưa có hồ sơ nào đã trình cấp trên (chỉ lập gói cho hồ sơ "
                                    "đã trình).")]
    kinds = {}
    for attachment in batch.attachments.exclude(item=None):
        kinds.setdefault(attachment.item_id, set()).add(attachment.kind)
    files = []
    for item in items:
        needed = {AttachmentKind.ACHIEVEMENT_REPORT} | {
            kind for kind in item.award_type.components_for(batch.procedure)
            if kind in ITEM_ATTACHMENT_KINDS}
        for kind in sorted(needed - kinds.get(item.pk, set())):
            files.append(_("%(name)s: thiếu %(kind)s.") % {
                "name": item.subject_name, "kind": AttachmentKind(kind).label.lower()})
    voted = [item for item in items if item.council_result == CouncilResult.PASSED]
    covered = {pk for session in sessions_for(voted)
               for pk in session.agenda.values_list("pk", flat=True)}
    council = [_("%(name)s: chưa có phiên họp Hội đồng đã kết thúc (biên bản, kiểm phiếu).")
               % {"name": item.subject_name} for item in voted if item.pk not in covered]
    rows = [(_("Đã trình cấp trên ít nhất một hồ sơ"), not forwarded),
            (_("Mỗi hồ sơ có báo cáo thành tích và tài liệu bắt buộc"), not files),
            (_("Có biên bản họp và biên bản kiểm phiếu của Hội đồng"), not council)]
    return rows, forwarded + files + council


def _slug(text):
    return slugify(normalize(text))[:60] or "tep"


def _person_facts(person, proposer):
    employment = person.employments.filter(
        current_employment_q(), organization__path__startswith=proposer.path
    ).select_related("organization").first()
    return {"family_name": person.family_name, "middle_name": person.middle_name,
            "given_name": person.given_name, "full_name": person.full_name,
            "gender": person.gender,
            "birth_date": person.birth_date.isoformat() if person.birth_date else "",
            "position": employment.position if employment else "",
            "unit_code": employment.organization.code if employment else "",
            "unit_name": employment.organization.name if employment else ""}


def _subject(item, proposer):
    if item.organization_id:
        unit = item.organization
        return {"name": unit.name, "unit_code": unit.code, "unit_name": unit.name}
    facts = _person_facts(item.person, proposer)
    if item.household_name:
        facts["household_name"] = item.household_name
    return facts


def _unit(unit):
    return {"code": unit.code, "name": unit.name}


def build_package(user, batch):
    """(file name, ZIP bytes). Raises PermissionDenied, or PackageIncomplete with what is
    missing."""
    if not can_export(user, batch):
        raise PermissionDenied(_("Bạn không có quyền lập gói hồ sơ của tờ trình này."))
    _rows, missing = checklist(batch)
    if missing:
        raise PackageIncomplete(missing)
    items = forwarded_items(batch)
    upper = batch.forwarded_batches.order_by("pk").first()
    letter = upper or batch
    files = [("to-trinh.docx", documents.proposal_docx(letter), "LETTER"),
             ("to-trinh.pdf", documents.proposal_pdf(letter), "LETTER"),
             ("phu-luc-danh-sach.docx", documents.annex_docx(letter), "ANNEX")]
    for session in sessions_for([i for i in items if i.council_result == CouncilResult.PASSED]):
        files.append((f"hoi-dong/bien-ban-hop-{session.pk}.docx",
                      documents.minutes_docx(session), "MINUTES"))
        files.append((f"hoi-dong/kiem-phieu-{session.pk}.docx", documents.tally_docx(session),
                      "BALLOT_RESULT"))
    files += signed_files(batch)
    for attachment in batch.attachments.filter(item=None):
        files.append((f"ho-so-cap-duoi/{attachment.pk}-{attachment.original_name[-80:]}",
                      _read(attachment), "OTHER"))
    described = []
    for seq, item in enumerate(items, start=1):
        folder = f"ho-so/{seq:02d}-{_slug(item.subject_name)}"
        paths = []
        for attachment in item.attachments.all():
            path = f"{folder}/{attachment.pk}-{attachment.original_name[-80:]}"
            role = "REPORT" if attachment.kind == AttachmentKind.ACHIEVEMENT_REPORT else "OTHER"
            files.append((path, _read(attachment), role))
            paths.append(path)
        described.append({
            "seq": seq, "subject_kind": item.subject_kind, "award_code": item.award_type.code,
            "award_name": item.award_type.name, "achievement": item.achievement,
            "council_result": item.council_result, "subject": _subject(item, batch.proposer),
            "files": paths})
    recipient = _unit(upper.authority) if upper else {"code": "", "name": batch.external_authority}
    manifest = {
        "schema": SCHEMA, "created_at": timezone.now().isoformat(timespec="seconds"),
        "sender": _unit(batch.authority), "recipient": recipient,
        "batch": {"title": batch.title, "reference": batch.external_reference or batch.reference,
                  "year": batch.year, "basis": batch.basis, "procedure": batch.procedure,
                  "simplified_reason": batch.simplified_reason,
                  "movement_name": batch.movement_name, "proposer": _unit(batch.proposer)},
        "personal_data": PERSONAL_DATA, "items": described,
        "files": [{"path": path, "sha256": hashlib.sha256(data).hexdigest(), "size": len(data),
                   "role": role} for path, data, role in files]}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=2))
        for path, data, _role in files:
            archive.writestr(path, data)
    return f"goi-ho-so-{batch.pk}.zip", buffer.getvalue()


def signed_files(batch):
    """The signed originals that travel with ``batch``, each the latest version beside our
    validation report of it: the tờ trình as its proposing unit signed it (where that unit signs
    its tờ trình), then the signed decisions made on it or on the batches it was forwarded to."""
    files = []
    submission = latest_signed(batch)
    if submission is not None:
        files += _signed(f"ho-so-cap-duoi/to-trinh-{_slug(batch.reference or str(batch.pk))}",
                         _read(submission), "SIGNED_SUBMISSION")
    decisions = Decision.objects.in_scope(
        Q(batch=batch) | Q(batch__in=batch.forwarded_batches.all())).filter(
        signed_versions__isnull=False).distinct().order_by("year", "number", "pk")
    for decision in decisions:
        files += _signed(f"quyet-dinh/{decision.number}-{decision.year}-{_slug(decision.symbol)}",
                         _read(latest_signed(decision)), "SIGNED_DECISION")
    return files


def _signed(stem, original, role):
    check = validation.report(validation.check_pdf(original))
    return [(f"{stem}.pdf", original, role),
            (f"{stem}-kiem-tra-chu-ky.json",
             json.dumps(check, ensure_ascii=False, indent=2).encode(), "SIGNATURE_CHECK")]


def _read(attachment):
    with attachment.file.open("rb") as handle:
        return handle.read()
