"""The in-app guide: each role's guide, reached from the navigation, with links that open the real
page for a user of that role and pictures of pages the page sweep still knows."""
import io
from itertools import product

import pytest
from django.core.management import call_command
from django.urls import reverse
from PIL import Image

from thidua.accounts.models import Role, User
from thidua.demo import data
from thidua.demo.pages import main_pages
from thidua.guide.pictures import BUDGET, FOLDER, LANGUAGES, WIDTHS, file_name, stored_size
from thidua.guide.roles import BY_ROLE, GUIDES, pictured_pages
from thidua.guide.steps import step_link

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    call_command("load_demo", "--small", stdout=io.StringIO())


def test_every_role_has_a_guide():
    assert {guide.role for guide in GUIDES} == set(Role.values)
    assert len({guide.slug for guide in GUIDES}) == len(GUIDES)


def test_pictures_are_of_pages_the_sweep_has_and_links_open_for_the_role(demo, client):
    """One demo load for both: each picture is of a page still in the sweep's list, stored at the
    size the guide shows, none left over, the set within its budget; and each guide's links,
    followed by the Huế demo account of that role, answer 200."""
    swept = {name for name, _account, _url in main_pages()}
    assert pictured_pages() <= swept, f"Not in the sweep's page list: {pictured_pages() - swept}"
    for page, width, language in product(pictured_pages(), WIDTHS, LANGUAGES):
        path = FOLDER / file_name(page, width, language)
        assert path.exists(), f"{path.name} is missing: run make guide-pictures"
        with Image.open(path) as picture:
            assert picture.size == stored_size(width), path.name
    stored = {path.name for path in FOLDER.glob("*.webp")}
    used = {file_name(*key) for key in product(pictured_pages(), WIDTHS, LANGUAGES)}
    assert stored == used, f"Pictures no guide shows: {stored - used}"
    assert sum(path.stat().st_size for path in FOLDER.glob("*.webp")) < BUDGET

    for guide in GUIDES:
        user = User.objects.get(username=f"hue.{data.ROLE_SLUGS[guide.role]}")
        client.force_login(user)
        for step in guide.steps:
            link = step_link(step, user)
            assert client.get(link).status_code == 200, f"{guide.slug}: {step.title} → {link}"


def test_the_guide_shows_my_roles_first_and_lists_the_others(client, make_user, network):
    coop = network.hue_coop
    user = make_user(Role.UNIT_REPORTER, coop)
    client.force_login(user)
    home = client.get(reverse("core:home")).content.decode()
    assert f'href="{reverse("guide:mine")}"' in home and "Hướng dẫn cho vai trò của bạn" in home
    page = client.get(reverse("guide:mine")).content.decode()
    assert "Cán bộ báo cáo của đơn vị" in page and "vai trò của bạn" in page
    assert reverse("movements:unit_reports", args=[coop.pk]) in page  # my unit's own reports
    for guide in GUIDES:
        assert reverse("guide:role", args=[guide.slug]) in page
    council = client.get(reverse("guide:role", args=[BY_ROLE[Role.COUNCIL_MEMBER].slug]))
    assert "Bỏ phiếu kín" in council.content.decode()
    assert client.get(reverse("guide:role", args=["khong-co"])).status_code == 404
    assert "-1366-vi.webp" in page and "-360-vi.webp" in page

    client.cookies["django_language"] = "en"
    english = client.get(reverse("guide:mine")).content.decode()
    assert "Unit reporting officer" in english and "-1366-en.webp" in english
    assert "-vi.webp" not in english


def test_without_a_role_the_guide_says_so(client, make_user):
    client.force_login(make_user())
    page = client.get(reverse("guide:mine")).content.decode()
    assert "chưa được giao vai trò nào" in page and reverse("guide:role", args=["hoi-dong"]) in page


def test_the_guide_is_for_signed_in_users(client):
    response = client.get(reverse("guide:mine"))
    assert response.status_code == 302 and reverse("accounts:login") in response["Location"]
