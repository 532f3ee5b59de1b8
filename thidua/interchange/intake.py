"""From uploaded files (Word tờ trình, annexes and achievement reports; Excel lists) to an
Intake under review; ``commit.py`` turns a reviewed Intake into a batch. Nothing is written until
every file has been read and a nominee list found."""
import hashlib

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.core.text import normalize
from thidua.core.uploads import XLSX, sniff
from thidua.core.xlsx_sheet import ImportRejected
from thidua.nominations.states import SubjectKind

from .catalogue import Catalogue
from .excel import read_sheet
from .letters import Unreadable, parse_birth, read_file
from .matching import Matcher, clean_name, default_authority, error, find_proposer
from .models import FileRole, Intake, IntakeFile, Source


class IntakeRejected(Exception):
    """Nothing was written; ``messages`` say what is wrong and where."""

    def __init__(self, messages):
        super().__init__(messages)
        self.messages = [str(message) for message in messages]


_COLLECTIVE_STARTS = ("hop tac xa", "htx", "lien minh", "lien hiep", "to hop tac", "quy tin dung",
                      "cong ty", "ban ", "phong ", "van phong", "trung tam", "tap the", "chi nhanh")


def subject_kind_of(name):
    """What a name in an unlabelled list most likely is."""
    key = normalize(name)
    if key.startswith(("ho ong", "ho ba", "ho gia dinh")):
        return SubjectKind.HOUSEHOLD
    if key.startswith(_COLLECTIVE_STARTS):
        return SubjectKind.COLLECTIVE
    return SubjectKind.INDIVIDUAL


def _household_head(name):
    key = normalize(name)
    for start in ("ho gia dinh ", "ho "):
        if key.startswith(start):
            return name[len(start):].strip()
    return name


def build_row(values, kind, source, catalogue, default_award=""):
    """A review row (JSON) from the cells read in a list: what was written, the award type it
    names, and the problems found so far."""
    problems = []
    name = values.get("name", "")
    kind = kind or subject_kind_of(name)
    position, unit = values.get("position", ""), values.get("unit", "")
    if values.get("position_unit"):
        combined = values["position_unit"]
        position = position or (combined.split(",", 1)[0] if "," in combined else "")
        unit = unit or combined
    person_name = _household_head(name) if kind == SubjectKind.HOUSEHOLD else name
    person_name, gender = clean_name(person_name)
    birth = parse_birth(values.get("birth", ""))
    for key, sex in (("birth_male", "MALE"), ("birth_female", "FEMALE")):
        if values.get(key):
            birth, gender = parse_birth(values[key]), sex
    if values.get("gender"):
        gender = "FEMALE" if normalize(values["gender"]) in {"nu", "female"} else "MALE"
    award_text = values.get("award", "")
    award_type = catalogue.resolve(award_text) if award_text else None
    code = award_type.code if award_type else ("" if award_text else default_award)
    if award_text and award_type is None:
        problems.append(error(_("Không nhận ra “%(text)s” trong danh mục danh hiệu, hình thức "
                                "khen thưởng; hãy chọn.") % {"text": award_text}))
    elif not code:
        problems.append(error(_("Chưa rõ danh hiệu, hình thức đề nghị; hãy chọn.")))
    elif not catalogue.get(code).allows_subject(kind):
        problems.append(error(_("“%(type)s” không xét tặng cho đối tượng %(kind)s; hãy chọn "
                                "lại.") % {"type": catalogue.get(code).name,
                                           "kind": SubjectKind(kind).label.lower()}))
    return {"source": str(source), "kind": str(kind), "name": name, "person_name": person_name,
            "position": position, "unit": unit, "birth": birth, "gender": gender,
            "award_text": award_text, "award": code, "achievement": values.get("achievement", ""),
            "problems": problems}


def too_big(upload):
    return _("Tệp “%(name)s” lớn hơn %(limit)s.") % {
        "name": upload.name, "limit": filesizeformat(settings.THIDUA_UPLOAD_MAX_BYTES)}


def _read_uploads(user, uploads, catalogue):
    """([(name, bytes, FileReading)] of the Word files, review rows of the Excel lists, stored
    Excel files); every unusable file is reported at once."""
    readings, sheet_rows, sheets, errors = [], [], [], []
    for upload in uploads:
        if sniff(upload) == XLSX or upload.name.lower().endswith(".xlsx"):  # a broken .xlsx too
            try:
                rows, data = read_sheet(user, upload)
            except ImportRejected as rejected:
                errors += [f"“{upload.name}”: {message}" for message in rejected.errors]
                continue
            sheet_rows += rows
            sheets.append((FileRole.ANNEX, None, upload.name, data))
            continue
        if upload.size > settings.THIDUA_UPLOAD_MAX_BYTES:
            errors.append(too_big(upload))
            continue
        upload.seek(0)
        data = upload.read()
        try:
            readings.append((upload.name, data, read_file(upload.name, data, catalogue)))
        except Unreadable as unreadable:
            errors += unreadable.messages
    if errors:
        raise IntakeRejected(errors)
    return readings, sheet_rows, sheets


