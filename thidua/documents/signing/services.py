"""Signing closes a document — an issued decision, or a tờ trình where its unit asks for it
(``targets``): its PDF signed (PAdES B-T), checked by us, stored as the original.

``store_signed`` is the one door every signed PDF goes through, whatever was signed and whoever
signed it (the server's key, the signer's token through the local agent, a remote signing
service): nothing is stored unless our own check passes and the certificate is the signer's own.
"""
import hashlib
import logging

from cryptography.x509.oid import NameOID
from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.translation import gettext as _
from pyhanko.pdf_utils.misc import PdfError
from pyhanko.sign.validation.errors import SignatureValidationError
from pyhanko_certvalidator.errors import PathError

from thidua.core.permissions import require

from ..models import SignedDecision, SignedSubmission, SignerCertificate
from . import config, pades, targets
from .base import SigningError
from .remote import RemoteSigner
from .software import SoftwareSigner
from .validation import check_pdf

logger = logging.getLogger(__name__)


def register_certificate(user, cert):
    """Record ``cert`` (a ``cryptography`` certificate) on ``user``'s account."""
    row, _created = SignerCertificate.objects.update_or_create(
        user=user, serial=format(cert.serial_number, "X"), defaults={
            "subject": _readable(cert.subject)[:500], "issuer": _readable(cert.issuer)[:300],
            "valid_from": cert.not_valid_before_utc, "valid_until": cert.not_valid_after_utc})
    return row


def _readable(name):
    """"Hồ Thị Điệp, Ban Cơ yếu Chính phủ": the common name and organisation of an X.509 name."""
    parts = [attribute.value for oid in (NameOID.COMMON_NAME, NameOID.ORGANIZATION_NAME)
             for attribute in name.get_attributes_for_oid(oid)]
    return ", ".join(parts) or name.rfc4514_string()


def server_signer(user, code=""):
    """The way the server signs for ``user``: the remote signing service when one is configured
    (``THIDUA_REMOTE_SIGNING_URL``; ``code``: the PIN or one-time code the signer typed when
    each signature is authorised explicitly), else the key the demo CA made for them."""
    if settings.THIDUA_REMOTE_SIGNING_URL:
        return RemoteSigner.for_user(user, code)
    ca = config.demo_ca()
    if ca is None or not ca.key_path(user).exists():
        raise SigningError(_("Máy chủ không giữ khóa ký của tài khoản này; hãy ký bằng thiết bị "
                             "ký số (USB token) của bạn."))
    return SoftwareSigner(ca.key_path(user), ca.cert_path(user), [ca.root_path])


def signature_block(decision):
    return targets.of(decision).block()


def _signable(user, document):
    target = targets.of(document)
    require(user, target.perm, target.document)
    refusal = target.state_refusal()
    if refusal:
        raise SigningError(refusal)
    if not SignerCertificate.objects.filter(user=user).exists():
        raise SigningError(_("Tài khoản của bạn chưa đăng ký chứng thư số; đề nghị quản trị "
                             "hệ thống ghi chứng thư số vào tài khoản trước khi ký."))
    return target


def accepts_server_signing(document):
    """Whether the organisation whose document it is (a decision's issuer, a tờ trình's
    proposing unit) accepts it signed from the server (the remote signing service, or the demo
    key), per its settings (Thiết lập ban hành quyết định)."""
    return targets.of(document).settings().allows_server


def accepts_token_signing(document):
    """Whether that organisation accepts it signed with the signer's USB token."""
    return targets.of(document).settings().allows_token


def prepared_pdf(user, document):
    """The unsigned PDF a signer is asked to sign (permission and state checked)."""
    return _signable(user, document).unsigned_pdf()


def send_signing_code(user, document):
    """Have the remote signing service send ``user`` the one-time code that authorises their
    signature of ``document`` (permission and state checked first)."""
    _signable(user, document)
    if not (settings.THIDUA_REMOTE_SIGNING_URL and settings.THIDUA_REMOTE_SIGNING_AUTH == "otp"):
        raise SigningError(_("Dịch vụ ký số từ xa không dùng mã OTP."))
    RemoteSigner.for_user(user).send_otp()


