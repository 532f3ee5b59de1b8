"""The demo's organisation seals: one RSA key per issuing organisation, made inside a SoftHSM2
token under ``THIDUA_SIGNING_DIR/softhsm/`` (never leaving it) and certified by the demo CA;
without SoftHSM2 (Debian's ``softhsm2``) a key file under the demo CA instead, and the demo says
so. Demo and tests only: production names its own token in settings (``hsm.py``).
"""
import os
import shutil
import subprocess  # nosec B404 — softhsm2-util, a fixed argument list
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from pkcs11 import Attribute, CertificateType, KeyType, ObjectClass
from pkcs11.util.rsa import encode_rsa_public_key

from .demo_ca import _pem, _write
from .hsm import Pkcs11Signer, open_session
from .software import SoftwareSigner

MODULES = ("/usr/lib/softhsm/libsofthsm2.so",
           "/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so",
           "/usr/lib/aarch64-linux-gnu/softhsm/libsofthsm2.so",
           "/usr/local/lib/softhsm/libsofthsm2.so")
DEVICE_LABEL = "thidua-demo-seal"  # the SoftHSM2 token's label
PIN, SO_PIN = "246810", "13579111"  # the demo token's: no value outside the demo
SEAL_DAYS = 5 * 365


def softhsm_module():
    """The SoftHSM2 PKCS#11 module when SoftHSM2 is installed, else None."""
    if shutil.which("softhsm2-util") is None:
        return None
    return next((path for path in MODULES if Path(path).exists()), None)


def key_label(organization):
    return f"seal-{organization.code or organization.pk}"


class DemoToken:
    """A SoftHSM2 token whose files live in ``directory`` (its own softhsm2.conf)."""

    def __init__(self, directory, module):
        self.directory, self.module = Path(directory), module

    @property
    def conf_path(self):
        return self.directory / "softhsm2.conf"

    def prepare(self):
        """Point SoftHSM2 at this token's folder (SOFTHSM2_CONF) and make the token once."""
        tokens = self.directory / "tokens"
        if not self.conf_path.exists():
            tokens.mkdir(parents=True, exist_ok=True)
            self.conf_path.write_text(f"directories.tokendir = {tokens}\n"
                                      "objectstore.backend = file\nlog.level = ERROR\n")
        os.environ["SOFTHSM2_CONF"] = str(self.conf_path)
        if not any(tokens.iterdir()):
            subprocess.run(["softhsm2-util", "--init-token", "--free",  # nosec B603 B607
                            "--label", DEVICE_LABEL, "--pin", PIN, "--so-pin", SO_PIN],
                           check=True, capture_output=True)
        return self

    def seal(self, ca, organization):
        """The signer of ``organization``'s seal: its key is made in the token and certified
        by the demo CA the first time."""
        label = key_label(organization)
        with open_session(self.module, DEVICE_LABEL, PIN, rw=True) as session:
            if not list(session.get_objects({Attribute.CLASS: ObjectClass.PRIVATE_KEY,
                                             Attribute.LABEL: label})):
                identifier = label.encode()
                public, _private = session.generate_keypair(
                    KeyType.RSA, 2048, label=label, id=identifier, store=True)
                cert = ca.certify(serialization.load_der_public_key(
                    encode_rsa_public_key(public)), organization.name, f"DEMO-{label}",
                    days=SEAL_DAYS)
                session.create_object({
                    Attribute.CLASS: ObjectClass.CERTIFICATE,
                    Attribute.CERTIFICATE_TYPE: CertificateType.X_509, Attribute.TOKEN: True,
                    Attribute.LABEL: label, Attribute.ID: identifier,
                    Attribute.SUBJECT: cert.subject.public_bytes(),
                    Attribute.VALUE: cert.public_bytes(serialization.Encoding.DER)})
        return Pkcs11Signer(self.module, DEVICE_LABEL, label, PIN)


def software_seal(ca, organization):
    """Without SoftHSM2: the seal's key in a file under the demo CA."""
    label = key_label(organization)
    key_path = ca.directory / "seals" / f"{label}.pem"
    cert_path = key_path.with_suffix(".crt")
    if not key_path.exists():
        key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        cert = ca.certify(key.public_key(), organization.name, f"DEMO-{label}", days=SEAL_DAYS)
        _write(cert_path, cert.public_bytes(serialization.Encoding.PEM))
        _write(key_path, _pem(key))
    return SoftwareSigner(key_path, cert_path, [ca.root_path])

