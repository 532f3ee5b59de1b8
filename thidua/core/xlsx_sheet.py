"""Reading an uploaded spreadsheet the way officials fill them, without trusting it.

The upload is judged by its content and size: a password-protected workbook (an encrypted OLE
container), a legacy .xls, a zip bomb or a broken package is refused with a message saying what to
do. The workbook is then streamed (openpyxl read-only mode), so memory stays flat however many rows
it holds, and reading stops as soon as the row cap is passed.

The header row is looked for in the first rows of every visible sheet, matching column names
ignoring case, diacritics, spacing and punctuation; title rows above it are skipped. Under the
header, blank rows, total rows ("Tổng cộng") and section rows ("I. Cá nhân") are not data; a section
row's text travels with the rows under it. A merged cell lends its value to every row it spans.
A formula is read as the value Excel last computed; a formula cell without one (a file written by
a program that does not compute) is read as a ``Formula``, so the row says so instead of "empty".
"""
import json
import re
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from io import BytesIO
from itertools import islice

from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _
from openpyxl import load_workbook
from openpyxl.worksheet.cell_range import CellRange

from .text import normalize, normalize_spacing

HEADER_SEARCH_ROWS = 20
MAX_COLUMNS = 100
MAX_BLANK_RUN = 1000  # trailing formatted-but-empty rows: stop reading, do not scan a million
MAX_EXPANSION = 20  # an xlsx is a zip: refuse one that would unpack far beyond the upload limit
IGNORED_HEADERS = {"stt", "tt", "so tt", "so thu tu"}  # the row counter lists start with
SECTION = "_section"  # key of a row's section text ("I. Cá nhân") in the raw values
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ENCRYPTED_STREAM = "EncryptionInfo".encode("utf-16-le")  # directory entry of an encrypted package
_TOTAL = re.compile(r"^(tong cong|tong so|cong)\b|^tong$")
_SECTION = re.compile(r"^\s*[IVXLC]+\s*[.)/-]\s*\S")
_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\s+ref="([A-Z]+[0-9]+:[A-Z]+[0-9]+)"')
_FORMULA = re.compile(rb"<(?:\w+:)?f[ >/]")

NOT_XLSX = _("Tệp không phải bảng tính Excel .xlsx. Hãy mở tệp bằng Excel và lưu lại dạng "
             "“Excel Workbook (.xlsx)”.")
ENCRYPTED = _("Tệp đang được đặt mật khẩu nên không đọc được. Hãy mở tệp bằng Excel, gỡ mật khẩu "
              "(Tệp › Thông tin › Bảo vệ sổ làm việc › Mã hóa bằng mật khẩu, xóa mật khẩu), "
              "lưu lại rồi tải lên.")
CORRUPTED = _("Tệp Excel bị hỏng, không đọc được nội dung. Hãy mở tệp bằng Excel, lưu lại dạng "
              "“Excel Workbook (.xlsx)” rồi tải lên lại.")


class Formula(str):
    """The text of a formula whose result the file does not hold."""


class ImportRejected(Exception):
    """Nothing was written; ``errors`` are the messages to show."""

    def __init__(self, errors):
        super().__init__(errors)
        self.errors = [str(error) for error in errors]


def match_key(value):
    """How headers and listed values are compared: "Mã xã / Phường*" → "ma xa phuong"."""
    return re.sub(r"[^a-z0-9]+", " ", normalize(str(value))).strip()


