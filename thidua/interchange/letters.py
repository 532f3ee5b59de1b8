"""Reading one Word file: a tờ trình (its number, date, proposing unit, trích yếu, the awards it
asks for and its nominee table), an annex list, or an achievement report (its identity block and
the table of awards already received)."""
import re
import zipfile
from dataclasses import dataclass, field
from datetime import date
from io import BytesIO

import docx
from django.conf import settings
from django.utils.translation import gettext as _
from docx.table import Table

from thidua.core.text import normalize, normalize_spacing
from thidua.core.xlsx_import import match_key

from .docxlists import Grid, ListReader, find_header, section_kind

# Word 97–2003 files and every password-protected .docx are OLE compound files, not zips.
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
MAX_EXPANSION = 20
_REFERENCE = re.compile(r"S[ốỐoO]\s*[:.]?\s*(\d{1,5}\s*/\s*[^\s,;]+)")
_LONG_DATE = re.compile(r"ngay\s+(\d{1,2})\s+thang\s+(\d{1,2})\s+nam\s+(\d{4})")
_SHORT_DATE = re.compile(r"(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})")
_YEAR = re.compile(r"\b(19\d\d|20\d\d)\b")
_ASKS = re.compile(r"\b(?:tang|danh hieu|cong nhan)\s+(.+)")
_ASK_END = re.compile(r"\s+(?:cho|vi|nam \d{4}|doi voi)\s+|[;:(.]")
_DECISION = re.compile(r"(\d{1,5}\s*/\s*[^\s,;]+)")


class Unreadable(Exception):
    """The file cannot be used; ``messages`` say in Vietnamese what is wrong and where."""

    def __init__(self, messages):
        super().__init__(messages)
        self.messages = [str(message) for message in messages]


def open_document(name, data):
    """The python-docx Document of ``data`` or Unreadable naming the file."""
    if data.startswith(OLE_MAGIC):
        raise Unreadable([_("Tệp “%(name)s” có đặt mật khẩu hoặc là tệp Word 97–2003 (.doc): "
                            "hãy mở bằng Word, bỏ mật khẩu và lưu lại dạng Word (.docx).")
                          % {"name": name}])
    broken = Unreadable([_("Tệp “%(name)s” bị hỏng hoặc không phải tệp Word (.docx): hãy mở lại "
                           "bằng Word và lưu dạng “Word Document (.docx)”.") % {"name": name}])
    try:
        with zipfile.ZipFile(BytesIO(data)) as archive:
            unpacked = sum(member.file_size for member in archive.infolist())
            if "word/document.xml" not in archive.namelist():
                raise broken
        if unpacked > settings.THIDUA_UPLOAD_MAX_BYTES * MAX_EXPANSION:
            raise broken
        return docx.Document(BytesIO(data))
    except Unreadable:
        raise
    except Exception:  # zipfile, lxml and python-docx raise many kinds on broken content
        raise broken from None


def parse_date(text):
    """A date from “ngày 05 tháng 11 năm 2025” or “05/11/2025”, else None."""
    plain = normalize(text)
    match = _LONG_DATE.search(plain) or _SHORT_DATE.search(plain)
    if not match:
        return None
    try:
        return date(int(match[3]), int(match[2]), int(match[1]))
    except ValueError:
        return None


def parse_birth(text):
    """ISO date, or the year alone when only a year is written; "" when neither."""
    found = parse_date(text)
    if found:
        return found.isoformat()
    year = _YEAR.search(text or "")
    return year[1] if year else ""


@dataclass
class FileReading:
    name: str
    kind: str = "annex"  # letter, annex or report
    heading: list = field(default_factory=list)  # lines before the list, for the proposer
    reference: str = ""
    letter_date: date | None = None
    title: str = ""
    year: int | None = None
    award_codes: list = field(default_factory=list)
    rows: list = field(default_factory=list)
    notes: list = field(default_factory=list)
    identity: dict = field(default_factory=dict)
    past_awards: list = field(default_factory=list)


def read_file(name, data, catalogue):
    """Read one .docx; raises Unreadable for a broken file or one with two competing lists."""
    document = open_document(name, data)
    reading = FileReading(name)
    lines, tables, readers = [], [], []
    current, gap, headed, kind = None, False, False, ""
    for block in document.iter_inner_content():
        if not isinstance(block, Table):
            text = normalize_spacing(block.text)
            if text:
                lines.append(text)
                heading = section_kind(text)
                kind = heading or kind
                if current is not None:
                    current.kind = heading or current.kind
                    headed, gap = headed or bool(heading), gap or not heading
            continue
        grid = Grid.of(block, len(tables) + 1)
        tables.append(grid)
        header = find_header(grid)
        if header is None:
            if current and not gap and grid.width == len(current.header.keys):
                current.read(grid, 0, catalogue)  # continued on the next page without a header
            else:
                lines.extend(grid.lines())
            continue
        if current and not gap and header.layout == current.header.layout:
            current.read(grid, header.row + 1, catalogue)  # continued, header repeated
            continue
        if current and not headed:
            raise Unreadable([_("Tệp “%(name)s” có hai bảng đều giống danh sách đề nghị (bảng "
                                "%(first)s và bảng %(second)s). Hãy để mỗi danh sách trong một "
                                "tệp riêng, hoặc ghi tiêu đề mục (I. Cá nhân, II. Tập thể) trước "
                                "mỗi bảng.") % {"name": name, "first": current.table,
                                               "second": grid.number}])
        current = ListReader(header, kind=kind, table=grid.number)
        current.read(grid, header.row + 1, catalogue)
        readers.append(current)
        reading.heading = reading.heading or list(lines)
        gap = headed = False
    for reader in readers:
        reading.rows += reader.rows
        reading.notes += reader.skipped
    _describe(reading, lines, tables, catalogue)
    return reading


