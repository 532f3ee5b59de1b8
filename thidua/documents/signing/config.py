"""Where the signing material lives (``THIDUA_SIGNING_DIR``) and what it gives pyHanko: the trust
roots and CRLs the operator loaded under ``trust/``, the timestamping authority, the demo CA.

``trust/`` holds the root CA certificates (``*.pem``, ``*.crt``, ``*.cer``) and the CRLs
(``*.crl``) the organisation trusts, loaded by the operator; nothing is bundled. Without
``THIDUA_TSA_URL`` the in-process demo TSA timestamps, and only where a demo CA exists.
"""
import hashlib
from pathlib import Path

from asn1crypto import cms, core
from cryptography import x509
from cryptography.hazmat.primitives.asymmetric.padding import PKCS1v15
from cryptography.hazmat.primitives.serialization import Encoding
from django.conf import settings
from django.utils.translation import gettext as _
from pyhanko.keys import load_cert_from_pemder
from pyhanko.sign import general
from pyhanko.sign.general import simple_cms_attribute
from pyhanko.sign.timestamps import HTTPTimeStamper
from pyhanko.sign.timestamps.dummy_client import DummyTimeStamper
from pyhanko_certvalidator import ValidationContext
from pyhanko_certvalidator.registry import SimpleCertificateStore
from pyhanko_certvalidator.util import get_pyca_cryptography_hash

from .base import SigningError
from .demo_ca import DemoCA, asn1_certificate, asn1_private_key

ROOT_SUFFIXES = {".pem", ".crt", ".cer"}


def signing_dir():
    return Path(settings.THIDUA_SIGNING_DIR)


def trust_dir():
    return signing_dir() / "trust"


def demo_ca():
    """The demo CA when one was made here (``manage.py demo_signatures``), else None."""
    ca = DemoCA(signing_dir() / "demo-ca")
    return ca if ca.root_path.exists() else None


def trust_root_paths():
    folder = trust_dir()
    return sorted(p for p in folder.iterdir() if p.suffix in ROOT_SUFFIXES) if folder.is_dir() \
        else []


def validation_context():
    """The organisation's trust roots and CRLs; no fetching from the network here (the CA's
    responders are not reachable from this server), so revocation is what the CRLs say."""
    folder = trust_dir()
    crls = [p.read_bytes() for p in sorted(folder.glob("*.crl"))] if folder.is_dir() else []
    return ValidationContext(trust_roots=[load_cert_from_pemder(str(p))
                                          for p in trust_root_paths()],
                             crls=crls, allow_fetching=False, revocation_mode="soft-fail")


def trust_root(cert):
    """Copy a root certificate (cryptography) into the trust folder."""
    folder = trust_dir()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{cert.serial_number:x}.pem").write_bytes(cert.public_bytes(Encoding.PEM))


def timestamper():
    """The TSA named by ``THIDUA_TSA_URL``, else the demo's in-process TSA."""
    if settings.THIDUA_TSA_URL:
        return HTTPTimeStamper(settings.THIDUA_TSA_URL)
    ca = demo_ca()
    if ca is None:
        raise SigningError(_("Chưa cấu hình dịch vụ cấp dấu thời gian (THIDUA_TSA_URL)."))
    tsa_cert, tsa_key = ca.timestamper_material()
    return DemoTimeStamper(tsa_key, tsa_cert=asn1_certificate(tsa_cert),
                           tsa_key=asn1_private_key(tsa_key),
                           certs_to_embed=SimpleCertificateStore.from_certs(
                               [load_cert_from_pemder(str(ca.root_path))]))


class DemoTimeStamper(DummyTimeStamper):
    """pyHanko's in-process TSA with its RSA key loaded once: pyHanko's own loads (and checks)
    the key for every timestamp, a tenth of a second that a bulk seal pays a thousand times."""

    def __init__(self, key, **kwargs):
        super().__init__(**kwargs)
        self.loaded_key = key

    def _sign_tst_info(self, tst_info_data, md_algorithm, dt):
        """As pyHanko's ``DummyTimeStamper._sign_tst_info``, with the loaded key."""
        signed_attrs = cms.CMSAttributes([
            simple_cms_attribute("content_type", "tst_info"),
            simple_cms_attribute("signing_time", cms.Time({"utc_time": core.UTCTime(dt)})),
            simple_cms_attribute("signing_certificate",
                                 general.as_signing_certificate(self.tsa_cert)),
            simple_cms_attribute("message_digest", hashlib.new(md_algorithm,
                                                               tst_info_data).digest())])
        signature = self.loaded_key.sign(signed_attrs.dump(), PKCS1v15(),
                                         get_pyca_cryptography_hash(md_algorithm.upper()))
        return signature, signed_attrs


def trust_crl(path):
    """Copy a CRL (DER) into the trust folder, where validation reads it."""
    folder = trust_dir()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / Path(path).name).write_bytes(Path(path).read_bytes())


def install_demo_ca():
    """The demo CA (made once), its root trusted and its CRL published here. A demo or a test
    only: production trusts the roots the operator loads."""
    ca = demo_ca() or DemoCA.create(signing_dir() / "demo-ca")
    trust_root(x509.load_pem_x509_certificate(ca.root_path.read_bytes()))
    trust_crl(ca.crl_path)
    return ca
