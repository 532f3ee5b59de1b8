"""Restoring a backup all or nothing.

1. **Check everything first**, touching nothing: the archive and every member against its
   manifest (``backups.verify_backup``), the database engine, that the backup is not newer than
   the code (its applied migrations are all known here), that ``MEDIA_ROOT`` exists and is
   writable, and that its disk has room for the staged copy.
2. **Stage**: the media files are written beside ``MEDIA_ROOT`` (same disk) in
   ``.thidua-restore-<name>-<pid>``; a copy of the current database is kept for rolling back.
3. **Switch**: the database is loaded (one transaction on PostgreSQL, SQLite's backup API), then
   the staged directory is renamed into place and the old one removed. A failure at any step
   removes the staging and, once the database was loaded, loads the kept copy back.

A process killed while staging leaves only the staging directory, removed by the next restore. A
storage other than the local disk (S3) cannot be switched by a rename: its files are replaced
one by one after the database, as before.
"""
import os
import shutil
from pathlib import Path

from django.core.files.base import File
from django.core.files.storage import FileSystemStorage, default_storage, storages
from django.db import connections
from django.db.migrations.loader import MigrationLoader
from django.template.defaultfilters import filesizeformat

from .backups import (DUMP_NAMES, BackupError, _vendor, dump_database, load_database,
                      media_names, verify_backup)

STAGING = ".thidua-restore-"
SPARE = 1 << 20  # bytes kept free beyond what the staged copy needs


def copy_file(source, target):
    """Writes every staged file (one place, so a failing disk can be simulated)."""
    return shutil.copy2(source, target)


def _local_root():
    storage = storages["default"]
    return Path(storage.location) if isinstance(storage, FileSystemStorage) else None


def _check_versions(manifest):
    applied = {tuple(item) for item in manifest.get("migrations", ())}
    known = set(MigrationLoader(None, ignore_no_migrations=True).disk_migrations)
    unknown = sorted(applied - known)
    if unknown:
        raise BackupError("Bản sao lưu được tạo bởi phiên bản mới hơn mã nguồn đang chạy (có "
                          f"migration chưa biết: {', '.join('.'.join(m) for m in unknown[:5])}). "
                          "Hãy cập nhật mã nguồn rồi khôi phục; chưa có gì bị thay đổi.")


def _check_media_root(root, manifest):
    if not root.is_dir():
        raise BackupError(f"Thư mục tệp đính kèm MEDIA_ROOT ({root}) không tồn tại. Hãy tạo thư "
                          "mục (đúng chủ sở hữu) rồi chạy lại; chưa có gì bị thay đổi.")
    if not (os.access(root, os.W_OK) and os.access(root.parent, os.W_OK)):
        raise BackupError(f"Không ghi được vào {root} hoặc thư mục chứa nó; chưa có gì bị thay "
                          "đổi.")
    needed = sum(item["size"] for name, item in manifest["files"].items()
                 if name.startswith("media/")) + SPARE
    free = shutil.disk_usage(_beside(root)).free
    if free < needed:
        raise BackupError(f"Không đủ chỗ trống trên ổ chứa {root}: cần {filesizeformat(needed)}, "
                          f"còn {filesizeformat(free)}. Hãy giải phóng chỗ trống rồi chạy lại; "
                          "chưa có gì bị thay đổi.")


def _beside(root):
    """Where staging goes: beside MEDIA_ROOT, or inside it when it is a mount point (a volume
    cannot be renamed)."""
    return root if os.path.ismount(root) else root.parent


def _clear_leftovers(root):
    """Remove what a killed restore left: staging directories (never the live one)."""
    for leftover in _beside(root).glob(f"{STAGING}{root.name}-*"):
        shutil.rmtree(leftover, ignore_errors=True)


def _stage(source, root):
    staging = _beside(root) / f"{STAGING}{root.name}-{os.getpid()}"
    staging.mkdir()
    try:
        if source.is_dir():
            shutil.copytree(source, staging, dirs_exist_ok=True, copy_function=copy_file)
    except OSError as error:
        shutil.rmtree(staging, ignore_errors=True)
        raise BackupError(f"Không chép được tệp đính kèm vào chỗ tạm ({error.strerror or error})"
                          "; chưa có gì bị thay đổi.") from error
    return staging


def _switch(staging, root):
    """One rename of the directory; entry by entry when MEDIA_ROOT is a mount point."""
    old = _beside(root) / f"{STAGING}{root.name}-old-{os.getpid()}"
    if _beside(root) == root.parent:
        os.rename(root, old)
        try:
            os.rename(staging, root)
        except OSError:
            os.rename(old, root)
            raise
    else:
        old.mkdir()
        for entry in root.iterdir():
            if not entry.name.startswith(STAGING):
                os.rename(entry, old / entry.name)
        for entry in staging.iterdir():
            os.rename(entry, root / entry.name)
    shutil.rmtree(old, ignore_errors=True)


def _replace_files(scratch, manifest):
    """Non-local storage: the files one by one (after the database)."""
    media = {name.removeprefix("media/") for name in manifest["files"]
             if name.startswith("media/")}
    for name in media_names():
        if name not in media:
            default_storage.delete(name)
    for name in sorted(media):
        if default_storage.exists(name):
            default_storage.delete(name)
        with open(Path(scratch) / "media" / name, "rb") as stream:
            saved = default_storage.save(name, File(stream))
        if saved != name:
            raise BackupError(f"Không ghi được tệp {name} đúng tên ({saved}).")


def restore_backup(archive, scratch):
    """Check, stage, switch (see the module docstring); ``scratch`` is an empty directory for
    the unpacked archive. Returns the manifest; BackupError with nothing changed."""
    manifest = verify_backup(archive, scratch)
    vendor = _vendor()
    if manifest["engine"] != vendor:
        raise BackupError(f"Bản sao lưu của {manifest['engine']} không khôi phục được vào "
                          f"cơ sở dữ liệu {vendor}.")
    _check_versions(manifest)
    root = _local_root()
    staging = None
    if root is not None:
        _check_media_root(root, manifest)
        _clear_leftovers(root)
        staging = _stage(Path(scratch) / "media", root)
    try:
        rollback = Path(scratch) / f"before-restore-{DUMP_NAMES[vendor]}"
        dump_database(rollback)
        load_database(Path(scratch) / DUMP_NAMES[vendor])
        try:
            if staging is not None:
                _switch(staging, root)
            else:
                _replace_files(scratch, manifest)
        except (OSError, BackupError) as error:
            load_database(rollback)
            raise BackupError(f"Không thay được tệp đính kèm ({error}); cơ sở dữ liệu đã được "
                              "trả lại như trước khi khôi phục.") from error
    finally:
        if staging is not None and staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
        connections.close_all()
    return manifest
