"""The default Word templates, drawn with python-docx in the NĐ 30/2020 layout and filled by
docxtpl with the contexts of ``context.py``.

They are built in code rather than shipped as binary .docx files so the layout can be read and
reviewed here; an organisation downloads one, edits it in Word and uploads it back as its own.
"""
import io
from functools import cache

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt

FONT = "Times New Roman"
CENTER, JUSTIFY, LEFT = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.JUSTIFY, WD_ALIGN_PARAGRAPH.LEFT


class Sheet:
    """A document under construction: A4, decree margins, Times New Roman 14 pt."""

    def __init__(self, landscape=False):
        self.document = Document()
        section = self.document.sections[0]
        section.page_width, section.page_height = Mm(210), Mm(297)
        if landscape:
            section.orientation = WD_ORIENT.LANDSCAPE
            section.page_width, section.page_height = Mm(297), Mm(210)
        section.top_margin = section.bottom_margin = Mm(20)
        section.left_margin, section.right_margin = Mm(30), Mm(15)
        style = self.document.styles["Normal"]
        style.font.name, style.font.size = FONT, Pt(14)
        style.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)
        style.paragraph_format.space_after = Pt(6)

    def line(self, text="", size=14, bold=False, italic=False, align=JUSTIFY, indent=False,
             target=None):
        paragraph = (target or self.document).add_paragraph()
        paragraph.alignment = align
        if indent:
            paragraph.paragraph_format.first_line_indent = Cm(1.27)
        if text:
            run = paragraph.add_run(text)
            run.font.size, run.bold, run.italic = Pt(size), bold, italic
        return paragraph

    def tag(self, text, target=None):
        """A docxtpl paragraph tag ({%p … %}): its paragraph disappears when rendered."""
        return self.line(text, align=LEFT, target=target)

    def rule(self, target=None, width="____________"):
        return self.line(width, size=10, bold=True, align=CENTER, target=target)

    def page_break(self):
        self.document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    def grid(self, columns, widths=None, borders=False):
        table = self.document.add_table(rows=0, cols=columns)
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        if borders:
            table.style = "Table Grid"
        self.widths = widths
        return table

    def row(self, table, cells, size=13, bold=False):
        """One table row; a single '{%tr … %}' string makes a docxtpl row tag."""
        row = table.add_row()
        for index, text in enumerate(cells):
            cell = row.cells[index]
            if self.widths:
                cell.width = Cm(self.widths[index])
            paragraph = cell.paragraphs[0]
            run = paragraph.add_run(text)
            run.font.size, run.bold = Pt(size), bold
        return row

    def header(self, reference_line, date_line="{{ place }}, {{ date }}", symbol_prefix="Số: "):
        """The two-column header of NĐ 30/2020 (ô 1–4)."""
        table = self.grid(2)
        left, right = table.add_row().cells
        left.width, right.width = Cm(6.5), Cm(9.5)
        first = left.paragraphs[0]
        first.alignment = CENTER
        first.add_run("{{ parent_name }}").font.size = Pt(13)
        issuer = self.line("{{ issuer_name }}", size=13, bold=True, align=CENTER, target=left)
        issuer.paragraph_format.space_after = Pt(0)
        self.rule(left, "________")
        self.line(symbol_prefix + reference_line, size=13, align=CENTER, target=left)
        motto = right.paragraphs[0]
        motto.alignment = CENTER
        run = motto.add_run("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
        run.font.size, run.bold = Pt(12), True
        self.line("Độc lập - Tự do - Hạnh phúc", size=13, bold=True, align=CENTER, target=right)
        self.rule(right, "________________")
        self.line(date_line, size=14, italic=True, align=CENTER, target=right)

    def signature(self, recipients=True, left_title=""):
        """Nơi nhận (left) ‖ signer block (right), side by side."""
        table = self.grid(2)
        left, right = table.add_row().cells
        if recipients:
            first = left.paragraphs[0]
            run = first.add_run("Nơi nhận:")
            run.font.size, run.bold, run.italic = Pt(12), True, True
            self.tag("{%p for line in recipients %}", left)
            self.line("- {{ line }}", size=11, align=LEFT, target=left)
            self.tag("{%p endfor %}", left)
        else:
            left.paragraphs[0].alignment = CENTER
            run = left.paragraphs[0].add_run(left_title)
            run.font.size, run.bold = Pt(13), True
        self.tag("{%p for line in signer_lines %}", right)
        self.line("{{ line }}", size=14, bold=True, align=CENTER, target=right)
        self.tag("{%p endfor %}", right)
        for _blank in range(3):
            self.line(target=right)
        self.line("{{ signer_name }}", size=14, bold=True, align=CENTER, target=right)

    def annex(self, new_page=True):
        """The annex list: title ("DANH SÁCH …"), reference line, then sections I/II/III as
        STT | name | position and unit | note tables."""
        if new_page:
            self.page_break()
        self.line("{{ annex_title }}", bold=True, align=CENTER)
        self.line("{{ annex_reference }}", italic=True, align=CENTER)
        self.rule()
        self.tag("{%p for section in sections %}")
        self.line("{{ section.heading }}", bold=True, align=LEFT)
        table = self.grid(4, widths=[1.3, 5.5, 7, 2.7], borders=True)
        self.row(table, ["STT", "Họ và tên / Tên tập thể", "Chức vụ, đơn vị công tác", "Ghi chú"],
                 bold=True)
        self.row(table, ["{%tr for row in section.rows %}", "", "", ""])
        self.row(table, ["{{ row.index }}", "{{ row.name }}", "{{ row.detail }}", "{{ row.note }}"])
        self.row(table, ["{%tr endfor %}", "", "", ""])
        self.tag("{%p endfor %}")

    def bytes(self):
        buffer = io.BytesIO()
        self.document.save(buffer)
        return buffer.getvalue()


def decision():
    sheet = Sheet()
    sheet.header("{{ number }}/{{ symbol }}")
    sheet.line("QUYẾT ĐỊNH", bold=True, align=CENTER)
    sheet.line("{{ title }}", bold=True, align=CENTER)
    sheet.rule()
    sheet.line("{{ authority_line }}", bold=True, align=CENTER)
    sheet.tag("{%p for line in legal_bases %}")
    sheet.line("{{ line }}", italic=True, indent=True)
    sheet.tag("{%p endfor %}")
    sheet.line("{{ proposal_line }}", italic=True, indent=True)
    sheet.line("QUYẾT ĐỊNH:", bold=True, align=CENTER)
    for number in (1, 2, 3):
        paragraph = sheet.line(indent=True)
        paragraph.add_run(f"Điều {number}. ").bold = True
        paragraph.add_run(f"{{{{ article{number} }}}}")
    sheet.signature()
    sheet.annex()
    return sheet


def proposal():
    sheet = Sheet()
    sheet.header("{{ reference }}")
    sheet.line("TỜ TRÌNH", bold=True, align=CENTER)
    sheet.line("{{ title }}", bold=True, align=CENTER)
    sheet.rule()
    sheet.line("Kính gửi: {{ authority_name }}", align=CENTER)
    sheet.tag("{%p for line in legal_bases %}")
    sheet.line("{{ line }}", indent=True)
    sheet.tag("{%p endfor %}")
    sheet.line("{{ request_line }}", indent=True)
    sheet.line("Kính trình {{ authority_name }} xem xét, quyết định./.", indent=True)
    sheet.signature()
    sheet.annex()
    return sheet


def annex():
    sheet = Sheet()
    sheet.header("{{ reference }}")
    sheet.annex(new_page=False)
    return sheet


def _session_header(sheet, kind):
    sheet.header("      /BB-HĐTĐKT", date_line="{{ place }}, {{ date }}")
    sheet.line(kind, bold=True, align=CENTER)
    sheet.line("(V/v: {{ title }})", align=CENTER)
    sheet.line("Hôm nay, {{ date }}, {{ council_name }} họp xét thi đua, khen thưởng"
               "{% if secret %} và bỏ phiếu kín{% endif %}.", indent=True)
    sheet.line("Tổng số thành viên Hội đồng: {{ total_members }}; có mặt: {{ present }}; "
               "vắng: {{ absent }} (tỷ lệ có mặt tối thiểu {{ quorum_percent }}%).", indent=True)


def _rounds(sheet):
    sheet.tag("{%p for r in rounds %}")
    sheet.line("Vòng bỏ phiếu thứ {{ r.round }}", bold=True, align=LEFT)
    sheet.line("Số phiếu phát ra: {{ r.issued }}; số phiếu thu vào: {{ r.returned }}; "
               "số phiếu hợp lệ: {{ r.valid }}; số phiếu không hợp lệ: {{ r.invalid }}.",
               indent=True)
    sheet.tag("{%p for check in r.checks %}")
    sheet.line("- {{ check.label }}: {% if check.ok %}khớp{% else %}KHÔNG KHỚP{% endif %}.",
               size=12, indent=True)
    sheet.tag("{%p endfor %}")
    table = sheet.grid(8, widths=[1, 4, 3.5, 1.5, 1.5, 1.5, 2, 1.8], borders=True)
    sheet.row(table, ["STT", "Họ tên / Tập thể", "Danh hiệu, hình thức", "Đồng ý",
                      "Không đồng ý", "Không biểu quyết", "Tỷ lệ đồng ý / tổng số thành viên (%)",
                      "Kết quả"], size=11, bold=True)
    sheet.row(table, ["{%tr for row in r.rows %}"] + [""] * 7, size=11)
    sheet.row(table, ["{{ row.index }}", "{{ row.name }}", "{{ row.award }}", "{{ row.agree }}",
                      "{{ row.disagree }}", "{{ row.abstain }}", "{{ row.percent }}",
                      "{{ row.result }}"], size=11)
    sheet.row(table, ["{%tr endfor %}"] + [""] * 7, size=11)
    sheet.tag("{%p endfor %}")


def _session_signatures(sheet):
    table = sheet.grid(2)
    left, right = table.add_row().cells
    for cell, title in ((left, "THƯ KÝ"), (right, "CHỦ TỊCH HỘI ĐỒNG")):
        cell.paragraphs[0].alignment = CENTER
        run = cell.paragraphs[0].add_run(title)
        run.font.size, run.bold = Pt(13), True


def minutes():
    sheet = Sheet()
    _session_header(sheet, "BIÊN BẢN HỌP HỘI ĐỒNG THI ĐUA – KHEN THƯỞNG")
    sheet.line("Thành phần:", bold=True, align=LEFT)
    sheet.tag("{%p for m in members %}")
    sheet.line("- {{ m.name }}, {{ m.role }}: {{ m.status }}.", indent=True)
    sheet.tag("{%p endfor %}")
    sheet.line("Kết quả bỏ phiếu:", bold=True, align=LEFT)
    _rounds(sheet)
    sheet.line("Kết luận: {{ conclusion }}", indent=True)
    _session_signatures(sheet)
    return sheet


def tally():
    sheet = Sheet()
    _session_header(sheet, "BIÊN BẢN KIỂM PHIẾU")
    _rounds(sheet)
    sheet.line("Tỷ lệ đồng ý được tính trên tổng số thành viên Hội đồng ({{ total_members }}), "
               "không phải trên số có mặt.", italic=True, indent=True)
    sheet.line("Kết luận: {{ conclusion }}", indent=True)
    _session_signatures(sheet)
    return sheet


def _awards_tables(sheet, number):
    sheet.line(f"{number}. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG", bold=True, align=LEFT)
    for label, key, word in (("1. Danh hiệu thi đua", "titles", "công nhận danh hiệu thi đua"),
                             ("2. Hình thức khen thưởng", "forms", "khen thưởng")):
        sheet.line(label, bold=True, align=LEFT)
        table = sheet.grid(3, widths=[2, 6, 8.5], borders=True)
        sheet.row(table, ["Năm", "Danh hiệu thi đua" if key == "titles" else
                          "Hình thức khen thưởng",
                          (f"Số, ngày, tháng, năm của quyết định {word}; cơ quan ban hành "
                           "quyết định")], bold=True)
        sheet.row(table, [f"{{%tr for a in {key} %}}", "", ""])
        sheet.row(table, ["{{ a.year }}", "{{ a.name }}", "{{ a.decision }}"])
        sheet.row(table, ["{%tr endfor %}", "", ""])


def _report_top(sheet):
    table = sheet.grid(1)
    cell = table.add_row().cells[0]
    cell.paragraphs[0].alignment = CENTER
    run = cell.paragraphs[0].add_run("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    run.font.size, run.bold = Pt(13), True
    sheet.line("Độc lập - Tự do - Hạnh phúc", bold=True, align=CENTER, target=cell)
    sheet.line("{{ place }}, {{ date }}", italic=True, align=CENTER)
    sheet.line("BÁO CÁO THÀNH TÍCH", bold=True, align=CENTER)
    sheet.line("ĐỀ NGHỊ TẶNG {{ award_name }}", bold=True, align=CENTER)


def report_individual():
    sheet = Sheet()
    _report_top(sheet)
    sheet.line("I. SƠ LƯỢC LÝ LỊCH", bold=True, align=LEFT)
    for text in ("- Họ tên: {{ name }}",
                 "- Sinh ngày, tháng, năm: {{ birth_date }}    Giới tính: {{ gender }}",
                 "- Quê quán:", "- Trú quán:", "- Đơn vị công tác: {{ unit }}",
                 "- Chức vụ (Đảng, chính quyền, đoàn thể): {{ position }}",
                 "- Trình độ chuyên môn, nghiệp vụ:",
                 "- Học hàm, học vị, danh hiệu, giải thưởng:"):
        sheet.line(text, indent=True)
    sheet.line("II. THÀNH TÍCH ĐẠT ĐƯỢC", bold=True, align=LEFT)
    sheet.line("1. Quyền hạn, nhiệm vụ được giao hoặc đảm nhận:", indent=True)
    sheet.line("2. Thành tích đạt được của cá nhân: {{ achievement }}", indent=True)
    _awards_tables(sheet, "III")
    table = sheet.grid(2)
    left, right = table.add_row().cells
    for cell, title, note in ((left, "THỦ TRƯỞNG ĐƠN VỊ XÁC NHẬN, ĐỀ NGHỊ", "(Ký, đóng dấu)"),
                              (right, "NGƯỜI BÁO CÁO THÀNH TÍCH", "(Ký, ghi rõ họ và tên)")):
        cell.paragraphs[0].alignment = CENTER
        run = cell.paragraphs[0].add_run(title)
        run.font.size, run.bold = Pt(13), True
        sheet.line(note, size=13, italic=True, align=CENTER, target=cell)
    sheet.line("XÁC NHẬN CỦA CẤP TRÌNH KHEN THƯỞNG", bold=True, align=CENTER)
    return sheet


def report_collective():
    sheet = Sheet()
    _report_top(sheet)
    sheet.line("{{ name }}", bold=True, align=CENTER)
    sheet.line("I. SƠ LƯỢC ĐẶC ĐIỂM, TÌNH HÌNH", bold=True, align=LEFT)
    sheet.line("1. Đặc điểm, tình hình:", indent=True)
    for text in ("- Loại hình: {{ kind }}", "- Trụ sở chính: {{ address }}",
                 "- Điện thoại: {{ phone }}; thư điện tử: {{ email }}",
                 "- Ngày thành lập: {{ founding_date }}; mã số thuế: {{ tax_code }}",
                 "- Tổ chức bộ máy, cán bộ, cơ sở vật chất; vốn và tình hình tài chính:",
                 "- Tổ chức đảng, đoàn thể:"):
        sheet.line(text, indent=True)
    sheet.line("2. Chức năng, nhiệm vụ:", indent=True)
    sheet.line("II. THÀNH TÍCH ĐẠT ĐƯỢC", bold=True, align=LEFT)
    sheet.line("1. Kết quả thực hiện nhiệm vụ (doanh thu, lợi nhuận, nộp ngân sách, thu nhập "
               "của thành viên qua các năm): {{ achievement }}", indent=True)
    sheet.line("2. Biện pháp, nguyên nhân đạt được thành tích; các phong trào thi đua đã áp "
               "dụng:", indent=True)
    sheet.line("3. Việc thực hiện chủ trương, chính sách của Đảng, pháp luật của Nhà nước; "
               "công tác xã hội; hoạt động của tổ chức đảng, đoàn thể:", indent=True)
    _awards_tables(sheet, "III")
    table = sheet.grid(2)
    left, right = table.add_row().cells
    for cell, title in ((left, "XÁC NHẬN CỦA CẤP TRÌNH KHEN THƯỞNG"),
                        (right, "THỦ TRƯỞNG ĐƠN VỊ")):
        cell.paragraphs[0].alignment = CENTER
        run = cell.paragraphs[0].add_run(title)
        run.font.size, run.bold = Pt(13), True
    return sheet


BUILDERS = {"decision": decision, "proposal": proposal, "annex": annex, "minutes": minutes,
            "tally": tally, "report_individual": report_individual,
            "report_collective": report_collective}


@cache
def default_template(kind):
    """The default .docx template of ``kind`` (see ``BUILDERS``) as bytes."""
    return BUILDERS[kind]().bytes()
