"""Excel nominee lists into the same review as Word files. The sheet is read by the nominations
importer's column set (our template and the CANHAN, TAPTHE, MauTDKT layouts, codes or labels,
sections); its rows then go through this app's matching and review instead of straight into a
batch, so both paths land in one place."""
from django.utils.translation import gettext as _

from thidua.core import crypto
from thidua.core.xlsx_import import Choice, Problems
from thidua.core.xlsx_sheet import read_table, read_upload
from thidua.nominations.importing import NomineeSpec
from thidua.nominations.states import SubjectKind

from .matching import error


def read_sheet(user, upload):
    """(review rows, the file's bytes) of an uploaded .xlsx list; ImportRejected when the file
    itself cannot be used. Of a citizen ID only its digest is kept, for matching."""
    data = read_upload(upload)
    spec = NomineeSpec(None, user)
    table = read_table(data, spec.columns, spec.ignored)
    for column in spec.columns:
        if isinstance(column.parse, Choice):
            column.parse.forget()
    rows = []
    for number, raw in table.rows:
        problems = Problems()
        values = spec.parse(number, raw, problems)
        kind = spec.kind(values)
        name = spec.name(values) or ""
        source = _("%(file)s, trang %(sheet)s, dòng %(line)s") % {
            "file": upload.name, "sheet": table.sheet, "line": number}
        types = [t for t in (values["award_type"], values["second_type"]) if t] or [None]
        for award_type in types:
            row = {"source": str(source), "kind": kind, "name": name,
                   "person_name": values["head"] or name, "position": "",
                   "unit": str(values["organization"] or ""),
                   "birth": values["birth_date"].isoformat() if values["birth_date"] else "",
                   "gender": "", "award_text": award_type.name if award_type else "",
                   "award": award_type.code if award_type else "",
                   "achievement": values["achievement"] or "",
                   "citizen_id_digest": crypto.digest(values["citizen_id"])
                   if values["citizen_id"] else "",
                   "problems": [error(message.split(": ", 1)[-1])
                                for message in problems.messages()]}
            if not name and not values["citizen_id"]:
                row["problems"].append(error(_("Không có tên người hoặc tập thể.")))
            if award_type is None and not problems:
                row["problems"].append(error(_("Chưa rõ danh hiệu, hình thức đề nghị; hãy chọn.")))
            elif award_type is not None and not award_type.allows_subject(kind):
                row["problems"].append(error(_("“%(type)s” không xét tặng cho đối tượng "
                                               "%(kind)s; hãy chọn lại.") % {
                    "type": award_type.name, "kind": SubjectKind(kind).label.lower()}))
            rows.append(row)
    return rows, data
