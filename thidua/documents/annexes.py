"""The annex list of a decision or tờ trình as PDF pages drawn with fpdf2.

A decision may list thousands of people; laid out as an HTML table by WeasyPrint that takes
minutes, drawn row by row here it takes a fraction of a second. NĐ 30/2020 paginates each annex
separately, so these pages are appended to the document's own (``pdf.render`` then ``pypdf``) with
their own numbering.

Rows are measured and written without fpdf2's ``cell``: it shapes every string into fragments
(copying the graphics state each time), which was most of an annex's time. Widths are summed from
the font's glyph widths, as fpdf2 sums them, word by word from a cache; each line is written
where ``cell`` would put it (``sheets.write_line``), so the page is the same.
"""
import unicodedata

from fpdf import FPDF

from .pdf import FONTS
from .sheets import FAMILY, POINT, STYLES, to_mm, units_of, write_line

WIDTHS = (15, 50, 77, 23)  # mm, 165 mm of text width: STT | name | position, unit | note
HEADINGS = ("STT", "Họ và tên / Tên tập thể", "Chức vụ, đơn vị công tác", "Ghi chú")
SIZE = 13
LINE = SIZE * POINT * 1.2
PAD = 1.2
USED = ("", "B", "I")  # the annex sets no bold italic: its font is not embedded


class Annex(FPDF):
    def __init__(self):
        super().__init__(unit="mm", format="A4")
        self.set_margins(30, 20, 15)
        self.set_auto_page_break(False)
        for style in USED:
            self.add_font(FAMILY, style, str(FONTS / f"LiberationSerif-{STYLES[style]}.ttf"))
        self.units = {style: {} for style in USED}  # word → width in font units, per style

    def header(self):
        if self.page_no() > 1:
            self.set_font(FAMILY, "", 13)
            self.set_y(8)
            self.cell(0, 6, str(self.page_no()), align="C")
            self.set_y(20)

    def width_units(self, word):
        """``word``'s width (``sheets.units_of``) in the current style, cached."""
        known = self.units[self.font_style]
        if word not in known:
            known[word] = units_of(self, word)
        return known[word]

    def wrap(self, text, width):
        """``text`` cut into (line, width in mm) pairs that fit ``width`` mm (words kept whole when
        they fit)."""
        lines, current, used = [], "", 0
        space = self.width_units(" ")
        for word in text.split():
            units = self.width_units(word)
            if not current:
                current, used = word, units
            elif to_mm(self, used + space + units) <= width:
                current, used = f"{current} {word}", used + space + units
            else:
                lines.append((current, to_mm(self, used)))
                current, used = word, units
        return [*lines, (current, to_mm(self, used))] if current else [("", 0)]

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
            for number, (line, used) in enumerate(lines):
                write_line(self, x + PAD, y + PAD + number * LINE, width - 2 * PAD, LINE, line,
                           used, "C" if index == 0 or bold else "L")
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
