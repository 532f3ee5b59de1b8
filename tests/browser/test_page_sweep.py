"""The page sweep (issue 16): every main page of every area, as the role that uses it, at 1366×900
and 360×740, on the demo. Each page must not overflow sideways, scroll a table sideways inside
its frame (.table-responsive: a wide report may, a list should fold its columns), show a broken
image, log a console error, hide a form control under something else, or have a serious or
critical axe-core violation; in English, its interface (navigation, headings, labels, buttons,
table headers) must not be left in Vietnamese. Screenshots go to test-results/sweep/ for CI to
keep.

What the sweep finds today and nobody has fixed yet is listed in ``page_sweep_ratchet.json``
(page, viewport, rule, count): a page may only get better. A new finding, or more of one, fails; a
fixed one fails too until it is removed from the file, so the list only shrinks. After fixing,
``THIDUA_SWEEP_RECORD=1`` rewrites the file from the run (review its diff before committing)."""
import gettext
import io
import json
import os
import re
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse

from thidua.demo.pages import main_pages

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

HERE = Path(__file__).resolve().parent
AXE = HERE / "vendor" / "axe-core" / "axe.min.js"
RATCHET = HERE / "page_sweep_ratchet.json"
SHOTS = HERE.parents[1] / "test-results" / "sweep"
PASSWORD = "mat-khau-demo-quet-trang"
VIEWPORTS = {"1366": {"width": 1366, "height": 900}, "360": {"width": 360, "height": 740}}

# One literal script per check, so the real-input lint can read them; none writes to the page.
# The sideways overflow in pixels and the outermost elements that cause it (not those clipped by a
# scrolling frame such as .table-responsive).
OVERFLOW = """() => {
    const width = document.documentElement.clientWidth;
    const over = document.documentElement.scrollWidth - width;
    if (over <= 0) return [];
    const clipped = element => {
        for (let up = element.parentElement; up && up !== document.body; up = up.parentElement) {
            if (getComputedStyle(up).overflowX !== 'visible') return true;
        }
        return false;
    };
    const culprits = Array.from(document.body.querySelectorAll('*'))
        .filter(element => element.getBoundingClientRect().right > width + 1
                && (!element.parentElement || element.parentElement.getBoundingClientRect().right <= width + 1)
                && !clipped(element))
        .slice(0, 3).map(element => element.tagName.toLowerCase()
                + (typeof element.className === 'string' && element.className.trim()
                   ? '.' + element.className.trim().split(/\\s+/).join('.') : ''));
    return [over + 'px: ' + culprits.join(', ')];
}"""
# The tables that scroll sideways inside their frame, by their first header cell.
SCROLLING_TABLES = """() => Array.from(document.querySelectorAll('.table-responsive'))
    .filter(frame => frame.scrollWidth > frame.clientWidth + 1)
    .map(frame => (frame.querySelector('th') || frame).textContent.trim().slice(0, 40)
         + ': ' + frame.scrollWidth + 'px in ' + frame.clientWidth)"""
BROKEN_IMAGES = """() => Array.from(document.images)
    .filter(image => image.complete && image.naturalWidth === 0).map(image => image.src)"""
