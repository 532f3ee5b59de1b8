"""Someone who can write the database but does not hold THIDUA_AUDIT_KEYS cannot make a
rewritten log verify: a rehash, a tail cut, a middle deletion and a swapped key are each reported
with what and where, against the chain's checkpoints kept outside the database (a file and the
log stream, hourly and at every backup)."""
import hashlib
import json

import pytest
from django.core.management import CommandError, call_command

from tampering import tamper
from thidua.audit import checkpoint
from thidua.audit.chain import verify
from thidua.audit.models import AuditEntry
from thidua.audit.tasks import checkpoint_audit_chain
from thidua.core.backups import create_backup


@pytest.fixture
def log(network):
    """The network's entries, a checkpoint of their head, then a few more entries."""
    checkpoint_audit_chain()
    network.person("Đỗ", "Văn", "Nam", network.hue_coop)
    return list(AuditEntry.objects.order_by("pk"))


def problems():
    return verify().broken


def rehash(entries, key_id=""):
    """Recompute each entry's hash as the model does, linking each to the one before."""
    previous = entries[0].prev_hash
    for entry in entries:
        entry.prev_hash, entry.key_id = previous, key_id
        entry.hash = previous = entry.compute_hash()
        tamper("UPDATE audit_auditentry SET prev_hash = %s, hash = %s, key_id = %s, "
               "object_repr = %s WHERE id = %s",
               [entry.prev_hash, entry.hash, key_id, entry.object_repr, entry.pk])


def test_an_untouched_log_verifies_against_its_checkpoints(log, capsys):
    verdict = verify()
    assert verdict.intact and verdict.checkpoints == 1 and verdict.checked == len(log)
    assert {entry.key_id for entry in log} == {"k0"}
    call_command("verify_audit_chain")
    out = capsys.readouterr().out
    assert "So với 1 điểm kiểm tra" in out and "nguyên vẹn" in out


def test_rehash_without_the_key_is_reported_as_a_range(log):
    forged = log[5:]
    forged[0].object_repr = "giả mạo"
    rehash(forged)  # plain SHA-256 with compute_hash(), as the log was before it was keyed
    head = checkpoint.read()[0][0]
    assert problems() == [
        (forged[0].pk, f"mục #{forged[0].pk}–#{forged[-1].pk} ({len(forged)} mục) không có khóa "
                       "dù nằm sau mục đã có khóa: bị băm lại không có khóa"),
        (head["seq"], f"khác với điểm kiểm tra lúc {checkpoint.when(head)}: nhật ký đến mục này đã bị viết "
                      "lại")]


def test_the_whole_log_rehashed_without_the_key_is_caught_by_the_checkpoint(log):
    rehash(log)
    head = checkpoint.read()[0][0]
    assert problems() == [
        (log[0].pk, f"mục #{log[0].pk}–#{log[-1].pk} ({len(log)} mục) không có khóa dù nằm sau "
                    "mục đã có khóa: bị băm lại không có khóa"),
        (head["seq"], f"khác với điểm kiểm tra lúc {checkpoint.when(head)}: nhật ký đến mục này đã bị viết "
                      "lại")]


def test_rehash_with_a_guessed_key_is_reported(log, settings):
    real = dict(settings.THIDUA_AUDIT_KEYS)
    settings.THIDUA_AUDIT_KEYS = {"k0": "a guessed key"}
    forged = log[3:]
    forged[0].object_repr = "giả mạo"
    rehash(forged, "k0")
    settings.THIDUA_AUDIT_KEYS = real
    head = checkpoint.read()[0][0]
    assert problems() == [
        (forged[0].pk, f"mục #{forged[0].pk}–#{forged[-1].pk} ({len(forged)} mục) không khớp mã "
                       "xác thực: bị sửa hoặc bị băm lại mà không có khóa"),
        (head["seq"], f"khác với điểm kiểm tra lúc {checkpoint.when(head)}: nhật ký đến mục này đã bị viết "
                      "lại")]


