"""Writes the in-app guide's pictures: ``make guide-pictures`` runs this file (its name keeps it out
of the suite, which checks the committed pictures instead: tests/guide/test_guide_pictures.py).

Each page a guide shows is opened as the page sweep opens it — same page list
(``thidua.demo.pages``), same account, same demo, same frozen clock — at the sweep's two widths,
in each interface language;
the visible part is scaled down and stored as WebP in thidua/guide/static/guide/pictures/.
Pictures no guide uses any more are removed."""
import io
from itertools import product

import pytest
from PIL import Image

from test_page_sweep import Sweep, demo  # noqa: F401 (the demo fixture)
from thidua.demo.pages import main_pages
from thidua.guide.pictures import (BUDGET, FOLDER, LANGUAGES, QUALITY, WIDTHS, file_name,
                                   stored_size)
from thidua.guide.roles import pictured_pages

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def store(png, path, width):
    with Image.open(io.BytesIO(png)) as shot:
        shot.convert("RGB").resize(stored_size(width), Image.LANCZOS).save(
            path, "WEBP", quality=QUALITY, method=6)


def test_write_guide_pictures(demo, browser, live_server):
    wanted = pictured_pages()
    pages = {name: (account, url) for name, account, url in main_pages() if name in wanted}
    assert pages.keys() == wanted, f"Not in the sweep's page list: {wanted - pages.keys()}"
    FOLDER.mkdir(parents=True, exist_ok=True)
    keep = {file_name(name, width, language)
            for name in wanted for width in WIDTHS for language in LANGUAGES}
    for old in FOLDER.glob("*.webp"):
        if old.name not in keep:
            old.unlink()
    sweep = Sweep(browser, live_server.url)
    try:
        for (name, (account, url)), language in product(sorted(pages.items()), LANGUAGES):
            page = sweep.page_for(account, language)
            for width, (height, _stored) in WIDTHS.items():
                page.set_viewport_size({"width": width, "height": height})
                response = page.goto(f"{live_server.url}{url}")
                page.wait_for_load_state("networkidle")
                assert response.status == 200, f"{name}: {url} answered {response.status}"
                store(page.screenshot(), FOLDER / file_name(name, width, language), width)
    finally:
        sweep.close()
    total = sum(path.stat().st_size for path in FOLDER.glob("*.webp"))
    assert total < BUDGET, f"The guide's pictures weigh {total} bytes, over {BUDGET}"
