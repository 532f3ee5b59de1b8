"""A national emulation officer merges the Hà Nội alliance into Huế's from the unit page, with
real clicks, typing and the confirmation dialog."""
import pytest
from waiting import loaded

from thidua.accounts.models import Role
from thidua.organizations.models import Organization, OrganizationStatus

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_merge_a_provincial_alliance_from_its_page(page, live_server, network, make_user, log_in,
                                                   shoot):
    officer = make_user(Role.EC_OFFICER, network.vca)
    log_in(page, live_server, officer)
    page.goto(f"{live_server.url}{network.hanoi.get_absolute_url()}")
    page.get_by_role("link", name="Sáp nhập").click()
    page.get_by_text("1 đơn vị trực thuộc chuyển sang đơn vị nhận sáp nhập.").wait_for()
    page.get_by_label("Sáp nhập vào đơn vị (mã đơn vị)").fill(network.hue.code)
    page.get_by_label("Ngày sáp nhập").fill("01/07/2025")
    page.keyboard.press("Escape")
    page.get_by_label("Chuyển các tài khoản sang đơn vị nhận sáp nhập").check()
    shoot(page, "merge-form")
    loaded(page.get_by_role("button", name="Sáp nhập")).click()
    page.get_by_role("dialog").get_by_role("button", name="Sáp nhập").click()
    page.get_by_text("Đã sáp nhập Liên minh Hợp tác xã Thành phố Hà Nội").wait_for()
    assert page.url.endswith(network.hue.get_absolute_url())
    hanoi = Organization.objects.get(pk=network.hanoi.pk)
    assert hanoi.status == OrganizationStatus.MERGED and hanoi.merged_into == network.hue
    page.get_by_role("link", name="Hợp tác xã Rau sạch Văn Đức").wait_for()  # now under Huế
    shoot(page, "merge-done")
    page.goto(f"{live_server.url}{hanoi.get_absolute_url()}")
    page.get_by_text("Đơn vị đã sáp nhập vào Liên minh Hợp tác xã Thành phố Huế từ 01/07/2025."
                     ).wait_for()  # where the write actions were: none is offered
    for action in ("Sửa", "Thêm đơn vị trực thuộc", "Thêm cá nhân", "Nhập Excel"):
        assert page.get_by_role("link", name=action, exact=True).count() == 0
    shoot(page, "merged-unit")
    page.goto(f"{live_server.url}/don-vi/{hanoi.pk}/nhap-excel/")  # a bookmark from before
    page.get_by_text("Không thể nhập đơn vị hay cá nhân vào đơn vị này").wait_for()
    page.get_by_role("link", name="Liên minh Hợp tác xã Thành phố Huế").last.wait_for()
    shoot(page, "merged-import")
