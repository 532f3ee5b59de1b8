"""Playwright driving Debian's Chromium (/usr/bin/chromium) against Django's live server."""
import os

import pytest

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



@pytest.fixture(autouse=True)
def catalogue_for_browser_tests(award_catalogue):
    """Browser tests are transactional: the flush before them empties the catalogue."""
