"""Certificate pages drawn with fpdf2: every field is a box placed in millimetres.

Certificates are positioned text, not flowing documents, so they are drawn directly rather than
laid out by WeasyPrint: a page costs about a millisecond instead of a tenth of a second, which is
what makes a thousand-page print run fit in a minute. The fonts are the same embedded Liberation
Serif as the other PDFs.
"""
import unicodedata

from fpdf import FPDF

from .frames import MOTTO, Frame
from .pdf import FONTS

STYLES = {"": "Regular", "B": "Bold", "I": "Italic", "BI": "BoldItalic"}
FAMILY = "Liberation Serif"
RED, GREY, BLACK = (192, 0, 0), (200, 200, 200), (0, 0, 0)
POINT = 25.4 / 72  # mm per point
TITLE_FIELDS = {"authority", "award"}
# Fields printed on one line: a text too long for its box is set smaller (down to SHRINK of its
# size) rather than wrapped onto the field below.
ONE_LINE = {"authority", "gift", "award", "recipient", "detail", "decision", "register",
            "place_date", "signer_name"}
SHRINK = 0.6
LEFT_ALIGNED = {"decision", "register"}  # beside the QR code, read from its edge


def units_of(pdf, text):
    """``text``'s width in ``pdf``'s current font, in thousandths of the font size: the sum
    fpdf2 makes of the glyph widths, without shaping the text into fragments."""
    widths = pdf.current_font.cw
    return sum(widths[ord(char)] for char in text)


def to_mm(pdf, units):
    """``units`` (see ``units_of``) in mm at the current font size, as fpdf2 converts them."""
    return units * pdf.font_size_pt * 0.001 / pdf.k


def write_line(pdf, x, y, width, height, text, used, align="C"):
    """``text`` (``used`` mm wide) where ``cell(width, height, text, align)`` at (x, y) writes
    it, through ``text``: cell's fragments cost more than the rest of a line's drawing. The
    position is left where ``cell(…, new_x="LMARGIN", new_y="NEXT")`` leaves it."""
    if text:
        offset = pdf.c_margin if align == "L" else (width - used) / 2
        pdf.text(x + offset, y + 0.5 * height + 0.3 * pdf.font_size, text)
    pdf.set_xy(pdf.l_margin, y + height)


class Sheets:
    """A PDF of certificate pages; ``add(page)`` draws one page built by ``certificates.page``."""

    def __init__(self, calibration=False):
        self.pdf = FPDF(unit="mm")
        self.pdf.set_auto_page_break(False)
        self.pdf.set_margin(0)
        self.pdf.set_creator("thidua")
        for style, face in STYLES.items():
            self.pdf.add_font(FAMILY, style, str(FONTS / f"LiberationSerif-{face}.ttf"))
        self.calibration = calibration
        self.frames = {}  # (paper, design, drawing state before) → (operators, state after)

    def fitted_size(self, box, text):
        """The box's size, or smaller until the longest line fits its width (not below
        ``SHRINK`` of it: past that the line wraps)."""
        size, width = float(box["size"]), float(box["width"])
        style = "B" if box["bold"] else ""
        self.pdf.set_font(FAMILY, style, size)
        longest = max((to_mm(self.pdf, units_of(self.pdf, line)) for line in text.split("\n")),
                      default=0)
        if longest > width:
            size = max(size * width / longest, size * SHRINK)
        return size

    def text(self, box, text, color=BLACK):
        """Centred in the box from its top; a line too long for the box wraps. Lines that fit
        are written by ``write_line``, which skips fpdf2's (slow) line breaking and shaping."""
        text = unicodedata.normalize("NFC", text)
        size = self.fitted_size(box, text) if box.get("name") in ONE_LINE else float(box["size"])
        width = float(box["width"])
        height = size * POINT * 1.25
        self.pdf.set_font(FAMILY, "B" if box["bold"] else "", size)
        self.pdf.set_text_color(*color)
        self.pdf.set_xy(float(box["left"]), float(box["y"]))
        align = "L" if box.get("name") in LEFT_ALIGNED else "C"
        for line in text.split("\n"):
            self.pdf.set_x(float(box["left"]))
            used = to_mm(self.pdf, units_of(self.pdf, line))
            if used <= width:
                write_line(self.pdf, float(box["left"]), self.pdf.y, width, height, line, used,
                           align)
            else:
                self.pdf.multi_cell(width, height, line, align=align, new_x="LMARGIN",
                                    new_y="NEXT")

    def decorations(self, page):
        """The white-paper layout: the form's frame, the issuer's mark and the national motto,
        all inside the frame's inner margin."""
        frame = Frame(self.pdf, page["size"], page["design"])
        self.draw(frame, (page["size"], page["design"]))
        frame.emblem(page.get("logo"))
        width = page["size"][0]
        for line in MOTTO:
            self.text({"name": "motto", "left": 0, "y": frame.mm(line["y"]), "width": width,
                       "size": frame.mm(line["size"]), "bold": True}, line["text"])
        frame.motto_rule()
        return frame

    def state(self):
        return self.pdf.draw_color, self.pdf.fill_color, self.pdf.line_width

    def draw(self, frame, key):
        """Draw ``frame``, or write again the operators it drew on an earlier page of the same
        paper and design. A frame is some three hundred filled shapes, the same on every such
        page, and drawing them was a third of a print run's time. fpdf2 writes a colour or a
        line width only when it changes, so the operators depend on the state they start from:
        it is part of the key, and the state they leave is restored after writing them."""
        pdf, key = self.pdf, (key, self.state())
        if key in self.frames:
            operators, (pdf.draw_color, pdf.fill_color, pdf.line_width) = self.frames[key]
            pdf._out(operators)  # the page's content stream: fpdf2 has no public call for it
            return
        start = len(pdf.pages[pdf.page].contents)
        frame.draw()
        self.frames[key] = (bytes(pdf.pages[pdf.page].contents[start:-1]), self.state())

    def grid(self, page):
        """Calibration aids: a 10 mm grid, a crosshair at each anchor, dashed field boxes."""
        width, height = page["size"]
        self.pdf.set_draw_color(*GREY)
        self.pdf.set_line_width(0.1)
        for x in range(0, width + 1, 10):
            self.pdf.line(x, 0, x, height)
        for y in range(0, height + 1, 10):
            self.pdf.line(0, y, width, y)
        self.pdf.set_draw_color(*RED)
        self.pdf.set_line_width(0.3)
        for field in page["fields"]:
            x, y = float(field["x"]), float(field["y"])
            self.pdf.line(x - 3, y, x + 3, y)
            self.pdf.line(x, y - 3, x, y + 3)
            with self.pdf.local_context(dash_pattern={"dash": 1, "gap": 1}):
                self.pdf.rect(float(field["left"]), y, float(field["width"]),
                              max(float(field["size"]) * POINT * 1.25, 5))

    def add(self, page):
        width, height = page["size"]
        self.pdf.add_page(format=(width, height))
        if self.calibration:
            self.grid(page)
        if not page["preprinted"]:
            self.decorations(page)
        for field in page["fields"]:
            if field["name"] == "qr":
                self.pdf.image(field["text"], x=float(field["left"]),
                               y=float(field["y"]), w=float(field["width"]))
            else:
                coloured = field["name"] in TITLE_FIELDS and not page["preprinted"]
                self.text(field, field["text"], page["title_colour"] if coloured else BLACK)

    def bytes(self):
        return bytes(self.pdf.output())
