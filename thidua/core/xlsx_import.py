"""Excel import shared by every kind of data: read the sheet, find the header row, parse cells,
collect every problem by row, and write all rows in one transaction or none.

``read_rows`` finds the header row wherever it stands (official templates put a merged title and
blank rows above it), matches headers ignoring case, diacritics, spacing and punctuation, and
returns the non-blank rows with their cells normalised. Each kind of import is a ``Spec``: its
columns, the checks that need the whole file or the database, and how a row is written. All rows
are checked before anything is written, so one bad row leaves the database untouched and the user
sees every error at once.
"""
import re
import zipfile
from dataclasses import dataclass
from datetime import date, datetime
from io import BytesIO

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from .text import normalize, normalize_spacing

HEADER_SEARCH_ROWS = 20
IGNORED_HEADERS = {"stt"}  # the row counter official templates start with
MAX_EXPANSION = 20  # an xlsx is a zip: refuse one that would unpack far beyond the upload limit
_DATE = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
_YES_NO = {"co": True, "x": True, "1": True, "khong": False, "0": False}


class ImportRejected(Exception):
    """Nothing was written; ``errors`` are the messages to show."""

    def __init__(self, errors):
        super().__init__(errors)
        self.errors = [str(error) for error in errors]


class CellError(Exception):
    """A cell's value is unusable; ``message`` names the column through ``%(column)s``."""

    def __init__(self, message, **params):
        super().__init__(message)
        self.message, self.params = message, params


def match_key(value):
    """How headers and listed values are compared: "Mã xã / Phường*" → "ma xa phuong"."""
    return re.sub(r"[^a-z0-9]+", " ", normalize(value)).strip()


# Parsers turn one non-blank cell into a field value or raise CellError; ``hint`` is how the
# template's guide sheet tells the user to fill the column.

def text(value):
    return value.strftime("%d/%m/%Y") if isinstance(value, date) else str(value)


def yes_no(value):
    found = value if isinstance(value, bool) else _YES_NO.get(match_key(text(value)))
    if found is None:
        raise CellError(_("%(column)s chỉ nhận Có hoặc Không."))
    return found


def a_date(value):
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    match = _DATE.match(text(value))
    try:
        return date(int(match[3]), int(match[2]), int(match[1]))
    except (TypeError, ValueError):
        raise CellError(_("%(column)s “%(value)s” không phải ngày hợp lệ; hãy ghi dạng dd/mm/yyyy."),
                        value=value) from None


def past_date(value):
    if (found := a_date(value)) > timezone.localdate():
        raise CellError(_("%(column)s không được ở tương lai."))
    return found


text.hint = ""
yes_no.hint = _("Có hoặc Không; để trống là Không.")
a_date.hint = past_date.hint = _("Ngày dạng dd/mm/yyyy, hoặc ô kiểu Ngày của Excel.")


class Choice:
    """One of ``options`` (code, label), given by its code, its label, or the label cut before a
    bracket or comma ("Thành viên", "Viên chức"). Labels are read per file, so they follow the
    active language."""

    hint = _("Tên hoặc mã theo danh sách bên dưới.")

    def __init__(self, options):
        self._options = options

    def options(self):
        return self._options() if callable(self._options) else self._options

    def __call__(self, value):
        lookup = {}
        for code, label in self.options():
            aliases = [code, re.split(r"[(,]", str(label))[0], label]
            aliases += [int(code)] if str(code).isdigit() else []  # "01" typed as the number 1
            lookup.update((match_key(alias), code) for alias in aliases)
        try:
            return lookup[match_key(text(value))]
        except KeyError:
            raise CellError(_("%(column)s “%(value)s” không có trong danh sách cho phép (xem trang "
                              "Hướng dẫn của tệp mẫu)."), value=value) from None


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    parse: object = text
    required: bool = False
    hint: str = ""

    @property
    def header(self):
        return f"{self.label}*" if self.required else str(self.label)


def open_workbook(upload):
    """The uploaded workbook, judged by its size and content, never by its name."""
    limit = settings.THIDUA_IMPORT_MAX_BYTES
    too_big = ImportRejected([_("Tệp quá lớn (%(size)s); chỉ nhận tệp đến %(limit)s.") % {
        "size": filesizeformat(upload.size), "limit": filesizeformat(limit)}])
    if upload.size > limit:
        raise too_big
    data = BytesIO(upload.read())
    try:
        with zipfile.ZipFile(data) as archive:
            if "[Content_Types].xml" not in archive.namelist():
                raise ValueError("not an Office Open XML package")
            if sum(member.file_size for member in archive.infolist()) > limit * MAX_EXPANSION:
                raise too_big
        return load_workbook(data, data_only=True)
    except ImportRejected:
        raise
    except Exception:  # zipfile and openpyxl raise many kinds on foreign or broken content
        raise ImportRejected([_("Tệp không phải bảng tính Excel .xlsx. Hãy mở tệp bằng Excel và "
                                "lưu lại dạng “Excel Workbook (.xlsx)”.")]) from None


