"""Playwright driving Debian's Chromium (/usr/bin/chromium) against Django's live server."""
import logging
import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

CHROMIUM = os.environ.get("THIDUA_CHROMIUM", "/usr/bin/chromium")


@pytest.fixture(scope="module")
def browser():
    """One Chromium per test module. While it runs, Playwright's sync API keeps an event loop in
    this thread, so the tests' own ORM calls must be allowed beside it."""
    from playwright.sync_api import sync_playwright

    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

    if not os.path.exists(CHROMIUM):
        pytest.fail(f"Thiếu {CHROMIUM}: cài bằng `apt-get install chromium` (make test tự cài khi là root).")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        )
        yield browser
        browser.close()
    if previous is None:
        del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="vi-VN", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


class _ServerErrors(logging.Handler):
    """Keeps what Django logs about a request that answered 5xx."""

    def __init__(self):
        super().__init__(level=logging.ERROR)
        self.seen = []

    def emit(self, record):
        self.seen.append(record.getMessage())


@pytest.fixture(autouse=True)
def no_server_errors():
    """A page that answered 500 behind the test's back fails it: the browser shows an error page,
    but a test that looks elsewhere next would pass (a movement's history panel did)."""
    errors = _ServerErrors()
    logger = logging.getLogger("django.request")
    logger.addHandler(errors)
    yield
    logger.removeHandler(errors)
    assert not errors.seen, f"the server answered with an error: {errors.seen}"


@pytest.fixture(autouse=True)
def catalogue_for_browser_tests(award_catalogue):
    """Browser tests are transactional: the flush before them empties the catalogue."""


def choose(scope, label, option):
    """Pick ``option`` in the list labelled ``label`` as a person does: a plain select by its
    option; a searchable one (Tom Select, for long lists) by clicking it, typing and clicking the
    option. ``scope`` is a page or a locator within one."""
    page = scope.page if hasattr(scope, "page") else scope
    field = scope.get_by_role("combobox", name=label, exact=True)
    if field.evaluate("element => element.tagName") == "SELECT":
        field.select_option(label=option)
        return
    wrapper = scope.locator(".ts-wrapper", has=field)
    wrapper.locator(".ts-control").click()
    # Typed into the list's own search box (focused by the click): typing sent before a slow
    # page moved the focus would be lost, and an unfiltered list scrolls under the pointer.
    field.press_sequentially(option)
    expect(field).to_have_value(option)
    page.locator(".ts-dropdown:visible").get_by_role("option", name=option, exact=True).click()
    # Done when the choice shows in the field and the list is closed (a list of several choices
    # stays open for the next one): nothing of it may lie over the buttons clicked next.
    expect(wrapper.locator(".ts-control .item").filter(has_text=option)).to_have_count(1)
    if page.locator(".ts-dropdown:visible").count():
        field.press("Escape")
    expect(page.locator(".ts-dropdown:visible")).to_have_count(0)


@pytest.fixture(name="choose")
def choose_fixture():
    return choose


PASSWORD = "a-long-test-password"  # make_user's


def log_in(page, live_server, user):
    """Sign ``user`` in through the login form, as a person does, and land on the home page.

    The previous page is left first: a request it still had in flight could otherwise set the
    previous session's CSRF cookie after the cookies are cleared, and the form's token would no
    longer match it (a 403 seen once in a PostgreSQL run)."""
    page.goto("about:blank")
    page.context.clear_cookies()
    page.goto(f"{live_server.url}/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill(user.username)
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url(f"{live_server.url}/")


@pytest.fixture(name="log_in")
def log_in_fixture():
    return log_in


SHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"
SIZES = {"1366": {"width": 1366, "height": 900}, "360": {"width": 360, "height": 740}}


def shoot(page, name):
    """Full-page screenshots of ``page`` at 1366×900 and 360×740 into var/screenshots/
    (``name`` may hold a folder); the page may not scroll sideways at either width."""
    path = SHOTS / name
    path.parent.mkdir(parents=True, exist_ok=True)
    size_before = page.viewport_size
    for label, size in SIZES.items():
        page.set_viewport_size(size)
        page.screenshot(path=f"{path}-{label}.png", full_page=True)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{name} overflows by {overflow}px at {label}px"
    page.set_viewport_size(size_before)


@pytest.fixture(name="shoot")
def shoot_fixture():
    return shoot
