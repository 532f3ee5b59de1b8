"""Where the guide's pictures live and how big they are. Each picture is a screenshot of one page
of the page sweep's list (``thidua.demo.pages``), at the sweep's two widths, written by
``make guide-pictures`` (tests/browser/guide_pictures.py) and committed, once per interface
language so an English reader sees the English page."""
from pathlib import Path

FOLDER = Path(__file__).resolve().parent / "static" / "guide" / "pictures"
STATIC_PREFIX = "guide/pictures"
# viewport width → (viewport height, width of the stored picture); the picture keeps the ratio.
WIDTHS = {1366: (900, 800), 360: (740, 300)}
LANGUAGES = ("vi", "en")
QUALITY = 60
BUDGET = 2_500_000  # the whole set, in bytes


def file_name(page, width, language):
    return f"{page}-{width}-{language}.webp"


def stored_size(width):
    """(width, height) in pixels of a stored picture taken at viewport ``width``."""
    height, stored = WIDTHS[width]
    return stored, round(height * stored / width)
