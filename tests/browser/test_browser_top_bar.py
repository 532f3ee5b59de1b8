"""The top bar as a person sees it, in both languages, at every width from a phone to a wide screen:
it never pushes the page sideways, the language menu shows its whole name (at 1366 px in English it
read "Englis"), and the guide, notifications and account stay reachable."""
import pytest
from playwright.sync_api import expect
from waiting import loaded

from thidua.accounts.models import Role

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Read-only measures: how far the page and the bar reach beyond the window, and how much of the
# language menu's chosen name is cut off (its text width, plus the room the arrow takes, against
# the box it has).
MEASURE = """() => {
  const select = document.getElementById('language-select');
  const style = getComputedStyle(select);
  const context = document.createElement('canvas').getContext('2d');
  context.font = style.font;
  const text = context.measureText(select.options[select.selectedIndex].text).width;
  const room = select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
  return {page: document.documentElement.scrollWidth - window.innerWidth,
          bar: document.querySelector('header').scrollWidth - window.innerWidth,
          cut: Math.ceil(text - room),
          right: select.getBoundingClientRect().right - window.innerWidth};
}"""
WIDTHS = (1200, 1280, 1366, 1440, 1920, 360)


def test_the_top_bar_fits_in_both_languages_at_every_width(page, live_server, network, make_user,
                                                           log_in):
    log_in(page, live_server, make_user(Role.EC_OFFICER, network.hue))
    for language in ("vi", "en"):
        if language == "en":
            page.set_viewport_size({"width": 1366, "height": 900})
            loaded(page.get_by_label("Ngôn ngữ")).select_option(label="Tiếng Anh")
            expect(page.locator("html")).to_have_attribute("lang", "en")
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": 900})
            expect(page.get_by_role("combobox", name=("Ngôn ngữ", "Language")[language == "en"])
                   ).to_have_value(language)
            measured = page.evaluate(MEASURE)
            assert max(measured.values()) <= 0, (language, width, measured)
            if width in (1200, 1280, 1366):  # the areas on one row (they wrapped in both)
                areas = page.get_by_role("navigation", name=("Các khu vực", "Areas")[
                    language == "en"]).get_by_role("listitem")
                # One read of every item's top: counting, then measuring each, raced the layout.
                tops = set(areas.evaluate_all(
                    "items => items.map(item => Math.round(item.getBoundingClientRect().top))"))
                assert max(tops) - min(tops) < 10, (language, width, tops)  # a row is 40 px

    # The English menu names areas ("Movements", plural, as the menu names an area).
    page.set_viewport_size({"width": 1366, "height": 900})
    areas = page.get_by_role("navigation", name="Areas").get_by_role("listitem")
    expect(areas.get_by_role("link", name="Movements", exact=True)).to_be_visible()

    # At 360 px the menu button is at the right edge, after the language menu, and opens the areas.
    page.set_viewport_size({"width": 360, "height": 740})
    button = page.get_by_role("button", name="Open menu").bounding_box()
    language = page.get_by_role("combobox", name="Language").bounding_box()
    assert language["x"] + language["width"] <= button["x"] and button["x"] + button["width"] > 330
    page.get_by_role("button", name="Open menu").click()
    page.get_by_role("navigation", name="Areas").get_by_role("link", name="Units").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("units")

    # At 1366 px the guide, notifications and account are icons that still work with a click.
    page.set_viewport_size({"width": 1366, "height": 900})
    areas = page.get_by_role("navigation", name="Areas")
    areas.get_by_role("link", name="Notifications").click()
    expect(page).to_have_url(f"{live_server.url}/thong-bao/")
    areas.get_by_role("link", name="Guide").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Guide")
