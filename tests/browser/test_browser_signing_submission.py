"""In a browser: a cooperative that signs its tờ trình. The officer's "Gửi" waits, saying why;
the cooperative's signer opens the signature panel on the batch page, signs on the same signing
page as a decision, through the fake local agent (VGCA contract); the officer sends it; the
receiving alliance's intake officer sees who signed, when, and that the file is intact."""
import pytest
from pki import Pki
from test_browser_signing_agent import agent_for  # noqa: F401  (the fixture)
from waiting import loaded

from nomination_pipeline import docx, pdf
from thidua.accounts.models import Role
from thidua.awards.models import AwardType
from thidua.documents.models import SignedSubmission
from thidua.nominations import workflow
from thidua.nominations.models import IssuerSettings, NominationBatch
from thidua.nominations.states import AttachmentKind, State, SubjectKind

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TITLE = "Đề nghị tặng Giấy khen năm 2025"


@pytest.fixture
def proposal(network, make_user, settings, tmp_path, today, base_salary_entered):
    pki = Pki(tmp_path / "ky-so", settings)
    signer = make_user(Role.SIGNER, network.hue_coop, include_descendants=False,
                       first_name="Phong", last_name="Trần Văn")
    officer = make_user(Role.EC_OFFICER, network.hue_coop)
    intake = make_user(Role.EC_OFFICER, network.hue)
    pki.enrol(signer, "Trần Văn Phong")
    IssuerSettings.objects.create(organization=network.hue_coop, decision_symbol="QĐ-HTX",
                                  signer_title="GIÁM ĐỐC", sign_submissions=True)
    batch = workflow.create_batch(officer, network.hue_coop, network.hue, title=TITLE,
                                  year=2025)
    for kind, name in ((AttachmentKind.SUBMISSION_LETTER, "to-trinh.pdf"),
                       (AttachmentKind.MINUTES, "bien-ban.pdf"),
                       (AttachmentKind.BALLOT_RESULT, "kiem-phieu.pdf")):
        workflow.add_attachment(officer, batch, kind, pdf(name))
    item = workflow.add_nomination(officer, batch, SubjectKind.INDIVIDUAL,
                                   AwardType.objects.get(code="GK"), person=network.hue_person,
                                   achievement="Hoàn thành xuất sắc nhiệm vụ")
    workflow.add_attachment(officer, batch, AttachmentKind.ACHIEVEMENT_REPORT, docx(), item=item)
    return type("Proposal", (), {"signer": signer, "officer": officer, "intake": intake,
                                 "batch": batch})


def test_the_unit_signs_its_submission_and_the_level_above_sees_it(
        page, live_server, proposal, agent_for, log_in, shoot):  # noqa: F811
    url = f"{live_server.url}{proposal.batch.get_absolute_url()}"
    log_in(page, live_server, proposal.officer)
    page.goto(url)
    page.get_by_text("Tờ trình phải được người ký của Hợp tác xã Nông nghiệp Thủy Thanh ký số "
                     "trước khi gửi.").wait_for()
    assert page.get_by_role("button", name="Gửi", exact=True).is_disabled()
    panel = page.get_by_test_id("submission-signature")
    panel.get_by_text("chưa có chữ ký số").wait_for()
    shoot(page, "signing/submission-unsigned")

    agent_for(proposal.signer)
    log_in(page, live_server, proposal.signer)
    page.goto(url)
    loaded(page.get_by_test_id("submission-signature").get_by_role(
        "link", name="Ký số tờ trình")).click()
    page.get_by_role("heading", name=f"Ký số tờ trình “{TITLE}”").wait_for()
    page.get_by_role("button", name="Ký bằng USB token", exact=True).click()
    page.get_by_text(f"Đã ký số tờ trình “{TITLE}” bằng USB token (bản 1).").wait_for(
        timeout=60_000)
    shoot(page, "signing/submission-signing-page")
    assert SignedSubmission.objects.get().method == "agent"

    log_in(page, live_server, proposal.officer)
    page.goto(url)
    loaded(page.get_by_role("button", name="Gửi", exact=True)).click()
    # Sending renders the tờ trình's PDF again to compare it with what was signed: as slow as
    # signing it on a loaded machine, so it gets the same minute.
    page.get_by_test_id("state").filter(has_text="Đã gửi").wait_for(timeout=60_000)
    assert NominationBatch.objects.get().state == State.SUBMITTED

    log_in(page, live_server, proposal.intake)
    page.goto(url)
    panel = page.get_by_test_id("submission-signature")
    panel.get_by_text("Nguyên vẹn, chữ ký hợp lệ").wait_for()
    assert "Trần Văn Phong" in panel.inner_text()
    assert panel.get_by_role("link", name="Ký số tờ trình").count() == 0
    shoot(page, "signing/submission-received")
