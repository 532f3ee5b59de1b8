"""The whole path in a browser: a Huế cooperative nominates → the Huế alliance receives, appraises,
publishes, votes, issues a decision for the Giấy khen and forwards the Bằng khen to the VCA → the
VCA decides."""
from datetime import date, timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect
from waiting import loaded

from thidua.accounts.models import Role, RoleAssignment
from thidua.awards.models import Award
from thidua.nominations import workflow
from thidua.nominations.models import Council, CouncilMembership, Disclosure, NominationBatch
from thidua.nominations.states import AttachmentKind

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PDF = b"%PDF-1.4\n%%EOF\n"


def level_officer(make_user, unit, members=3):
    """One officer holding intake, council secretary and signer roles, and a council."""
    officer = make_user(Role.EC_OFFICER, unit)
    for role in (Role.COUNCIL_SECRETARY, Role.SIGNER):
        RoleAssignment.objects.create(user=officer, organization=unit, role=role)
    council = Council.objects.create(organization=unit, name=f"Hội đồng TĐKT {unit.code}")
    for _ in range(members):
        CouncilMembership.objects.create(council=council, user=make_user(Role.COUNCIL_MEMBER, unit),
                                         role="MEMBER", start_date=date(2020, 1, 1))
    return officer


def click(page, name):
    page.get_by_role("button", name=name, exact=True).first.click()
    page.wait_for_load_state()


def handle_level(log_in, page, live_server, officer, batch_url, appraise_count, votes, today):
    log_in(page, live_server, officer)
    page.goto(batch_url)
    click(page, "Tiếp nhận")
    click(page, "Giao thẩm định")
    page.get_by_role("link", name="Thẩm định từng hồ sơ").click()
    for index in range(appraise_count):
        form = page.locator("form:has(input[name=item])").nth(index)
        form.get_by_label("Đủ điều kiện", exact=True).check()
        form.get_by_label("Lý do khác kết quả kiểm tra tự động").fill("Đã xác minh hồ sơ giấy")
        form.get_by_role("button", name="Lưu kết quả thẩm định").click()
        page.wait_for_load_state()
    page.goto(batch_url)
    click(page, "Công khai")  # publishing asks first
    with page.expect_navigation():  # the window exists once the post has answered
        page.get_by_role("dialog").get_by_role("button", name="Công khai").click()
    Disclosure.objects.update(ends_on=today - timedelta(days=1))
    page.goto(batch_url)  # until the window has ended the council step waits
    click(page, "Đưa ra Hội đồng")
    page.get_by_role("link", name="Hội đồng Thi đua – Khen thưởng").click()
    click(page, "Mở phiên họp")
    for box in page.locator("input[name=voters]").all():
        box.check()
    for field in page.locator("input[name^=agree-]").all():
        field.fill(str(votes))
    click(page, "Lưu kết quả kiểm phiếu")
    loaded(page.get_by_role("button", name="Kết thúc phiên họp", exact=True)).click()
    page.get_by_role("dialog").get_by_role("button", name="Kết thúc phiên họp").click()
    page.get_by_text("Đã kết thúc phiên họp.").wait_for()
    page.goto(batch_url)
    page.get_by_role("link", name="Lập quyết định khen thưởng").click()
    click(page, "Xem trước quyết định")
    assert "Bản xem trước" in page.content()
    loaded(page.get_by_role("button", name="Ban hành quyết định")).click()
    dialog = page.get_by_role("dialog")  # a number is given and nothing can be changed after
    expect(dialog).to_contain_text("không sửa được nữa")
    dialog.get_by_role("button", name="Ban hành quyết định").click()
    page.get_by_text("Đã ban hành quyết định").wait_for()


def test_hue_cooperative_to_vca_decision(page, live_server, network, make_user, settings, today,
                                         log_in, base_salary_entered):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    reporter = make_user(Role.UNIT_REPORTER, network.hue_coop)
    hue_officer = level_officer(make_user, network.hue)
    vca_officer = level_officer(make_user, network.vca)

    log_in(page, live_server, reporter)
    page.get_by_role("link", name="Hồ sơ khen thưởng").first.click()
    page.get_by_role("link", name="Lập tờ trình").click()
    page.get_by_label("Đơn vị đề nghị").select_option(label=network.hue_coop.name)
    page.wait_for_load_state("networkidle")  # the deciding levels reload for the proposer
    page.get_by_label("Cấp xét khen thưởng").select_option(label=network.hue.name)
    page.get_by_label("Trích yếu").fill("Đề nghị khen thưởng năm 2025")
    page.get_by_label("Năm thành tích").fill("2025")
    click(page, "Lưu nháp")
    for code_label in ("Giấy khen — cấp xét quyết định",
                       "Bằng khen cấp bộ, ban, ngành, tỉnh — trình cấp trên quyết định"):
        form = page.locator("form:has(button[value=one])")
        form.get_by_label("Danh hiệu, hình thức").select_option(label=code_label)
        form.get_by_label("Cá nhân (hoặc chủ hộ)").select_option(
            label=f"{network.hue_person.full_name} (1980) — Thành viên, {network.hue_coop.name}")
        form.get_by_role("button", name="Thêm").click()
        page.wait_for_load_state()
    batch = NominationBatch.objects.get()
    assert batch.items.count() == 2
    from django.core.files.uploadedfile import SimpleUploadedFile

    for kind in (AttachmentKind.SUBMISSION_LETTER, AttachmentKind.MINUTES):
        workflow.add_attachment(reporter, batch, kind, SimpleUploadedFile("a.pdf", PDF))
    for item in batch.items.all():
        workflow.add_attachment(reporter, batch, AttachmentKind.ACHIEVEMENT_REPORT,
                                SimpleUploadedFile("b.pdf", PDF), item=item)
    page.get_by_role("link", name="Tiếp: tài liệu và gửi").click()
    click(page, "Gửi")
    assert page.get_by_test_id("state").inner_text() == "Đã gửi"

    batch_url = f"{live_server.url}{batch.get_absolute_url()}"
    handle_level(log_in, page, live_server, hue_officer, batch_url, appraise_count=2, votes=3,
                 today=today)
    assert Award.objects.filter(award_type__code="GK", person=network.hue_person).exists()
    page.goto(batch_url)
    page.get_by_label("Cấp trên trong hệ thống").select_option(label=network.vca.name)
    click(page, "Trình cấp trên")
    upper = NominationBatch.objects.get(origin=batch)

    handle_level(log_in, page, live_server, vca_officer,
                 f"{live_server.url}{upper.get_absolute_url()}",
                 appraise_count=1, votes=3, today=today)
    award = Award.objects.get(award_type__code="BK_BO", person=network.hue_person)
    assert award.decision.issuer == network.vca and award.money_amount == 3_800_000
    upper.refresh_from_db()
    assert upper.get_state_display() == "Đã quyết định"
