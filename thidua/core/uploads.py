"""Uploaded files are checked by what they contain, not by their name, and by size.

Hand-written because the check is a few magic numbers; python-magic would need libmagic on every
machine. DOCX and XLSX are zip files, so their inner part names tell them apart.
"""
import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

PDF, DOCX, XLSX, JPEG, PNG = "pdf", "docx", "xlsx", "jpeg", "png"
DOCUMENTS = (PDF, DOCX, XLSX, JPEG, PNG)
LABELS = {PDF: "PDF", DOCX: "Word (.docx)", XLSX: "Excel (.xlsx)", JPEG: "JPEG", PNG: "PNG"}


def sniff(upload):
    """The kind of an uploaded file from its first bytes (and zip directory), or None."""
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if head.startswith(b"%PDF-"):
        return PDF
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head.startswith(b"PK\x03\x04"):
        try:
            names = set(zipfile.ZipFile(upload).namelist())
        except zipfile.BadZipFile:
            return None
        finally:
            upload.seek(0)
        if "word/document.xml" in names:
            return DOCX
        if "xl/workbook.xml" in names:
            return XLSX
    return None


def validate_upload(upload, allowed=DOCUMENTS, max_bytes=None):
    """Raise a Vietnamese ValidationError unless ``upload`` is one of ``allowed`` and small enough."""
    max_bytes = max_bytes or settings.THIDUA_UPLOAD_MAX_BYTES
    if upload.size > max_bytes:
        raise ValidationError(_("Tệp “%(name)s” quá lớn (tối đa %(mb)s MB).") % {
            "name": upload.name, "mb": max_bytes // (1024 * 1024)})
    kind = sniff(upload)
    if kind not in allowed:
        raise ValidationError(_("Tệp “%(name)s” không phải là %(kinds)s hợp lệ.") % {
            "name": upload.name, "kinds": ", ".join(LABELS[k] for k in allowed)})
    return kind


MAX_PIXELS = 40_000_000


def validate_image(upload, max_bytes):
    """A JPEG or PNG that Pillow can read, not too big in bytes or in pixels (a decompression
    bomb is refused before it is decoded)."""
    from PIL import Image, UnidentifiedImageError

    validate_upload(upload, allowed=(JPEG, PNG), max_bytes=max_bytes)
    try:
        with Image.open(upload) as image:
            if image.width * image.height > MAX_PIXELS:
                raise ValidationError(_("Ảnh quá lớn về kích thước điểm ảnh."))
            image.verify()
    except (UnidentifiedImageError, OSError) as error:
        raise ValidationError(_("Tệp “%(name)s” không phải là ảnh hợp lệ.") % {
            "name": upload.name}) from error
    finally:
        upload.seek(0)