def _describe(reading, lines, tables, catalogue):
    keys = [match_key(line) for line in lines]
    if any(key.startswith("bao cao thanh tich") for key in keys[:15]) and not reading.rows:
        reading.kind = "report"
        _read_report(reading, lines, tables, catalogue)
        return
    if any(key == "to trinh" or key.startswith("to trinh ") for key in keys[:15]):
        reading.kind = "letter"
    reading.heading = reading.heading or lines[:12]
    for line in lines[:15]:
        if not reading.reference and (found := _REFERENCE.search(line)):
            reading.reference = re.sub(r"\s+", "", found[1]).rstrip(".")
        if not reading.letter_date and _LONG_DATE.search(normalize(line)):
            reading.letter_date = parse_date(line)
    for index, key in enumerate(keys):
        if key.startswith(("ve viec", "v v ", "de nghi")) and not reading.title:
            reading.title = lines[index]
        for found in _ASKS.finditer(normalize(lines[index])):
            award_type = catalogue.resolve(_ASK_END.split(found[1])[0])
            if award_type and award_type.code not in reading.award_codes:
                reading.award_codes.append(award_type.code)
    years = [_YEAR.search(normalize(line)) for line in [reading.title] + [
        line for line in lines if "thanh tich" in normalize(line)]]
    year = next((int(found[1]) for found in years if found), None)
    reading.year = year or (reading.letter_date.year if reading.letter_date else None)


_IDENTITY = {"ho ten": "name", "ho va ten": "name", "ten tap the": "name", "ten don vi": "name",
             "don vi cong tac": "unit", "chuc vu": "position", "gioi tinh": "gender"}


def _read_report(reading, lines, tables, catalogue):
    """The identity block (“- Họ tên: …”, “- Sinh ngày, tháng, năm: … Giới tính: …”, “- Đơn vị
    công tác: …”) and the tables “Năm | Danh hiệu / Hình thức | Số, ngày … quyết định …”."""
    identity = {}
    for index, line in enumerate(lines):
        label, _sep, value = line.lstrip("-–• ").partition(":")
        key = match_key(label)
        value = normalize_spacing(value)
        if key.startswith(("sinh ngay", "ngay sinh")):
            identity.setdefault("birth", parse_birth(value.split("Giới")[0]))
            gender = re.search(r"gioi tinh\s*:?\s*(nam|nu)\b", normalize(value))
            if gender:
                identity.setdefault("gender", "MALE" if gender[1] == "nam" else "FEMALE")
            continue
        for start, field_name in _IDENTITY.items():
            if key.startswith(start) and value and field_name not in identity:
                identity[field_name] = (value if field_name != "gender" else
                                        "FEMALE" if match_key(value) == "nu" else "MALE")
        if match_key(line).startswith("de nghi tang") and index + 1 < len(lines):
            nxt = lines[index + 1]
            if ":" not in nxt and not match_key(nxt).startswith(("i ", "bao cao")):
                identity.setdefault("collective", nxt)
    if "name" not in identity and identity.get("collective"):
        identity["name"], identity["kind"] = identity.pop("collective"), "COLLECTIVE"
    identity.pop("collective", None)
    reading.identity = identity
    for grid in tables:
        reading.past_awards += _past_awards(reading.name, grid, catalogue)


def _past_awards(name, grid, catalogue):
    header = None
    for index, row in enumerate(grid.cells[:3]):
        keys = {}
        for column, (_tc, text) in enumerate(row):
            key = match_key(text)
            if key == "nam" or key.startswith("nam "):
                keys.setdefault("year", column)
            elif "quyet dinh" in key:
                keys.setdefault("decision", column)
            elif "danh hieu" in key or "hinh thuc" in key:
                keys.setdefault("award", column)
        if len(keys) == 3:
            header = (index, keys)
            break
    if header is None:
        return []
    found = []
    for line, row in enumerate(grid.cells[header[0] + 1:], start=header[0] + 2):
        cells = {key: row[column][1] for key, column in header[1].items() if column < len(row)}
        year = _YEAR.search(cells.get("year", ""))
        if not year or not cells.get("award"):
            continue
        award_type = catalogue.resolve(cells["award"])
        decision = cells.get("decision", "")
        number = _DECISION.search(decision)
        issued = parse_date(decision)
        issuer = decision.split(" của ", 1)[1] if " của " in decision else ""
        found.append({
            "year": int(year[1]), "award_text": cells["award"],
            "award": award_type.code if award_type else "",
            "decision_number": re.sub(r"\s+", "", number[1]) if number else "",
            "decision_date": issued.isoformat() if issued else "",
            "issuer": normalize_spacing(issuer)[:200],
            "source": _("%(file)s, bảng %(table)s, dòng %(line)s") % {
                "file": name, "table": grid.number, "line": line}})
    return found
