"""The in-app guide with real clicks: from the navigation to my role's guide, then a step's link to
the real page, at 1366 and at 360 px (where the navigation folds behind the menu button)."""
import pytest
from playwright.sync_api import expect
from waiting import loaded

from thidua.accounts.models import Role

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Read-only: whether one of the guide's pictures has loaded (the first step's is in view).
PICTURE_LOADED = ("() => Array.from(document.querySelectorAll('.guide-picture img'))"
                  ".some(image => image.naturalWidth > 0)")


def test_a_reporter_opens_the_guide_and_follows_a_step(page, live_server, network, make_user,
                                                       log_in, shoot):
    coop = network.hue_coop
    log_in(page, live_server, make_user(Role.UNIT_REPORTER, coop))

    page.get_by_role("navigation", name="Các khu vực").get_by_role("link", name="Hướng dẫn").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Hướng dẫn")
    expect(page.get_by_role("heading", name="Cán bộ báo cáo của đơn vị")).to_be_visible()
    step = page.get_by_test_id("step-bao-cao-3")
    expect(step).to_contain_text("Báo cáo định kỳ của đơn vị")
    step.scroll_into_view_if_needed()
    page.wait_for_function(PICTURE_LOADED)
    shoot(page, "guide/reporter")

    step.get_by_role("link", name="Mở trang: Nộp báo cáo định kỳ").click()
    page.wait_for_url(f"{live_server.url}/phong-trao/bao-cao/don-vi/{coop.pk}/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Báo cáo định kỳ")


def test_on_a_phone_the_guide_is_in_the_menu_and_other_roles_are_a_click_away(
        page, live_server, network, make_user, log_in, shoot):
    log_in(page, live_server, make_user(Role.EC_OFFICER, network.hue))
    page.set_viewport_size({"width": 360, "height": 740})
    page.get_by_role("button", name="Mở menu").click()
    page.get_by_role("navigation", name="Các khu vực").get_by_role("link", name="Hướng dẫn").click()
    # Waits for the guide's answer, not for every picture on it ("load"): under the whole suite
    # on two busy cores the pictures took over 30 s twice, the page itself far less.
    page.wait_for_url(f"{live_server.url}/huong-dan/**", wait_until="commit", timeout=30_000)
    expect(page.get_by_role("heading", name="Cán bộ thi đua – khen thưởng")).to_be_visible(
        timeout=30_000)

    page.get_by_role("link", name="Thành viên Hội đồng TĐKT").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Thành viên Hội đồng TĐKT")
    expect(page.get_by_test_id("step-hoi-dong-2")).to_contain_text("Bỏ phiếu kín")
    page.get_by_test_id("step-hoi-dong-2").scroll_into_view_if_needed()
    shoot(page, "guide/council")


def test_the_guide_in_english(page, live_server, network, make_user, log_in, shoot):
    log_in(page, live_server, make_user(Role.APPRAISER, network.hue))
    page.get_by_role("link", name="Hướng dẫn cho vai trò của bạn").click()
    loaded(page.get_by_label("Ngôn ngữ")).select_option(label="Tiếng Anh")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Guide")
    step = page.get_by_test_id("step-tham-dinh-2")
    expect(step).to_contain_text("Dossiers")  # the menu's own English label
    expect(step.get_by_role("link", name="Open the page:")).to_be_visible()
    shoot(page, "guide/appraiser-en")