def read_upload(upload):
    """The bytes of an uploaded workbook, refused unless it is a readable .xlsx of allowed size."""
    limit = settings.THIDUA_IMPORT_MAX_BYTES
    if upload.size > limit:
        raise ImportRejected([_("Tệp quá lớn (%(size)s); chỉ nhận tệp đến %(limit)s.") % {
            "size": filesizeformat(upload.size), "limit": filesizeformat(limit)}])
    data = upload.read()
    if data.startswith(OLE_MAGIC):  # Excel saves a password-protected .xlsx as an OLE container
        raise ImportRejected([ENCRYPTED if ENCRYPTED_STREAM in data else NOT_XLSX])
    try:
        with zipfile.ZipFile(BytesIO(data)) as archive:
            names = archive.namelist()
            expanded = sum(member.file_size for member in archive.infolist())
    except zipfile.BadZipFile:
        raise ImportRejected([CORRUPTED if data.startswith(b"PK") else NOT_XLSX]) from None
    if "[Content_Types].xml" not in names or "xl/workbook.xml" not in names:
        raise ImportRejected([NOT_XLSX])
    if expanded > limit * MAX_EXPANSION:
        raise ImportRejected([_(
            "Tệp chỉ %(size)s nhưng giải nén ra tới %(expanded)s, vượt giới hạn %(ceiling)s cho nội "
            "dung giải nén (tệp có thể là “bom nén”). Hãy mở tệp bằng Excel, xóa các trang và "
            "vùng ô không dùng, lưu lại rồi tải lên.") % {
                "size": filesizeformat(upload.size), "expanded": filesizeformat(expanded),
                "ceiling": filesizeformat(limit * MAX_EXPANSION)}])
    return data


def _cell(value):
    if isinstance(value, str):
        return normalize_spacing(value) or None
    return int(value) if isinstance(value, float) and value.is_integer() else value


@dataclass
class Table:
    """The data rows under the header: [(row number as Excel shows it, {column key: value})]."""

    rows: list = field(default_factory=list)
    header_row: int = 0
    sheet: str = ""
    columns: list = field(default_factory=list)  # the spec's columns found in the file, in order
    skipped: int = 0  # total rows left out

    def dumps(self):
        """The table as JSON, kept between the preview and "Xác nhận nhập" (``core.staging``)
        so that the commit checks the rows again without reading the workbook again. JSON and
        not pickle: the server reads the staged file back."""
        rows = [(number, {key: _encode(value) for key, value in values.items()})
                for number, values in self.rows]
        return json.dumps({"rows": rows, "header_row": self.header_row, "sheet": self.sheet,
                           "columns": [column.key for column in self.columns],
                           "skipped": self.skipped}).encode()

    @classmethod
    def loads(cls, data, columns):
        """The table ``dumps`` wrote, its columns taken from ``columns`` (the import's own)."""
        found = json.loads(data)
        by_key = {column.key: column for column in columns}
        return cls(rows=[(number, {key: _decode(value) for key, value in values.items()})
                         for number, values in found["rows"]],
                   header_row=found["header_row"], sheet=found["sheet"],
                   columns=[by_key[key] for key in found["columns"]], skipped=found["skipped"])


# The cell types openpyxl reads besides JSON's own, each as {tag: text}; order matters (a
# datetime is a date, a Formula a str).
_TYPES = (("formula", Formula, str, Formula), ("datetime", datetime, datetime.isoformat,
          datetime.fromisoformat), ("date", date, date.isoformat, date.fromisoformat),
          ("time", time, time.isoformat, time.fromisoformat),
          ("seconds", timedelta, timedelta.total_seconds, lambda s: timedelta(seconds=s)))


def _encode(value):
    for tag, kind, write, _parse in _TYPES:
        if isinstance(value, kind):
            return {tag: write(value)}
    return value


def _decode(value):
    if isinstance(value, dict):
        (tag, text), = value.items()
        return next(read for name, _kind, _write, read in _TYPES if name == tag)(text)
    return value


