"""An officer edits a person into someone already at the cooperative: the form names them and
saves only after the "Vẫn lưu" box is ticked — with real typing and clicks."""
import pytest

from thidua.accounts.models import Role
from thidua.organizations.models import Person

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_edit_into_a_twin_is_named_and_saved_once_confirmed(page, live_server, network,
                                                               make_user, log_in, shoot):
    namesake = network.person("Nguyễn", "Văn", "Đức", network.hue_coop)
    log_in(page, live_server, make_user(Role.EC_OFFICER, network.hue))
    page.goto(f"{live_server.url}{namesake.get_absolute_url()}sua/")
    page.get_by_role("textbox", name="Tên", exact=True).fill("Điệp")
    page.get_by_role("button", name="Lưu").click()
    page.get_by_text(f"Có thể trùng với Nguyễn Văn Điệp (#{network.hue_person.pk})").wait_for()
    assert page.get_by_role("textbox", name="Tên", exact=True).input_value() == "Điệp"
    box = page.get_by_label("Vẫn lưu: đây là hai người khác nhau")
    box.check()
    shoot(page, "person-twin-edit")
    page.get_by_role("button", name="Lưu").click()
    page.get_by_text("Đã lưu thông tin cá nhân.").wait_for()
    assert Person.objects.get(pk=namesake.pk).given_name == "Điệp"
