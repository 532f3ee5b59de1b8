"""Finding and reading the nominee table of a Word file, as lower units really write it.

A list table is one whose header row (in its first rows) names the nominee column (“Họ và tên”,
“Tên tập thể” …) and at least one other known column; headers are compared ignoring accents, case,
spacing and punctuation. Around that: a second header row under merged cells (“Năm sinh” over
“Nam | Nữ”, “(1) (2) (3)” numbering), section rows (“I. Cá nhân”, “II. Tập thể”), rows grouping
nominees under an award (“Danh hiệu Chiến sĩ thi đua cơ sở”), “Tổng cộng” rows, and cells merged
down over several rows (python-docx repeats a merged cell in every row and column it covers).
"""
import re
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from thidua.core.text import normalize_spacing
from thidua.core.xlsx_import import match_key

HEADER_ROWS = 4
_NUMBERING = re.compile(r"^\(?(\d{1,2}|[a-z])\)?$")
_SECTION = re.compile(r"^(?:[ivxl]+|[a-e]|\d{1,2})\s+(.*)$")
_KINDS = (("ho gia dinh", "HOUSEHOLD"), ("ca nhan", "INDIVIDUAL"), ("tap the", "COLLECTIVE"))
_TOTALS = ("tong cong", "tong so", "cong")


def column_key(text):
    """The field a header cell names, or None."""
    key = match_key(text)
    words = set(key.split())
    if key in {"stt", "tt", "so tt", "so thu tu"}:
        return "seq"
    if key.startswith(("ho va ten", "ho ten", "ten tap the", "ten ca nhan", "tap the ca nhan",
                       "ca nhan tap the", "ten doi tuong")) or key == "doi tuong" or (
            key.startswith("ten ") and "tap the" in key):
        return "name"
    if "chuc vu" in key or "chuc danh" in key:
        unit = "don vi" in key or "co quan" in key or "noi cong tac" in key
        return "position_unit" if unit else "position"
    if "sinh" in words:
        return "birth"
    if "gioi tinh" in key:
        return "gender"
    if "thanh tich" in key:
        return "achievement"
    if ("hinh thuc" in key or "danh hieu" in key or "khen thuong" in key) and "ma " not in key:
        return "award"
    if "don vi" in key or "co quan" in key or "noi cong tac" in key:
        return "unit"
    if key == "ghi chu":
        return "note"
    return None


def section_kind(text):
    """INDIVIDUAL / COLLECTIVE / HOUSEHOLD for a heading such as “II. TẬP THỂ”, else None."""
    match = _SECTION.match(match_key(text))
    rest = match[1] if match else match_key(text)
    for start, kind in _KINDS:
        if rest == start or rest.startswith(start + " ") and len(rest) < len(start) + 20:
            return kind
    return None


def is_total(text):
    key = match_key(text)
    return key in _TOTALS or key.startswith(("tong cong ", "tong so ", "cong "))


@dataclass
class Grid:
    """A table as rows of cells; ``cells[r][c]`` is (cell identity, text)."""

    number: int
    cells: list
    table: object = None

    @classmethod
    def of(cls, table, number):
        """python-docx rebuilds the whole grid for every ``row.cells``; reading the grid once
        (``_cells``, which resolves merges) keeps a 500-row table linear."""
        cells, width = table._cells, table._column_count
        rows = [[(cell._tc, normalize_spacing(cell.text)) for cell in cells[start:start + width]]
                for start in range(0, len(cells), width)]
        return cls(number, rows, table)

    @property
    def width(self):
        return max((len(row) for row in self.cells), default=0)

    def lines(self):
        """Every paragraph of every cell, once (merged cells repeat), in reading order."""
        seen, lines = set(), []
        for cell in self.table._cells:
            if id(cell._tc) in seen:
                continue
            seen.add(id(cell._tc))
            lines += [text for p in cell.paragraphs if (text := normalize_spacing(p.text))]
        return lines


@dataclass
class Header:
    row: int  # index of the last header row
    keys: list  # field per column (None for columns not read)
    kind: str = ""  # the subject kind the name column implies

    @property
    def layout(self):
        return tuple(self.keys)


def _distinct(row):
    """The row's cells without the repeats a horizontal merge produces: [(column, tc, text)]."""
    result, previous = [], None
    for index, (tc, text) in enumerate(row):
        if tc is not previous:
            result.append((index, tc, text))
        previous = tc
    return result