# For each visible control, the element at its centre is the control, inside it, its label, or part
# of the same search widget; anything else covers it.
COVERED_CONTROLS = """() => {
    const covered = [];
    for (const control of document.querySelectorAll('input, select, textarea')) {
        const box = control.getBoundingClientRect();
        const style = getComputedStyle(control);
        if (control.type === 'hidden' || box.width < 2 || box.height < 2
            || style.visibility === 'hidden' || style.opacity === '0') continue;
        control.scrollIntoView({block: 'center', inline: 'center'});
        const now = control.getBoundingClientRect();
        const hit = document.elementFromPoint(now.left + now.width / 2, now.top + now.height / 2);
        const labels = Array.from(control.labels || []);
        const widget = control.closest('.ts-wrapper');
        if (!hit || hit === control || control.contains(hit)
            || labels.some(label => label === hit || label.contains(hit))
            || (widget && widget.contains(hit))) continue;
        covered.push((control.name || control.id || control.type) + ' under '
                     + hit.tagName.toLowerCase() + (hit.className ? '.' + hit.className : ''));
    }
    window.scrollTo(0, 0);
    return covered;
}"""
AXE_RUN = """async () => {
    const result = await axe.run(document, {resultTypes: ['violations']});
    return result.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
        .map(v => ({rule: v.id, count: v.nodes.length,
                    targets: v.nodes.slice(0, 3).map(node => node.target.join(' '))}));
}"""
# The interface in English: every visible element's own text that still carries Vietnamese marks,
# as [text, is chrome]. Names of units, people and movements are data and stay as written: a text
# counts as interface left in Vietnamese when it is one of the catalogue's source strings, or when
# it is the own text of a column header, label, legend or button (chrome that never holds data, but
# may hold words never marked for translation). See ``untranslated``. Data the page marks as
# Vietnamese (``lang="vi"``: a post typed as "Chủ tịch", which is also a catalogue string) is
# skipped, as a screen reader reads it in Vietnamese.
VIETNAMESE_TEXT = """() => {
    const marks = /[ăâđêôơưáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ]/i;
    const chrome = 'thead th, label, legend, button';
    const found = new Map();
    for (const element of document.body.querySelectorAll('*')) {
        if (['SCRIPT', 'STYLE', 'TEMPLATE', 'OPTION'].includes(element.tagName)) continue;
        if (!element.getClientRects().length || element.closest('[lang="vi"]')) continue;
        const isChrome = element.matches(chrome) && !element.closest('.choice-grid, .form-check, td');
        for (const node of element.childNodes) {
            const text = node.nodeType === 3 ? node.textContent.replace(/\\s+/g, ' ').trim() : '';
            if (text && marks.test(text)) found.set(text, found.get(text) || isChrome);
        }
        for (const name of ['placeholder', 'title', 'aria-label']) {
            const text = (element.getAttribute(name) || '').trim();
            if (text && marks.test(text)) found.set(text, found.get(text) || false);
        }
    }
    return Array.from(found.entries());
}"""
CATALOGUE = HERE.parents[1] / "thidua" / "locale" / "en" / "LC_MESSAGES" / "django.mo"
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\w*\}")
VIETNAMESE = re.compile("[ăâđêôơưáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ]", re.I)


def source_strings():
    """One pattern matching any Vietnamese source string of the English catalogue, placeholders as
    wildcards: a page text it matches whole is interface, not data. (The stdlib reader of the
    compiled catalogue keeps its entries in ``_catalog``; plural entries are keyed (msgid, n).)"""
    with CATALOGUE.open("rb") as file:
        catalog = gettext.GNUTranslations(file)._catalog
    patterns = set()
    for key in catalog:
        text = " ".join((key[0] if isinstance(key, tuple) else key).split("\x04")[-1].split())
        if VIETNAMESE.search(PLACEHOLDER.sub("", text)):
            patterns.add(".+?".join(re.escape(part) for part in PLACEHOLDER.split(text)))
    return re.compile("|".join(sorted(patterns, key=len, reverse=True)))


def untranslated(texts, sources):
    return sorted(text for text, chrome in texts if chrome or sources.fullmatch(text))


