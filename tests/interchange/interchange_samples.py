"""Word files as lower units write them, built with python-docx for the interchange tests."""
import io

import docx
from django.core.files.uploadedfile import SimpleUploadedFile
from docx.enum.text import WD_BREAK

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def heading_block(document, parent, unit, reference, place_date):
    """The two-column top of an administrative document (NĐ 30/2020 ô 1–4)."""
    table = document.add_table(rows=1, cols=2)
    left, right = table.rows[0].cells
    left.text = parent
    left.add_paragraph(unit)
    left.add_paragraph(f"Số: {reference}")
    right.text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    right.add_paragraph("Độc lập - Tự do - Hạnh phúc")
    right.add_paragraph(place_date)


def fill(table, rows, start):
    for offset, values in enumerate(rows):
        cells = table.rows[start + offset].cells
        for index, value in enumerate(values):
            cells[index].text = value


def simple_table(document, header, rows):
    """A plain table; without ``header`` the rows start at the top."""
    lines = ([header] if header else []) + rows
    table = document.add_table(rows=len(lines), cols=len(lines[0]))
    fill(table, lines, 0)
    return table


def letter(unit="HỢP TÁC XÃ NÔNG NGHIỆP THỦY THANH", parent="LIÊN MINH HTX THÀNH PHỐ HUẾ",
           reference="12/TTr-HTX", title="Về việc đề nghị tặng Giấy khen năm 2025",
           body="Hợp tác xã đề nghị Liên minh HTX thành phố Huế xét tặng Giấy khen cho các cá nhân "
                "có thành tích xuất sắc năm 2025 (có danh sách kèm theo).",
           header=("STT", "Họ và tên", "Chức vụ", "Đơn vị công tác", "Hình thức khen thưởng"),
           rows=(), total=True, lists=None):
    """A tờ trình with title paragraphs, the nominee table and a “Tổng cộng” row (or what
    ``lists(document)`` adds instead), then the signature block."""
    document = docx.Document()
    heading_block(document, parent, unit, reference, "Huế, ngày 05 tháng 11 năm 2025")
    document.add_paragraph("TỜ TRÌNH")
    document.add_paragraph(title)
    document.add_paragraph("Kính gửi: Liên minh Hợp tác xã thành phố Huế")
    document.add_paragraph(body)
    rows = [list(row) for row in rows]
    if lists:
        lists(document)
    elif header:
        if total:
            rows.append(["", f"Tổng cộng: {len(rows)} người"] + [""] * (len(header) - 2))
        simple_table(document, list(header), rows)
    signature = document.add_table(rows=1, cols=2)
    signature.rows[0].cells[0].text = "Nơi nhận:\n- Như trên;\n- Lưu: VT."
    signature.rows[0].cells[1].text = "GIÁM ĐỐC\nLê Văn Minh"
    return document


def merged_header_annex(rows):
    """A two-row header: STT and Họ và tên merged down, “Năm sinh” merged over Nam | Nữ, then a
    (1) (2) … numbering row; sections “I. Cá nhân / II. Tập thể” as merged rows."""
    document = docx.Document()
    document.add_paragraph("DANH SÁCH")
    document.add_paragraph("Đề nghị khen thưởng (Kèm theo Tờ trình số 12/TTr-HTX)")
    table = document.add_table(rows=3 + len(rows), cols=6)
    table.cell(0, 0).merge(table.cell(1, 0)).text = "STT"
    table.cell(0, 1).merge(table.cell(1, 1)).text = "Họ và tên / Tên tập thể"
    table.cell(0, 2).merge(table.cell(0, 3)).text = "Năm sinh"
    table.cell(1, 2).text, table.cell(1, 3).text = "Nam", "Nữ"
    table.cell(0, 4).merge(table.cell(1, 4)).text = "Chức vụ, đơn vị công tác"
    table.cell(0, 5).merge(table.cell(1, 5)).text = "Danh hiệu, hình thức đề nghị"
    fill(table, [["(1)", "(2)", "(3)", "(4)", "(5)", "(6)"]], 2)
    for offset, values in enumerate(rows, start=3):
        if isinstance(values, str):  # a section row: one cell across the table
            table.cell(offset, 0).merge(table.cell(offset, 5)).text = values
        else:
            fill(table, [values], offset)
    return document


def split_letter(first, second, repeat_header):
    """A list continued in a second table after a page break, with or without the header."""
    header = ["STT", "Họ và tên", "Đơn vị", "Danh hiệu thi đua"]

    def lists(document):
        simple_table(document, header, first)
        document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        simple_table(document, header if repeat_header else None, second)

    return letter(lists=lists)


def report(name, birth, unit, awards):
    """An achievement report (Mẫu 05): identity block and the table of past titles."""
    document = docx.Document()
    document.add_paragraph("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    document.add_paragraph("BÁO CÁO THÀNH TÍCH")
    document.add_paragraph("ĐỀ NGHỊ TẶNG GIẤY KHEN")
    document.add_paragraph("I. SƠ LƯỢC LÝ LỊCH")
    document.add_paragraph(f"- Họ tên: {name}")
    document.add_paragraph(f"- Sinh ngày, tháng, năm: {birth}    Giới tính: Nam")
    document.add_paragraph(f"- Đơn vị công tác: {unit}")
    document.add_paragraph("- Chức vụ (Đảng, chính quyền, đoàn thể): Thành viên")
    document.add_paragraph("III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG")
    document.add_paragraph("1. Danh hiệu thi đua")
    simple_table(document, ["Năm", "Danh hiệu thi đua", ("Số, ngày, tháng, năm của quyết định "
                            "công nhận danh hiệu thi đua; cơ quan ban hành quyết định")], awards)
    return document


def upload(document, name="to-trinh.docx"):
    buffer = io.BytesIO()
    document.save(buffer)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type=DOCX)


def raw(name, data):
    return SimpleUploadedFile(name, data, content_type=DOCX)
