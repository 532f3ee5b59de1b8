"""The DEMO certification authority: a root, a timestamping authority and one certificate per
signer, made with ``cryptography`` for the demo and the tests. Its names say DEMO and "không có
giá trị pháp lý": it must never be loaded as a trust root in production (the operator loads the
real Vietnamese root CA certificates instead, docs/signing.md).

Files under ``directory``: ``demo-root.pem`` (a trust root), ``demo-root-key.pem``,
``demo-tsa.pem`` and ``demo-tsa-key.pem``, ``demo-root.crl`` (revoked serials), and
``keys/<username>.pem`` + ``keys/<username>.crt`` for each signer it issued.
"""
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from asn1crypto import keys as asn1_keys
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID
from django.utils import timezone

ORGANISATION = "Thidua DEMO – không có giá trị pháp lý"
ROOT_NAME = "Thidua DEMO Root CA"
# Declared in every certificate so validators look for a CRL (the .invalid address is never
# fetched: validation reads the CRL copied into the trust folder).
CRL_URL = "http://ca.thidua-demo.invalid/demo-root.crl"


def _name(common_name, serial_number=None):
    parts = [x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"),
             x509.NameAttribute(NameOID.ORGANIZATION_NAME, ORGANISATION),
             x509.NameAttribute(NameOID.COMMON_NAME, common_name)]
    if serial_number:
        parts.append(x509.NameAttribute(NameOID.SERIAL_NUMBER, serial_number))
    return x509.Name(parts)


def _pem(key):
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                             serialization.NoEncryption())


def _write(path, data):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


@dataclass
class DemoCA:
    directory: Path

    @property
    def root_path(self):
        return self.directory / "demo-root.pem"

    def _load(self, name):
        cert = x509.load_pem_x509_certificate((self.directory / f"{name}.pem").read_bytes())
        key = serialization.load_pem_private_key(
            (self.directory / f"{name}-key.pem").read_bytes(), None)
        return cert, key

    @classmethod
    def create(cls, directory, years=10):
        """A new root valid ``years`` from now, a TSA under it and an empty CRL."""
        ca = cls(Path(directory))
        now = timezone.now()
        key = ec.generate_private_key(ec.SECP256R1())
        root = (x509.CertificateBuilder().subject_name(_name(ROOT_NAME))
                .issuer_name(_name(ROOT_NAME)).public_key(key.public_key())
                .serial_number(x509.random_serial_number())
                .not_valid_before(now - timedelta(days=1))
                .not_valid_after(now + timedelta(days=365 * years))
                .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
                .add_extension(x509.KeyUsage(False, False, False, False, False, True, True, False,
                                             False), critical=True)
                .sign(key, hashes.SHA256()))
        _write(ca.root_path, root.public_bytes(serialization.Encoding.PEM))
        _write(ca.directory / "demo-root-key.pem", _pem(key))
        tsa_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)  # pyHanko's
        # in-process TSA signs with RSA only
        tsa = ca._issue(_name("Thidua DEMO TSA"), tsa_key.public_key(), now - timedelta(days=1),
                        now + timedelta(days=365 * years), timestamping=True)
        _write(ca.directory / "demo-tsa.pem", tsa.public_bytes(serialization.Encoding.PEM))
        _write(ca.directory / "demo-tsa-key.pem", _pem(tsa_key))
        ca.publish_crl()
        return ca

    def _issue(self, subject, public_key, not_before, not_after, timestamping=False):
        root, key = self._load("demo-root")
        builder = (x509.CertificateBuilder().subject_name(subject).issuer_name(root.subject)
                   .public_key(public_key).serial_number(x509.random_serial_number())
                   .not_valid_before(not_before).not_valid_after(not_after)
                   .add_extension(x509.BasicConstraints(ca=False, path_length=None),
                                  critical=True)
                   .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(
                       root.public_key()), critical=False)
                   .add_extension(x509.CRLDistributionPoints([x509.DistributionPoint(
                       [x509.UniformResourceIdentifier(CRL_URL)], None, None, None)]),
                       critical=False))
        if timestamping:
            builder = builder.add_extension(
                x509.ExtendedKeyUsage([ExtendedKeyUsageOID.TIME_STAMPING]), critical=True)
        else:
            builder = builder.add_extension(x509.KeyUsage(True, True, False, False, False, False,
                                                          False, False, False), critical=True)
        return builder.sign(key, hashes.SHA256())

    def issue(self, user, full_name, days=365, starts=None):
        """A signing certificate for ``user`` (its key kept under keys/), valid ``days`` from
        ``starts`` (default: yesterday). Returns the certificate."""
        key = ec.generate_private_key(ec.SECP256R1())
        cert = self.certify(key.public_key(), full_name, f"DEMO-{user.username}", days, starts)
        _write(self.key_path(user), _pem(key))
        _write(self.cert_path(user), cert.public_bytes(serialization.Encoding.PEM))
        return cert

    def certify(self, public_key, name, serial_number, days=365, starts=None):
        """A signing certificate for ``public_key`` (a key held elsewhere: a token's) in the
        name of ``name`` (a person or an organisation), valid ``days`` from ``starts``."""
        start = starts or timezone.now() - timedelta(days=1)
        return self._issue(_name(name, serial_number=serial_number), public_key, start,
                           start + timedelta(days=days))

    @property
    def crl_path(self):
        return self.directory / "demo-root.crl"

    def key_path(self, user):
        return self.directory / "keys" / f"{user.username}.pem"

    def cert_path(self, user):
        return self.directory / "keys" / f"{user.username}.crt"

    def revoke(self, cert):
        revoked = self._revoked() | {cert.serial_number}
        self.publish_crl(revoked)

    def _revoked(self):
        if not self.crl_path.exists():
            return set()
        return {entry.serial_number
                for entry in x509.load_der_x509_crl(self.crl_path.read_bytes())}

    def publish_crl(self, serials=()):
        """The root's CRL (DER) listing ``serials`` as revoked since now."""
        root, key = self._load("demo-root")
        now = timezone.now()
        builder = (x509.CertificateRevocationListBuilder().issuer_name(root.subject)
                   .last_update(now - timedelta(minutes=5)).next_update(now + timedelta(days=7)))
        for serial in sorted(serials):
            builder = builder.add_revoked_certificate(
                x509.RevokedCertificateBuilder().serial_number(serial)
                .revocation_date(now - timedelta(minutes=1)).build())
        crl = builder.sign(key, hashes.SHA256())
        _write(self.crl_path, crl.public_bytes(serialization.Encoding.DER))

    def timestamper_material(self):
        """(certificate, private key) of the demo TSA."""
        return self._load("demo-tsa")


def asn1_certificate(cert):
    """A ``cryptography`` certificate as pyHanko's asn1crypto one."""
    return asn1_x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER))


def asn1_private_key(key):
    return asn1_keys.PrivateKeyInfo.load(key.private_bytes(
        serialization.Encoding.DER, serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption()))
