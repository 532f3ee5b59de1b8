"""Pictures the demo draws for itself with Pillow — no image is copied from anywhere: a logo mark
per alliance (a gold star over laurel branches on the alliance's blue disc, with its short name)
and landscape illustrations (sky, sun, hills, rice rows, a village) for article covers and the
photo gallery. Each is seeded, so the same name always gives the same picture."""
import math
import random
from io import BytesIO

from django.core.files.base import ContentFile
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from thidua.documents.pdf import FONTS

BLUE, GOLD, WHITE, RED = (11, 79, 138), (242, 194, 48), (255, 255, 255), (200, 32, 38)
BOLD = str(FONTS / "LiberationSerif-Bold.ttf")


def _png(image, name):
    buffer = BytesIO()
    image.save(buffer, "PNG", optimize=True)
    return ContentFile(buffer.getvalue(), name=name)


def _star(draw, centre, outer, fill, points=5):
    cx, cy = centre
    corners = []
    for index in range(points * 2):
        radius = outer if index % 2 == 0 else outer * 0.4
        angle = math.pi / points * index - math.pi / 2
        corners.append((cx + radius * math.cos(angle), cy + radius * math.sin(angle)))
    draw.polygon(corners, fill=fill)


def _laurel(draw, centre, radius, side):
    """Leaves along an arc from the bottom up one side (side -1 left, +1 right)."""
    cx, cy = centre
    for step in range(9):
        angle = math.radians(100 + step * 15)
        x, y = cx - side * radius * math.cos(angle), cy + radius * math.sin(angle) * -1
        leaf = Image.new("RGBA", (60, 26), (0, 0, 0, 0))
        ImageDraw.Draw(leaf).ellipse((0, 0, 59, 25), fill=GOLD)
        tilt = math.degrees(angle) * side + (90 if side > 0 else -90)
        leaf = leaf.rotate(tilt, expand=True, resample=Image.Resampling.BICUBIC)
        draw.bitmap((x - leaf.width / 2, y - leaf.height / 2), leaf.getchannel("A"), fill=GOLD)


def logo_mark(label, name):
    """A round mark, 256 px with a transparent corner, drawn at 4× and scaled down."""
    size = 1024
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse((8, 8, size - 8, size - 8), fill=GOLD)
    draw.ellipse((44, 44, size - 44, size - 44), fill=BLUE)
    draw.ellipse((92, 92, size - 92, size - 92), outline=GOLD, width=10)
    _laurel(draw, (size / 2, size / 2 + 40), 300, -1)
    _laurel(draw, (size / 2, size / 2 + 40), 300, 1)
    _star(draw, (size / 2, size / 2 - 90), 170, GOLD)
    font_size = 150 if len(label) <= 3 else 118
    font = ImageFont.truetype(BOLD, font_size)
    draw.text((size / 2, size / 2 + 210), label, font=font, fill=WHITE, anchor="mm")
    return _png(image.resize((256, 256), Image.Resampling.LANCZOS), name)


def _shade(colour, factor):
    """Towards white (factor > 0) or black (factor < 0)."""
    if factor >= 0:
        return tuple(int(c + (255 - c) * factor) for c in colour)
    return tuple(int(c * (1 + factor)) for c in colour)


def illustration(seed, colour, size=(1200, 675), caption=""):
    """A landscape in the colour's tones: sky, sun, three hill lines, rice rows and a village."""
    rng = random.Random(seed)
    width, height = size
    image = Image.new("RGB", size)
    draw = ImageDraw.Draw(image)
    top, bottom = _shade(colour, 0.55), _shade(colour, 0.9)
    for y in range(height):
        share = y / height
        draw.line([(0, y), (width, y)], fill=tuple(int(a + (b - a) * share)
                                                    for a, b in zip(top, bottom)))
    sun = (rng.randint(width // 6, width * 5 // 6), rng.randint(height // 8, height // 3))
    glow = Image.new("RGBA", size, (0, 0, 0, 0))
    ImageDraw.Draw(glow).ellipse((sun[0] - 150, sun[1] - 150, sun[0] + 150, sun[1] + 150),
                                 fill=(*GOLD, 90))
    image.paste(glow.filter(ImageFilter.GaussianBlur(40)), (0, 0), glow.filter(
        ImageFilter.GaussianBlur(40)))
    draw.ellipse((sun[0] - 55, sun[1] - 55, sun[0] + 55, sun[1] + 55), fill=GOLD)
    for layer, (base, tone) in enumerate(((0.45, 0.25), (0.58, 0.0), (0.7, -0.25))):
        phase, wave = rng.uniform(0, 6.3), rng.uniform(0.004, 0.009)
        points = [(x, height * base + 40 * math.sin(x * wave + phase) - layer * 5)
                  for x in range(0, width + 20, 20)]
        draw.polygon([(0, height), *points, (width, height)], fill=_shade(colour, tone))
    field_top = int(height * 0.78)
    green = (46, 125, 50)
    draw.rectangle((0, field_top, width, height), fill=green)
    for row in range(14):
        y = field_top + row * (height - field_top) / 14
        spread = 1 + row / 3
        for x in range(-40, width + 40, int(36 * spread)):
            draw.line([(x, y), (x + 12 * spread, y - 10 * spread)], fill=(102, 170, 72),
                      width=max(2, int(spread)))
    village = rng.randint(80, width - 420)
    for house in range(rng.randint(3, 5)):
        x = village + house * 78
        base = int(height * 0.7) - rng.randint(0, 18)
        draw.rectangle((x, base - 48, x + 60, base), fill=(250, 245, 235))
        draw.polygon([(x - 8, base - 48), (x + 30, base - 82), (x + 68, base - 48)],
                     fill=(170, 60, 40))
        draw.rectangle((x + 24, base - 28, x + 36, base), fill=(110, 80, 60))
    pole = village + rng.randint(0, 300)
    draw.line([(pole, int(height * 0.7)), (pole, int(height * 0.42))], fill=(80, 80, 80), width=5)
    draw.rectangle((pole, int(height * 0.42), pole + 90, int(height * 0.42) + 58), fill=RED)
    _star(draw, (pole + 45, int(height * 0.42) + 29), 20, GOLD)
    if caption:
        font = ImageFont.truetype(BOLD, 38)
        draw.rectangle((0, height - 84, width, height), fill=_shade(colour, -0.35))
        draw.text((40, height - 42), caption, font=font, fill=WHITE, anchor="lm")
    buffer = BytesIO()
    image.save(buffer, "PNG")
    return ContentFile(buffer.getvalue(), name="minh-hoa.png")
