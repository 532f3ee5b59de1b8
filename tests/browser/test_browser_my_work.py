"""“Việc của tôi” and the batch page in a browser, with real clicks: the Huế officer finds the
dossier waiting on the home page, opens it from there, is offered intake but not withdrawal, and
sees why the council step must wait; the reporter is offered withdrawal. Screenshots at 1366 and
360 px go to var/screenshots/ux-work/."""

import pytest
from playwright.sync_api import expect

from thidua.accounts.models import Role, RoleAssignment
from thidua.awards.models import AwardType
from thidua.nominations import workflow
from thidua.nominations.models import NominationBatch
from thidua.nominations.states import AttachmentKind, SubjectKind

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PDF = b"%PDF-1.4\n%%EOF\n"
def submitted_batch(reporter, network):
    from django.core.files.uploadedfile import SimpleUploadedFile

    batch = workflow.create_batch(reporter, network.hue_coop, network.hue, year=2025,
                                  title="Đề nghị tặng Giấy khen năm 2025")
    item = workflow.add_nomination(reporter, batch, SubjectKind.INDIVIDUAL,
                                   AwardType.objects.get(code="GK"), person=network.hue_person,
                                   achievement="Hoàn thành xuất sắc nhiệm vụ")
    for kind in (AttachmentKind.SUBMISSION_LETTER, AttachmentKind.MINUTES,
                 AttachmentKind.BALLOT_RESULT):
        workflow.add_attachment(reporter, batch, kind, SimpleUploadedFile("a.pdf", PDF))
    for kind in (AttachmentKind.ACHIEVEMENT_REPORT, AttachmentKind.INITIATIVE_CERTIFICATE):
        workflow.add_attachment(reporter, batch, kind, SimpleUploadedFile("b.pdf", PDF),
                                item=item)
    workflow.submit_batch(reporter, batch)
    return batch


def test_the_officer_finds_the_dossier_on_the_home_page_and_acts(
        page, live_server, network, make_user, settings, log_in, shoot):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    reporter = make_user(Role.UNIT_REPORTER, network.hue_coop)
    officer = make_user(Role.EC_OFFICER, network.hue)
    RoleAssignment.objects.create(user=officer, organization=network.hue, role=Role.APPRAISER)
    batch = submitted_batch(reporter, network)

    log_in(page, live_server, reporter)
    assert page.get_by_role("heading", name="Việc của tôi").is_visible()
    assert page.get_by_text("Không có việc nào đang chờ bạn").is_visible()  # it is sent
    page.get_by_role("link", name="Hồ sơ khen thưởng").first.click()
    page.get_by_role("link", name=batch.title).first.click()
    expect(page.get_by_role("button", name="Rút tờ trình")).to_be_visible()
    assert page.get_by_role("button", name="Tiếp nhận").count() == 0
    shoot(page, "ux-work/batch-submitted-reporter")

    log_in(page, live_server, officer)
    card = page.get_by_test_id("work-receive")
    assert "Tờ trình chờ tiếp nhận" in card.inner_text() and "1" in card.inner_text()
    shoot(page, "ux-work/home-officer")
    card.get_by_role("link", name=batch.title).click()
    expect(page.get_by_role("button", name="Tiếp nhận")).to_be_visible()  # the batch page is here
    assert page.get_by_role("button", name="Rút tờ trình").count() == 0
    assert page.get_by_text("Kết quả", exact=True).count() == 1  # the column, once received
    page.get_by_role("button", name="Tiếp nhận").click()
    page.wait_for_load_state()
    page.get_by_role("button", name="Giao thẩm định").click()
    page.wait_for_load_state()
    assert page.get_by_role("button", name="Đưa ra Hội đồng").is_disabled()
    assert "Còn hồ sơ chưa thẩm định" in page.get_by_test_id("why-send_to_council").inner_text()
    shoot(page, "ux-work/batch-in-appraisal-officer")
    assert NominationBatch.objects.get().state == "IN_APPRAISAL"

    page.get_by_role("link", name="Việc của tôi").first.click()
    expect(page.get_by_test_id("work-appraise")).to_be_visible()
    shoot(page, "ux-work/home-officer-appraise")


def test_a_user_with_nothing_waiting_sees_what_comes_here(page, live_server, network, make_user,
                                                          settings, log_in, shoot):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    viewer = make_user(Role.VIEWER, network.hue)
    log_in(page, live_server, viewer)
    assert page.get_by_text("Không có việc nào đang chờ bạn").is_visible()
    shoot(page, "ux-work/home-empty")
