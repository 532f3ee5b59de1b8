"""Dossier packages: the checklist, the ZIP and its manifest, verification, and re-import at the
level above without retyping."""
import hashlib
import io
import json
import zipfile

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from thidua.interchange.commit import Review, commit_intake
from thidua.interchange.intake import IntakeRejected
from thidua.interchange.models import Intake
from thidua.interchange.packages import PackageIncomplete, build_package, checklist
from thidua.interchange.receiving import read_package, verify_package
from thidua.nominations.models import NominationBatch
from thidua.nominations.states import AttachmentKind, State

pytestmark = pytest.mark.django_db


def as_upload(data, name="goi.zip"):
    return SimpleUploadedFile(name, data, content_type="application/zip")


def rezip(data, change):
    """The package with ``change(contents)`` applied to its {path: bytes}."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        contents = {name: archive.read(name) for name in archive.namelist()}
    change(contents)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in contents.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def test_checklist_refuses_an_incomplete_package(forwarded, hue_officer, network):
    assert checklist(forwarded)[1] == []
    forwarded.attachments.filter(kind=AttachmentKind.ACHIEVEMENT_REPORT).delete()
    rows, missing = checklist(forwarded)
    assert missing == ["Nguyễn Văn Điệp: thiếu báo cáo thành tích."]
    assert [ok for _label, ok in rows] == [True, False, True]
    with pytest.raises(PackageIncomplete) as incomplete:
        build_package(hue_officer, forwarded)
    assert incomplete.value.messages == missing
    draft = NominationBatch.objects.create(proposer=network.hue_coop, authority=network.hue,
                                           title="Nháp", year=2025, created_by=hue_officer)
    assert checklist(draft)[1][0].startswith("Chưa có hồ sơ nào đã trình cấp trên")


def test_package_round_trips_to_the_level_above(forwarded, hue_officer, vca_officer, network):
    person = network.hue_person
    person.refresh_from_db()  # the fixture's instance predates its unit scope
    person.citizen_id = "046080001234"
    person.save()
    name, data = build_package(hue_officer, forwarded)
    assert name == f"goi-ho-so-{forwarded.pk}.zip"
    manifest, contents = verify_package(name, data)
    assert manifest["schema"] == "thidua.dossier/1"
    assert (manifest["sender"]["code"], manifest["recipient"]["name"]) == (
        "P46", "Liên minh HTX Việt Nam")
    assert manifest["batch"]["reference"] == "30/TTr-LMHTX"
    [item] = manifest["items"]
    assert (item["award_code"], item["subject_kind"]) == ("BK_BO", "INDIVIDUAL")
    assert item["subject"] == {
        "family_name": "Nguyễn", "middle_name": "Văn", "given_name": "Điệp",
        "full_name": "Nguyễn Văn Điệp", "gender": "MALE", "birth_date": "1980-05-17",
        "position": "Thành viên", "unit_code": "P46-HTX01",
        "unit_name": "Hợp tác xã Nông nghiệp Thủy Thanh"}
    assert "046080001234" not in json.dumps(manifest)
    paths = {entry["path"]: entry for entry in manifest["files"]}
    assert {"to-trinh.docx", "to-trinh.pdf", "phu-luc-danh-sach.docx"} <= set(paths)
    council = sorted(path.split("/")[1].rsplit("-", 1)[0] for path in paths
                     if path.startswith("hoi-dong/"))
    assert council == ["bien-ban-hop", "kiem-phieu"]
    assert item["files"] and all(path in paths for path in item["files"])
    for path, entry in paths.items():
        assert hashlib.sha256(contents[path]).hexdigest() == entry["sha256"]

    intake = read_package(vca_officer, as_upload(data, name))
    assert (intake.source, intake.proposer, intake.authority) == (
        "PACKAGE", network.hue, network.vca)
    [row] = intake.rows
    assert (row["match"]["status"], row["match"]["id"], row["award"]) == (
        "matched", person.pk, "BK_BO")
    batch = commit_intake(vca_officer, intake, Review(
        authority=network.vca, title=intake.title, year=intake.year,
        reference=intake.reference, submit=True))
    assert (batch.state, batch.proposer, batch.authority) == (
        State.SUBMITTED, network.hue, network.vca)
    new_item = batch.items.get()
    assert (new_item.person, new_item.award_type.code, new_item.achievement) == (
        person, "BK_BO", "Hoàn thành xuất sắc nhiệm vụ")
    kinds = sorted(batch.attachments.values_list("kind", flat=True))
    assert kinds.count(AttachmentKind.SUBMISSION_LETTER) == 2
    assert {AttachmentKind.MINUTES, AttachmentKind.BALLOT_RESULT} <= set(kinds)
    assert new_item.attachments.get().kind == AttachmentKind.ACHIEVEMENT_REPORT


def _refused(user, data):
    with pytest.raises(IntakeRejected) as rejected:
        read_package(user, as_upload(data))
    assert not Intake.objects.exists()
    return " ".join(rejected.value.messages)


def test_tampered_or_malformed_packages_are_refused(forwarded, hue_officer, vca_officer):
    _name, data = build_package(hue_officer, forwarded)

    def tamper(contents):
        contents["to-trinh.docx"] = contents["to-trinh.docx"] + b"x"

    assert "“to-trinh.docx” có mã SHA-256 hoặc dung lượng không khớp bản kê" in _refused(
        vca_officer, rezip(data, tamper))
    assert "“them.pdf” có trong gói nhưng không có trong bản kê" in _refused(
        vca_officer, rezip(data, lambda c: c.update({"them.pdf": b"%PDF-1.4"})))
    assert "thiếu tệp manifest.json" in _refused(
        vca_officer, rezip(data, lambda c: c.pop("manifest.json")))

    def old_schema(contents):
        manifest = json.loads(contents["manifest.json"])
        manifest["schema"] = "other/9"
        del manifest["items"][0]["award_code"]
        contents["manifest.json"] = json.dumps(manifest).encode()

    message = _refused(vca_officer, rezip(data, old_schema))
    assert "lược đồ “other/9”" in message
    assert "manifest.json › items[1] thiếu trường “award_code”" in message
    assert "bị hỏng hoặc không phải gói hồ sơ" in _refused(vca_officer, b"PK\x03\x04junk")


def test_only_the_levels_concerned_build_or_receive(client, forwarded, hue_officer,
                                                     hanoi_officer, network):
    with pytest.raises(PermissionDenied):
        build_package(hanoi_officer, forwarded)
    _name, data = build_package(hue_officer, forwarded)
    assert "không thuộc phạm vi của bạn" in _refused(hanoi_officer, data)
    page = reverse("interchange:package", args=[forwarded.pk])
    download = reverse("interchange:package_download", args=[forwarded.pk])
    client.force_login(hanoi_officer)
    assert client.get(page).status_code == 403
    assert client.get(download).status_code == 403
    client.force_login(hue_officer)
    assert page in client.get(forwarded.get_absolute_url()).content.decode()
    assert download in client.get(page).content.decode()
    response = client.get(download)
    assert response["Content-Type"] == "application/zip"
    verify_package("goi.zip", response.content)


def test_forwarded_inside_the_system_names_the_receiving_level(
        forwarded, vca_officer, hue_officer, network):
    item = forwarded.items.get()
    upper = NominationBatch.objects.create(
        proposer=network.hue, authority=network.vca, title=forwarded.title, year=2025,
        origin=forwarded, state=State.SUBMITTED, created_by=hue_officer)
    upper.items.create(subject_kind=item.subject_kind, person=item.person,
                       award_type=item.award_type)
    manifest, _contents = verify_package(*build_package(hue_officer, forwarded))
    assert manifest["recipient"] == {"code": "VCA", "name": network.vca.name}
