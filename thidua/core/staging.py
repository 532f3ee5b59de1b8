"""What an import read, kept between its preview and its confirmation (the rows of the uploaded
sheet, ``xlsx_sheet.Table.dumps``).

The data is stored under a random name in a private directory (no URL), one folder per user. The
preview page carries a signed key naming the file, its owner and what it was previewed for (the
page and the kind of import), so a user can confirm only their own upload, only where it was
previewed, and only for ``THIDUA_IMPORT_STAGING_SECONDS``. A file is removed when confirmed or
cancelled; files left behind are swept whenever someone stages a new one. With several app servers,
MEDIA_ROOT must be shared between them (it already is for the dossiers' attachments).
"""
import secrets
import time
from pathlib import Path

from django.conf import settings
from django.core import signing

SALT = "thidua.core.staging"


class Expired(Exception):
    """The key is forged, for someone or something else, too old, or its file is gone."""


def _root():
    return Path(settings.MEDIA_ROOT) / "nhap-excel"


def _max_age():
    return settings.THIDUA_IMPORT_STAGING_SECONDS


def stage(user, data, purpose):
    """Keep ``data`` for ``user``; returns the signed key to confirm or cancel with."""
    sweep()
    folder = _root() / str(user.pk)
    folder.mkdir(parents=True, exist_ok=True)
    name = f"{secrets.token_hex(16)}.staged"
    (folder / name).write_bytes(data)
    return signing.dumps({"user": user.pk, "name": name, "for": purpose}, salt=SALT)


def _path(user, key, purpose):
    try:
        payload = signing.loads(key, salt=SALT, max_age=_max_age())
    except signing.BadSignature:
        raise Expired from None
    if payload.get("user") != user.pk or payload.get("for") != purpose:
        raise Expired
    return _root() / str(user.pk) / Path(payload["name"]).name


def load(user, key, purpose):
    """The staged bytes; raises Expired."""
    try:
        return _path(user, key, purpose).read_bytes()
    except FileNotFoundError:
        raise Expired from None


def discard(user, key, purpose):
    try:
        _path(user, key, purpose).unlink(missing_ok=True)
    except Expired:
        pass


def sweep():
    """Remove staged files older than the confirmation window."""
    if not _root().is_dir():
        return
    oldest = time.time() - _max_age()
    for path in _root().glob("*/*"):
        try:
            if path.stat().st_mtime < oldest:
                path.unlink()
        except FileNotFoundError:  # another request swept it first
            continue
