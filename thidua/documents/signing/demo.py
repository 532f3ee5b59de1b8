"""The demo's signatures: the demo CA, a certificate for each signer, every issued decision
signed through the same service a signer uses, and the certificates of the latest signed
decisions sealed with their issuer's organisation seal through the sealing job
(``manage.py demo_signatures``)."""
from cryptography import x509
from django.contrib.auth import get_user_model
from django.utils.translation import gettext as _

from thidua.accounts.models import Role
from thidua.nominations.models import Decision, DecisionState
from thidua.nominations.workflow.decisions import issuer_settings, save_issuer_settings
from thidua.organizations.models import Organization

from thidua.core.models import Job
from thidua.core.tasks import run_job_now

from ..models import SealedCertificate
from . import config, demo_hsm, sealing, services
from .base import SigningError


SEALED_DECISIONS = 2  # the demo seals the certificates of its latest signed decisions
SIGNING_PROPOSER = "P46-HTX01"  # the demo unit that signs its tờ trình (htx.lanhdao signs)


def _signers(roles=(Role.SIGNER,)):
    return get_user_model().objects.filter(is_active=True, role_assignments__role__in=roles,
                                           is_superuser=False).distinct()


def _signer_of(decision):
    """Who signs ``decision`` in the demo: the user who issued it when they are its signer, else
    any signer of the issuer."""
    candidates = ([decision.signer] if decision.signer_id else []) + list(_signers())
    return next((user for user in candidates
                 if user.has_perm("documents.sign_decision", decision)
                 and not user.is_superuser), None)


def _enrolled(ca, user, name):
    """``user`` with a demo key and its certificate recorded on the account."""
    if ca.key_path(user).exists():
        cert = x509.load_pem_x509_certificate(ca.cert_path(user).read_bytes())
    else:
        cert = ca.issue(user, name or user.get_full_name() or user.username)
    services.register_certificate(user, cert)
    return user


def sign_demo_decisions(write=print):
    """Sign each issued decision that has no signed version yet; returns how many were signed."""
    ca = config.install_demo_ca()
    write(_("CA trình diễn (không có giá trị pháp lý): %(path)s") % {"path": ca.directory})
    for user in _signers():  # so each demo signer can also sign from the page
        _enrolled(ca, user, user.get_full_name())
    signed = 0
    for decision in Decision.objects.filter(state=DecisionState.ISSUED,
                                            signed_versions__isnull=True).select_related("issuer"):
        user = _signer_of(decision)
        if user is None:
            write(_("Bỏ qua %(ref)s: không có người ký của %(unit)s.") % {
                "ref": decision.reference, "unit": decision.issuer})
            continue
        try:
            services.sign_decision(_enrolled(ca, user, decision.signer_name), decision)
        except SigningError as error:
            write(f"{decision.reference}: {error}")
            continue
        signed += 1
    write(_("Đã ký số %(count)s quyết định.") % {"count": signed})
    return signed


def _sealer_of(decision):
    """Who seals ``decision``'s certificates in the demo: its signer, else a signer or E&C
    officer of the issuer."""
    candidates = ([decision.signer] if decision.signer_id else []) + list(
        _signers((Role.SIGNER, Role.EC_OFFICER)))
    return next((user for user in candidates
                 if user.has_perm("documents.seal_certificates", decision)
                 and not user.is_superuser), None)


def seal_demo_certificates(write=print, decisions=SEALED_DECISIONS):
    """Seal the certificates of the latest ``decisions`` signed decisions through the sealing
    job (run here, the demo waits for it), saying where the demo seal's key is; returns how
    many certificates are sealed."""
    if demo_hsm.softhsm_module():
        write(_("Dấu số trình diễn: khóa của mỗi cơ quan nằm trong token SoftHSM2 “%(label)s” "
                "(PKCS#11).") % {"label": demo_hsm.DEVICE_LABEL})
    else:
        write(_("Không có SoftHSM2 (apt-get install softhsm2): dấu số trình diễn dùng khóa phần "
                "mềm lưu trong tệp trên máy chủ."))
    latest = (Decision.objects.filter(state=DecisionState.ISSUED, signed_versions__isnull=False)
              .select_related("issuer").distinct().order_by("-date", "-pk")[:decisions])
    for decision in latest:
        user = _sealer_of(decision)
        unsealed = decision.awards.filter(sealed_certificate__isnull=True).exists()
        if user is None or not unsealed:
            continue
        try:
            job = sealing.seal_certificates(user, decision)
        except SigningError as error:
            write(f"{decision.reference}: {error}")
            continue
        run_job_now(job)
        job.refresh_from_db()
        if job.status == Job.Status.FAILED:
            write(f"{decision.reference}: {job.error}")
    sealed = SealedCertificate.objects.count()
    write(_("Đã đóng dấu số %(count)s giấy khen.") % {"count": sealed})
    return sealed


def sign_demo_submissions(write=print):
    """Turn on "Ký số tờ trình" for the demo's first Huế cooperative, through its settings
    service, once its history is played: its draft tờ trình then waits for its signer
    (htx.lanhdao) before htx.baocao can send it. Returns the unit, or None."""
    unit = Organization.objects.filter(code=SIGNING_PROPOSER).first()
    admin = get_user_model().objects.filter(is_superuser=True, is_active=True).first()
    if unit is None or admin is None:
        return None
    row = issuer_settings(unit)
    row.sign_submissions = True
    save_issuer_settings(admin, row)
    write(_("%(unit)s ký số tờ trình trước khi gửi.") % {"unit": unit})
    return unit
