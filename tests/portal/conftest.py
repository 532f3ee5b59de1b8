"""Portal fixtures: a site for the VCA, Huế and Hà Nội over the shared network, editors and
moderators per site, a fresh cache per test, and CAPTCHA helpers."""
from datetime import timedelta

import pytest
from captcha.conf import settings as captcha_settings
from captcha.models import CaptchaStore
from django.core.cache import cache
from django.utils import timezone

from thidua.accounts.models import Role
from thidua.portal.models import Article, ArticleStatus, Site


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def sites(network):
    class Sites:
        vca = Site.objects.create(organization=network.vca, slug="vca", name="Cổng VCA")
        hue = Site.objects.create(organization=network.hue, slug="hue", name="Cổng Huế",
                                  hostname="lienminh.hue.test")
        hanoi = Site.objects.create(organization=network.hanoi, slug="ha-noi", name="Cổng Hà Nội")
    return Sites


@pytest.fixture
def staff(sites, network, make_user):
    class Staff:
        hue_editor = make_user(Role.PORTAL_EDITOR, network.hue)
        hue_moderator = make_user(Role.MODERATOR, network.hue)
        hanoi_editor = make_user(Role.PORTAL_EDITOR, network.hanoi)
        hanoi_moderator = make_user(Role.MODERATOR, network.hanoi)
        vca_editor = make_user(Role.PORTAL_EDITOR, network.vca)
        hue_viewer = make_user(Role.VIEWER, network.hue)
    return Staff


@pytest.fixture
def publish():
    def make(site, title="Tin thi đua", *, days_ago=1, status=ArticleStatus.PUBLISHED, **fields):
        body = fields.pop("body", "<p>Nội dung</p>")
        return Article.objects.create(
            site=site, title=title, body=body, status=status,
            publish_at=timezone.now() - timedelta(days=days_ago), **fields)
    return make


@pytest.fixture
def captcha_test_mode(monkeypatch):
    """django-simple-captcha reads its test mode from its own settings module."""
    monkeypatch.setattr(captcha_settings, "CAPTCHA_TEST_MODE", True)


@pytest.fixture
def solved_captcha(db):
    """A real challenge and its right answer, as the form posts them."""
    def make():
        key = CaptchaStore.generate_key()
        return {"captcha_0": key, "captcha_1": CaptchaStore.objects.get(hashkey=key).response}
    return make

