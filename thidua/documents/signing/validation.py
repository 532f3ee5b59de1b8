"""Our own check of every signed PDF (what comes back from a signer, what a visitor uploads):
pyHanko validates the signature against the organisation's trust roots and CRLs; the answer is
one state and a Vietnamese sentence."""
import hashlib
import io
from dataclasses import dataclass
from datetime import datetime

from django.utils.translation import gettext as _
from pyhanko.pdf_utils.misc import PdfError
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation.errors import SignatureValidationError
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.diff_analysis import ModificationLevel
from pyhanko.sign.validation.status import SignatureCoverageLevel

from .config import validation_context
from .loop import call_synchronously

INTACT, MODIFIED, UNTRUSTED, REVOKED, EXPIRED, BROKEN, UNSIGNED = (
    "intact", "modified", "untrusted", "revoked", "expired", "broken", "unsigned")


@dataclass
class SignatureCheck:
    state: str
    reason: str
    signer_name: str = ""
    subject: str = ""
    serial: str = ""
    issuer: str = ""
    signed_at: datetime | None = None
    signed_digest: str = ""  # SHA-256 of the signed revision: which original this was

    @property
    def ok(self):
        return self.state == INTACT


def _name(name):
    return name.native.get("common_name", "") if name else ""


def _reason(state, check):
    return {
        INTACT: _("Chữ ký hợp lệ; tệp còn nguyên vẹn từ khi ký."),
        MODIFIED: _("Tệp đã bị sửa đổi sau khi ký."),
        BROKEN: _("Chữ ký không khớp với nội dung: tệp đã bị sửa hoặc chữ ký hỏng."),
        REVOKED: _("Chứng thư số của người ký đã bị thu hồi."),
        EXPIRED: _("Chứng thư số của người ký không còn hiệu lực vào thời điểm ký."),
        UNTRUSTED: _("Chứng thư số không do tổ chức cung cấp dịch vụ chứng thực được tin cậy "
                     "cấp (%(issuer)s).") % {"issuer": check.issuer},
    }[state]


def _only_validation_data_after(status):
    """The signed revision is followed only by long-term validation data (certificates, CRLs,
    OCSP responses in the document security store: PAdES B-LT), nothing that changes what the
    document shows. Known after pyHanko's difference analysis."""
    return (status.coverage == SignatureCoverageLevel.ENTIRE_REVISION
            and status.diff_result is not None
            and status.modification_level is not None
            and status.modification_level <= ModificationLevel.LTA_UPDATES)


def _state(status, cert, signed_at):
    if not (status.intact and status.valid):
        return BROKEN
    if status.coverage != SignatureCoverageLevel.ENTIRE_FILE and not (
            _only_validation_data_after(status)):
        return MODIFIED
    if status.revoked:
        return REVOKED
    if not cert.not_valid_before <= signed_at <= cert.not_valid_after:
        return EXPIRED
    if not status.trusted:
        return UNTRUSTED
    return INTACT


def check_pdf(data):
    """The state of the last signature in ``data`` (bytes); never raises on bad input."""
    try:
        signatures = PdfFileReader(io.BytesIO(data), strict=False).embedded_signatures
    except (PdfError, ValueError, KeyError, TypeError):
        return SignatureCheck(UNSIGNED, _("Tệp không phải là PDF đọc được."))
    if not signatures:
        return SignatureCheck(UNSIGNED, _("Tệp PDF không có chữ ký số."))
    embedded = signatures[-1]
    try:
        status = call_synchronously(validate_pdf_signature, embedded, validation_context(),
                                    skip_diff=True)
        if status.coverage == SignatureCoverageLevel.ENTIRE_REVISION:
            # Something was added after signing: compare the revisions (slower, so only then).
            status = call_synchronously(validate_pdf_signature, embedded, validation_context(),
                                        skip_diff=False)
    except (SignatureValidationError, PdfError, ValueError, KeyError) as error:
        return SignatureCheck(BROKEN, _("Không kiểm tra được chữ ký: %(error)s") % {
            "error": error})
    cert = status.signing_cert
    timestamp = status.timestamp_validity
    signed_at = timestamp.timestamp if timestamp else status.signer_reported_dt
    check = SignatureCheck(
        "", "", signer_name=_name(cert.subject), subject=cert.subject.human_friendly,
        serial=format(cert.serial_number, "X"), issuer=_name(cert.issuer), signed_at=signed_at,
        signed_digest=hashlib.sha256(data[:_revision_end(embedded)]).hexdigest())
    check.state = _state(status, cert, signed_at)
    check.reason = _reason(check.state, check)
    return check


def _revision_end(embedded):
    """Where the signed revision ends: what comes after it was added after signing."""
    values = list(embedded.sig_object["/ByteRange"])
    return values[2] + values[3]


def report(check):
    """``check`` as the validation report that travels beside a signed PDF (JSON-ready)."""
    return {"state": check.state, "reason": str(check.reason), "signer_name": check.signer_name,
            "subject": check.subject, "serial": check.serial, "issuer": check.issuer,
            "signed_at": check.signed_at.isoformat() if check.signed_at else None,
            "signed_revision_sha256": check.signed_digest}
