"""Token agents that sign a digest (the plug-ins of VNPT-CA, Viettel-CA and the like): the
server prepares the signature field and its visible block (pyHanko's interrupted signing), the
signing page hands the document's SHA-256 digest to the agent on the signer's PC, the agent
returns a CMS signature made with the token, and the server stamps it with the time (PAdES B-T)
and puts it in the room it reserved. The PDF never leaves the server. What results goes through
``services.store_signed`` like every signed PDF, a decision or a tờ trình alike.

The prepared file and its digest's byte range are kept on the ``SigningSession`` between the two
requests; the session's token makes the one-time upload address, as for the VGCA agent.
"""
import asyncio
import base64
import binascii

from asn1crypto import cms
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from pyhanko.sign.attributes import TSTProvider
from pyhanko.sign.signers.pdf_byterange import PreparedByteRangeDigest

from ..models import SigningSession
from . import agent, config, pades, services, targets
from .base import SigningError
from .loop import call_synchronously


def open_session(user, document):
    """A session for ``user`` to sign ``document`` (a decision or a tờ trình) with a
    digest-signing agent (permission, state, certificate and the organisation's signing methods
    checked now); returns the session, its token and the base64 SHA-256 digest the agent
    signs."""
    target = targets.of(document)
    agent.refuse_unless_token_accepted(target)
    unsigned = services.prepared_pdf(user, target)
    prepared, digest = pades.prepare_for_cms(unsigned, target.block(user))
    session, token = agent.new_session(user, target)
    session.downloaded_at = timezone.now()  # the digest is handed out with the session
    session.byte_range = {"start": digest.reserved_region_start,
                          "end": digest.reserved_region_end, "unsigned": len(unsigned)}
    session.prepared.save("prepared.pdf", ContentFile(prepared), save=False)
    session.save()
    return session, token, base64.b64encode(digest.document_digest).decode()


def _signature(text):
    """The agent's CMS (base64 of a DER SignedData) or a Vietnamese refusal."""
    try:
        signed = cms.ContentInfo.load(base64.b64decode(text, validate=True))
        if signed["content_type"].native != "signed_data":
            raise ValueError(signed["content_type"].native)
        signed["content"]["signer_infos"][0]["signature"].native  # noqa: B018 — parse now
        return signed
    except (ValueError, TypeError, KeyError, IndexError, binascii.Error) as error:
        raise SigningError(_("Phần mềm ký số trả về dữ liệu không phải chữ ký số (CMS); chưa "
                             "ký.")) from error


def _with_timestamp(signed):
    """``signed`` with a signature timestamp from our TSA as an unsigned attribute (PAdES B-T),
    unless the agent put one there already."""
    signer_info = signed["content"]["signer_infos"][0]
    present = signer_info["unsigned_attrs"].native or []
    if any(attr["type"] == "signature_time_stamp_token" for attr in present):
        return signed
    provider = TSTProvider("sha256", signer_info["signature"].native, config.timestamper())
    attribute = call_synchronously(lambda: asyncio.run(provider.get_attribute()))
    attributes = list(signer_info["unsigned_attrs"]) if present else []
    signer_info["unsigned_attrs"] = cms.CMSAttributes([*attributes, attribute])
    return cms.ContentInfo.load(signed.dump(force=True))


def receive_signature(token, text):
    """Embed the agent's CMS (base64) in the prepared PDF and store the result (checked; refused
    with a Vietnamese reason). The upload address works once, whatever the outcome, and the
    outcome is kept for the signing page."""
    with transaction.atomic():
        session = agent.take_upload(token)
    try:
        prepared = agent.read_prepared(session)
        byte_range = session.byte_range
        digest = PreparedByteRangeDigest(
            document_digest=b"", reserved_region_start=byte_range["start"],
            reserved_region_end=byte_range["end"])
        try:
            signed = pades.embed_cms(prepared, digest, _with_timestamp(_signature(text)))
        except (ValueError, OSError) as error:  # larger than the room, TSA unreachable
            raise SigningError(_("Không đưa được chữ ký vào văn bản: %(error)s") % {
                "error": error}) from error
        row = services.store_signed(session.user, targets.of_session(session),
                                    prepared[:byte_range["unsigned"]], signed,
                                    method="agent-hash")
    except SigningError as error:
        SigningSession.objects.filter(pk=session.pk).update(error=str(error))
        raise
    return agent.record_outcome(session, row)
