"""Receiving a dossier package: check it is the ZIP it claims to be (manifest schema, every file
listed and present with its SHA-256, nothing unlisted, no path escaping the package), then turn
its items into an Intake for review, without retyping."""
import hashlib
import io
import json
import re
import zipfile

from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from thidua.nominations.states import SubjectKind
from thidua.organizations.models import Organization

from .catalogue import Catalogue
from .intake import IntakeRejected, save_intake
from .letters import MAX_EXPANSION
from .matching import error
from .models import FileRole, Source
from .packages import MANIFEST, SCHEMA

_HEX = re.compile(r"^[0-9a-f]{64}$")
ROLES = {"LETTER": FileRole.LETTER, "ANNEX": FileRole.ANNEX, "MINUTES": FileRole.MINUTES,
         "BALLOT_RESULT": FileRole.BALLOT_RESULT, "REPORT": FileRole.REPORT,
         "OTHER": FileRole.OTHER}
# key: (type, required) — the manifest schema, checked by hand so every message is Vietnamese.
TOP = {"schema": (str, True), "sender": (dict, True), "recipient": (dict, True),
       "batch": (dict, True), "items": (list, True), "files": (list, True)}
BATCH = {"title": (str, True), "year": (int, True), "reference": (str, False),
         "basis": (str, False), "procedure": (str, False), "proposer": (dict, True)}
ITEM = {"seq": (int, True), "subject_kind": (str, True), "award_code": (str, True),
        "subject": (dict, True), "files": (list, True), "achievement": (str, False)}
FILE = {"path": (str, True), "sha256": (str, True), "size": (int, True), "role": (str, True)}


def _shape(value, fields, where, problems):
    if not isinstance(value, dict):
        problems.append(_("%(where)s phải là một đối tượng JSON.") % {"where": where})
        return False
    for key, (kind, required) in fields.items():
        if key not in value:
            if required:
                problems.append(_("%(where)s thiếu trường “%(key)s”.") % {"where": where,
                                                                         "key": key})
        elif not isinstance(value[key], kind) or isinstance(value[key], bool):
            problems.append(_("%(where)s: trường “%(key)s” sai kiểu dữ liệu.") % {
                "where": where, "key": key})
    return True


def check_manifest(manifest):
    """Every way ``manifest`` departs from the schema, as Vietnamese messages."""
    problems = []
    if not _shape(manifest, TOP, "manifest.json", problems) or problems:
        return problems
    if manifest["schema"] != SCHEMA:
        problems.append(_("manifest.json theo lược đồ “%(found)s”, hệ thống đọc “%(schema)s”.")
                        % {"found": manifest["schema"], "schema": SCHEMA})
    _shape(manifest["batch"], BATCH, "manifest.json › batch", problems)
    if not manifest["items"]:
        problems.append(_("manifest.json không có hồ sơ nào (items rỗng)."))
    listed = set()
    for index, entry in enumerate(manifest["files"], start=1):
        where = _("manifest.json › files[%(n)s]") % {"n": index}
        if _shape(entry, FILE, where, problems) and isinstance(entry.get("sha256"), str):
            if not _HEX.match(entry["sha256"]):
                problems.append(_("%(where)s: sha256 không phải 64 chữ số hex.") % {
                    "where": where})
            listed.add(entry.get("path"))
    for index, item in enumerate(manifest["items"], start=1):
        where = _("manifest.json › items[%(n)s]") % {"n": index}
        if not _shape(item, ITEM, where, problems):
            continue
        if item.get("subject_kind") not in SubjectKind.values:
            problems.append(_("%(where)s: subject_kind “%(kind)s” không hợp lệ.") % {
                "where": where, "kind": item.get("subject_kind")})
        for path in item.get("files", []):
            if path not in listed:
                problems.append(_("%(where)s nhắc tệp “%(path)s” không có trong danh sách tệp.")
                                % {"where": where, "path": path})
    return problems


