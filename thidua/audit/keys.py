"""The keys that authenticate the audit log, held outside the database.

``THIDUA_AUDIT_KEYS`` (settings, from the environment) maps key ids to secrets; the first signs
new entries and checkpoints, the others stay to verify what they signed (rotation: put a new key
first, keep the old ones). Someone who can write the database but not read the key cannot
recompute an entry's MAC, so a rewritten row shows, however many rows after it are rewritten.
"""
import hashlib
import hmac

from django.conf import settings

FINGERPRINT_MESSAGE = "thidua.audit.key-fingerprint"


class UnknownKey(KeyError):
    """An entry or checkpoint names a key id the settings do not hold."""


def current_id():
    return next(iter(settings.THIDUA_AUDIT_KEYS))


def mac(key_id, message):
    """HMAC-SHA256 of ``message`` under the key ``key_id``, hex."""
    secret = settings.THIDUA_AUDIT_KEYS.get(key_id)
    if secret is None:
        raise UnknownKey(key_id)
    return hmac.new(secret.encode(), message.encode(), hashlib.sha256).hexdigest()


def fingerprint(key_id):
    """Names a key without revealing it: a checkpoint records it, so a key swapped under an
    existing id is told apart from rewritten entries."""
    return mac(key_id, FINGERPRINT_MESSAGE)[:16]


def fingerprints():
    return {key_id: fingerprint(key_id) for key_id in settings.THIDUA_AUDIT_KEYS}
