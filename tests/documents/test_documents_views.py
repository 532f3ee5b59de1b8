"""Downloads follow the pipeline's permissions; verification is public, signed and rate-limited;
uploaded templates are checked; batch printing stores one file per decision."""
import io
import zipfile
from datetime import date
from pathlib import Path

import docx
import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from pypdf import PdfReader

from thidua.accounts.models import Role
from thidua.awards.models import Award, Revocation
from thidua.documents import services
from thidua.documents.certificates import print_decision
from thidua.documents.models import CertificatePrint, CertificateTemplate, WordTemplate
from thidua.documents.verification import token_for
from thidua.nominations.models import Attendance, BallotParticipation, Nomination, Tally
from thidua.nominations.workflow import open_session

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()


def word(data):
    document = docx.Document(io.BytesIO(data))
    return "\n".join([p.text for p in document.paragraphs] + [
        cell.text for table in document.tables for row in table.rows for cell in row.cells])


def upload(content, name="mau.docx"):
    return SimpleUploadedFile(name, content)


def test_decision_files_only_for_those_who_see_the_decision(client, commendation, make_user):
    decision = commendation.decision()
    outsider = make_user(Role.EC_OFFICER, commendation.network.hanoi)
    reporter = make_user(Role.UNIT_REPORTER, commendation.network.hue_coop)
    for fmt in ("docx", "pdf"):
        url = reverse("documents:decision_file", args=[decision.pk, fmt])
        assert client.get(url).status_code == 302  # to the login page
        client.force_login(outsider)
        assert client.get(url).status_code == 403
        client.force_login(reporter)  # a cooperative under the issuer sees nothing of it either
        assert client.get(url).status_code == 403
        client.force_login(commendation.signer)
        response = client.get(url)
        assert response.status_code == 200 and response["Content-Disposition"].startswith(
            "attachment")
        client.logout()
    client.force_login(commendation.signer)
    assert client.get(f"/van-ban/quyet-dinh/{decision.pk}/tai-ve.exe").status_code == 404
    award = decision.awards.first()
    assert client.get(reverse("documents:certificate", args=[award.pk])).status_code == 200
    client.force_login(outsider)
    assert client.get(reverse("documents:certificate", args=[award.pk])).status_code == 403


def test_proposal_annex_and_achievement_reports(client, commendation, make_user):
    batch = commendation.batch
    Award.objects.create(person=commendation.network.hue_person, award_type_id=commendation
                         .items[0].award_type_id, year=2023, decision_number="07/QĐ-HTX",
                         decision_date=date(2024, 1, 10), issuer_name="HTX Thủy Thanh")
    text = word(services.proposal_docx(batch))
    assert "TỜ TRÌNH" in text and "Kính gửi: Liên minh Hợp tác xã Thành phố Huế" in text
    assert "Số: 12/TTr-HTX" in text and "Nguyễn Văn Điệp" in text
    assert "(Kèm theo Tờ trình số 12/TTr-HTX" in text
    assert "Nguyễn Văn Điệp" in word(services.annex_docx(batch))
    assert "TỜ TRÌNH" in PdfReader(io.BytesIO(services.proposal_pdf(batch))).pages[0].extract_text()
    individual = word(services.achievement_report_docx(commendation.items[0]))
    assert "SƠ LƯỢC LÝ LỊCH" in individual and "Họ tên: Nguyễn Văn Điệp" in individual
    assert "Sinh ngày, tháng, năm: 17/05/1980" in individual
    assert "Số 07/QĐ-HTX, 10/01/2024, HTX Thủy Thanh" in individual
    collective = word(services.achievement_report_docx(commendation.items[2]))
    assert "SƠ LƯỢC ĐẶC ĐIỂM, TÌNH HÌNH" in collective
    assert "Hợp tác xã Nông nghiệp Thủy Thanh" in collective
    client.force_login(make_user(Role.UNIT_REPORTER, commendation.network.hue_coop))
    for name in ("to-trinh.docx", "to-trinh.pdf", "danh-sach.docx"):
        assert client.get(reverse("documents:batch_file", args=[batch.pk, name])).status_code \
            == 200
    assert client.get(reverse("documents:achievement_report",
                              args=[commendation.items[0].pk])).status_code == 200
    assert client.get(reverse("documents:batch_file", args=[batch.pk, "x.docx"])).status_code \
        == 404
    client.force_login(make_user(Role.UNIT_REPORTER, commendation.network.hanoi_coop))
    assert client.get(reverse("documents:batch_file", args=[batch.pk, "to-trinh.docx"])) \
        .status_code == 403


