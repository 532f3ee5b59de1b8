"""A key held in files on the server (PEM private key and certificate): the demo's signers and
the tests. Not for real signers, whose keys never leave their token."""
from pyhanko.keys import load_cert_from_pemder, load_certs_from_pemder, load_private_key_from_pemder
from pyhanko.sign.signers import SimpleSigner
from pyhanko_certvalidator.registry import SimpleCertificateStore

from .base import Signer


class SoftwareSigner(Signer):
    name = "software"

    def __init__(self, key_path, cert_path, chain_paths=()):
        self.key_path, self.cert_path, self.chain_paths = key_path, cert_path, list(chain_paths)

    def pyhanko_signer(self):
        return SimpleSigner(
            signing_cert=load_cert_from_pemder(str(self.cert_path)),
            signing_key=load_private_key_from_pemder(str(self.key_path), passphrase=None),
            cert_registry=SimpleCertificateStore.from_certs(
                load_certs_from_pemder([str(path) for path in self.chain_paths])))
