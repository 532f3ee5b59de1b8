"""A provincial officer records a cooperative's dissolution on its edit page, with real clicks and
typing; its page then offers only reading, and its Excel import page says why nothing can be
imported. Screenshots at 1366 and 360 px go to var/screenshots/closed-units/."""
import pytest

from thidua.accounts.models import Role
from thidua.organizations.models import Organization, OrganizationStatus

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_dissolved_cooperative_is_read_only(page, live_server, network, make_user, log_in,
                                              choose, shoot):
    officer = make_user(Role.EC_OFFICER, network.hue)
    unit = network.hue_coop2
    log_in(page, live_server, officer)
    page.goto(f"{live_server.url}{unit.get_absolute_url()}")
    page.get_by_role("link", name="Sửa", exact=True).click()
    choose(page, "Trạng thái", "Đã giải thể")
    page.get_by_label("Ngày chuyển trạng thái").fill("30/06/2026")
    page.get_by_role("button", name="Lưu").click()
    page.get_by_text("Đơn vị đã giải thể từ 30/06/2026.").wait_for()
    assert Organization.objects.get(pk=unit.pk).status == OrganizationStatus.DISSOLVED
    for action in ("Sửa", "Thêm đơn vị trực thuộc", "Thêm cá nhân", "Nhập Excel"):
        assert page.get_by_role("link", name=action, exact=True).count() == 0
    shoot(page, "closed-units/dissolved-unit")

    page.goto(f"{live_server.url}/don-vi/{unit.pk}/nhap-excel/")  # a bookmark from before
    page.get_by_text("Không thể nhập đơn vị hay cá nhân vào đơn vị này").wait_for()
    shoot(page, "closed-units/dissolved-import")
    page.get_by_role("link", name="Về trang đơn vị").click()
    page.wait_for_url(f"{live_server.url}{unit.get_absolute_url()}")
