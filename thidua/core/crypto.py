"""Encryption of personal data at rest (citizen ID) with a key from settings.

Fernet (from ``cryptography``) encrypts; an HMAC digest of the same key lets the database enforce
uniqueness and look a number up without ever storing it in clear.
"""
import base64
import hashlib
import hmac
from functools import lru_cache

from cryptography.fernet import Fernet, InvalidToken
from django.conf import settings


@lru_cache(maxsize=4)
def _keys(secret):
    material = hashlib.sha256(("thidua-fernet:" + secret).encode()).digest()
    digest_key = hashlib.sha256(("thidua-digest:" + secret).encode()).digest()
    return Fernet(base64.urlsafe_b64encode(material)), digest_key


def encrypt(value: str) -> str:
    fernet, _ = _keys(settings.FIELD_ENCRYPTION_KEY)
    return fernet.encrypt(value.encode()).decode()


def decrypt(token: str) -> str:
    fernet, _ = _keys(settings.FIELD_ENCRYPTION_KEY)
    try:
        return fernet.decrypt(token.encode()).decode()
    except InvalidToken:
        return ""


def digest(value: str) -> str:
    _, key = _keys(settings.FIELD_ENCRYPTION_KEY)
    return hmac.new(key, value.encode(), hashlib.sha256).hexdigest()


def mask(value: str, visible: int = 4) -> str:
    """"001203004567" → "********4567"."""
    if not value:
        return ""
    return "*" * (len(value) - visible) + value[-visible:]
