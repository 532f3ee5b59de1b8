"""Appending to the hash chain and checking it.

Each row stores the hash of the row before it (``prev_hash``) and the SHA-256 of that hash plus
its own canonical content. Changing, removing or inserting a row breaks the chain at that row
and every later row still verifies against its own stored ``prev_hash``, so ``verify`` reports
exactly where the log was tampered with.
"""
from dataclasses import dataclass, field

from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import GENESIS, AuditEntry

# Any fixed number: the key of the PostgreSQL advisory lock that serialises appends.
_CHAIN_LOCK = 7_204_911


def append(**fields):
    """Write one entry at the end of the chain, in the caller's transaction.

    Appends are serialised so two writers never link to the same previous row: on PostgreSQL by
    a transaction-scoped advisory lock (held until the caller commits, so the next writer reads
    this row), on SQLite by its single writer (``transaction_mode=IMMEDIATE``)."""
    return extend([fields])[0]


def extend(rows, batch_size=500):
    """Write one entry per dict of fields in ``rows`` at the end of the chain, in order, as
    ``append`` does for one: the lock and the read of the last hash once, multi-row inserts."""
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_CHAIN_LOCK])
        previous = AuditEntry.objects.order_by("-pk").values_list("hash", flat=True).first()
        previous, at, entries = previous or GENESIS, timezone.now(), []
        for fields in rows:
            entry = AuditEntry(at=at, prev_hash=previous, **fields)
            entry.hash = previous = entry.compute_hash()
            entries.append(entry)
        return AuditEntry.objects.bulk_create(entries, batch_size=batch_size)


@dataclass
class Verdict:
    checked: int = 0
    broken: list = field(default_factory=list)  # (entry id, reason)

    @property
    def intact(self):
        return not self.broken


def verify(chunk_size=2000):
    """Recompute every hash in order; each problem is (entry id, reason in Vietnamese)."""
    verdict = Verdict()
    expected_prev = GENESIS
    for entry in AuditEntry.objects.order_by("pk").iterator(chunk_size=chunk_size):
        verdict.checked += 1
        if entry.prev_hash != expected_prev:
            verdict.broken.append(
                (entry.pk, _("không nối với mục liền trước (mục bị xóa hoặc chèn)")))
        if entry.compute_hash() != entry.hash:
            verdict.broken.append((entry.pk, _("nội dung không khớp mã băm (mục bị sửa)")))
        expected_prev = entry.hash
    return verdict
