"""`manage.py backup` / `restore`: every row and every file comes back identically; a damaged
archive is refused before anything is touched. Runs on the configured database (SQLite, or
PostgreSQL in CI)."""
import io
import json
import tarfile

import pytest
from django.apps import apps
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command

from thidua.core.backups import media_names
from thidua.organizations.models import Organization, Person


def snapshot():
    """Every row of every model (all fields, by primary key) and every media file's bytes."""
    rows = {model._meta.label: list(model._base_manager.order_by("pk").values_list())
            for model in apps.get_models()}
    files = {name: default_storage.open(name).read() for name in media_names()}
    return rows, files


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def backup(tmp_path):
    call_command("backup", output=str(tmp_path / "backups"), stdout=io.StringIO())
    return next((tmp_path / "backups").glob("*.tar.gz"))


@pytest.mark.django_db(transaction=True)
def test_round_trip_restores_every_row_and_file(network, media, tmp_path):
    network.person("Võ", "Thị", "Sáu", network.hanoi_coop, citizen_id="001180012345")
    default_storage.save("nominations/2026/to-trinh.pdf", ContentFile(b"%PDF-1.4 to trinh"))
    default_storage.save("anh/đại hội.jpg", ContentFile(bytes(range(256)) * 10))
    before = snapshot()
    archive = backup(tmp_path)

    Person.objects.filter(family_name="Võ").delete()
    Organization.objects.filter(pk=network.hue_coop2.pk).update(name="Đã đổi tên")
    default_storage.delete("anh/đại hội.jpg")
    default_storage.save("nominations/2026/to-trinh.pdf", ContentFile(b"ghi de"))
    default_storage.save("rac.txt", ContentFile(b"tep moi sau sao luu"))
    call_command("restore", str(archive), interactive=False, stdout=io.StringIO())

    assert snapshot() == before
    assert Person.objects.get(family_name="Võ").citizen_id == "001180012345"  # still decrypts


@pytest.mark.django_db(transaction=True)
def test_damaged_archive_is_refused_and_nothing_changes(network, media, tmp_path):
    default_storage.save("a.txt", ContentFile(b"original"))
    archive = backup(tmp_path)
    sidecar = archive.with_name(f"{archive.name}.sha256")

    data = bytearray(archive.read_bytes())
    data[len(data) // 2] ^= 0xFF
    archive.write_bytes(bytes(data))
    network.person("Đỗ", "Văn", "Mới", network.hue_coop)
    before = snapshot()
    with pytest.raises(CommandError, match="không khớp mã kiểm tra SHA-256"):
        call_command("restore", str(archive), interactive=False)
    assert snapshot() == before

    # A member swapped inside a well-formed archive (the sidecar lost): the manifest catches it.
    sidecar.unlink()
    forged = tmp_path / "forged.tar.gz"
    good = backup(tmp_path / "again")
    with tarfile.open(good) as source, tarfile.open(forged, "w:gz") as target:
        for member in source.getmembers():
            content = source.extractfile(member).read()
            if member.name == "media/a.txt":
                content = b"tampered"
                member.size = len(content)
            target.addfile(member, io.BytesIO(content))
    with pytest.raises(CommandError, match="media/a.txt .*không khớp mã kiểm tra"):
        call_command("restore", str(forged), interactive=False)
    assert snapshot() == before
    manifest = json.loads(tarfile.open(good).extractfile("manifest.json").read())
    dump = {"postgresql": "database.pgdump", "sqlite": "database.sqlite3"}[manifest["engine"]]
    assert set(manifest["files"]) == {dump, "media/a.txt"}


def test_missing_archive_is_a_clear_error(tmp_path, db):
    with pytest.raises(CommandError, match="Không tìm thấy tệp sao lưu"):
        call_command("restore", str(tmp_path / "khong-co.tar.gz"), interactive=False)