def test_minutes_and_tally_with_cross_checks(client, commendation, make_user):
    Nomination.objects.filter(pk=commendation.items[0].pk).update(council_result="PENDING")
    session = open_session(make_user(Role.COUNCIL_SECRETARY, commendation.network.hue),
                           commendation.council, "Xét khen thưởng năm 2025",
                           commendation.items[:1])
    members = list(commendation.council.memberships.all())
    for member in members:
        Attendance.objects.update_or_create(session=session, member=member,
                                            defaults={"present": True})
        BallotParticipation.objects.create(session=session, round=1, member=member)
    Tally.objects.filter(session=session).update(agree=2, disagree=1)
    text = word(services.tally_docx(session))
    assert "BIÊN BẢN KIỂM PHIẾU" in text
    assert ("Số phiếu phát ra: 3; số phiếu thu vào: 3; số phiếu hợp lệ: 3; số phiếu không hợp "
            "lệ: 0.") in text
    assert "KHÔNG KHỚP" not in text and "66,67" in text
    minutes = word(services.minutes_docx(session))
    assert "BIÊN BẢN HỌP HỘI ĐỒNG THI ĐUA – KHEN THƯỞNG" in minutes and "Kết luận:" in minutes
    # A ballot counted for nobody is invalid; more ballots than members breaks a check.
    Tally.objects.filter(session=session).update(agree=1, disagree=1)
    session.total_members = 2
    session.save()
    text = word(services.tally_docx(session))
    assert "số phiếu hợp lệ: 2; số phiếu không hợp lệ: 1" in text and "KHÔNG KHỚP" in text
    assert "BIÊN BẢN KIỂM PHIẾU" in PdfReader(io.BytesIO(services.tally_pdf(session))) \
        .pages[0].extract_text()
    client.force_login(make_user(Role.EC_OFFICER, commendation.network.hanoi))
    assert client.get(reverse("documents:session_file", args=[session.pk, "bien-ban.docx"])) \
        .status_code == 403
    client.force_login(members[0].user)
    assert client.get(reverse("documents:session_file", args=[session.pk, "bien-ban.pdf"])) \
        .status_code == 200


def test_verification_valid_revoked_and_forged(client, commendation):
    decision = commendation.decision()
    award = decision.awards.get(person=commendation.network.hue_person)
    url = services.verification_url(award)
    path = reverse("documents:verify", args=[token_for(award)])
    assert url.endswith(path)
    page = client.get(path).content.decode()
    assert "Có hiệu lực" in page and "Nguyễn Văn Điệp" in page and "Giấy khen" in page
    assert decision.reference in page and "17/05/1980" not in page
    Award.objects.filter(pk=award.pk).update(status="REVOKED", revoked_on=date(2026, 3, 2))
    Revocation.objects.create(award=award, ground="FRAUD", revoking_decision="09/QĐ-LMHTX",
                              decided_on=date(2026, 3, 2), recorded_by=commendation.signer)
    page = client.get(path).content.decode()
    assert "Đã bị thu hồi" in page and "09/QĐ-LMHTX" in page and "02/03/2026" in page
    other = decision.awards.exclude(pk=award.pk).first()
    forged = token_for(award).split(".")[0] + "." + token_for(other).split(".")[1]
    for token in (forged, str(award.pk), "abc", "x" * 300, "%00", token_for(other) + "x"):
        assert client.get(f"/xac-minh/{token}/").status_code == 404


def test_verification_is_rate_limited(client, commendation):
    award = commendation.decision().awards.first()
    path = reverse("documents:verify", args=[token_for(award)])
    statuses = [client.get(path).status_code for _ in range(32)]
    assert statuses[:30] == [200] * 30 and statuses[-1] == 429