def verify_package(name, data):
    """(manifest, {path: bytes}) of a sound package, else IntakeRejected saying what and where."""
    broken = IntakeRejected([_("Tệp “%(name)s” bị hỏng hoặc không phải gói hồ sơ (.zip).") % {
        "name": name}])
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        raise broken from None
    limit = settings.THIDUA_UPLOAD_MAX_BYTES * MAX_EXPANSION
    if sum(member.file_size for member in members) > limit:
        raise IntakeRejected([_("Gói “%(name)s” giải nén quá lớn.") % {"name": name}])
    names = [member.filename for member in members if not member.is_dir()]
    unsafe = [n for n in names if n.startswith("/") or ".." in n.split("/") or "\\" in n]
    if unsafe:
        raise IntakeRejected([_("Gói “%(name)s” có đường dẫn tệp không hợp lệ: %(paths)s.") % {
            "name": name, "paths": ", ".join(unsafe)}])
    if MANIFEST not in names:
        raise IntakeRejected([_("Gói “%(name)s” thiếu tệp manifest.json.") % {"name": name}])
    try:
        contents = {n: archive.read(n) for n in names}
        manifest = json.loads(contents[MANIFEST].decode("utf-8"))
    except (zipfile.BadZipFile, OSError, ValueError):
        raise broken from None
    problems = check_manifest(manifest)
    if problems:
        raise IntakeRejected(problems)
    listed = {entry["path"]: entry for entry in manifest["files"]}
    for path, entry in listed.items():
        if path not in contents:
            problems.append(_("Tệp “%(path)s” có trong bản kê nhưng không có trong gói.") % {
                "path": path})
        elif hashlib.sha256(contents[path]).hexdigest() != entry["sha256"] or len(
                contents[path]) != entry["size"]:
            problems.append(_("Tệp “%(path)s” có mã SHA-256 hoặc dung lượng không khớp bản kê: "
                              "tệp đã bị sửa hoặc hỏng trên đường truyền.") % {"path": path})
    for path in sorted(set(contents) - set(listed) - {MANIFEST}):
        problems.append(_("Tệp “%(path)s” có trong gói nhưng không có trong bản kê.") % {
            "path": path})
    if problems:
        raise IntakeRejected(problems)
    return manifest, contents


def too_big_package(upload):
    """A package carries many files, so it may be as large as an unpacked Word file may be."""
    return _("Gói “%(name)s” lớn hơn %(limit)s.") % {
        "name": upload.name,
        "limit": filesizeformat(settings.THIDUA_UPLOAD_MAX_BYTES * MAX_EXPANSION)}


def _row(item, catalogue):
    subject = item["subject"]
    kind = item["subject_kind"]
    code = item["award_code"]
    award_type = catalogue.get(code)
    name = subject.get("household_name") or subject.get("full_name") or subject.get("name", "")
    row = {"source": _("mục %(seq)s của bản kê") % {"seq": item["seq"]}, "kind": kind,
           "name": name, "person_name": subject.get("full_name") or subject.get("name", ""),
           "position": subject.get("position", ""), "unit": subject.get("unit_name", ""),
           "unit_code": subject.get("unit_code", ""), "birth": subject.get("birth_date", ""),
           "gender": subject.get("gender", ""), "award_text": item.get("award_name", code),
           "award": code if award_type else "", "achievement": item.get("achievement", ""),
           "problems": []}
    if award_type is None:
        row["problems"].append(error(_("Mã “%(code)s” không có trong danh mục khen thưởng; hãy "
                                       "chọn.") % {"code": code}))
    return row


def read_package(user, upload):
    """An OPEN Intake of the receiving level from a verified package. Side effects: the Intake,
    its files and the package itself (only when the package verified)."""
    if upload.size > settings.THIDUA_UPLOAD_MAX_BYTES * MAX_EXPANSION:
        raise IntakeRejected([too_big_package(upload)])
    upload.seek(0)
    data = upload.read()
    manifest, contents = verify_package(upload.name, data)
    sender = manifest["sender"]
    proposer = Organization.objects.filter(code=sender.get("code", "")).first()
    if proposer is None:
        raise IntakeRejected([_("Đơn vị gửi “%(name)s” (mã %(code)s) không có trong hệ thống.") % {
            "name": sender.get("name", ""), "code": sender.get("code", "")}])
    if not user.has_perm("nominations.propose_for", proposer):
        raise IntakeRejected([_("%(unit)s không thuộc phạm vi của bạn, nên không nhận được gói "
                                "hồ sơ này.") % {"unit": proposer.name}])
    catalogue = Catalogue()
    rows = [_row(item, catalogue) for item in manifest["items"]]
    rows_of = {path: index for index, item in enumerate(manifest["items"])
               for path in item["files"]}
    files = [(FileRole.PACKAGE, None, upload.name, data)]
    for entry in manifest["files"]:
        path = entry["path"]
        role = ROLES.get(entry["role"], FileRole.OTHER)
        files.append((role, rows_of.get(path), path.rsplit("/", 1)[-1], contents[path]))
    batch = manifest["batch"]
    return save_intake(user, Source.PACKAGE, proposer, rows, [], [], files,
                       title=batch["title"][:300], reference=batch.get("reference", "")[:64],
                       year=batch["year"], manifest=manifest,
                       award_codes=sorted({item["award_code"] for item in manifest["items"]}))