class Header:
    """Which column each header cell names. A column may be named by its label or an alias (the
    official layouts name the same thing differently); ``ignored`` headers are read past."""

    def __init__(self, columns, ignored=()):
        self.columns = columns
        self.keys = {}
        for column in columns:
            for name in (column.label, *column.aliases):
                self.keys.setdefault(match_key(name), column)
        self.ignored = IGNORED_HEADERS | {match_key(name) for name in ignored}

    def score(self, cells):
        return len({self.keys[key] for key in map(_key, cells) if key in self.keys})

    def best(self, rows):
        """Index of the row naming the most columns, or None."""
        scores = [self.score(cells) for cells in rows]
        best = max(range(len(rows)), key=scores.__getitem__, default=None)
        return best if best is not None and scores[best] else None

    def mapping(self, cells, number):
        """{Column: [cell indexes]} of the header row ``number``; or ImportRejected naming the
        missing, unknown and repeated columns."""
        mapping, seen, unknown = {}, set(), []
        for index, key in enumerate(map(_key, cells)):
            if key in self.keys and key not in seen:
                mapping.setdefault(self.keys[key], []).append(index)
                seen.add(key)
            elif key and key not in self.ignored:
                unknown.append(str(cells[index]))
        missing = [str(c.label) for c in self.columns if c.required and c not in mapping]
        if missing or unknown:
            parts = [_("Tiêu đề cột ở dòng %(row)s không khớp mẫu.") % {"row": number}]
            if missing:
                parts.append(_("Thiếu cột bắt buộc: %(names)s.") % {"names": ", ".join(missing)})
            if unknown:
                parts.append(_("Cột không nhận ra hoặc bị lặp: %(names)s.")
                             % {"names": ", ".join(unknown)})
            parts.append(_("Hãy dùng tệp mẫu, giữ nguyên tiêu đề cột."))
            raise ImportRejected([" ".join(str(part) for part in parts)])
        return mapping


def _key(cell):
    return match_key(cell) if isinstance(cell, str) else ""


def _two_headers(first, second):
    return ImportRejected([_(
        "Tệp có hai dòng tiêu đề (dòng %(first)s và dòng %(second)s). Hãy để một dòng tiêu đề duy "
        "nhất, ghi đủ tên các cột ở dòng đó, rồi tải lên lại.")
        % {"first": first, "second": second}])


def _top_rows(sheet):
    sheet.reset_dimensions()  # some writers record a wrong size; read what is there
    rows = sheet.iter_rows(values_only=True, max_col=MAX_COLUMNS)
    return [tuple(map(_cell, cells)) for cells in islice(rows, HEADER_SEARCH_ROWS)]


def _merges(sheet, first_row, indexes):
    """{(row, column index): (row, column index) of the value} for merged ranges that cover data
    cells of the mapped columns. Read-only worksheets expose no merged ranges, and mergeCells
    follow the rows in the sheet's XML, so the XML is scanned once more, as bytes (far cheaper than
    parsing it again)."""
    lent, pending = {}, b""
    with sheet._get_source() as source:
        while True:
            chunk = source.read(1 << 20)
            data = pending + chunk
            cut = data.rfind(b"<") if chunk else len(data)  # the last tag may continue
            for ref in _MERGE.findall(data, 0, cut):
                cells = CellRange(ref.decode())
                for row, col in cells.cells:
                    if row >= first_row and col - 1 in indexes and (row, col) != (
                            cells.min_row, cells.min_col):
                        lent[(row, col - 1)] = (cells.min_row, cells.min_col - 1)
            if not chunk:
                break
            pending = data[max(cut, 0):]
    return lent


def read_table(data, columns, ignored=()):
    """The data rows of the workbook ``data`` for ``columns``; ImportRejected when the file cannot
    be read, has no or two header rows, or more rows than ``THIDUA_IMPORT_MAX_ROWS``."""
    try:
        book = load_workbook(BytesIO(data), read_only=True, data_only=True)
    except Exception:  # zipfile and openpyxl raise many kinds on foreign or broken content
        raise ImportRejected([NOT_XLSX]) from None
    try:
        return _read(book, Header(columns, ignored), data)
    except ImportRejected:
        raise
    except Exception:  # a broken sheet shows only while streaming it
        raise ImportRejected([CORRUPTED]) from None
    finally:
        book.close()


