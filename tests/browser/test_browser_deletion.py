"""A cooperative's person entered twice is deleted by the E&C officer and restored by the system
administrator, with real clicks and typing."""
import pytest
from waiting import loaded

from thidua.accounts.models import Role
from thidua.organizations.models import Person

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_delete_a_person_then_restore_them(page, live_server, network, make_user, log_in, shoot):
    officer = make_user(Role.EC_OFFICER, network.hanoi)
    admin = make_user(Role.SYSTEM_ADMIN, network.hanoi)
    person = network.hanoi_person
    log_in(page, live_server, officer)
    page.goto(f"{live_server.url}{person.get_absolute_url()}")
    page.get_by_role("link", name="Xóa", exact=True).click()
    page.get_by_label("Lý do xóa").fill("Nhập trùng với hồ sơ đã có")
    loaded(page.get_by_role("button", name="Xóa", exact=True)).click()
    page.get_by_text("Đã xóa Phạm Quốc Bảo.").wait_for()
    assert page.get_by_role("link", name="Phạm Quốc Bảo").count() == 0  # gone from the list
    assert Person.objects.get(pk=person.pk).deleted_by == officer

    page.context.clear_cookies()
    log_in(page, live_server, admin)
    page.goto(f"{live_server.url}/don-vi/")
    page.get_by_role("link", name="Đã xóa").click()
    page.get_by_role("cell", name="Nhập trùng với hồ sơ đã có", exact=True).wait_for()
    shoot(page, "deleted-list")
    page.get_by_role("button", name="Khôi phục Phạm Quốc Bảo").click()
    page.get_by_text("Đã khôi phục Phạm Quốc Bảo.").wait_for()
    assert page.url.endswith(person.get_absolute_url())
    assert Person.objects.get(pk=person.pk).deleted_at is None