def _name_kind(text):
    """The subject kind a name header implies; "" for a mixed list (“Họ và tên / Tên tập thể”),
    whose rows are then told apart by their names."""
    key = match_key(text)
    person = key.startswith(("ho va ten", "ho ten")) or "ca nhan" in key
    collective = "tap the" in key or "don vi" in key
    if person != collective:
        return "INDIVIDUAL" if person else "COLLECTIVE"
    return ""


def find_header(grid):
    """The list header of ``grid`` or None when the table is not a nominee list."""
    for index, row in enumerate(grid.cells[:HEADER_ROWS]):
        keys = [None] * len(row)
        kind = ""
        for column, _tc, text in _distinct(row):
            keys[column] = column_key(text)
            if keys[column] == "name":
                kind = _name_kind(text)
        found = set(keys) - {None, "seq", "note"}
        if "name" in found and len(found) >= 2:
            header = Header(index, keys, kind)
            _second_header_row(grid, header)
            return header
    return None


def _second_header_row(grid, header):
    """Read a sub-header row under merged header cells (“Nam | Nữ” under “Năm sinh”, or the
    real names under a merged group title), then skip a “(1) (2) (3)” numbering row."""
    above = grid.cells[header.row]
    for _round in range(2):
        if header.row + 1 >= len(grid.cells):
            return
        row = grid.cells[header.row + 1]
        own = [(c, tc, text) for c, tc, text in _distinct(row)
               if text and c < len(above) and tc is not above[c][0]]
        if not own:
            return
        if all(_NUMBERING.match(match_key(text)) for _c, _tc, text in own):
            header.row += 1
            return
        sub = {c: (match_key(text), column_key(text)) for c, _tc, text in own}
        if not all(key in {"nam", "nu"} or found for key, found in sub.values()):
            return
        for column, (key, found) in sub.items():
            if key in {"nam", "nu"} and header.keys[column] in {"birth", None}:
                header.keys[column] = "birth_male" if key == "nam" else "birth_female"
            elif found:
                header.keys[column] = found
        header.row += 1
        above = row


@dataclass
class ListRow:
    """One nominee as written, with where it stands (for messages)."""

    table: int
    line: int
    values: dict
    kind: str
    group_award: str = ""
    notes: list = field(default_factory=list)


@dataclass
class ListReader:
    """Reads the data rows of one list table (and its continuation tables)."""

    header: Header
    kind: str = ""
    table: int = 0
    group_award: str = ""
    rows: list = field(default_factory=list)
    skipped: list = field(default_factory=list)

    def read(self, grid, start, catalogue):
        keys = self.header.keys
        for line, row in enumerate(grid.cells[start:], start=start + 1):
            distinct = [(c, tc, text) for c, tc, text in _distinct(row) if text]
            if not distinct:
                continue
            if all(_NUMBERING.match(match_key(text)) for _c, _tc, text in distinct) and len(
                    distinct) > 1:
                continue
            values = {}
            for column, key in enumerate(keys):
                if key and column < len(row) and row[column][1] and key not in values:
                    values[key] = row[column][1]
            seq = values.get("seq", "")
            others = [text for column, _tc, text in distinct
                      if column >= len(keys) or keys[column] != "seq"]
            if not seq.isdigit() and len(others) <= 1:
                self._heading(" ".join([seq, *others]).strip(), grid.number, line, catalogue)
                continue
            if not others or is_total(values.get("name", "") or others[0]):
                continue
            if not values.get("name"):
                self.skipped.append(_("bảng %(table)s, dòng %(line)s: không có tên người hoặc tập "
                                      "thể, đã bỏ qua") % {"table": grid.number, "line": line})
                continue
            self.rows.append(ListRow(grid.number, line, values, self.kind or self.header.kind,
                                     self.group_award))

    def _heading(self, text, table, line, catalogue):
        """A row of one merged cell: a section, an award group, a total, or something unknown."""
        award_type = catalogue.resolve(text)
        if award_type is not None:
            self.group_award = award_type.code
            if len(award_type.subject_kinds or []) == 1:
                self.kind = award_type.subject_kinds[0]
            return
        kind = section_kind(text)
        if kind:
            self.kind, self.group_award = kind, ""
        elif not is_total(text):
            self.skipped.append(_("bảng %(table)s, dòng %(line)s: “%(text)s” không phải dòng "
                                  "danh sách, đã bỏ qua") % {"table": table, "line": line,
                                                            "text": text[:80]})
