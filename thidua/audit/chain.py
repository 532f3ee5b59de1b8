"""Appending to the chain and checking it.

Each row stores the hash of the row before it (``prev_hash``) and a MAC of that hash plus its own
canonical content under a key outside the database (``keys``). Changing, removing or inserting a
row breaks the chain at that row and every later row still verifies against its own stored
``prev_hash``; recomputing the hashes needs the key. What a chain alone cannot show — rows removed
from its end — the checkpoints kept outside the database do (``checkpoint``). What ``verify``
detects and what it cannot is listed in
docs/configuration.md#chuỗi-nhật-ký-phát-hiện-được-gì-không-phát-hiện-được-gì.
"""
from dataclasses import dataclass, field

from django.conf import settings

from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from thidua.core import bulk, user_cache

from . import checkpoint, keys
from .models import GENESIS, AuditEntry

# Any fixed number: the key of the PostgreSQL advisory lock that serialises appends.
_CHAIN_LOCK = 7_204_911


def append(**fields):
    """Write one entry at the end of the chain, in the caller's transaction.

    Appends are serialised so two writers never link to the same previous row: on PostgreSQL by
    a transaction-scoped advisory lock (held until the caller commits, so the next writer reads
    this row), on SQLite by its single writer (``transaction_mode=IMMEDIATE``)."""
    return extend([fields])[0]


def extend(rows):
    """Write one entry per dict of fields in ``rows`` at the end of the chain, in order, as
    ``append`` does for one: the lock and the read of the last hash once, one COPY
    (``core.bulk.insert``). The actors' cached figures are dropped (``core.user_cache``): every
    change passes here, and whoever made it sees it on their next page."""
    with transaction.atomic():
        user_cache.forget(fields["actor"].pk for fields in rows if fields.get("actor"))
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_CHAIN_LOCK])
        previous = AuditEntry.objects.order_by("-pk").values_list("hash", flat=True).first()
        previous, at, entries = previous or GENESIS, timezone.now(), []
        key_id = keys.current_id()
        for fields in rows:
            entry = AuditEntry(at=at, prev_hash=previous, key_id=key_id, **fields)
            entry.hash = previous = entry.compute_hash()
            entries.append(entry)
        return bulk.insert(entries)


@dataclass
class Verdict:
    checked: int = 0
    broken: list = field(default_factory=list)  # (entry id or None, what is wrong)
    checkpoints: int = 0  # checkpoints compared
    last_checkpoint: str = ""  # when the newest was taken, as shown

    @property
    def intact(self):
        return not self.broken


class _Walk:
    """State of one pass over the entries in id order. Consecutive entries failing the same way
    (a rewritten stretch) are reported as one range."""

    SINGLE = {
        "mac": gettext_lazy("nội dung không khớp mã xác thực (mục bị sửa)"),
        "unkeyed": gettext_lazy("không có khóa dù nằm sau mục đã có khóa (bị băm lại không có "
                                "khóa)")}
    RANGE = {
        "mac": gettext_lazy("mục #%(first)s–#%(last)s (%(count)s mục) không khớp mã xác thực: "
                            "bị sửa hoặc bị băm lại mà không có khóa"),
        "unkeyed": gettext_lazy("mục #%(first)s–#%(last)s (%(count)s mục) không có khóa dù nằm "
                                "sau mục đã có khóa: bị băm lại không có khóa")}

    def __init__(self, verdict, changed_keys, keyed_from):
        self.verdict, self.changed_keys, self.keyed_from = verdict, changed_keys, keyed_from
        self.expected_prev, self.previous_pk, self.seen_keyed = GENESIS, 0, False
        self.run, self.kind = [], None  # consecutive failing entries and how they fail
        self.unusable = {}  # key id -> [first id, last id, count] of entries it signed

    def add(self, pk, reason):
        self.verdict.broken.append((pk, reason))

    def fail(self, pk, kind):
        if kind != self.kind:
            self.flush()
        self.run.append(pk)
        self.kind = kind

    def flush(self):
        if len(self.run) == 1:
            self.add(self.run[0], str(self.SINGLE[self.kind]))
        elif self.run:
            self.add(self.run[0], str(self.RANGE[self.kind]) % {
                "first": self.run[0], "last": self.run[-1], "count": len(self.run)})
        self.run, self.kind = [], None

    def step(self, entry):
        if entry.prev_hash != self.expected_prev:
            if entry.pk > self.previous_pk + 1:
                self.add(entry.pk, _("không nối với mục liền trước: mục #%(first)s–#%(last)s đã "
                                     "bị xóa") % {"first": self.previous_pk + 1,
                                                  "last": entry.pk - 1})
            else:
                self.add(entry.pk, _("không nối với mục liền trước (mục bị chèn hoặc thay)"))
        self.seen_keyed = self.seen_keyed or bool(entry.key_id)
        if not entry.key_id and (self.seen_keyed or (self.keyed_from
                                                     and entry.pk >= self.keyed_from)):
            self.fail(entry.pk, "unkeyed")
        elif entry.key_id and (entry.key_id in self.changed_keys
                               or entry.key_id not in settings.THIDUA_AUDIT_KEYS):
            span = self.unusable.setdefault(entry.key_id, [entry.pk, entry.pk, 0])
            span[1], span[2] = entry.pk, span[2] + 1
        elif entry.compute_hash() != entry.hash:
            self.fail(entry.pk, "mac")
        else:
            self.flush()
        self.expected_prev, self.previous_pk = entry.hash, entry.pk


