"""The organisation seal on an issued decision's certificates, in bulk: a background job renders
each certificate, seals it (PAdES B-T, the visible "Ký bởi: <organisation>" where the signer's
name is printed), checks it with ``validation.check_pdf`` and stores it as the certificate's
original (``SealedCertificate``, audited). Each certificate is sealed once: the job resumes
after its committed items, and a certificate sealed by an earlier job is skipped.
"""
import hashlib
import uuid

from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils.translation import gettext as _
from pyhanko.pdf_utils.misc import PdfError

from thidua.core.models import Job
from thidua.core.permissions import require
from thidua.core.tasks import start_job
from thidua.nominations.models import Decision, DecisionState

from .. import certificates
from ..context import in_vietnamese, place_of
from ..models import SealedCertificate
from . import config, demo_hsm, pades
from .base import SignatureBlock, SigningError
from .hsm import Pkcs11Signer
from .services import save_with_file
from .validation import check_pdf

JOB_PREFIX = "seal-certificates"


def organisation_seal(organization):
    """The ``Signer`` holding ``organization``'s seal: the PKCS#11 key the settings name; with
    no module configured, the demo's (in SoftHSM2 when installed, else a key file) where the
    demo CA exists."""
    if settings.THIDUA_SEAL_PKCS11_MODULE:
        return Pkcs11Signer(settings.THIDUA_SEAL_PKCS11_MODULE, settings.THIDUA_SEAL_TOKEN_LABEL,
                            settings.THIDUA_SEAL_KEY_LABEL.format(code=organization.code))
    ca = config.demo_ca()
    if ca is None:
        raise SigningError(_("Chưa cấu hình con dấu số của cơ quan (THIDUA_SEAL_PKCS11_MODULE)."))
    module = demo_hsm.softhsm_module()
    if module is None:
        return demo_hsm.software_seal(ca, organization)
    token = demo_hsm.DemoToken(config.signing_dir() / "softhsm", module).prepare()
    return token.seal(ca, organization)


def _sealable(user, decision):
    require(user, "documents.seal_certificates", decision)
    if decision.state != DecisionState.ISSUED:
        raise SigningError(_("Chỉ đóng dấu số giấy khen của quyết định đã ban hành."))
    if not decision.awards.exists():
        raise SigningError(_("Quyết định chưa có khen thưởng nào để đóng dấu."))


def jobs_of(decision):
    return Job.objects.filter(key__startswith=f"{JOB_PREFIX}:{decision.pk}:")


def seal_certificates(user, decision):
    """Start sealing ``decision``'s certificates in the background (permission and state
    checked now and again when the job runs), or return the sealing already under way.
    Side effects: a Job; as it runs, one SealedCertificate and its file per certificate."""
    _sealable(user, decision)
    running = jobs_of(decision).filter(
        status__in=[Job.Status.PENDING, Job.Status.RUNNING]).first()
    if running:
        return running
    return start_job(run_sealing, decision.pk, user.pk, user=user,
                     key=f"{JOB_PREFIX}:{decision.pk}:{uuid.uuid4().hex}",
                     title=_("Đóng dấu số giấy khen theo quyết định %(ref)s") % {
                         "ref": decision.reference})


@in_vietnamese
def run_sealing(job, decision_id, user_id):
    """The job: each certificate of the decision not sealed yet, one transaction each."""
    decision = Decision.objects.select_related("issuer").for_permission_check().get(pk=decision_id)
    user = get_user_model().objects.get(pk=user_id)
    _sealable(user, decision)
    sealer = organisation_seal(decision.issuer)
    timestamper = config.timestamper()
    places = SealPlaces(seal_block(decision))
    try:
        for award in job.each(certificates.decision_awards(decision), key=lambda one: one.pk):
            if not SealedCertificate.objects.filter(award=award).exists():
                seal_certificate(user, award, sealer, timestamper, places)
    finally:
        if isinstance(sealer, Pkcs11Signer):
            sealer.close()
    return {"sealed": SealedCertificate.objects.filter(award__decision=decision).count()}


def seal_block(decision):
    """The seal's visible block, placed where the certificate prints the signer's name."""
    texts = certificates.issuer_texts(decision)
    return SignatureBlock(signer_title="", signer_name=texts["signer_name"],
                          organisation=decision.issuer.name, place=place_of(decision.issuer))


class SealPlaces(dict):
    """Where the seal goes on one decision's certificates, by award type: the certificates of a
    type are drawn from one template with the same signer, so the signer's printed name is
    looked for (with pypdf, a quarter of a seal's time) on the first of each type only."""

    def __init__(self, block):
        super().__init__()
        self.block = block

    def on(self, award, pdf):
        if award.award_type_id not in self:
            self[award.award_type_id] = pades.signature_place(pdf, self.block.signer_name)
        return self[award.award_type_id]


def seal_certificate(user, award, sealer, timestamper, places):
    """Render ``award``'s certificate, seal it (where ``places``, a ``SealPlaces``, puts it)
    and store it (checked) as its original."""
    prepared = certificates.certificate_pdf(award)
    try:
        sealed = pades.sign_pdf(prepared, sealer, places.block, timestamper, seal=True,
                                place=places.on(award, prepared))
    except (OSError, ValueError, PdfError) as error:
        raise SigningError(_("Không đóng dấu số được: %(error)s") % {"error": error}) from error
    return store_sealed_certificate(user, award, prepared, sealed, sealer)


def store_sealed_certificate(user, award, prepared, sealed, sealer):
    """Store ``sealed`` as ``award``'s sealed original once it is ``prepared`` with a valid
    signature appended, made with ``sealer``'s certificate; else refuse, storing nothing."""
    if not sealed.startswith(prepared) or len(sealed) == len(prepared):
        raise SigningError(_("Tệp đóng dấu không phải giấy khen đã chuẩn bị."))
    check = check_pdf(sealed)
    if not check.ok:
        raise SigningError(_("Dấu số không được chấp nhận: %(reason)s") % {"reason": check.reason})
    if check.serial != format(sealer.certificate().serial_number, "X"):
        raise SigningError(_("Tệp được ký bằng chứng thư số %(serial)s, không phải chứng thư "
                             "số của con dấu.") % {"serial": check.serial})
    row = SealedCertificate(
        award=award, sha256=hashlib.sha256(sealed).hexdigest(), sealed_by=user,
        organisation=check.signer_name[:300], serial=check.serial, issuer=check.issuer[:300],
        signed_at=check.signed_at, method=sealer.name)
    save_with_file(row, sealed)
    return row


def seal_check(award):
    """(the stored sealed certificate, its check today) or (None, None)."""
    row = SealedCertificate.objects.filter(award=award).first()
    if row is None:
        return None, None
    with row.file.open("rb") as handle:
        return row, check_pdf(handle.read())


def sealed_original_for(check):
    """The stored sealed certificate whose signed revision ``check`` (a ``SignatureCheck`` of an
    uploaded file) is, or None: sealed certificates are stored as sealed (B-T, nothing added),
    so the digest of the whole stored file is the signed revision's."""
    if not check.signed_digest:
        return None
    return (SealedCertificate.objects.select_related(
        "award__award_type", "award__person", "award__organization")
        .filter(sha256=check.signed_digest).first())
