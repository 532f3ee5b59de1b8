"""`manage.py restore` is all or nothing: every prerequisite is checked before anything is
touched (MEDIA_ROOT, space, versions), files are staged beside MEDIA_ROOT and switched in after
the database, and a failure or a killed process at any step leaves the system as it was."""
import errno
import io
import os
import shutil
import signal
import subprocess
import tempfile
import time

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command

from thidua.core import restoring
from thidua.core.backups import BackupError, create_backup, media_names
from thidua.organizations.models import Person

pytestmark = pytest.mark.django_db(transaction=True)


def people():
    return sorted(Person.objects.values_list("family_name", "given_name"))


def state():
    """What a restore would replace: the people and every media file's bytes."""
    return people(), {name: default_storage.open(name).read() for name in media_names()}


def restore(archive):
    call_command("restore", str(archive), interactive=False, stdout=io.StringIO())


@pytest.fixture
def changed_since_backup(network, settings, tmp_path):
    """A backup with two files, then a new person and a changed file: what a restore replaces."""
    settings.MEDIA_ROOT = tmp_path / "disk" / "media"
    default_storage.save("ho-so/a.pdf", ContentFile(b"%PDF a" * 1000))
    default_storage.save("anh/b.jpg", ContentFile(bytes(range(256)) * 40))
    archive = create_backup(tmp_path / "backups")
    network.person("Đỗ", "Văn", "Mới", network.hue_coop)
    default_storage.delete("ho-so/a.pdf")
    default_storage.save("ho-so/a.pdf", ContentFile(b"sau sao luu"))
    return archive


def no_leftovers(tmp_path):
    return not [p for p in tmp_path.rglob("*") if p.name.startswith(restoring.STAGING)]


def test_restore_replaces_everything(changed_since_backup, tmp_path):
    restore(changed_since_backup)
    restored, files = state()
    assert ("Đỗ", "Mới") not in restored and files["ho-so/a.pdf"] == b"%PDF a" * 1000
    assert no_leftovers(tmp_path)


def test_missing_media_root_is_refused_before_anything_changes(changed_since_backup, settings,
                                                               tmp_path):
    shutil.rmtree(settings.MEDIA_ROOT)
    before = people()
    with pytest.raises(CommandError, match=r"MEDIA_ROOT \(.*media\) không tồn tại.*chưa có gì"):
        restore(changed_since_backup)
    assert people() == before and ("Đỗ", "Mới") in before
    assert not settings.MEDIA_ROOT.exists()


@pytest.fixture
def small_disk(tmp_path):
    """A 256 KB tmpfs when this process may mount one (root), else None."""
    mount = tmp_path / "small"
    mount.mkdir()
    if os.geteuid() != 0 or subprocess.run(["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs",
                                            str(mount)], capture_output=True).returncode:
        yield None
        return
    yield mount
    subprocess.run(["umount", str(mount)], check=False)


def test_a_full_disk_is_refused_before_anything_changes(changed_since_backup, settings,
                                                        small_disk, monkeypatch):
    if small_disk is None:  # no tmpfs here: the disk reports 10 KB free
        monkeypatch.setattr(restoring.shutil, "disk_usage",
                            lambda path: shutil._ntuple_diskusage(1 << 30, (1 << 30) - 10240, 10240))
    else:
        (small_disk / "media").mkdir()
        for name in media_names():
            (small_disk / "media" / name).parent.mkdir(parents=True, exist_ok=True)
            (small_disk / "media" / name).write_bytes(default_storage.open(name).read())
        settings.MEDIA_ROOT = small_disk / "media"
    before = state()
    with pytest.raises(CommandError, match="Không đủ chỗ trống.*chưa có gì bị thay đổi"):
        restore(changed_since_backup)
    assert state() == before


def test_disk_full_while_staging_changes_nothing(changed_since_backup, monkeypatch, tmp_path):
    copied = []

    def copy_until_full(source, target):
        if copied:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        copied.append(target)
        return shutil.copy2(source, target)

    monkeypatch.setattr(restoring, "copy_file", copy_until_full)
    before = state()
    with pytest.raises(CommandError, match="Không chép được tệp đính kèm.*chưa có gì bị thay đổi"):
        restore(changed_since_backup)
    assert state() == before and no_leftovers(tmp_path)


def test_a_failed_switch_puts_the_database_back(changed_since_backup, monkeypatch, tmp_path):
    def refuse(staging, root):
        raise OSError(errno.EXDEV, "cross-device link")

    monkeypatch.setattr(restoring, "_switch", refuse)
    before = state()
    with pytest.raises(CommandError, match="cơ sở dữ liệu đã được trả lại như trước"):
        restore(changed_since_backup)
    assert state() == before and no_leftovers(tmp_path)


def test_a_killed_restore_leaves_the_system_as_it_was(changed_since_backup, monkeypatch,
                                                      tmp_path):
    marker = tmp_path / "staging-started"

    def copy_then_hang(source, target):
        marker.touch()
        time.sleep(60)

    before = state()
    child = os.fork()
    if child == 0:  # the restoring process, killed while it stages the files
        monkeypatch.setattr(restoring, "copy_file", copy_then_hang)
        restoring.restore_backup(changed_since_backup, tempfile.mkdtemp(dir=tmp_path))
        os._exit(0)
    for _ in range(600):
        if marker.exists():
            break
        time.sleep(0.1)
    os.kill(child, signal.SIGKILL)
    os.waitpid(child, 0)
    assert marker.exists() and state() == before and not no_leftovers(tmp_path)
    restore(changed_since_backup)  # the next run clears what the killed one left
    assert ("Đỗ", "Mới") not in state()[0] and no_leftovers(tmp_path)


def test_a_backup_newer_than_the_code_is_refused():
    with pytest.raises(BackupError, match="phiên bản mới hơn.*organizations.9999_future"):
        restoring._check_versions({"migrations": [["organizations", "9999_future"],
                                                  ["organizations", "0001_initial"]]})
    restoring._check_versions({"migrations": [["organizations", "0001_initial"]]})