def _changed_keys(records):
    """{key id: checkpoint time} of configured keys whose fingerprint differs from the one a
    checkpoint recorded: the key under that id was replaced."""
    changed = {}
    for record in records:
        for key_id, fingerprint in (record.get("keys") or {}).items():
            if key_id in settings.THIDUA_AUDIT_KEYS and keys.fingerprint(key_id) != fingerprint:
                changed.setdefault(key_id, checkpoint.when(record))
    return changed


def _compare(walk, checkpoints, heads):
    """Each checkpoint against the entries: a head that changed, or entries gone from the end."""
    last = walk.previous_pk
    missing = max((c for c in checkpoints if c["seq"] > last), key=lambda c: c["seq"],
                  default=None)
    if missing:
        walk.add(last + 1, _("các mục #%(first)s–#%(last)s đã có ở điểm kiểm tra lúc %(at)s nay "
                             "không còn: bị xóa khỏi cuối nhật ký")
                 % {"first": last + 1, "last": missing["seq"], "at": checkpoint.when(missing)})
    for record in checkpoints:
        stored = heads.get(record["seq"])
        if record["seq"] and stored is not None and stored != record["hash"]:
            walk.add(record["seq"], _("khác với điểm kiểm tra lúc %(at)s: nhật ký đến mục này đã "
                                      "bị viết lại") % {"at": checkpoint.when(record)})


def verify(chunk_size=2000):
    """Recompute every MAC in order and compare with every checkpoint outside the database; each
    problem is (entry id or None, what is wrong, in Vietnamese)."""
    verdict = Verdict()
    checkpoints, refused = checkpoint.read()
    changed = _changed_keys(checkpoints + [record for _n, _why, record in refused if record])
    verdict.checkpoints = len(checkpoints)
    verdict.last_checkpoint = checkpoint.when(max(checkpoints, key=lambda c: c["at"])) if (
        checkpoints) else ""
    walk = _Walk(verdict, changed, min(
        (c["first_keyed"] for c in checkpoints if c.get("first_keyed")), default=None))
    seqs, heads = {c["seq"] for c in checkpoints}, {}
    for entry in AuditEntry.objects.order_by("pk").iterator(chunk_size=chunk_size):
        verdict.checked += 1
        walk.step(entry)
        if entry.pk in seqs:
            heads[entry.pk] = entry.hash
    walk.flush()
    _compare(walk, checkpoints, heads)
    for key_id, (first, last, count) in walk.unusable.items():
        reason = (_("khóa “%(key)s” trong THIDUA_AUDIT_KEYS khác khóa đã ký (điểm kiểm tra lúc "
                    "%(at)s): khóa bị đổi, %(count)s mục #%(first)s–#%(last)s không kiểm được")
                  if key_id in changed else
                  _("khóa “%(key)s” không có trong THIDUA_AUDIT_KEYS: %(count)s mục "
                    "#%(first)s–#%(last)s không kiểm được"))
        walk.add(first, reason % {"key": key_id, "at": changed.get(key_id, ""), "count": count,
                                  "first": first, "last": last})
    for number, why, record in refused:
        if not (record and record.get("key_id") in changed):
            walk.add(None, _("dòng %(line)s của tệp điểm kiểm tra không hợp lệ (%(why)s)")
                     % {"line": number, "why": why})
    verdict.broken.sort(key=lambda item: (item[0] is None, item[0] or 0))
    return verdict