def _read(book, header, data):
    sheets = [(sheet, _top_rows(sheet)) for sheet in book.worksheets
              if sheet.sheet_state == "visible"]
    found = [(header.score(top[index]), sheet, top, index) for sheet, top in sheets
             if (index := header.best(top)) is not None]
    if not found:
        raise ImportRejected([_("Không tìm thấy dòng tiêu đề. Dòng tiêu đề cần có các cột: "
                                "%(columns)s.") % {"columns": ", ".join(
                                    c.header for c in header.columns)}])
    _score, sheet, top, index = max(found, key=lambda candidate: candidate[0])
    mapping = header.mapping(top[index], index + 1)
    for other, cells in enumerate(top):
        if other != index and header.score(cells) >= 2:
            raise _two_headers(*sorted((index + 1, other + 1)))
    table = Table(header_row=index + 1, sheet=sheet.title,
                  columns=[c for c in header.columns if c in mapping])
    formulas = _formula_rows(data, sheet) if _scan(sheet, _FORMULA) else None
    raw = _data_rows(sheet, header, mapping, table, formulas)
    indexes = {i for found in mapping.values() for i in found}
    merges = _merges(sheet, table.header_row + 1, indexes) if raw else {}
    cells_at = {number: cells for number, cells, _section in raw} if merges else {}

    def value(number, cells, index):
        if (found := cells[index] if index < len(cells) else None) is None and (
                source := merges.get((number, index))):
            source_cells = cells_at.get(source[0], ())
            found = source_cells[source[1]] if source[1] < len(source_cells) else None
        return found

    for number, cells, section in raw:
        values = {SECTION: section}
        for column, found in mapping.items():
            values[column.key] = next((v for i in found if (v := value(number, cells, i))
                                       is not None), None)
        table.rows.append((number, values))
    return table


def _scan(sheet, pattern):
    """Whether the sheet's XML matches ``pattern`` (read as bytes, in chunks)."""
    pending = b""
    with sheet._get_source() as source:
        while chunk := source.read(1 << 20):
            if pattern.search(pending + chunk):
                return True
            pending = chunk[-16:]
    return False


def _formula_rows(data, sheet):
    """The sheet's rows once more, with formulas as their text (a second streamed read, done only
    for a sheet that has formulas); the book closes when the generator ends or is dropped."""
    book = load_workbook(BytesIO(data), read_only=True, data_only=False)
    try:
        again = book[sheet.title]
        again.reset_dimensions()
        yield from again.iter_rows(values_only=True, max_col=MAX_COLUMNS)
    finally:
        book.close()


def _with_formulas(cells, formulas):
    """``cells`` with each blank that holds a formula replaced by that ``Formula``."""
    return tuple(Formula(formula) if cell is None and isinstance(formula, str)
                 and formula.startswith("=") else cell
                 for cell, formula in zip(cells, formulas + (None,) * len(cells)))


def _data_rows(sheet, header, mapping, table, formulas=None):
    """[(row number, cells, section)] of the rows under the header that hold data."""
    limit = settings.THIDUA_IMPORT_MAX_ROWS
    indexes = sorted({i for found in mapping.values() for i in found})
    first = indexes[0]
    result, section, blank_run = [], "", 0
    rows = sheet.iter_rows(min_row=table.header_row + 1, values_only=True,
                           max_col=indexes[-1] + 1)  # nothing right of the last column is read
    if formulas is not None:
        formulas = islice(formulas, table.header_row, None)
    for number, cells in enumerate(rows, start=table.header_row + 1):
        cells = tuple(None if cell is None else _cell(cell) for cell in cells)
        if formulas is not None:
            cells = _with_formulas(cells, tuple(next(formulas, ())))
        filled = [cell for cell in cells if cell is not None]
        if not filled:
            blank_run += 1
            if blank_run > MAX_BLANK_RUN:
                break
            continue
        blank_run = 0
        if isinstance(filled[0], str) and _TOTAL.match(match_key(filled[0])):
            table.skipped += 1
            continue
        if len(set(filled)) == 1 and isinstance(filled[0], str) and _SECTION.match(filled[0]):
            section = filled[0]
            continue
        if all(i >= len(cells) or cells[i] is None for i in indexes):
            continue  # only a row counter or a note: a template row left empty
        if first < len(cells) and _key(cells[first]) in header.keys and header.score(cells) >= 2:
            raise _two_headers(table.header_row, number)
        result.append((number, cells, section))
        if len(result) > limit:
            raise ImportRejected([_(
                "Tệp có hơn %(limit)s dòng dữ liệu; mỗi lần chỉ nhập được tối đa %(limit)s dòng. "
                "Hãy chia danh sách thành nhiều tệp.") % {"limit": number_format(
                    limit, force_grouping=True)}])
    return result