def test_tail_deletion_is_reported_from_the_checkpoint(log):
    checkpoint.take("hourly")
    cut = log[-3:]
    tamper("DELETE FROM audit_auditentry WHERE id >= %s", [cut[0].pk])
    latest = checkpoint.read()[0][-1]
    assert problems() == [(cut[0].pk, f"các mục #{cut[0].pk}–#{cut[-1].pk} đã có ở điểm kiểm tra "
                           f"lúc {checkpoint.when(latest)} nay không còn: bị xóa khỏi cuối nhật ký")]
    with pytest.raises(CommandError, match="bị phá vỡ: 1 lỗi"):
        call_command("verify_audit_chain")


def test_middle_deletion_names_the_missing_entries(log):
    gone = log[4:6]
    tamper("DELETE FROM audit_auditentry WHERE id IN (%s, %s)", [gone[0].pk, gone[1].pk])
    assert problems() == [(log[6].pk, f"không nối với mục liền trước: mục #{gone[0].pk}–"
                           f"#{gone[1].pk} đã bị xóa")]


def test_a_swapped_key_is_named_not_blamed_on_the_entries(log, settings):
    settings.THIDUA_AUDIT_KEYS = {"k0": "someone replaced the key"}
    at = checkpoint.when(json.loads(settings.THIDUA_AUDIT_CHECKPOINT_FILE.read_text()
                                    .splitlines()[0]))
    assert problems() == [(log[0].pk, f"khóa “k0” trong THIDUA_AUDIT_KEYS khác khóa đã ký (điểm "
                           f"kiểm tra lúc {at}): khóa bị đổi, {len(log)} mục #{log[0].pk}–"
                           f"#{log[-1].pk} không kiểm được")]
    settings.THIDUA_AUDIT_KEYS = {"k1": "a new key"}  # the old key dropped instead of kept
    assert problems()[0] == (log[0].pk, f"khóa “k0” không có trong THIDUA_AUDIT_KEYS: {len(log)} "
                             f"mục #{log[0].pk}–#{log[-1].pk} không kiểm được")


def test_rotation_keeps_the_old_entries_verifiable(log, settings, network):
    settings.THIDUA_AUDIT_KEYS = {"k1": "the new key", **settings.THIDUA_AUDIT_KEYS}
    network.person("Vũ", "Thị", "Lan", network.hue_coop)
    checkpoint.take("hourly")
    assert verify().intact
    assert AuditEntry.objects.order_by("-pk").first().key_id == "k1"


def test_a_forged_checkpoint_line_is_refused(log, audit_checkpoints):
    record = json.loads(audit_checkpoints.read_text().splitlines()[0])
    record["seq"] = 1
    with open(audit_checkpoints, "a") as stream:
        stream.write(json.dumps(record) + "\n")
    assert problems() == [(None, "dòng 2 của tệp điểm kiểm tra không hợp lệ (chữ ký không khớp: "
                           "dòng bị sửa)")]


@pytest.mark.django_db(transaction=True)  # SQLite's backup waits for the test's transaction
def test_checkpoints_go_to_the_file_and_the_log_stream_hourly_and_at_backups(
        log, settings, tmp_path, caplog):
    assert settings.CELERY_BEAT_SCHEDULE["audit-checkpoint"]["task"] == (
        "thidua.audit.tasks.checkpoint_audit_chain")
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.MEDIA_ROOT.mkdir()
    with caplog.at_level("INFO", logger="thidua.audit.checkpoint"):
        create_backup(tmp_path / "backups")
    lines = [json.loads(line) for line in
             settings.THIDUA_AUDIT_CHECKPOINT_FILE.read_text().splitlines()]
    assert [line["reason"] for line in lines] == ["hourly", "backup"]
    assert (lines[-1]["seq"], lines[-1]["hash"], lines[-1]["count"]) == (
        log[-1].pk, log[-1].hash, len(log))
    assert f'"hash": "{log[-1].hash}"' in caplog.text
    assert hashlib.sha256(b"k").hexdigest() not in json.dumps(lines)  # no key in a checkpoint
