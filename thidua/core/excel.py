"""Excel output shared by every list: one streaming-friendly sheet with a bold header row."""
from io import BytesIO

from django.http import HttpResponse
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def workbook_bytes(title, headers, rows):
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=title[:31])
    widths = [max(12, len(str(h)) + 2) for h in headers]
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = min(width, 60)
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    from openpyxl.cell import WriteOnlyCell

    header_cells = []
    for header in headers:
        cell = WriteOnlyCell(sheet, value=str(header))
        cell.font = bold
        header_cells.append(cell)
    sheet.append(header_cells)
    for row in rows:
        sheet.append(list(row))
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def xlsx_response(basename, title, headers, rows):
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    response = HttpResponse(workbook_bytes(title, headers, rows), content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{basename}-{stamp}.xlsx"'
    return response
