"""A key held in a PKCS#11 token or HSM (pyHanko's ``pyhanko.sign.pkcs11``): the organisation
seal on certificates. The key never leaves the token; the server opens one session and signs
through it. Configured by ``THIDUA_SEAL_PKCS11_MODULE`` (the vendor's ``.so``),
``THIDUA_SEAL_TOKEN_LABEL``, ``THIDUA_SEAL_KEY_LABEL`` and the user PIN in the environment
variable ``THIDUA_SEAL_PIN`` (never in settings or the database).
"""
import os

import pkcs11
from django.utils.translation import gettext as _
from pkcs11 import PKCS11Error
from pyhanko.config.pkcs11 import TokenCriteria
from pyhanko.sign.pkcs11 import PKCS11Signer, open_pkcs11_session

from .base import Signer, SigningError

PIN_VARIABLE = "THIDUA_SEAL_PIN"
# SoftHSM2 reads its configuration (where its tokens live) when the module is initialised: a
# change of SOFTHSM2_CONF, or a token made since by softhsm2-util, needs a fresh initialisation.
_initialised_with = {}


def library(module):
    """The PKCS#11 module, (re)initialised when SOFTHSM2_CONF changed since it was loaded."""
    lib = pkcs11.lib(module)
    conf = os.environ.get("SOFTHSM2_CONF", "")
    if _initialised_with.setdefault(module, conf) != conf:
        lib.reinitialize()
        _initialised_with[module] = conf
    return lib


def open_session(module, token_label, pin, rw=False):
    """A session on the token labelled ``token_label``; a token made after the module was
    loaded is found by initialising it again."""
    lib = library(module)
    criteria = TokenCriteria(label=token_label)
    if not any(slot.get_token().label == token_label for slot in lib.get_slots(token_present=True)):
        lib.reinitialize()
    if rw:
        return lib.get_token(token_label=token_label).open(rw=True, user_pin=pin)
    return open_pkcs11_session(module, token_criteria=criteria, user_pin=pin)


class Pkcs11Signer(Signer):
    """Signs with the private key labelled ``key_label`` (its certificate has the same label on
    the token). One session for the signer's life: ``close()`` it after a batch."""

    name = "pkcs11"

    def __init__(self, module, token_label, key_label, pin=None):
        self.module, self.token_label, self.key_label = module, token_label, key_label
        self.pin = pin if pin is not None else os.environ.get(PIN_VARIABLE)
        self._session = self._signer = None

    def pyhanko_signer(self):
        if self._signer is None:
            try:
                self._session = open_session(self.module, self.token_label, self.pin)
                self._signer = PKCS11Signer(self._session, key_label=self.key_label)
                self._signer.signing_cert  # noqa: B018 — load key and certificate now
            except (PKCS11Error, OSError, RuntimeError) as error:
                self.close()
                raise SigningError(_("Không dùng được khóa “%(key)s” trên thiết bị ký số "
                                     "“%(token)s”: %(error)s") % {
                                         "key": self.key_label, "token": self.token_label,
                                         "error": str(error) or type(error).__name__}) from error
        return self._signer

    def close(self):
        if self._session is not None:
            try:
                self._session.close()
            except PKCS11Error:
                pass
        self._session = self._signer = None
