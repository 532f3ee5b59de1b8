"""Checkpoints of the audit chain's head, kept outside the database.

A checkpoint is one JSON line: the last entry's id and hash, how many entries there were, the id
of the first keyed entry, the fingerprint of every configured key, and a MAC of all of it under
the current key. It is appended (and fsynced) to ``THIDUA_AUDIT_CHECKPOINT_FILE`` — meant to sit
on another volume than the database — and written to the log stream (logger
``thidua.audit.checkpoint``), which a deployment ships elsewhere. It is taken every hour (Celery
beat, ``tasks.checkpoint_audit_chain``) and before every backup (``THIDUA_BEFORE_BACKUP``).
``chain.verify`` compares the database with every checkpoint: entries removed from the end of
the log, which a chain alone cannot show, are reported from the last checkpoint that saw them.
"""
import json
import logging
import os
from datetime import datetime

from django.conf import settings
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from . import keys
from .models import GENESIS, AuditEntry

logger = logging.getLogger(__name__)


def _signed_part(record):
    return json.dumps({k: v for k, v in record.items() if k != "mac"}, sort_keys=True,
                      ensure_ascii=False, separators=(",", ":"))


def take(reason):
    """Write a checkpoint of the chain's head now; returns it."""
    last = AuditEntry.objects.order_by("-pk").values("pk", "hash").first() or {
        "pk": 0, "hash": GENESIS}
    first_keyed = AuditEntry.objects.exclude(key_id="").order_by("pk").values_list(
        "pk", flat=True).first()
    record = {"at": timezone.now().isoformat(), "reason": reason, "seq": last["pk"],
              "hash": last["hash"], "count": AuditEntry.objects.count(),
              "first_keyed": first_keyed, "keys": keys.fingerprints(),
              "key_id": keys.current_id()}
    record["mac"] = keys.mac(record["key_id"], _signed_part(record))
    line = json.dumps(record, ensure_ascii=False, sort_keys=True)
    path = settings.THIDUA_AUDIT_CHECKPOINT_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a", encoding="utf-8") as stream:
        stream.write(line + "\n")
        stream.flush()
        os.fsync(stream.fileno())
    logger.info("audit checkpoint %s", line)
    return record


def when(record):
    """A checkpoint's time as people read it (local, dd/mm/yyyy hh:mm:ss)."""
    at = timezone.localtime(datetime.fromisoformat(record["at"]))
    return f"{formats.date_format(at, 'd/m/Y')} {at:%H:%M:%S}"


def checkpoint_before_backup():
    take("backup")


def read():
    """(checkpoints whose MAC holds, [(line number, why refused, the record if it parsed)])."""
    path = settings.THIDUA_AUDIT_CHECKPOINT_FILE
    if not path.is_file():
        return [], []
    good, refused = [], []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        record = None
        try:
            record = json.loads(line)
            valid = keys.mac(record["key_id"], _signed_part(record)) == record["mac"]
        except keys.UnknownKey as error:
            refused.append((number, _("không có khóa “%(key)s”") % {"key": error.args[0]},
                            record))
            continue
        except (ValueError, KeyError, TypeError, AttributeError):
            refused.append((number, _("không đọc được"), None))
            continue
        if valid:
            good.append(record)
        else:
            refused.append((number, _("chữ ký không khớp: dòng bị sửa"), record))
    return good, refused
