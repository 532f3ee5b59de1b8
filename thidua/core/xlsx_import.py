"""Excel import shared by every kind of data: parse cells, collect every problem by row, show a
preview, and write all rows in one transaction or none.

``xlsx_sheet.read_table`` finds the header row and the data rows of a real-world sheet. Each kind of
import is a ``Spec``: its columns, the checks that need the whole file or the database, and how a
row is written. ``preview`` checks every row before anything is written and says, row by row, what
would be done or what is wrong; ``commit`` takes the rows the preview read, checks them again (the
database may have changed since the preview) and writes everything in one transaction, so one bad row leaves the database untouched and
the user sees every error at once.
"""
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cached_property

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from openpyxl.utils.datetime import from_excel

from .xlsx_sheet import SECTION, Formula, ImportRejected, match_key, read_table

PREVIEW_ROWS = 500
EXCEL_SERIALS = range(1, 2958466)  # 01/01/1900 … 31/12/9999 as Excel day numbers
_DATE = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
_YES_NO = {"co": True, "x": True, "1": True, "khong": False, "0": False}


class CellError(Exception):
    """A cell's value is unusable; ``message`` names the column through ``%(column)s``."""

    def __init__(self, message, **params):
        super().__init__(message)
        self.message, self.params = message, params


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
    if isinstance(value, int) and value in EXCEL_SERIALS:  # a date cell formatted as a number
        return from_excel(value).date()
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


def a_year(value):
    if str(value).isdigit() and 1900 <= int(value) <= 2100:
        return int(value)
    raise CellError(_("%(column)s “%(value)s” không phải năm hợp lệ."), value=value)


text.hint = ""
a_year.hint = _("Năm, ví dụ 2025.")
yes_no.hint = _("Có hoặc Không; để trống là Không.")
a_date.hint = past_date.hint = _("Ngày dạng dd/mm/yyyy, hoặc ô kiểu Ngày của Excel.")


class Choice:
    """One of ``options`` (code, label), given by its code, its label, or the label cut before a
    bracket or comma ("Thành viên", "Viên chức"). The options are read once per file and
    language (``Spec.review`` calls ``forget``), so labels follow the active language and
    catalogue edits show in the next file."""

    hint = _("Tên hoặc mã theo danh sách bên dưới.")

    def __init__(self, options):
        self._options = options
        self._lookups = {}

    def options(self):
        return self._options() if callable(self._options) else self._options

    def guide_rows(self):
        """(value, meaning) rows the template's guide sheet lists for the column."""
        return self.options()

    def aliases(self, code, label):
        """What a cell may hold to mean ``code``."""
        found = [code, re.split(r"[(,]", str(label))[0], label]
        return found + ([int(code)] if str(code).isdigit() else [])  # "01" typed as the number 1

    def value(self, code):
        """What the column's parsed value is for ``code``."""
        return code

    def forget(self):
        self._lookups = {}

    def lookup(self):
        language = get_language()
        if language not in self._lookups:
            self._lookups[language] = {
                match_key(alias): self.value(code)
                for code, label in self.options() for alias in self.aliases(code, label)}
        return self._lookups[language]

    def __call__(self, value):
        try:
            return self.lookup()[match_key(text(value))]
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
    aliases: tuple = ()  # other headers meaning this column in the official layouts

    @property
    def header(self):
        return f"{self.label}*" if self.required else str(self.label)


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
    ignored = ()  # headers of the official layouts that this import reads past
    do_not_call_in_templates = True  # the import page lists the spec classes themselves
    staged = False  # see review

    def __init__(self, unit, user):
        self.unit, self.user = unit, user
        self.labels = {column.key: str(column.label) for column in self.columns}

    def review(self, table, staged=False):
        """The Preview of ``table``'s rows: each one checked, nothing written. ``staged`` rows are
        a preview's, kept on the server (``staging``): their cells passed the model's field checks
        then and cannot have changed since, so what is checked again is what depends on the
        database (see ``validate``)."""
        self.staged = staged
        for column in self.columns:
            if isinstance(column.parse, Choice):
                column.parse.forget()
        problems = Problems()
        parsed = [(number, self.parse(number, raw, problems)) for number, raw in table.rows]
        self.prepare([values for _number, values in parsed])
        items = [(number, self.build(number, values, problems)) for number, values in parsed]
        return Preview(self, table, problems, items)

    def save_all(self, items):
        """Write the checked [(row number, item)] (inside the import's transaction); a kind with
        a bulk service overrides this."""
        for number, item in items:
            try:
                self.save(item)
            except (PermissionDenied, ValidationError, IntegrityError) as error:
                # The checks mirror the services' own; this catches what they cannot see, such as
                # a permission held without its subtree, or a key added by someone meanwhile.
                raise write_failed(error, number) from error

    def describe(self, item):
        """What saving ``item`` will do, in a few words for the preview (e.g. who was matched)."""
        return ""

    def parse(self, number, raw, problems):
        values = {SECTION: raw.get(SECTION, "")}
        for column in self.columns:
            values[column.key] = None
            if raw.get(column.key) is None:
                if column.required:
                    problems.add(number, _("%(column)s không được để trống."), column=column.label)
                continue
            if isinstance(raw[column.key], Formula):
                problems.add(number, _(
                    "%(column)s là công thức %(formula)s nhưng tệp không lưu kết quả tính. Hãy "
                    "mở tệp bằng Excel rồi lưu lại, hoặc dán giá trị thay cho công thức."),
                    column=column.label, formula=raw[column.key])
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
        """The model's own checks (lengths, formats) for a row that has no error so far. A staged
        row's fields passed them in its preview; its ``clean()`` runs again, as it may complete
        the instance (a default membership…)."""
        if number in problems.rows:
            return
        if self.staged:
            exclude = [field.name for field in instance._meta.fields]
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
        elif not (found.is_within(self.unit) and self.user.has_perm(perm, found)):
            message = _("%(column)s %(value)s không thuộc phạm vi %(unit)s.")
        else:
            return found
        problems.add(number, message, column=self.labels[key], value=code, unit=self.unit.name)




