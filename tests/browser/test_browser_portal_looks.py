"""The portal as the public sees it, at 1366×900 and 360×740: the header band carries the logo
mark, every picture loads (naturalWidth > 0), nothing overflows sideways, axe-core finds no
serious or critical violation. Screenshots go to test-results/screens/portal/ (CI keeps them)."""
from pathlib import Path

import pytest
from django.core.cache import cache
from portal_pictures import publish_illustrated

from thidua.accounts.models import Role

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
AXE = Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js"
SCREENS = Path(__file__).resolve().parents[2] / "test-results" / "screens" / "portal"
FIRST_LOAD_MS = 60_000
PAGES = ["/p/hue/", "/p/hue/thu-vien/", "/p/hue/tin-tuc/", "/p/hue/bang-vang/"]
SERIOUS = ("serious", "critical")


def broken_images(page):
    """Scroll every image into view (lazy ones load then), wait, list those that failed."""
    for image in page.locator("img").all():
        image.scroll_into_view_if_needed()
    page.wait_for_load_state("networkidle")
    return page.evaluate("[...document.images].filter(i => !i.complete || i.naturalWidth === 0)"
                         ".map(i => i.getAttribute('src'))")


def axe_violations(page):
    found = page.evaluate("axe.run().then(r => r.violations.map(v => "
                          "({id: v.id, impact: v.impact, n: v.nodes.length})))")
    return [v for v in found if v["impact"] in SERIOUS]


@pytest.mark.parametrize("width,height", [(1366, 900), (360, 740)])
def test_portal_pages_load_their_pictures_fit_and_pass_axe(browser, live_server, network,
                                                           make_user, settings, tmp_path,
                                                           width, height, now):
    settings.MEDIA_ROOT = tmp_path
    cache.clear()
    publish_illustrated(network, make_user(Role.PORTAL_EDITOR, network.hue), now)
    context = browser.new_context(locale="vi-VN", viewport={"width": width, "height": height},
                                  bypass_csp=True)
    context.add_init_script(path=str(AXE))  # axe-core reads the page; it never acts
    page = context.new_page()
    SCREENS.mkdir(parents=True, exist_ok=True)
    for path in PAGES:
        page.goto(f"{live_server.url}{path}", timeout=FIRST_LOAD_MS)
        assert broken_images(page) == [], path
        assert page.evaluate("document.documentElement.scrollWidth") <= width, path
        assert axe_violations(page) == [], path
        name = path.strip("/").replace("/", "-")
        page.screenshot(path=str(SCREENS / f"{name}-{width}.png"), full_page=True)
    page.goto(f"{live_server.url}/p/hue/")
    logo = page.get_by_role("banner").locator("img.portal-logo")
    assert logo.evaluate("image => image.naturalWidth") == 256
    assert page.locator('link[rel="icon"]').get_attribute("href") == "/p/hue/bieu-trung/"
    context.close()