def sign(user, document, signer=None, code=""):
    """Sign ``document`` (a decision or a tờ trình) with ``signer`` (default: the key the server
    holds for ``user``, authorised by ``code`` where the remote service asks for one) and store
    it as the original. Side effects: a signed version row and its file (audited)."""
    target = targets.of(document)
    if not accepts_server_signing(target):
        raise SigningError(_("%(unit)s chỉ nhận văn bản ký bằng USB token của người ký.") % {
            "unit": target.unit})
    prepared = prepared_pdf(user, target)
    signer = signer or server_signer(user, code)
    try:
        signed = pades.sign_pdf(prepared, signer, target.block(user), config.timestamper())
    except (OSError, ValueError, PdfError) as error:  # TSA unreachable, bad key, bad PDF
        raise SigningError(_("Không ký được: %(error)s") % {"error": error}) from error
    return store_signed(user, target, prepared, signed, method=signer.name)


def store_signed(user, document, prepared, signed, method):
    """Check ``signed`` (bytes) against ``prepared`` (what was sent to be signed) and the
    signer's certificates, then store it as the document's next signed version (PAdES B-LT where
    the validation data can be gathered). Refuses with a Vietnamese reason and stores nothing
    when a check fails."""
    target = _signable(user, document)
    if not signed.startswith(prepared) or len(signed) == len(prepared):
        raise SigningError(_("Tệp gửi về không phải văn bản đã chuẩn bị để ký."))
    check = check_pdf(signed)
    if not check.ok:
        raise SigningError(_("Chữ ký không được chấp nhận: %(reason)s") % {"reason": check.reason})
    if not SignerCertificate.objects.filter(user=user, serial=check.serial).exists():
        raise SigningError(_("Tệp được ký bằng chứng thư số %(serial)s của “%(name)s”, không phải "
                             "chứng thư số đăng ký cho tài khoản của bạn.") % {
                                 "serial": check.serial, "name": check.signer_name})
    digest, signed = hashlib.sha256(signed).hexdigest(), long_term(signed)
    with transaction.atomic():
        target.lock()
        row = target.new_row(
            prepared, sha256=digest, signed_by=user, signer_name=check.signer_name[:200],
            subject=check.subject[:500], serial=check.serial, issuer=check.issuer[:300],
            signed_at=check.signed_at, method=method)
        save_with_file(row, signed)
    return row


# The decision's names, kept for the callers that sign decisions.
sign_decision, store_signed_decision = sign, store_signed


def long_term(signed):
    """``signed`` with its validation data (PAdES B-LT, ``pades.with_validation_data``), or as
    it is (B-T) when that data cannot be gathered here — the check that let it in already
    passed, so this never refuses. ``SignedDecision.sha256`` stays the signed revision's digest,
    which is what "Kiểm tra tệp PDF" matches an uploaded copy by."""
    try:
        return pades.with_validation_data(signed, config.validation_context())
    except (PdfError, ValueError, KeyError, SignatureValidationError, PathError) as error:
        logger.warning("Không thêm được dữ liệu xác minh dài hạn: %s", error)
        return signed


def save_with_file(row, data):
    """Save ``row`` (a model whose upload path names its file) with ``data`` as its file; the
    file is removed again when the row cannot be saved."""
    row.file.save("signed.pdf", ContentFile(data), save=False)
    try:
        row.save()
    except Exception:
        row.file.delete(save=False)
        raise


def original_for(check):
    """The stored signed decision whose signed revision ``check`` (a ``SignatureCheck``) is, or
    None: an uploaded copy is "ours" when its signed part is byte for byte one we stored."""
    if not check.signed_digest:
        return None
    return (SignedDecision.objects.select_related("decision__issuer")
            .filter(sha256=check.signed_digest).first())


def latest_signed(document):
    """The newest signed version of a decision or a tờ trình, or None."""
    return targets.of(document).versions().first()


def submission_signature(batch):
    """(the tờ trình's latest signed version, its check today) or (None, None)."""
    row = SignedSubmission.objects.filter(batch=batch).first()
    if row is None:
        return None, None
    with row.file.open("rb") as handle:
        return row, check_pdf(handle.read())


def submission_changed(batch):
    """Whether the tờ trình differs from what its latest signed version signed (rendered again
    and compared), or has none: asked by ``nominations.workflow.submit_batch``."""
    row = SignedSubmission.objects.filter(batch=batch).first()
    return row is None or row.content_sha256 != hashlib.sha256(
        targets.of(batch).unsigned_pdf()).hexdigest()
