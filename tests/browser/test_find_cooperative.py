import pytest

from thidua.accounts.models import Role

pytestmark = [pytest.mark.browser,
              pytest.mark.django_db(transaction=True)]


def log_in(page, live_server, username, password):
    page.goto(f"{live_server.url}/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(password)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url(f"{live_server.url}/")


def test_officer_finds_cooperative_by_unaccented_name_and_sees_its_people(
        page, live_server, network, make_user):
    officer = make_user(Role.EC_OFFICER, network.hue)
    log_in(page, live_server, officer.username, "a-long-test-password")

    page.get_by_role("link", name="Đơn vị").first.click()
    page.get_by_label("Tìm kiếm").fill("htx nong nghiep thuy thanh")
    page.get_by_role("button", name="Lọc").click()
    page.get_by_role("link", name="Hợp tác xã Nông nghiệp Thủy Thanh").click()

    page.get_by_role("heading", name="Hợp tác xã Nông nghiệp Thủy Thanh").wait_for()
    people = page.get_by_role("heading", name="Cán bộ, thành viên, người lao động").locator("..")
    assert "Nguyễn Văn Điệp" in people.inner_text()
    assert "Phạm Quốc Bảo" not in page.content()  # Hà Nội's member stays invisible

    page.get_by_role("link", name="Nguyễn Văn Điệp").click()
    page.get_by_role("heading", name="Quá trình công tác").wait_for()
    assert "Hợp tác xã Nông nghiệp Thủy Thanh" in page.inner_text("main")


def test_layout_fits_a_360px_phone(page, live_server, network, make_user):
    officer = make_user(Role.VIEWER, network.hue)
    page.set_viewport_size({"width": 360, "height": 740})
    log_in(page, live_server, officer.username, "a-long-test-password")
    page.goto(f"{live_server.url}/ca-nhan/")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360
    page.get_by_role("button", name="Mở menu").click()
    page.get_by_role("link", name="Khối, cụm thi đua").click()
    page.get_by_role("heading", name="Khối, cụm thi đua").wait_for()
