"""Remote signing for signers without a token: a service in the shape of the Cloud Signature
Consortium API (v1 or v2) holds their key. ``credentials/info`` gives the certificate chain,
``signatures/signHash`` signs a digest; pyHanko builds the CMS here around the value it returns,
so only the digest of the signed attributes leaves the server, never the PDF.

Configured by ``THIDUA_REMOTE_SIGNING_URL`` (the service's base address with its version,
``…/csc/v1`` or ``…/csc/v2``: the request fields follow it), ``THIDUA_REMOTE_SIGNING_CREDENTIAL``
(the credential ID, ``{username}`` is the signer's user name) and the bearer token
``THIDUA_REMOTE_SIGNING_TOKEN`` (environment; never in the database, never in a message or log).
HTTP with aiohttp: pyHanko already depends on it, and its raw signing is a coroutine.

``THIDUA_REMOTE_SIGNING_AUTH`` says how each signature is authorised (CSC SCAL2 when explicit):
``implicit`` (the bearer token suffices), ``pin`` (the signer types the key's PIN) or ``otp``
(the service sends a one-time code, ``credentials/sendOTP``, and the signer types it). For the
explicit modes ``credentials/authorize`` is called with the digest about to be signed and the
code, and the Signature Activation Data it returns goes with ``signatures/signHash``.
"""
import asyncio
import base64
import binascii
import hashlib

import aiohttp
from asn1crypto import algos, x509
from cryptography.exceptions import InvalidSignature
from django.conf import settings
from django.utils.translation import gettext as _
from pyhanko.sign import signers
from pyhanko_certvalidator.registry import SimpleCertificateStore
from pyhanko_certvalidator.sig_validate import (DEFAULT_SIGNATURE_VALIDATOR,
                                                SignatureValidationContext)

from .base import Signer, SigningError
from .loop import call_synchronously

# The room pyHanko's trial signature (the one that measures the space to reserve in the PDF)
# takes without asking the service: a 4096-bit RSA signature, more than any ECDSA one.
TRIAL_SIZE = 512
GARBAGE = (KeyError, IndexError, TypeError, ValueError, binascii.Error)


def _garbage(method):
    return SigningError(_("Dịch vụ ký số từ xa trả lời không đúng định dạng (%(method)s).") % {
        "method": method})


AUTH_MODES = ("implicit", "pin", "otp")


class CscClient:
    """The calls of the CSC API this server makes, with the bearer token; ``code`` is what the
    signer typed (the key's PIN or the one-time code) when signatures are authorised
    explicitly."""

    def __init__(self, url, credential, token, timeout, auth="implicit", code=""):
        self.url, self.credential = url.rstrip("/"), credential
        self.token, self.timeout = token, timeout
        self.v1 = self.url.endswith("/v1")
        self.auth, self.code = auth, code

    async def call(self, method, body):
        """The JSON answer of ``method``; any failure is a SigningError in Vietnamese."""
        headers = {"Authorization": f"Bearer {self.token}"}
        try:
            async with aiohttp.ClientSession(
                    timeout=aiohttp.ClientTimeout(total=self.timeout)) as session, \
                    session.post(f"{self.url}/{method}", json=body, headers=headers) as response:
                if response.status >= 400:
                    raise SigningError(_("Dịch vụ ký số từ xa từ chối (%(method)s, HTTP "
                                         "%(status)s): %(reason)s") % {
                                             "method": method, "status": response.status,
                                             "reason": await _reason(response)})
                answer = await response.json(content_type=None)
        except TimeoutError as error:
            raise SigningError(_("Dịch vụ ký số từ xa không trả lời trong %(seconds)s giây; "
                                 "chưa ký, hãy thử lại sau.") % {
                                     "seconds": f"{self.timeout:g}"}) from error
        except aiohttp.ClientError as error:
            raise SigningError(_("Không kết nối được dịch vụ ký số từ xa (%(url)s); chưa ký, "
                                 "hãy thử lại sau.") % {"url": self.url}) from error
        except ValueError as error:  # not JSON
            raise _garbage(method) from error
        if not isinstance(answer, dict):
            raise _garbage(method)
        return answer

    async def certificates(self):
        """The credential's chain (asn1crypto), the signer's certificate first."""
        answer = await self.call("credentials/info", {"credentialID": self.credential,
                                                      "certificates": "chain"})
        try:
            chain = [x509.Certificate.load(base64.b64decode(item, validate=True))
                     for item in answer["cert"]["certificates"]]
            for cert in chain:
                cert.public_key.native  # noqa: B018 — parse now: garbage fails here
            return chain[0], chain
        except GARBAGE as error:
            raise _garbage("credentials/info") from error

    def _hashes(self, digest, digest_algorithm):
        digest_oid = algos.DigestAlgorithmId(digest_algorithm).dotted
        encoded = [base64.b64encode(digest).decode()]
        return ({"hash": encoded, "hashAlgo": digest_oid} if self.v1
                else {"hashes": encoded, "hashAlgorithmOID": digest_oid})

    async def send_otp(self):
        """Ask the service to send the signer their one-time code (SMS, app)."""
        await self.call("credentials/sendOTP", {"credentialID": self.credential})

    async def authorize(self, digest, digest_algorithm):
        """The Signature Activation Data for one signature of ``digest``, given the code."""
        if not self.code:
            raise SigningError(_("Nhập mã OTP được gửi tới bạn.") if self.auth == "otp"
                               else _("Nhập mã PIN của khóa ký."))
        answer = await self.call("credentials/authorize", {
            "credentialID": self.credential, "numSignatures": 1,
            **self._hashes(digest, digest_algorithm),
            ("OTP" if self.auth == "otp" else "PIN"): self.code})
        if not isinstance(answer.get("SAD"), str):
            raise _garbage("credentials/authorize")
        return answer["SAD"]

    async def sign_hash(self, digest, digest_algorithm, mechanism):
        """The raw signature of ``digest`` by the credential's key."""
        body = {"credentialID": self.credential, "signAlgo": mechanism["algorithm"].dotted,
                **self._hashes(digest, digest_algorithm)}
        if self.auth != "implicit":
            body["SAD"] = await self.authorize(digest, digest_algorithm)
        if mechanism["parameters"].native is not None:
            body["signAlgoParams"] = base64.b64encode(mechanism["parameters"].dump()).decode()
        answer = await self.call("signatures/signHash", body)
        try:
            return base64.b64decode(answer["signatures"][0], validate=True)
        except GARBAGE as error:
            raise _garbage("signatures/signHash") from error


