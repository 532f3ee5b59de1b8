"""Helpers the portal tests import by name."""
import io

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image


def png(name="anh.png", size=(1600, 1200), colour=(200, 30, 30)):
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")
