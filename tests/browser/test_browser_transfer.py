"""A person's transfer in a browser, with real clicks and typing: the Huế cooperative's reporter
asks the Hà Nội cooperative to take Nguyễn Văn Điệp; its reporter finds the request on the home
page, opens it and accepts it through the confirmation dialog; the person's record then shows both
employments. Screenshots at 1366 and 360 px go to var/screenshots/transfer/."""
from datetime import date

import pytest
from waiting import loaded

from thidua.accounts.models import Role
from thidua.organizations.models import Employment, Transfer, TransferState

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_receiving_unit_accepts_a_transfer(page, live_server, network, make_user, log_in,
                                                shoot):
    sender = make_user(Role.UNIT_REPORTER, network.hue_coop)
    receiver = make_user(Role.UNIT_REPORTER, network.hanoi_coop)
    person = network.hue_person

    log_in(page, live_server, sender)
    page.goto(f"{live_server.url}{person.get_absolute_url()}")
    page.get_by_role("link", name="Đề nghị chuyển sang đơn vị khác").click()
    page.get_by_label("Đơn vị nhận (mã đơn vị)").fill(network.hanoi_coop.code)
    page.get_by_label("Ngày chuyển").fill("01/09/2026")  # typed: the calendar opens on a click
    page.get_by_label("Chức vụ tại đơn vị nhận").fill("Kế toán")
    shoot(page, "transfer/request-form")
    page.get_by_role("button", name="Gửi đề nghị").click()
    page.get_by_text("Đã gửi đề nghị điều chuyển; chờ đơn vị nhận xác nhận.").wait_for()
    page.get_by_role("link", name="Chờ đơn vị nhận xác nhận").wait_for()  # the sender's view
    assert Employment.objects.get(person=person).end_date is None

    log_in(page, live_server, receiver)
    card = page.get_by_test_id("work-transfers")
    assert "Điều chuyển cá nhân chờ đơn vị nhận xác nhận" in card.inner_text()
    shoot(page, "transfer/home-receiver")
    card.get_by_role("link", name=person.full_name).click()
    page.get_by_text("Hợp tác xã Nông nghiệp Thủy Thanh").first.wait_for()
    shoot(page, "transfer/pending")
    loaded(page.get_by_role("button", name="Tiếp nhận")).click()
    page.get_by_role("dialog").get_by_role("button", name="Tiếp nhận").click()
    page.get_by_text(f"Đã tiếp nhận {person.full_name}.").wait_for()
    assert page.get_by_role("button", name="Tiếp nhận").count() == 0
    transfer = Transfer.objects.get()
    assert transfer.state == TransferState.ACCEPTED
    assert transfer.employment.end_date == date(2026, 8, 31)
    shoot(page, "transfer/accepted")

    page.get_by_role("link", name=person.full_name).first.click()
    page.get_by_role("cell", name="Hợp tác xã Rau sạch Văn Đức").first.wait_for()
    shoot(page, "transfer/person-after")
