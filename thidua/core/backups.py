"""Backup archives: the database and every media file in one ``.tar.gz`` with a SHA-256 manifest.

Archive layout::

    database.pgdump | database.sqlite3   pg_dump custom format, or SQLite's online backup
    media/<name>                         every file of the default storage (local disk or S3)
    manifest.json                        engine, time, and {path: {sha256, size}} of every member

Beside the archive, ``<archive>.sha256`` holds the archive's own checksum (``sha256sum -c``
format). ``restoring.restore_backup`` checks the archive, then every member against the manifest,
and every other prerequisite before it touches the database or the files; then it stages and
switches, so a restore happens whole or not at all.
"""
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.files.storage import default_storage
from django.db import connections
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone
from django.utils.module_loading import import_string

FORMAT = 1
MANIFEST = "manifest.json"
DUMP_NAMES = {"postgresql": "database.pgdump", "sqlite": "database.sqlite3"}


class BackupError(Exception):
    """A backup cannot be made or restored; the message says why, in Vietnamese."""


def sha256_of(path):
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        for chunk in iter(lambda: stream.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _vendor(alias="default"):
    vendor = connections[alias].vendor
    if vendor not in DUMP_NAMES:
        raise BackupError(f"Không hỗ trợ sao lưu cơ sở dữ liệu loại {vendor}.")
    return vendor


def _pg_command(program, alias="default"):
    """``program`` with the connection's options; the password goes in the environment."""
    db = settings.DATABASES[alias]
    command = [program, "--no-owner", "--no-privileges"]
    for flag, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if db.get(key):
            command += [flag, str(db[key])]
    env = dict(os.environ, PGPASSWORD=db.get("PASSWORD") or "")
    return command + ["--dbname", db["NAME"]], env


def _run(command, env):
    finished = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if finished.returncode:
        raise BackupError(f"{command[0]} thất bại: {finished.stderr.strip()[-2000:]}")


def dump_database(target, alias="default"):
    """Write a consistent copy of the database to ``target``."""
    vendor = _vendor(alias)
    if vendor == "postgresql":
        command, env = _pg_command("pg_dump", alias)
        _run(command + ["--format=custom", "--file", str(target)], env)
    else:
        connection = connections[alias]
        connection.ensure_connection()
        with sqlite3.connect(target) as copy:
            connection.connection.backup(copy)
        copy.close()


def load_database(source, alias="default"):
    """Replace the database's content with the dump ``source`` (all or nothing)."""
    vendor = _vendor(alias)
    connections.close_all()
    if vendor == "postgresql":
        command, env = _pg_command("pg_restore", alias)
        _run(command + ["--clean", "--if-exists", "--single-transaction", str(source)], env)
    else:
        connection = connections[alias]
        connection.ensure_connection()
        with sqlite3.connect(source) as dump:
            dump.backup(connection.connection)
        dump.close()


def media_names(storage=default_storage, directory=""):
    """Every file name in ``storage`` (recursively), sorted."""
    if directory and not storage.exists(directory):
        return []
    directories, files = storage.listdir(directory)
    names = [f"{directory}{name}" for name in files]
    for sub in directories:
        names += media_names(storage, f"{directory}{sub}/")
    return sorted(names)


def applied_migrations():
    """[[app, name]] applied to the database: a restore refuses a backup newer than the code."""
    return sorted([app, name] for app, name in MigrationRecorder(
        connections["default"]).applied_migrations())


def create_backup(directory):
    """Write ``thidua-<time>.tar.gz`` and its ``.sha256`` into ``directory``; return its path.
    First runs the THIDUA_BEFORE_BACKUP hooks (the audit chain's checkpoint)."""
    for hook in settings.THIDUA_BEFORE_BACKUP:
        import_string(hook)()
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    vendor = _vendor()
    archive = directory / f"thidua-{timezone.now():%Y%m%d-%H%M%S}.tar.gz"
    members = {}
    with tempfile.TemporaryDirectory() as scratch, tarfile.open(archive, "w:gz") as tar:
        dump = Path(scratch) / DUMP_NAMES[vendor]
        dump_database(dump)
        members[dump.name] = {"sha256": sha256_of(dump), "size": dump.stat().st_size}
        tar.add(dump, dump.name)
        for name in media_names():
            copy = Path(scratch) / "media-file"
            with default_storage.open(name, "rb") as source, open(copy, "wb") as target:
                shutil.copyfileobj(source, target)
            members[f"media/{name}"] = {"sha256": sha256_of(copy), "size": copy.stat().st_size}
            tar.add(copy, f"media/{name}")
        manifest = Path(scratch) / MANIFEST
        manifest.write_text(json.dumps({
            "format": FORMAT, "engine": vendor, "created_at": timezone.now().isoformat(),
            "migrations": applied_migrations(), "files": members}, indent=1, ensure_ascii=False),
            encoding="utf-8")
        tar.add(manifest, MANIFEST)
    Path(f"{archive}.sha256").write_text(f"{sha256_of(archive)}  {archive.name}\n")
    return archive


def verify_backup(archive, scratch):
    """Unpack ``archive`` into ``scratch`` and check it whole; return the manifest."""
    archive = Path(archive)
    if not archive.is_file():
        raise BackupError(f"Không tìm thấy tệp sao lưu {archive}.")
    checksum = Path(f"{archive}.sha256")
    if checksum.is_file() and checksum.read_text().split()[0] != sha256_of(archive):
        raise BackupError(f"Tệp sao lưu {archive.name} không khớp mã kiểm tra SHA-256 trong "
                          f"{checksum.name}: tệp đã bị hỏng hoặc bị sửa. Không khôi phục.")
    try:
        with tarfile.open(archive, "r:gz") as tar:
            tar.extractall(scratch, filter="data")
        manifest = json.loads((Path(scratch) / MANIFEST).read_text(encoding="utf-8"))
    except (tarfile.TarError, OSError, EOFError, ValueError) as error:
        raise BackupError(f"Tệp sao lưu {archive.name} không đọc được ({error}). "
                          "Không khôi phục.") from error
    if manifest.get("format") != FORMAT:
        raise BackupError("Tệp sao lưu có định dạng không được hỗ trợ.")
    found = {str(path.relative_to(scratch)) for path in Path(scratch).rglob("*") if path.is_file()}
    found.discard(MANIFEST)
    listed = set(manifest["files"])
    if found != listed:
        raise BackupError("Nội dung tệp sao lưu khác danh mục: " + ", ".join(
            sorted(found ^ listed)[:10]) + ". Không khôi phục.")
    for name, expected in manifest["files"].items():
        if sha256_of(Path(scratch) / name) != expected["sha256"]:
            raise BackupError(f"Tệp {name} trong bản sao lưu không khớp mã kiểm tra SHA-256: "
                              "bản sao lưu đã bị hỏng hoặc bị sửa. Không khôi phục.")
    return manifest