def test_uploaded_word_template_checked_and_used(client, commendation, make_user):
    officer = make_user(Role.EC_OFFICER, commendation.network.hue)
    client.force_login(officer)
    url = reverse("documents:word_templates", args=[commendation.network.hue.pk])
    default = client.get(reverse("documents:word_template_file",
                                 args=[commendation.network.hue.pk, "decision"]))
    document = docx.Document(io.BytesIO(default.content))
    document.add_paragraph("Mẫu riêng: {{ reference }} — {{ count }} người")
    own = io.BytesIO()
    document.save(own)
    bad = docx.Document(io.BytesIO(default.content))
    bad.add_paragraph("{{ so_quyet_dinh }}")
    bad_bytes = io.BytesIO()
    bad.save(bad_bytes)
    zipped = io.BytesIO()
    with zipfile.ZipFile(zipped, "w") as archive:
        archive.writestr("hello.txt", "x")
    broken = docx.Document(io.BytesIO(default.content))
    broken.add_paragraph("{{ reference ")
    broken_bytes = io.BytesIO()
    broken.save(broken_bytes)
    for content, message in ((bad_bytes.getvalue(), "so_quyet_dinh"),
                             (zipped.getvalue(), "không phải là Word (.docx) hợp lệ"),
                             (b"%PDF-1.4", "không phải là Word (.docx) hợp lệ"),
                             (broken_bytes.getvalue(), "cú pháp trường trộn sai")):
        response = client.post(url, {"kind": "decision", "file": upload(content)})
        assert response.status_code == 400 and message in response.content.decode()
    assert not WordTemplate.objects.exists()
    response = client.post(url, {"kind": "decision", "file": upload(own.getvalue())})
    assert response.status_code == 302
    decision = commendation.decision()
    assert f"Mẫu riêng: {decision.reference} — 3 người" in word(services.decision_docx(decision))
    client.force_login(make_user(Role.EC_OFFICER, commendation.network.hanoi))
    assert client.get(url).status_code == 403


def test_batch_print_progress_and_no_duplicates(client, commendation,
                                                django_capture_on_commit_callbacks):
    decision = commendation.decision()
    client.force_login(commendation.signer)
    url = reverse("documents:print", args=[decision.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url)
    assert response.status_code == 302
    job = CertificatePrint.objects.get(decision=decision)
    assert job.state == "DONE" and job.done == job.total == 3
    folder, stem = Path(job.file.path).parent, f"quyet-dinh-{decision.pk}"

    def copies():  # Django would name a second copy quyet-dinh-<pk>_<random>.pdf
        return [p for p in folder.iterdir() if p.stem.split("_")[0] == stem]

    print_decision(job.pk)  # a redelivered task: nothing new
    assert CertificatePrint.objects.count() == 1 and len(copies()) == 1
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url)  # print again: same row, same file
    assert CertificatePrint.objects.count() == 1 and len(copies()) == 1
    fragment = client.get(url, HTTP_HX_REQUEST="true").content.decode()
    assert "100%" in fragment and "hx-get" not in fragment
    pdf = client.get(reverse("documents:print_download", args=[decision.pk]))
    reader = PdfReader(io.BytesIO(b"".join(pdf.streaming_content)))
    assert len(reader.pages) == 3
    assert "Lê Thị Hương" in reader.pages[1].extract_text()


def test_preprinted_template_and_calibration_print(client, commendation, make_user):
    officer = make_user(Role.EC_OFFICER, commendation.network.hue)
    client.force_login(officer)
    hue = commendation.network.hue
    url = reverse("documents:certificate_template", args=[hue.pk, 0])
    response = client.post(url, {"award_type": commendation.items[0].award_type_id,
                                 "paper": "A4", "preprinted": "on", "offset_x": "1.5",
                                 "offset_y": "-2", "recipient_y": "120", "recipient_size": "30",
                                 "recipient_bold": "on", "authority_bold": "on", "gift_bold": "on",
                                 "signer_title_bold": "on", "signer_name_bold": "on",
                                 "award_bold": ""})
    assert response.status_code == 302
    template = CertificateTemplate.objects.get()
    assert template.fields["recipient"] == {"y": 120.0, "size": 30.0}
    assert template.fields["award"] == {"bold": False}
    test_print = client.get(reverse("documents:certificate_template", args=[hue.pk, template.pk])
                            + "?thu")
    text = PdfReader(io.BytesIO(test_print.content)).pages[0].extract_text()
    assert "[Người, tập thể được tặng]" in text
    award = commendation.decision().awards.get(person=commendation.network.hue_person)
    reader = PdfReader(io.BytesIO(services.certificate_pdf(award)))
    text = reader.pages[0].extract_text()
    assert "Ông Nguyễn Văn Điệp" in text and "CỘNG HÒA" not in text  # stock is pre-printed
    response = client.post(url, {"award_type": commendation.items[0].award_type_id,
                                 "paper": "A4", "offset_x": "0", "offset_y": "0",
                                 "recipient_y": "-5"})
    assert response.status_code == 400 and CertificateTemplate.objects.count() == 1
    client.force_login(make_user(Role.EC_OFFICER, commendation.network.hanoi))
    assert client.get(url).status_code == 403