@pytest.fixture
def demo(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.THIDUA_DEMO_PASSWORD = PASSWORD
    call_command("load_demo", "--small", stdout=io.StringIO())


class Sweep:
    """Signs in once per account and language, opens pages and collects findings as
    {(page, viewport, rule): count} with a sample of what was found."""

    def __init__(self, browser, base_url):
        self.browser, self.base_url = browser, base_url
        self.contexts, self.findings, self.samples = {}, {}, {}
        self.sources = source_strings()

    def page_for(self, account, language):
        key = (account, language)
        if key not in self.contexts:
            context = self.browser.new_context(locale="vi-VN", viewport=VIEWPORTS["1366"])
            context.add_init_script(path=str(AXE))
            page = context.new_page()
            page.set_default_timeout(20_000)
            page.errors = []
            page.on("console", lambda message, page=page: message.type == "error"
                    and page.errors.append(message.text))
            page.on("pageerror", lambda error, page=page: page.errors.append(str(error)))
            if account:
                page.goto(f"{self.base_url}{reverse('accounts:login')}")
                page.get_by_label("Tên đăng nhập").fill(account)
                page.get_by_label("Mật khẩu").fill(PASSWORD)
                page.get_by_role("button", name="Đăng nhập", exact=True).click()
                page.wait_for_url(f"{self.base_url}/")
            context.add_cookies([{"name": "django_language", "value": language,
                                  "url": self.base_url}])
            self.contexts[key] = (context, page)
        return self.contexts[key][1]

    def note(self, name, viewport, rule, items):
        if items:
            self.findings[(name, viewport, rule)] = len(items)
            self.samples[(name, viewport, rule)] = items[:3]

    def check(self, name, account, url):
        page = self.page_for(account, "vi")
        for viewport, size in VIEWPORTS.items():
            page.set_viewport_size(size)
            page.errors.clear()
            response = page.goto(f"{self.base_url}{url}")
            page.wait_for_load_state("networkidle")
            assert response.status == 200, f"{name}: {url} answered {response.status}"
            page.screenshot(path=SHOTS / f"{name}-{viewport}.png", full_page=True)
            self.note(name, viewport, "overflow", page.evaluate(OVERFLOW))
            self.note(name, viewport, "table-scrolls", page.evaluate(SCROLLING_TABLES))
            self.note(name, viewport, "broken-image", page.evaluate(BROKEN_IMAGES))
            self.note(name, viewport, "covered-control", page.evaluate(COVERED_CONTROLS))
            self.note(name, viewport, "console-error", list(page.errors))
            for violation in page.evaluate(AXE_RUN):
                self.note(name, viewport, f"axe:{violation['rule']}",
                          violation["targets"] + [""] * (violation["count"] - len(violation["targets"])))

    def check_english(self, name, account, url):
        page = self.page_for(account, "en")
        page.set_viewport_size(VIEWPORTS["1366"])
        page.goto(f"{self.base_url}{url}")
        assert page.locator("html").get_attribute("lang") == "en", f"{name} is not in English"
        self.note(name, "en", "vietnamese-ui", untranslated(page.evaluate(VIETNAMESE_TEXT), self.sources))

    def close(self):
        for context, _page in self.contexts.values():
            context.close()


def test_every_main_page_is_clean_at_both_sizes_and_in_english(demo, browser, live_server):
    SHOTS.mkdir(parents=True, exist_ok=True)
    sweep = Sweep(browser, live_server.url)
    try:
        # THIDUA_SWEEP_ONLY=portal sweeps only the pages whose name starts so (a quicker look).
        only = os.environ.get("THIDUA_SWEEP_ONLY", "")
        for name, account, url in main_pages():
            if not name.startswith(only):
                continue
            sweep.check(name, account, url)
            sweep.check_english(name, account, url)
    finally:
        sweep.close()

    found = {"|".join(key): count for key, count in sorted(sweep.findings.items())}
    (SHOTS / "findings.json").write_text(json.dumps(
        {key: {"count": count, "sample": sweep.samples[tuple(key.split("|"))]}
         for key, count in found.items()}, ensure_ascii=False, indent=1))
    if os.environ.get("THIDUA_SWEEP_RECORD") and not only:
        RATCHET.write_text(json.dumps(
            [{"page": page, "viewport": viewport, "rule": rule, "count": count}
             for (page, viewport, rule), count in sorted(sweep.findings.items())],
            ensure_ascii=False, indent=1) + "\n")
    known = {f"{row['page']}|{row['viewport']}|{row['rule']}": row["count"]
             for row in json.loads(RATCHET.read_text()) if row["page"].startswith(only)}
    worse = {key: (count, known.get(key, 0), sweep.samples[tuple(key.split("|"))])
             for key, count in found.items() if count > known.get(key, 0)}
    better = {key: (found.get(key, 0), count) for key, count in known.items()
              if found.get(key, 0) < count}
    assert not worse, "New findings (found, allowed, sample):\n" + "\n".join(
        f"{key}: {value}" for key, value in worse.items())
    assert not better, ("Fixed — lower or remove these in page_sweep_ratchet.json "
                        "(found, listed):\n" + "\n".join(f"{key}: {value}" for key, value in better.items()))
