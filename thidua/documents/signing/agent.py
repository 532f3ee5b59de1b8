"""The local signing agent (Ban Cơ yếu's VGCA SignService contract): the signer's USB token is
driven by a program on their own PC listening on ``THIDUA_SIGNING_AGENT_URL``
(http://127.0.0.1:8987). The signing page opens a session and hands the agent two one-time
addresses bound to it: where to download the prepared PDF and where to upload the signed one.
What comes back goes through ``services.store_signed`` like every signed PDF, a decision or a
tờ trình alike (``targets``).
"""
import hashlib
import secrets
from datetime import timedelta

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import SigningSession
from . import services, targets
from .base import SigningError

LIFETIME = timedelta(minutes=10)


def refuse_unless_token_accepted(target):
    if not services.accepts_token_signing(target):
        raise SigningError(_("%(unit)s chỉ nhận văn bản ký số từ máy chủ (dịch vụ ký số từ "
                             "xa).") % {"unit": target.unit})


def open_session(user, document):
    """A session for ``user`` to sign ``document`` (a decision or a tờ trình) through the agent
    (permission, state and the signer's certificate checked now) and its token, given to the
    agent only. Side effects: a SigningSession row and the prepared PDF's file."""
    target = targets.of(document)
    refuse_unless_token_accepted(target)
    prepared = services.prepared_pdf(user, target)
    session, token = new_session(user, target)
    session.prepared.save("prepared.pdf", ContentFile(prepared), save=False)
    session.save()
    return session, token


def new_session(user, target):
    """An unsaved session of ``user`` on ``target`` and its token (kept only as a digest)."""
    token = secrets.token_urlsafe(32)
    return SigningSession(**target.session_fields(), user=user, digest=_digest(token),
                          expires_at=timezone.now() + LIFETIME), token


def _digest(token):
    return hashlib.sha256(token.encode()).hexdigest()


def _session(token):
    session = SigningSession.objects.select_for_update().filter(digest=_digest(token)).first()
    if session is None or session.expires_at < timezone.now():
        raise SigningError(_("Phiên ký không tồn tại hoặc đã hết hạn; hãy bấm ký lại."))
    return session


def take_upload(token):
    """The session of ``token`` with its upload address used up (inside the caller's
    transaction); refused once used, or before the document was handed out."""
    session = _session(token)
    if session.uploaded_at or not session.downloaded_at:
        raise SigningError(_("Địa chỉ gửi văn bản đã ký chỉ dùng được một lần, sau khi "
                             "tải văn bản."))
    session.uploaded_at = timezone.now()
    session.save(update_fields=["uploaded_at"])
    return session


@transaction.atomic
def take_prepared(token):
    """The prepared PDF, once: the download address works a single time."""
    session = _session(token)
    if session.downloaded_at:
        raise SigningError(_("Địa chỉ tải văn bản chỉ dùng được một lần."))
    session.downloaded_at = timezone.now()
    session.save(update_fields=["downloaded_at"])
    return read_prepared(session), session


def read_prepared(session):
    with session.prepared.open("rb") as handle:
        return handle.read()


def receive_signed(token, data):
    """Store what the agent uploads (checked; refused with a Vietnamese reason). The upload
    address works once, whatever the outcome, and the outcome is kept for the signing page."""
    with transaction.atomic():
        session = take_upload(token)
    try:
        row = services.store_signed(session.user, targets.of_session(session),
                                    read_prepared(session), data, method="agent")
    except SigningError as error:
        SigningSession.objects.filter(pk=session.pk).update(error=str(error))
        raise
    return record_outcome(session, row)


def record_outcome(session, row):
    """Keep the signed version ``row`` on ``session`` for the signing page."""
    field = "signed" if session.decision_id else "signed_submission"
    SigningSession.objects.filter(pk=session.pk).update(**{field: row})
    return row
