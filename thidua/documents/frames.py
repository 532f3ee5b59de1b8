"""The designed frame of a certificate printed on white paper, one design per form: Bằng khen
(deep red band, gold diamonds), Giấy khen (blue band, gold studs) and Cờ thi đua / danh hiệu
(crimson band, gold stars); which type prints with which is its certificate layout in
``awards/catalogue.py``. Drawn in millimetres for A3 landscape and scaled to the paper, so an A4
Giấy khen is the same drawing, smaller.

Everything the certificate prints stays inside ``INNER`` (mm from each edge at A3): the frame
owns the band outside it and nothing else. ``tests/documents/test_certificate_layout.py``
measures that on the PDF.
"""
from dataclasses import dataclass

GOLD = (184, 134, 11)
LIGHT_GOLD = (236, 196, 84)
WHITE = (255, 255, 255)
BAND = (8, 18)  # outer and inner edge of the coloured band (mm at A3)
INNER = 26  # the frame's inner margin: nothing printed closer to an edge (mm at A3)
# The ornament over the motto (the issuer's logo mark, or a gold star) and the motto lines.
EMBLEM = {"y": 29, "size": 22}
MOTTO = ({"y": 55, "size": 15, "text": "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"},
         {"y": 62, "size": 15, "text": "Độc lập - Tự do - Hạnh phúc"})
MOTTO_RULE = {"y": 70.5, "width": 60}


@dataclass(frozen=True)
class Design:
    band: tuple
    title: tuple  # colour of the authority line and the award's name
    motif: str  # "diamond", "stud" or "star"


DESIGNS = {
    "merit": Design(band=(150, 18, 24), title=(176, 0, 0), motif="diamond"),
    "paper": Design(band=(11, 79, 138), title=(11, 63, 112), motif="stud"),
    "title": Design(band=(128, 10, 18), title=(176, 0, 0), motif="star"),
}


class Frame:
    """Draws one design on an fpdf2 page of ``size`` (mm), ``scale`` = width / 420."""

    def __init__(self, pdf, size, design):
        self.pdf, (self.width, self.height) = pdf, size
        self.scale = self.width / 420
        self.design = DESIGNS[design]

    def mm(self, value):
        return value * self.scale

    def draw(self):
        pdf, outer, inner = self.pdf, self.mm(BAND[0]), self.mm(BAND[1])
        pdf.set_fill_color(*self.design.band)
        pdf.rect(outer, outer, self.width - 2 * outer, self.height - 2 * outer, style="F")
        pdf.set_fill_color(*WHITE)
        pdf.rect(inner, inner, self.width - 2 * inner, self.height - 2 * inner, style="F")
        pdf.set_draw_color(*LIGHT_GOLD)
        for inset, line in ((BAND[0] + 1.2, 0.5), (BAND[1] - 1.2, 0.5)):
            self.box(inset, line)
        pdf.set_draw_color(*GOLD)
        self.box(BAND[1] + 2, 1.0)
        self.box(BAND[1] + 3.6, 0.3)
        self.motifs()
        self.corners()

    def box(self, inset, line):
        self.pdf.set_line_width(self.mm(line))
        edge = self.mm(inset)
        self.pdf.rect(edge, edge, self.width - 2 * edge, self.height - 2 * edge)

    def motif(self, x, y):
        pdf, size = self.pdf, self.mm(2.2)
        pdf.set_fill_color(*LIGHT_GOLD)
        if self.design.motif == "diamond":
            pdf.polygon([(x, y - size), (x + size, y), (x, y + size), (x - size, y)], style="F")
        elif self.design.motif == "star":
            pdf.star(x, y, size * 0.45, size * 1.15, 5, rotate_degrees=-90, style="F")
        else:
            pdf.regular_polygon(x - size * 0.7, y - size * 0.7, 8, size * 1.4, style="F")

    def motifs(self):
        """Motifs along the middle of the band, evenly spaced, clear of the corners."""
        middle = self.mm(sum(BAND) / 2)
        step = self.mm(14)
        for start, end, fixed, horizontal in (
                (middle, self.width - middle, middle, True),
                (middle, self.width - middle, self.height - middle, True),
                (middle, self.height - middle, middle, False),
                (middle, self.height - middle, self.width - middle, False)):
            count = int((end - start - self.mm(24)) // step)
            gap = (end - start) / (count + 1)
            for index in range(1, count + 1):
                along = start + gap * index
                self.motif(along, fixed) if horizontal else self.motif(fixed, along)

    def corners(self):
        """A gold square with a star in the band's colour at each corner."""
        pdf, side = self.pdf, self.mm(BAND[1] - BAND[0] + 4)
        for x, y in ((self.mm(BAND[0] - 2), self.mm(BAND[0] - 2)),
                     (self.width - self.mm(BAND[0] - 2) - side, self.mm(BAND[0] - 2)),
                     (self.mm(BAND[0] - 2), self.height - self.mm(BAND[0] - 2) - side),
                     (self.width - self.mm(BAND[0] - 2) - side,
                      self.height - self.mm(BAND[0] - 2) - side)):
            pdf.set_fill_color(*GOLD)
            pdf.rect(x, y, side, side, style="F")
            pdf.set_fill_color(*self.design.band)
            pdf.star(x + side / 2, y + side / 2, side * 0.16, side * 0.4, 5, rotate_degrees=-90,
                     style="F")

    def emblem(self, logo=None):
        """The issuer's logo mark centred over the motto, or a gold star where none was
        uploaded."""
        size, top = self.mm(EMBLEM["size"]), self.mm(EMBLEM["y"])
        left = (self.width - size) / 2
        if logo is not None:
            self.pdf.image(logo, x=left, y=top, w=size, h=size, keep_aspect_ratio=True)
            return
        self.pdf.set_fill_color(*GOLD)
        self.pdf.star(self.width / 2, top + size / 2, size * 0.2, size * 0.5, 5,
                      rotate_degrees=-90, style="F")

    def motto_rule(self):
        half = self.mm(MOTTO_RULE["width"]) / 2
        y = self.mm(MOTTO_RULE["y"])
        self.pdf.set_draw_color(0, 0, 0)
        self.pdf.set_line_width(self.mm(0.4))
        self.pdf.line(self.width / 2 - half, y, self.width / 2 + half, y)
