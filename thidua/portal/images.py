"""Cover and gallery images: checked by content and size, scaled down to a display size, with a
small thumbnail for lists."""
from io import BytesIO

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

from thidua.core.uploads import JPEG, PNG, validate_upload

DISPLAY_SIZE = (1280, 1280)
THUMB_SIZE = (400, 300)
MAX_IMAGE_BYTES = 8 * 1024 * 1024
MAX_PIXELS = 40_000_000


def validate_image(upload):
    validate_upload(upload, allowed=(JPEG, PNG), max_bytes=MAX_IMAGE_BYTES)
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


def _encode(image, size, name):
    image = image.copy()
    image.thumbnail(size)
    buffer = BytesIO()
    image.save(buffer, "JPEG", quality=85, optimize=True)
    return ContentFile(buffer.getvalue(), name=f"{name}.jpg")


def resized(upload, stem):
    """(display, thumbnail) JPEG files for an already validated image upload."""
    upload.seek(0)
    with Image.open(upload) as original:
        image = ImageOps.exif_transpose(original).convert("RGB")
    return _encode(image, DISPLAY_SIZE, stem), _encode(image, THUMB_SIZE, f"{stem}-thumb")
