"""The annex list of a decision or tờ trình as PDF pages drawn with fpdf2.

A decision may list thousands of people; laid out as an HTML table by WeasyPrint that takes
minutes, drawn row by row here it takes seconds. NĐ 30/2020 paginates each annex separately, so
these pages are appended to the document's own (``pdf.render`` then ``pypdf``) with their own
numbering.
"""
import unicodedata

from fpdf import FPDF

from .pdf import FONTS
from .sheets import FAMILY, POINT, STYLES

WIDTHS = (15, 50, 77, 23)  # mm, 165 mm of text width: STT | name | position, unit | note
HEADINGS = ("STT", "Họ và tên / Tên tập thể", "Chức vụ, đơn vị công tác", "Ghi chú")
SIZE = 13
LINE = SIZE * POINT * 1.2
PAD = 1.2


class Annex(FPDF):
    def __init__(self):
        super().__init__(unit="mm", format="A4")
        self.set_margins(30, 20, 15)
        self.set_auto_page_break(False)
        for style, face in STYLES.items():
            self.add_font(FAMILY, style, str(FONTS / f"LiberationSerif-{face}.ttf"))

    def header(self):
        if self.page_no() > 1:
            self.set_font(FAMILY, "", 13)
            self.set_y(8)
            self.cell(0, 6, str(self.page_no()), align="C")
            self.set_y(20)

    def wrap(self, text, width):
        """``text`` cut into lines that fit ``width`` mm (words kept whole when they fit)."""
        lines, current = [], ""
        for word in text.split():
            candidate = f"{current} {word}" if current else word
            if not current or self.get_string_width(candidate) <= width:
                current = candidate
            else:
                lines.append(current)
                current = word
        return [*lines, current] if current else [""]

    def row(self, cells, bold=False):
        self.set_font(FAMILY, "B" if bold else "", SIZE)
        wrapped = [self.wrap(text, width - 2 * PAD) for text, width in zip(cells, WIDTHS)]
        height = max(len(lines) for lines in wrapped) * LINE + 2 * PAD
        if self.get_y() + height > self.h - 20:
            self.add_page()
            self.row(HEADINGS, bold=True)
            self.set_font(FAMILY, "", SIZE)
        x, y = self.l_margin, self.get_y()
        for lines, width, index in zip(wrapped, WIDTHS, range(4)):
            self.rect(x, y, width, height)
            for number, line in enumerate(lines):
                self.set_xy(x + PAD, y + PAD + number * LINE)
                self.cell(width - 2 * PAD, LINE, line, align="C" if index == 0 or bold else "L")
            x += width
        self.set_xy(self.l_margin, y + height)

    def centred(self, text, style="", size=14):
        self.set_font(FAMILY, style, size)
        self.multi_cell(0, size * POINT * 1.3, text, align="C", new_x="LMARGIN", new_y="NEXT")


def annex_pdf(context):
    """The annex pages of ``context`` (see ``context.decision_context``/``batch_context``)."""
    def nfc(value):
        return unicodedata.normalize("NFC", str(value))

    pdf = Annex()
    pdf.add_page()
    pdf.centred(nfc(context["annex_title"]), "B")  # "DANH SÁCH …": the heading itself
    pdf.centred(nfc(context["annex_reference"]), "I")
    y, centre = pdf.get_y() + 2.5, pdf.l_margin + pdf.epw / 2
    pdf.line(centre - 25, y, centre + 25, y)
    pdf.set_y(y + 4)
    for section in context["sections"]:
        if pdf.get_y() + 4 * LINE > pdf.h - 20:  # no heading alone at the foot of a page
            pdf.add_page()
        pdf.set_font(FAMILY, "B", 14)
        pdf.cell(0, 14 * POINT * 1.5, nfc(section["heading"]), new_x="LMARGIN", new_y="NEXT")
        pdf.row(HEADINGS, bold=True)
        for row in section["rows"]:
            pdf.row([str(row["index"]), nfc(row["name"]), nfc(row["detail"]), nfc(row["note"])])
        pdf.ln(3)
    return bytes(pdf.output())
