"""In a browser: the Huế signer signs an issued decision from its page, the public verification
page shows the signature, and a tampered copy uploaded to "Kiểm tra tệp PDF" is reported as
modified."""
import io

import pytest
from pki import Pki
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from test_browser_documents import download, log_in
from waiting import loaded

from thidua.accounts.models import Role
from thidua.awards.models import AwardType
from thidua.nominations import workflow
from thidua.nominations.models import IssuerSettings, NominationBatch
from thidua.nominations.states import CouncilResult, State, SubjectKind, Verdict

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def decision(network, make_user, settings, tmp_path, today, base_salary_entered):
    signer = make_user(Role.SIGNER, network.hue)
    IssuerSettings.objects.create(organization=network.hue, decision_symbol="QĐ-LMHTX",
                                  place_name="Huế")
    batch = NominationBatch.objects.create(
        proposer=network.hue_coop, authority=network.hue, title="Đề nghị tặng Giấy khen",
        year=today.year - 1, state=State.AT_COUNCIL, created_by=signer)
    items = [batch.items.create(subject_kind=SubjectKind.INDIVIDUAL, person=network.hue_person,
                                award_type=AwardType.objects.get(code="GK"),
                                verdict=Verdict.ELIGIBLE, council_result=CouncilResult.PASSED)]
    decision = workflow.create_decision(signer, batch, items, "Về việc tặng Giấy khen",
                                        signer_name="Hồ Thị Điệp", signer_title="CHỦ TỊCH")
    decision = workflow.issue_decision(signer, decision)
    Pki(tmp_path / "ky-so", settings).enrol(signer, "Hồ Thị Điệp")
    return decision


def tampered(data):
    writer = IncrementalPdfFileWriter(io.BytesIO(data))
    writer.add_stream_to_page(0, writer.add_object(
        generic.StreamObject(stream_data=b"0 0 1 rg 100 400 200 50 re f")))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_sign_verify_and_check_a_tampered_copy(page, live_server, decision, tmp_path):
    log_in(page, live_server, decision.signer)
    page.goto(f"{live_server.url}{decision.get_absolute_url()}")
    page.get_by_role("link", name="Ký số").click()
    loaded(page.get_by_role("button",
                            name="Ký số bằng khóa của máy chủ (bản trình diễn)")).click()
    page.get_by_role("dialog").get_by_role("button", name="Ký số").click()
    page.get_by_text("Đã ký số quyết định 01/QĐ-LMHTX (bản 1).").wait_for()
    signed = download(page, "Tải bản gốc đã ký (PDF)")

    page.get_by_role("link", name="Trang xác minh công khai").click()
    page.get_by_text("Nguyên vẹn, chữ ký hợp lệ").wait_for()
    assert "Hồ Thị Điệp" in page.content()

    copy = tmp_path / "ban-sao.pdf"
    copy.write_bytes(tampered(signed))
    page.get_by_role("link", name="Kiểm tra tệp PDF").click()
    page.get_by_label("Tệp PDF đã ký").set_input_files(copy)
    page.get_by_role("button", name="Kiểm tra").click()
    page.get_by_text("Tệp đã bị sửa đổi sau khi ký.").wait_for()
    assert "Đã bị sửa đổi" in page.content()


def test_a_sealed_certificate_uploaded_for_checking_is_ours_or_modified(
        page, live_server, decision, tmp_path, monkeypatch, shoot):
    """"Kiểm tra tệp PDF" with a certificate sealed with the organisation seal: ours, whose
    award, the seal intact; the same file changed after sealing reads modified."""
    from thidua.documents.signing import config, demo_hsm, sealing

    monkeypatch.setattr(demo_hsm, "softhsm_module", lambda: None)  # the key file: any machine
    award = decision.awards.get()
    row = sealing.seal_certificate(
        decision.signer, award, sealing.organisation_seal(decision.issuer), config.timestamper(),
        sealing.SealPlaces(sealing.seal_block(decision)))
    with row.file.open("rb") as handle:
        data = handle.read()
    original, copy = tmp_path / "giay-khen.pdf", tmp_path / "giay-khen-sua.pdf"
    original.write_bytes(data)
    copy.write_bytes(tampered(data))

    page.goto(f"{live_server.url}/xac-minh/kiem-tra/")
    page.get_by_label("Tệp PDF đã ký").set_input_files(original)
    page.get_by_role("button", name="Kiểm tra").click()
    page.get_by_text("Nguyên vẹn, chữ ký hợp lệ").wait_for()
    found = page.get_by_test_id("sealed-original")
    assert "Giấy khen tặng Nguyễn Văn Điệp" in found.inner_text()
    shoot(page, "signing/check-sealed-certificate")
    found.get_by_role("link", name="Xem trang xác minh").click()
    page.get_by_text("Nguyễn Văn Điệp").first.wait_for()

    page.goto(f"{live_server.url}/xac-minh/kiem-tra/")
    page.get_by_label("Tệp PDF đã ký").set_input_files(copy)
    page.get_by_role("button", name="Kiểm tra").click()
    page.get_by_text("Tệp đã bị sửa đổi sau khi ký.").wait_for()
    assert "Đã bị sửa đổi" in page.content()
    shoot(page, "signing/check-sealed-certificate-modified")
