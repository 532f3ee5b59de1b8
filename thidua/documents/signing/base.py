"""The ``Signer`` contract every way of signing implements, and what the visible block says."""
from dataclasses import dataclass


class SigningError(Exception):
    """Signing could not be done; the message is Vietnamese and shown as is."""


@dataclass(frozen=True)
class SignatureBlock:
    """The visible signature's text (NĐ 30/2020, Phụ lục I: the signer's title, name, the
    organisation, the time)."""

    signer_title: str
    signer_name: str
    organisation: str
    place: str = ""


class Signer:
    """Turns a PDF into a signed PDF. Implementations give pyHanko a ``pyhanko_signer()``
    (a ``pyhanko.sign.signers.Signer``: the key may sit in a file, a token or an HSM) and the
    certificate it signs with."""

    name = ""

    def pyhanko_signer(self):
        raise NotImplementedError

    def certificate(self):
        """The signing certificate (asn1crypto)."""
        return self.pyhanko_signer().signing_cert