async def _reason(response):
    """The service's own words for a refusal (CSC: ``error_description``), shortened."""
    try:
        answer = await response.json(content_type=None)
        text = answer.get("error_description") or answer.get("error") or ""
    except (ValueError, AttributeError, aiohttp.ClientError):
        text = ""
    return str(text)[:200] or response.reason or ""


class CscPdfSigner(signers.Signer):
    """pyHanko's signer whose raw signature comes from the service; every value returned is
    checked against the credential's certificate before pyHanko puts it in the CMS."""

    def __init__(self, client, cert, chain):
        super().__init__(signing_cert=cert,
                         cert_registry=SimpleCertificateStore.from_certs(chain))
        self.client = client

    async def async_sign_raw(self, data, digest_algorithm, dry_run=False):
        if dry_run:
            return bytes(TRIAL_SIZE)
        mechanism = self.get_signature_mechanism_for_digest(digest_algorithm)
        signature = await self.client.sign_hash(hashlib.new(digest_algorithm, data).digest(),
                                                digest_algorithm, mechanism)
        try:
            DEFAULT_SIGNATURE_VALIDATOR.validate_signature(
                signature, data, self.signing_cert.public_key, mechanism,
                SignatureValidationContext(contextual_md_algorithm=digest_algorithm))
        except (InvalidSignature, ValueError) as error:
            raise SigningError(_("Chữ ký dịch vụ ký số từ xa trả về không khớp chứng thư số "
                                 "%(serial)s; chưa ký.") % {
                                     "serial": format(self.signing_cert.serial_number, "X")}
                               ) from error
        return signature


class RemoteSigner(Signer):
    """The signer's key at the remote signing service; nothing is asked of the service until
    the first signature (a page can offer the way to sign without calling it)."""

    name = "remote"

    def __init__(self, client):
        self.client = client
        self._signer = None

    @classmethod
    def for_user(cls, user, code=""):
        """``user``'s credential; ``code``: the PIN or one-time code they typed, if asked."""
        return cls(CscClient(settings.THIDUA_REMOTE_SIGNING_URL,
                             settings.THIDUA_REMOTE_SIGNING_CREDENTIAL.format(
                                 username=user.get_username()),
                             settings.THIDUA_REMOTE_SIGNING_TOKEN,
                             settings.THIDUA_REMOTE_SIGNING_TIMEOUT,
                             settings.THIDUA_REMOTE_SIGNING_AUTH, code))

    def send_otp(self):
        call_synchronously(lambda: asyncio.run(self.client.send_otp()))

    def pyhanko_signer(self):
        if self._signer is None:
            cert, chain = call_synchronously(lambda: asyncio.run(self.client.certificates()))
            self._signer = CscPdfSigner(self.client, cert, chain)
        return self._signer