def _cell(value):
    if isinstance(value, str):
        return normalize_spacing(value) or None
    return int(value) if isinstance(value, float) and value.is_integer() else value


def _find_header(rows, columns):
    """(row index, {column index: Column}) of the row that matches the most known headers."""
    by_key = {match_key(column.label): column for column in columns}
    names = [[match_key(cell) if cell is not None else "" for cell in cells] for cells in rows]
    best = max(range(len(rows)), key=lambda i: sum(n in by_key for n in names[i]), default=None)
    if best is None or not any(name in by_key for name in names[best]):
        raise ImportRejected([_("Không tìm thấy dòng tiêu đề. Dòng tiêu đề cần có các cột: "
                                "%(columns)s.") % {"columns": ", ".join(c.header for c in columns)}])
    mapping, unknown = {}, []
    for index, name in enumerate(names[best]):
        if by_key.get(name) and by_key[name] not in mapping.values():
            mapping[index] = by_key[name]
        elif name and name not in IGNORED_HEADERS:
            unknown.append(str(rows[best][index]))
    missing = [str(c.label) for c in columns if c.required and c not in mapping.values()]
    if missing or unknown:
        parts = [_("Tiêu đề cột ở dòng %(row)s không khớp mẫu.") % {"row": best + 1}]
        if missing:
            parts.append(_("Thiếu cột bắt buộc: %(names)s.") % {"names": ", ".join(missing)})
        if unknown:
            parts.append(_("Cột không nhận ra hoặc bị lặp: %(names)s.") % {"names": ", ".join(unknown)})
        raise ImportRejected([" ".join(parts + [str(_("Hãy dùng tệp mẫu, giữ nguyên tiêu đề cột."))])])
    return best, mapping


def read_rows(workbook, columns):
    """[(row number as Excel shows it, {column key: value})] for the non-blank rows under the
    header. A merged cell lends its value to every row it spans; a row with no value of its own
    (only merged ones, such as the lower half of a two-line header) counts as blank."""
    sheet = workbook.worksheets[0]
    merged = {}
    for cells in sheet.merged_cells.ranges:
        value = _cell(sheet.cell(cells.min_row, cells.min_col).value)
        merged.update(((row, col), value) for row, col in cells.cells)
    rows = [tuple(_cell(value) for value in cells) for cells in sheet.iter_rows(values_only=True)]
    header, mapping = _find_header(rows[:HEADER_SEARCH_ROWS], columns)
    result = []
    for number, cells in enumerate(rows[header + 1:], start=header + 2):
        own = {index: cells[index] for index in mapping if index < len(cells)}
        if any(value is not None for value in own.values()):
            result.append((number, {column.key: merged.get((number, index + 1)) if own.get(index)
                                    is None else own[index] for index, column in mapping.items()}))
    return result


class Problems(list):
    """(row, "Dòng 12: …") pairs, shown in row order; ``rows`` are those with a problem."""

    def __init__(self):
        super().__init__()
        self.rows = set()

    def add(self, row, message, **params):
        self.rows.add(row)
        self.append((row, _("Dòng %(row)s: %(message)s") % {"row": row, "message": message % params}))

    def messages(self):
        return [message for _row, message in sorted(self, key=lambda item: item[0])]


