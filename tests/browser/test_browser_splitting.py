"""A provincial E&C officer splits a new cooperative off one of theirs from its page, choosing
who goes there, with real clicks, typing and the confirmation dialog."""
import pytest
from waiting import loaded

from thidua.accounts.models import Role
from thidua.organizations.models import Organization

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_split_a_cooperative_from_its_page(page, live_server, network, make_user, log_in, shoot,
                                           choose):
    officer = make_user(Role.EC_OFFICER, network.hanoi)
    coop, person = network.hanoi_coop, network.hanoi_person
    log_in(page, live_server, officer)
    page.goto(f"{live_server.url}{coop.get_absolute_url()}")
    page.get_by_role("link", name="Chia tách").click()
    page.get_by_text("Các đơn vị mới được tạo cùng cấp với đơn vị này").wait_for()
    page.get_by_label("Ngày chia tách").fill("01/03/2026")
    page.keyboard.press("Escape")
    page.get_by_label("Tên đơn vị mới 1").fill("Hợp tác xã Rau an toàn Văn Đức")
    page.get_by_label("Mã đơn vị mới 1").fill("P01-HTX02")
    choose(page, "Phạm Quốc Bảo — Thành viên", "Sang đơn vị mới 1")
    shoot(page, "split-form")
    loaded(page.get_by_role("button", name="Chia tách")).click()
    page.get_by_role("dialog").get_by_role("button", name="Chia tách").click()
    page.get_by_text("Đã tách Hợp tác xã Rau an toàn Văn Đức từ Hợp tác xã Rau sạch Văn Đức"
                     ).wait_for()
    assert page.url.endswith(coop.get_absolute_url())
    created = Organization.objects.get(code="P01-HTX02")
    assert created.split_from == coop
    assert person.employments.get(end_date__isnull=True).organization == created
    shoot(page, "split-old-unit")
    page.locator("#chia-tach").get_by_role("link", name="Hợp tác xã Rau an toàn Văn Đức").click()
    page.get_by_text("Tách ra ngày 01/03/2026 từ").wait_for()
    page.get_by_role("link", name="Phạm Quốc Bảo").wait_for()  # works here now
    shoot(page, "split-new-unit")
