"""Căn cứ pháp lý đang áp dụng in a browser: an administrator picks a date, sees the circular in
force then, records the unit's own regulation and finds it cited on the unit's decisions."""
import os

import pytest

from thidua.accounts.models import Role

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "a-long-test-password"
SHOTS = os.environ.get("THIDUA_SHOTS")  # a folder: save the page at 1366 and 360 px there


def shoot(page, name):
    if SHOTS:
        for width in (1366, 360):
            page.set_viewport_size({"width": width, "height": 900})
            page.screenshot(path=os.path.join(SHOTS, f"{name}-{width}.png"), full_page=True)
        page.set_viewport_size({"width": 1280, "height": 900})


def test_an_administrator_reads_the_bases_of_a_date_and_adds_the_units_regulation(
        page, live_server, network, make_user):
    admin = make_user(Role.SYSTEM_ADMIN, network.hue)
    page.goto(f"{live_server.url}/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill(admin.username)
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url(f"{live_server.url}/")
    page.goto(f"{live_server.url}/khen-thuong/can-cu-phap-ly/")
    page.get_by_label("Áp dụng vào ngày").fill("04/08/2025")
    page.keyboard.press("Escape")
    page.get_by_role("button", name="Xem").click()
    decision = page.locator(".card", has_text="Căn cứ của quyết định khen thưởng").first
    decision.get_by_text("Thông tư số 01/2024/TT-BNV").wait_for()
    assert "15/2025/TT-BNV" not in decision.inner_text()

    page.get_by_text("Thêm căn cứ riêng").click()
    page.get_by_label("Loại").select_option(label="Quy chế, quy định thi đua, khen thưởng của đơn vị")
    page.get_by_label("Nội dung dẫn").fill("Quy chế thi đua, khen thưởng của Liên minh HTX Huế")
    page.get_by_role("button", name="Lưu").click()
    page.get_by_text("Đã lưu căn cứ riêng của đơn vị.").wait_for()
    assert "Quy chế thi đua, khen thưởng của Liên minh HTX Huế" in decision.inner_text()
    shoot(page, "legal-bases")


def test_a_national_administrator_enters_the_new_base_salary_and_the_warning_ends(
        page, live_server, network, make_user, choose):
    admin = make_user(Role.SYSTEM_ADMIN, network.vca)
    page.goto(f"{live_server.url}/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill(admin.username)
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url(f"{live_server.url}/")
    page.goto(f"{live_server.url}/khen-thuong/luong-co-so/")
    page.get_by_text("Chưa nhập mức lương cơ sở mới.").wait_for()
    shoot(page, "base-salary-missing")
    page.get_by_label("Mức lương cơ sở (đồng/tháng)").fill("2530000")  # a test figure
    page.get_by_label("Áp dụng từ ngày").fill("01/07/2026")
    page.keyboard.press("Escape")
    page.get_by_label("Đã đối chiếu văn bản chính thức").check()
    choose(page, "Văn bản căn cứ", "Nghị định 161/2026/NĐ-CP")
    page.keyboard.press("Escape")
    page.get_by_role("button", name="Lưu").click()
    page.get_by_text("Đã lưu mức lương cơ sở.").wait_for()
    assert "Chưa nhập mức lương cơ sở mới." not in page.content()
    assert "2.530.000" in page.locator("table").inner_text()
