"""The VCA launches a movement → Huế derives it → a cooperative registers → submits its Q1 report
late → Huế sees it late → the mid-term review aggregates it."""
from datetime import timedelta

import pytest
from django.utils import timezone
from waiting import loaded

from thidua.accounts.models import Role
from thidua.movements.models import Movement, ProgressReport, Registration, Review

pytestmark = [pytest.mark.browser,
              pytest.mark.django_db(transaction=True)]
PASSWORD = "a-long-test-password"


@pytest.fixture
def sign_in(browser, live_server):
    contexts = []

    def sign_in(user):
        context = browser.new_context(locale="vi-VN")
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(10_000)
        page.goto(f"{live_server.url}/dang-nhap/")
        page.get_by_label("Tên đăng nhập").fill(user.username)
        page.get_by_label("Mật khẩu").fill(PASSWORD)
        page.get_by_role("button", name="Đăng nhập").click()
        page.wait_for_url(f"{live_server.url}/")
        return page

    yield sign_in
    for context in contexts:
        context.close()


def launch(page):
    """Launching notifies every unit below, so the page asks first."""
    loaded(page.get_by_role("button", name="Phát động")).click()
    page.get_by_role("dialog").get_by_role("button", name="Phát động").click()


def fmt(day):
    return day.strftime("%d/%m/%Y")


def test_movement_from_launch_to_midterm_review(sign_in, live_server, network, make_user, today):
    year = today.year
    vca = sign_in(make_user(Role.EC_OFFICER, network.vca, first_name="Vĩnh"))
    vca.goto(f"{live_server.url}/phong-trao/moi/?unit={network.vca.pk}")
    vca.get_by_label("Loại phong trào").select_option("REGULAR")
    vca.get_by_label("Tên phong trào").fill("Thi đua đổi mới hợp tác xã")
    vca.get_by_label("Mục tiêu").fill("Mỗi HTX có ít nhất một sáng kiến")
    vca.get_by_label("Bắt đầu").fill(fmt(today.replace(month=1, day=1)))
    vca.get_by_label("Kết thúc").fill(fmt(today.replace(month=12, day=31)))
    vca.get_by_label("Hạn đăng ký thi đua").fill(fmt(today.replace(month=12, day=31)))
    vca.get_by_role("button", name="Lưu nháp").click()
    launch(vca)
    vca.get_by_text("Đã phát động phong trào.").wait_for()
    parent = Movement.objects.get(launched_by=network.vca)

    hue = sign_in(make_user(Role.EC_OFFICER, network.hue))
    hue.goto(f"{live_server.url}/phong-trao/don-vi/{network.hue.pk}/")
    hue.get_by_role("link", name="Thi đua đổi mới hợp tác xã").click()
    hue.get_by_role("button", name="Triển khai tại").click()
    hue.get_by_role("button", name="Lưu nháp").click()
    launch(hue)
    hue.get_by_text("Đã phát động phong trào.").wait_for()
    derived = Movement.objects.get(launched_by=network.hue)
    assert derived.parent == parent and derived.status == "LAUNCHED"

    coop = sign_in(make_user(Role.UNIT_REPORTER, network.hue_coop))
    coop.goto(f"{live_server.url}/phong-trao/don-vi/{network.hue_coop.pk}/")
    coop.get_by_role("listitem").filter(has_text="Liên minh Hợp tác xã Thành phố Huế").get_by_role(
        "link", name="Đăng ký thi đua").click()
    coop.get_by_label("Tập thể lao động tiên tiến").check()
    coop.get_by_label("Nguyễn Văn Điệp").select_option(label="Lao động tiên tiến")
    coop.get_by_role("button", name="Gửi").click()
    coop.get_by_text("Đã gửi bản đăng ký.").wait_for()
    assert Registration.objects.get(unit=network.hue_coop, movement=derived).status == "SUBMITTED"

    hue.goto(f"{live_server.url}/phong-trao/bao-cao/cap/{network.hue.pk}/?movement={derived.pk}")
    hue.get_by_label("Năm").fill(str(year))
    hue.get_by_label("Kỳ báo cáo").select_option("Q1")
    hue.get_by_label("Hạn nộp").fill(fmt(today - timedelta(days=1)))
    hue.get_by_role("button", name="Lưu").click()
    hue.get_by_text("Đã mở kỳ báo cáo").wait_for()

    coop.goto(f"{live_server.url}/phong-trao/bao-cao/don-vi/{network.hue_coop.pk}/")
    coop.get_by_role("link", name="Nộp báo cáo").click()
    coop.get_by_label("Nội dung báo cáo").fill("Quý I: 42 thành viên tham gia, 1 sáng kiến.")
    coop.get_by_label("Số lượt tham gia").fill("42")
    coop.get_by_label("Sáng kiến").fill("1")
    coop.get_by_role("button", name="Gửi").click()
    coop.get_by_text("nhưng sau hạn").wait_for()
    assert ProgressReport.objects.get(unit=network.hue_coop).is_late

    hue.reload()  # the compliance page, where opening the round led
    hue.get_by_role("heading", name=f"Tình hình nộp báo cáo Quý I {year}").wait_for()
    row = hue.get_by_role("row").filter(has_text=network.hue_coop.name)
    assert "Nộp muộn" in row.inner_text()
    assert "Chưa nộp (quá hạn)" in hue.get_by_role("row").filter(
        has_text=network.hue_coop2.name).inner_text()

    hue.goto(f"{live_server.url}/phong-trao/{derived.pk}/so-ket-tong-ket/?kind=MIDTERM")
    assert hue.get_by_label("Số lượt tham gia").input_value() == "42"
    hue.get_by_label("Đánh giá chung").fill("Sơ kết: các HTX hưởng ứng tích cực.")
    hue.get_by_role("button", name="Lưu").click()
    hue.get_by_text("Đã ghi nhận sơ kết.").wait_for()
    assert Review.objects.get(movement=derived).participants == 42
