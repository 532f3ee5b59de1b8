"""Certificate pages drawn with fpdf2: every field is a box placed in millimetres.

Certificates are positioned text, not flowing documents, so they are drawn directly rather than
laid out by WeasyPrint: a page costs about a millisecond instead of a tenth of a second, which is
what makes a thousand-page print run fit in a minute. The fonts are the same embedded Liberation
Serif as the other PDFs.
"""
import unicodedata

from fpdf import FPDF

from .pdf import FONTS

STYLES = {"": "Regular", "B": "Bold", "I": "Italic", "BI": "BoldItalic"}
FAMILY = "Liberation Serif"
RED, GOLD, GREY, BLACK = (192, 0, 0), (184, 134, 11), (200, 200, 200), (0, 0, 0)
POINT = 25.4 / 72  # mm per point
RED_FIELDS = {"authority", "award"}
MOTTO = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")


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

    def text(self, box, text, color=BLACK):
        """Centred in the box from its top; a line too long for the box wraps. Single lines go
        through ``cell``, which skips fpdf2's (slow) line breaking."""
        size, width = float(box["size"]), float(box["width"])
        height = size * POINT * 1.25
        self.pdf.set_font(FAMILY, "B" if box["bold"] else "", size)
        self.pdf.set_text_color(*color)
        self.pdf.set_xy(float(box["left"]), float(box["y"]))
        for line in unicodedata.normalize("NFC", text).split("\n"):
            self.pdf.set_x(float(box["left"]))
            if self.pdf.get_string_width(line) <= width:
                self.pdf.cell(width, height, line, align="C", new_x="LMARGIN", new_y="NEXT")
            else:
                self.pdf.multi_cell(width, height, line, align="C", new_x="LMARGIN",
                                    new_y="NEXT")

    def decorations(self, page):
        """The white-paper layout: a double gold frame and the national motto."""
        width, height = page["size"]
        self.pdf.set_draw_color(*GOLD)
        for inset, line in ((12, 1.2), (15, 0.4)):
            self.pdf.set_line_width(line)
            self.pdf.rect(inset, inset, width - 2 * inset, height - 2 * inset)
        top = float(page["motto_top"])
        for offset, line in enumerate(MOTTO):
            self.text({"left": 0, "y": top + 8 * offset, "width": width, "size": 16,
                       "bold": True}, line)

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
                red = field["name"] in RED_FIELDS and not page["preprinted"]
                self.text(field, field["text"], RED if red else BLACK)

    def bytes(self):
        return bytes(self.pdf.output())
