"""Excel output shared by every list and by the import templates.

Lists are written in openpyxl's write-only mode, so an export of 100,000 rows streams instead of
building the sheet in memory. Cells keep their types: dates are Excel dates shown dd/mm/yyyy,
numbers are numbers. The header row is bold and frozen, columns are as wide as their content
(judged on the first rows). Lists officials file or print take ``organization``: the sheet then
opens with the statutory-looking title block (organisation, title, date of export).

Every cell goes through ``_cell`` or ``put`` (the statutory forms and the import templates too), so
no export can carry a live formula: text whose first non-blank character is ``= + - @``, or that
begins with a tab or carriage return, is written as a string cell with Excel's quote prefix (what
typing ``'`` before it does), never as a formula (the OWASP CSV-injection rule). The text itself is
kept exactly as stored, so a re-import reads back what was exported.
"""
import re
from datetime import date, datetime
from decimal import Decimal
from io import BytesIO
from itertools import chain, islice

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from .xlsx_import import Choice, a_date, past_date

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DATE_FORMAT, DATETIME_FORMAT = "DD/MM/YYYY", "DD/MM/YYYY HH:MM"
WIDTH_SAMPLE = 200  # rows looked at to size the columns
MIN_WIDTH, MAX_WIDTH = 10, 60
BOLD = Font(bold=True)
TITLE_ROWS = 4
FORMULA_STARTS = ("=", "+", "-", "@")
CONTROL_STARTS = ("\t", "\r")


def looks_like_formula(text):
    """Whether a spreadsheet could read ``text`` as a formula (OWASP CSV-injection rule)."""
    return text.startswith(CONTROL_STARTS) or text.lstrip().startswith(FORMULA_STARTS)


def _as_text(cell, value):
    """Keep a string that could be read as a formula a plain, quote-prefixed string cell."""
    if isinstance(value, str) and looks_like_formula(value):
        cell.data_type = "s"
        cell.quotePrefix = True


def put(cell, value):
    """Write ``value`` into an ordinary (not write-only) cell the way every export does."""
    value, number_format = _value(value)
    cell.value = value
    _as_text(cell, value)
    if number_format:
        cell.number_format = number_format
    return cell


def _value(value):
    """(cell value, number format) keeping dates and numbers typed."""
    if isinstance(value, bool):
        return gettext("Có") if value else gettext("Không"), None
    if isinstance(value, datetime):
        if timezone.is_aware(value):  # Excel has no time zones: write local time
            value = timezone.make_naive(value)
        return value, DATETIME_FORMAT
    if isinstance(value, date):
        return value, DATE_FORMAT
    if value is None or isinstance(value, (int, float, Decimal)):
        return value, None
    return str(value), None


def _shown_width(value, number_format):
    if number_format:
        return len(number_format)
    text = "" if value is None else str(value)
    return max((len(line) for line in text.splitlines()), default=0)


def _cell(sheet, value, font=None, alignment=None):
    value, number_format = _value(value)
    cell = WriteOnlyCell(sheet, value=value)
    _as_text(cell, value)
    if number_format:
        cell.number_format = number_format
    if font:
        cell.font = font
    if alignment:
        cell.alignment = alignment
    return cell


def _title_block(sheet, organization, title, width):
    """Organisation (top left, bold), the title (bold, upper case, centred across the table) and
    the date of export, then a blank row: ``TITLE_ROWS`` rows."""
    centred = Alignment(horizontal="centerContinuous", vertical="center", wrap_text=False)

    def across(value, font):
        return [_cell(sheet, value, font, centred)] + [
            _cell(sheet, None, None, centred) for _ in range(width - 1)]

    sheet.append([_cell(sheet, str(organization).upper(), BOLD)])
    sheet.append(across(str(title).upper(), Font(bold=True, size=13)))
    today = timezone.localdate().strftime("%d/%m/%Y")
    sheet.append(across(gettext("(Xuất ngày %(date)s)") % {"date": today}, Font(italic=True)))
    sheet.append([])


def workbook_bytes(title, headers, rows, organization=None):
    """An .xlsx of one sheet named ``title``: optional title block, bold frozen header, rows."""
    rows = iter(rows)
    sample = list(islice(rows, WIDTH_SAMPLE))
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=re.sub(r"[\\/?*\[\]:]", "-", str(title))[:31])
    widths = [len(str(header)) + 2 for header in headers]
    for row in sample:
        for index, value in enumerate(row[:len(widths)]):
            widths[index] = max(widths[index], _shown_width(*_value(value)) + 2)
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = min(max(width, MIN_WIDTH),
                                                                      MAX_WIDTH)
    sheet.freeze_panes = f"A{TITLE_ROWS + 2 if organization else 2}"  # before any row is written
    if organization:
        _title_block(sheet, organization, title, len(headers))
    wrap = Alignment(vertical="center", wrap_text=True)
    sheet.append([_cell(sheet, header, BOLD, wrap) for header in headers])
    for row in chain(sample, rows):
        sheet.append([_cell(sheet, value) for value in row])
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def xlsx_response(basename, title, headers, rows, organization=None):
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    response = HttpResponse(workbook_bytes(title, headers, rows, organization),
                            content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{basename}-{stamp}.xlsx"'
    return response


def _append(sheet, values):
    sheet.append(values)
    for cell in sheet[sheet.max_row]:
        _as_text(cell, cell.value)


def template_workbook(columns):
    """A blank import template: the header row (required columns marked *) on the first sheet,
    then a "Hướng dẫn" sheet saying how to fill each column and listing what the coded columns
    accept."""
    book = Workbook()
    sheet = book.active
    sheet.title = gettext("Danh sách")
    _append(sheet, [column.header for column in columns])
    sheet.freeze_panes = "A2"
    dates = (a_date, past_date)
    for index, column in enumerate(columns, start=1):
        sheet.cell(1, index).font = BOLD
        dimension = sheet.column_dimensions[get_column_letter(index)]
        dimension.width = max(14, len(column.header) + 4)
        # Cells typed as text keep the leading zeros of codes and citizen IDs.
        dimension.number_format = DATE_FORMAT if column.parse in dates else "@"
    guide = book.create_sheet(gettext("Hướng dẫn"))
    guide.column_dimensions["A"].width, guide.column_dimensions["C"].width = 28, 100
    _append(guide, [gettext("Điền từ dòng 2 của trang “%(sheet)s”, giữ nguyên dòng tiêu đề; cột có "
                          "dấu * là bắt buộc.") % {"sheet": sheet.title}])
    guide.append([])
    _append(guide, [gettext("Cột"), gettext("Bắt buộc"), gettext("Cách ghi")])
    headings = [1, guide.max_row]
    for column in columns:
        _append(guide, [str(column.label), gettext("Có") if column.required else "",
                      str(column.hint or column.parse.hint)])
    for column in columns:
        if isinstance(column.parse, Choice):
            guide.append([])
            _append(guide, [gettext("Giá trị của cột “%(column)s” (ghi tên hoặc mã)")
                          % {"column": column.label}])
            headings.append(guide.max_row)
            _append(guide, [gettext("Mã"), gettext("Tên")])
            for code, label in column.parse.guide_rows():
                _append(guide, [str(code), str(label)])
    for number in headings:
        for cell in guide[number]:
            cell.font = BOLD
    buffer = BytesIO()
    book.save(buffer)
    return buffer.getvalue()
