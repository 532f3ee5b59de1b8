"""Attachment checks by content (magic bytes), not by the name the browser sends."""
import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

MAX_BYTES = settings.THIDUA_ATTACHMENT_MAX_BYTES
CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "jpeg": "image/jpeg",
    "png": "image/png",
}


def _office_kind(upload):
    """docx or xlsx for an OOXML zip (by its main part), else None."""
    try:
        upload.seek(0)
        with zipfile.ZipFile(upload) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return None
    finally:
        upload.seek(0)
    if "[Content_Types].xml" not in names:
        return None
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names:
        return "xlsx"
    return None


def sniff(upload):
    """The file's real kind (pdf, docx, xlsx, jpeg, png) or None."""
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"PK\x03\x04"):
        return _office_kind(upload)
    return None


def check_upload(upload):
    """Return the content type of an acceptable ``upload`` or raise a Vietnamese error."""
    if upload.size > MAX_BYTES:
        raise ValidationError(_("Tệp “%(name)s” lớn hơn %(mb)s MB.") % {
            "name": upload.name, "mb": MAX_BYTES // (1024 * 1024)})
    if upload.size == 0:
        raise ValidationError(_("Tệp “%(name)s” rỗng.") % {"name": upload.name})
    kind = sniff(upload)
    if kind is None:
        raise ValidationError(_("Tệp “%(name)s” không phải PDF, DOCX, XLSX, JPEG hoặc PNG "
                                "(kiểm tra theo nội dung tệp).") % {"name": upload.name})
    return CONTENT_TYPES[kind]