class Spec:
    """One kind of import. Subclasses give ``columns``, ``prepare`` (the database lookups for the
    whole file, done once), ``build`` (one row into unsaved instances) and ``save``."""

    slug = title = intro = done = ""
    columns = ()
    do_not_call_in_templates = True  # the import page lists the spec classes themselves

    def __init__(self, unit, user):
        self.unit, self.user = unit, user
        self.labels = {column.key: str(column.label) for column in self.columns}

    def check(self, rows):
        """[(row number, item)] ready to save; or ImportRejected with every problem found."""
        problems = Problems()
        parsed = [(number, self.parse(number, raw, problems)) for number, raw in rows]
        self.prepare([values for _number, values in parsed])
        items = [(number, self.build(number, values, problems)) for number, values in parsed]
        if problems or not items:
            raise ImportRejected(problems.messages() or [_("Tệp không có dòng dữ liệu nào.")])
        return items

    def parse(self, number, raw, problems):
        values = {}
        for column in self.columns:
            values[column.key] = None
            if raw.get(column.key) is None:
                if column.required:
                    problems.add(number, _("%(column)s không được để trống."), column=column.label)
                continue
            try:
                values[column.key] = column.parse(raw[column.key])
            except CellError as error:
                problems.add(number, error.message, column=column.label, **error.params)
        return values

    @staticmethod
    def fields(values, names):
        """Model keyword arguments; blank cells are left out so that model defaults apply."""
        return {name: values[name] for name in names if values[name] is not None}

    def validate(self, number, instance, problems, exclude=()):
        """The model's own checks (lengths, formats) for a row that has no error so far."""
        if number in problems.rows:
            return
        try:
            instance.full_clean(exclude=exclude, validate_unique=False, validate_constraints=False)
        except ValidationError as error:
            for field, messages in error.message_dict.items():
                label = self.labels.get(field)
                for message in messages:  # named once: "Mã số thuế gồm 10 chữ số…" needs no prefix
                    named = label and not match_key(message).startswith(match_key(label))
                    problems.add(number, "%(column)s: %(error)s" if named else "%(error)s",
                                 column=label, error=message)

    def unique(self, number, key, value, seen, taken, problems, shown=None):
        """Note ``value`` as first met on this row, unless an earlier row or the database has it."""
        params = {"column": self.labels[key], "value": shown or value}
        if value in seen:
            problems.add(number, _("%(column)s %(value)s trùng với dòng %(first)s."),
                         first=seen[value], **params)
        elif value in taken:
            problems.add(number, _("%(column)s %(value)s đã có trong hệ thống."), **params)
        else:
            seen[value] = number

    def in_scope(self, number, key, code, known, perm, problems):
        """The unit ``code`` if it lies in the subtree of the import's unit and the user holds
        ``perm`` there; else None, with the reason noted."""
        if (found := known.get(code)) is None:
            message = _("%(column)s %(value)s không có trong hệ thống.")
        elif not (found.path.startswith(self.unit.path) and self.user.has_perm(perm, found)):
            message = _("%(column)s %(value)s không thuộc phạm vi %(unit)s.")
        else:
            return found
        problems.add(number, message, column=self.labels[key], value=code, unit=self.unit.name)


def run_import(spec, upload):
    """Check every row of ``upload`` against ``spec``, then write them all in one transaction;
    returns the number written. Raises ImportRejected, having written nothing."""
    items = spec.check(read_rows(open_workbook(upload), spec.columns))
    with transaction.atomic():
        for number, item in items:
            try:
                spec.save(item)
            except (PermissionDenied, ValidationError, IntegrityError) as error:
                # The checks mirror the services' own; this catches what they cannot see, such as
                # a permission held without its subtree, or a key added by someone meanwhile.
                problems = Problems()
                problems.add(number, "%(error)s", error=_(
                    "không ghi được (dữ liệu trùng vừa được nhập); hãy thử lại.")
                    if isinstance(error, IntegrityError) else " ".join(
                        getattr(error, "messages", None) or [str(error)]))
                raise ImportRejected(problems.messages()) from error
    return len(items)


def template_workbook(columns):
    """A blank template: the header row (required columns marked *) on the first sheet, then a
    "Hướng dẫn" sheet saying how to fill each column and listing what the coded columns accept."""
    book = Workbook()
    sheet = book.active
    sheet.title = gettext("Danh sách")
    sheet.append([column.header for column in columns])
    sheet.freeze_panes = "A2"
    dates = (a_date, past_date)
    for index, column in enumerate(columns, start=1):
        sheet.cell(1, index).font = Font(bold=True)
        dimension = sheet.column_dimensions[get_column_letter(index)]
        dimension.width = max(14, len(column.header) + 4)
        # Cells typed as text keep the leading zeros of codes and citizen IDs.
        dimension.number_format = "DD/MM/YYYY" if column.parse in dates else "@"
    guide = book.create_sheet(gettext("Hướng dẫn"))
    guide.column_dimensions["A"].width, guide.column_dimensions["C"].width = 28, 100
    guide.append([gettext("Điền từ dòng 2 của trang “%(sheet)s”, giữ nguyên dòng tiêu đề; cột có dấu * "
                    "là bắt buộc.") % {"sheet": sheet.title}])
    guide.append([])
    guide.append([gettext("Cột"), gettext("Bắt buộc"), gettext("Cách ghi")])
    headings = [1, guide.max_row]
    for column in columns:
        guide.append([str(column.label), gettext("Có") if column.required else "",
                      str(column.hint or column.parse.hint)])
    for column in columns:
        if isinstance(column.parse, Choice):
            guide.append([])
            guide.append([gettext("Giá trị của cột “%(column)s” (ghi tên hoặc mã)")
                          % {"column": column.label}])
            headings.append(guide.max_row)
            guide.append([gettext("Mã"), gettext("Tên")])
            for code, label in column.parse.options():
                guide.append([str(code), str(label)])
    for number in headings:
        for cell in guide[number]:
            cell.font = Font(bold=True)
    buffer = BytesIO()
    book.save(buffer)
    return buffer.getvalue()
