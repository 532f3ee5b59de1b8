"""Cover and gallery images: checked by content and size, scaled down to a display size, with a
small thumbnail for lists."""
from io import BytesIO

from django.core.files.base import ContentFile
from PIL import Image, ImageOps

from thidua.core.uploads import validate_image as validate_upload_image

DISPLAY_SIZE = (1280, 1280)
THUMB_SIZE = (400, 300)
LOGO_SIZE = (256, 256)
MAX_IMAGE_BYTES = 8 * 1024 * 1024


def validate_image(upload):
    validate_upload_image(upload, MAX_IMAGE_BYTES)


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


def logo_mark(upload, stem):
    """The site's logo mark as a PNG of at most 256 px, transparency kept: the header shows it at
    72 px and browsers use it as the favicon."""
    upload.seek(0)
    with Image.open(upload) as original:
        image = ImageOps.exif_transpose(original).convert("RGBA")
    image.thumbnail(LOGO_SIZE)
    buffer = BytesIO()
    image.save(buffer, "PNG", optimize=True)
    return ContentFile(buffer.getvalue(), name=f"{stem}.png")