def _link_reports(rows, reports, problems):
    """{file name: row index} for the achievement reports whose identity names a listed nominee
    (same name, and the same birth date when both give one)."""
    links = {}
    for reading in reports:
        identity = reading.identity
        wanted = normalize(identity.get("name", ""))
        for index, row in enumerate(rows):
            if normalize(row["person_name"]) != wanted and normalize(row["name"]) != wanted:
                continue
            birth = identity.get("birth", "")
            if birth and row["birth"] and birth[:4] != row["birth"][:4]:
                continue
            links[reading.name] = index
            row["birth"] = row["birth"] or birth
            row["gender"] = row["gender"] or identity.get("gender", "")
            break
        else:
            problems.append({"level": "warning", "text": _(
                "Báo cáo thành tích “%(file)s” (%(name)s) không khớp với ai trong danh sách; tệp "
                "sẽ được đính kèm tờ trình như tài liệu khác.") % {
                    "file": reading.name, "name": identity.get("name") or "?"}})
    return links


def read_files(user, uploads, proposer=None):
    """An OPEN Intake from .docx tờ trình, annex lists and achievement reports, and .xlsx lists.
    Side effects: the Intake and its files (only when every file was read and a list found)."""
    catalogue = Catalogue()
    readings, sheet_rows, sheets = _read_uploads(user, uploads, catalogue)
    lists = [r for _n, _d, r in readings if r.kind != "report"]
    reports = [r for _n, _d, r in readings if r.kind == "report"]
    if not sheet_rows and not any(reading.rows for reading in lists):
        raise IntakeRejected([_("Không tìm thấy bảng danh sách đề nghị trong %(files)s: cần một "
                                "bảng có dòng tiêu đề gồm STT, Họ và tên (hoặc Tên tập thể), Đơn "
                                "vị, Hình thức (hoặc Danh hiệu).") % {
                                    "files": ", ".join(f"“{u.name}”" for u in uploads)}])
    letter = next((r for r in lists if r.kind == "letter"), None) or next(
        (r for r in lists if r.rows), None)
    codes = []
    for reading in lists:
        codes += [code for code in reading.award_codes if code not in codes]
    problems = [{"level": "warning", "text": note} for r in lists for note in r.notes]
    rows = []
    for reading in lists:
        for list_row in reading.rows:
            source = _("%(file)s, bảng %(table)s, dòng %(line)s") % {
                "file": reading.name, "table": list_row.table, "line": list_row.line}
            default = list_row.group_award or (codes[0] if len(codes) == 1 else "")
            rows.append(build_row(list_row.values, list_row.kind, source, catalogue, default))
    rows += sheet_rows
    if proposer is None and letter is not None:
        proposer = find_proposer(user, letter.heading)
    if proposer is None:
        raise IntakeRejected([_("Không xác định được đơn vị đề nghị (tên cơ quan phía trên “Số: "
                                "…” của tờ trình), hoặc đơn vị đó không thuộc phạm vi của bạn. Hãy "
                                "ghi mã đơn vị đề nghị.")])
    if not user.has_perm("nominations.propose_for", proposer):
        raise IntakeRejected([_("Bạn không có quyền lập tờ trình cho %(unit)s.") % {
            "unit": proposer.name}])
    links = _link_reports(rows, reports, problems)
    past = [dict(award, row=links.get(reading.name))
            for reading in reports for award in reading.past_awards]
    year = (letter and letter.year) or timezone.localdate().year
    title = (letter and letter.title) or _("Đề nghị khen thưởng năm %(year)s") % {"year": year}
    files = [(FileRole.LETTER if r.kind == "letter" else FileRole.REPORT if r.kind == "report"
              else FileRole.ANNEX, links.get(name), name, data) for name, data, r in readings]
    return save_intake(
        user, Source.WORD if readings else Source.EXCEL, proposer, rows, problems, past,
        files + sheets, title=title[:300], reference=(letter.reference if letter else "")[:64],
        letter_date=letter.letter_date if letter else None, year=year, award_codes=codes)


@transaction.atomic
def save_intake(user, source, proposer, rows, problems, past_awards, files, **fields):
    """Match every row, then store the Intake and its files."""
    matcher = Matcher(user, proposer, rows)
    for row in rows:
        matcher.match(row)
    intake = Intake.objects.create(
        source=source, proposer=proposer, authority=default_authority(user, proposer),
        rows=rows, problems=problems, past_awards=past_awards, created_by=user, **fields)
    for role, row, name, data in files:
        stored = IntakeFile(intake=intake, role=role, row=row, original_name=name[-255:],
                            sha256=hashlib.sha256(data).hexdigest())
        stored.file.save(name[-80:], ContentFile(data), save=False)
        stored.save()
    return intake
