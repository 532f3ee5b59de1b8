"""The forms as an XLSX workbook in the official layout and as a printable PDF."""
from io import BytesIO
from pathlib import Path

from django.template.loader import render_to_string
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

from thidua.core.excel import put

FONTS = Path(__file__).resolve().parents[2] / "documents" / "fonts"
THIN = Side(style="thin")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
CENTRE = Alignment(horizontal="center", vertical="center", wrap_text=True)
FOOTER_LEFT = ["Người lập biểu", "(Ký, họ tên)"]
FOOTER_RIGHT = ["…………, Ngày…...tháng …… năm ……", "Thủ trưởng đơn vị", "(Ký, họ tên, đóng dấu)"]


def _write(sheet, row, column, value, bold=False, merge_to=None, align=CENTRE, border=True):
    cell = put(sheet.cell(row=row, column=column), value)
    cell.font = Font(name="Times New Roman", bold=bold, size=11)
    cell.alignment = align
    if merge_to and merge_to != (row, column):
        sheet.merge_cells(start_row=row, start_column=column, end_row=merge_to[0],
                          end_column=merge_to[1])
        if border:
            for r in range(row, merge_to[0] + 1):
                for c in range(column, merge_to[1] + 1):
                    sheet.cell(row=r, column=c).border = BOX
    elif border:
        cell.border = BOX
    return cell


def xlsx_bytes(form):
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = f"Bieu {form.number}"
    lead = len(form.lead_keys)  # label, code and (most forms) unit columns before the figures
    width = lead + len(form.columns)
    left = Alignment(horizontal="left", vertical="center", wrap_text=True)
    half = max(3, width // 2)
    # Header block: symbol and circular on the left, units on the right.
    _write(sheet, 1, 1, form.symbol, bold=True, merge_to=(1, half), align=left, border=False)
    _write(sheet, 2, 1, form.circular, merge_to=(2, half), align=left, border=False)
    _write(sheet, 3, 1, form.received_note, merge_to=(3, half), align=left, border=False)
    _write(sheet, 1, half + 1, f"Đơn vị báo cáo: {form.reporting_unit}", merge_to=(1, width),
           align=left, border=False)
    _write(sheet, 2, half + 1, f"Đơn vị nhận báo cáo: {form.receiving_unit}", merge_to=(2, width),
           align=left, border=False)
    _write(sheet, 5, 1, form.title, bold=True, merge_to=(5, width), border=False)
    _write(sheet, 6, 1, f"Thời điểm báo cáo: {form.period_label}", merge_to=(6, width),
           border=False)
    if form.unit_of_measure:
        _write(sheet, 7, 1, f"Đơn vị tính: {form.unit_of_measure}", merge_to=(7, width),
               border=False, align=Alignment(horizontal="right"))
    top = 8
    bottom = top + (1 if form.has_leaf_headers else 0)
    for column, heading in enumerate(["", "Mã số", "Đơn vị tính"][:lead], start=1):
        _write(sheet, top, column, heading, bold=True, merge_to=(bottom, column))
    column = lead + 1
    for group, _number, leaves in form.grouped_columns:
        span = max(1, len(leaves))
        if leaves and form.has_leaf_headers:
            _write(sheet, top, column, group, bold=True, merge_to=(top, column + span - 1))
            for offset, leaf in enumerate(leaves):
                _write(sheet, bottom, column + offset, leaf, bold=True)
        else:
            _write(sheet, top, column, group, bold=True, merge_to=(bottom, column))
        column += span
    keys = bottom + 1
    for index, key in enumerate([*form.lead_keys, *[c.number for c in form.columns]], start=1):
        _write(sheet, keys, index, key, bold=False)
    row_number = keys + 1
    for row in form.rows:
        _write(sheet, row_number, 1, row.label, bold=row.bold, align=left)
        _write(sheet, row_number, 2, row.code)
        if form.unit_column:
            _write(sheet, row_number, 3, row.unit)
        for offset, value in enumerate(row.values):
            _write(sheet, row_number, lead + 1 + offset, value, bold=row.bold)
        if row.is_heading:
            for offset in range(len(form.columns)):
                _write(sheet, row_number, lead + 1 + offset, None)
        row_number += 1
    for note in form.notes:
        row_number += 1
        _write(sheet, row_number, 1, note, merge_to=(row_number, width), align=left, border=False)
    row_number += 2
    for offset, text in enumerate(FOOTER_RIGHT):
        _write(sheet, row_number + offset, half + 1, text, bold=offset == 1,
               merge_to=(row_number + offset, width), border=False)
    for offset, text in enumerate(FOOTER_LEFT, start=1):
        _write(sheet, row_number + offset, 1, text, bold=offset == 1, merge_to=(row_number + offset, half),
               border=False)
    sheet.column_dimensions["A"].width = 55
    sheet.column_dimensions["B"].width = 8
    if form.unit_column:
        sheet.column_dimensions["C"].width = 12
    for index in range(lead + 1, width + 1):
        sheet.column_dimensions[get_column_letter(index)].width = 14
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def pdf_bytes(form):
    from weasyprint import HTML

    html = render_to_string("reports/statutory_print.html", {
        "form": form, "fonts": FONTS.as_uri(), "footer_left": FOOTER_LEFT,
        "footer_right": FOOTER_RIGHT})
    return HTML(string=html, base_url=str(FONTS)).write_pdf()