@dataclass
class PreviewRow:
    number: int
    cells: list
    errors: list = field(default_factory=list)
    outcome: str = ""


class Preview:
    """What an import would do: every data row with its cells as read, its errors, and the
    items ready to save. ``ok`` when there is at least one row and no error."""

    def __init__(self, spec, table, problems, items):
        self.spec, self.table, self.items, self.problems = spec, table, items, problems
        self.columns = table.columns
        self.errors = problems.messages()
        if not items and not problems:
            self.errors = [str(_("Tệp không có dòng dữ liệu nào."))]

    @cached_property
    def rows(self):
        """The rows as the preview page shows them (the confirmation, which writes, needs none)."""
        by_row = {}
        for number, message in self.problems:
            by_row.setdefault(number, []).append(message)
        rows = [PreviewRow(number, [display(raw[c.key]) for c in self.columns],
                           by_row.get(number, [])) for number, raw in self.table.rows]
        if not self.errors:
            for row, (_number, item) in zip(rows, self.items, strict=True):
                row.outcome = self.spec.describe(item)
        return rows

    @property
    def error_rows(self):
        return len(self.problems.rows)

    @property
    def ok(self):
        return not self.errors

    def sample(self, limit=PREVIEW_ROWS):
        """At most ``limit`` rows in file order, those with errors first in line to be shown."""
        chosen = [row for row in self.rows if row.errors][:limit]
        chosen += [row for row in self.rows if not row.errors][:limit - len(chosen)]
        return sorted(chosen, key=lambda row: row.number)


def display(value):
    return "" if value is None else text(value)


def write_failed(error, number=None):
    """ImportRejected for a service's refusal at write time, on row ``number`` when known."""
    message = _("không ghi được (dữ liệu trùng vừa được nhập); hãy thử lại.") if isinstance(
        error, IntegrityError) else " ".join(getattr(error, "messages", None) or [str(error)])
    if number is None:
        return ImportRejected([message[:1].upper() + message[1:]])
    problems = Problems()
    problems.add(number, "%(error)s", error=message)
    return ImportRejected(problems.messages())


def preview(spec, data):
    """Check the workbook ``data`` against ``spec``; raises ImportRejected when the file itself
    cannot be used (not a workbook, no header …)."""
    return spec.review(read_table(data, spec.columns, spec.ignored))


def commit(spec, table):
    """Check the previewed ``table`` (staged by its preview) again against the database, which
    may have changed since, then write all its rows in one transaction; returns how many. Raises
    ImportRejected, having written nothing."""
    checked = spec.review(table, staged=True)
    if not checked.ok:
        raise ImportRejected(checked.errors)
    with transaction.atomic():
        spec.save_all(checked.items)
    return len(checked.items)
