"""Which site a request reaches: by /p/<slug>/ or by the site's own hostname."""
import pytest

pytestmark = pytest.mark.django_db


def test_path_prefix_selects_the_site(client, sites):
    page = client.get("/p/hue/")
    assert page.status_code == 200
    assert page.context["site"] == sites.hue
    assert client.get("/p/vca/").context["site"] == sites.vca


def test_unknown_and_inactive_sites_are_not_found(client, sites):
    assert client.get("/p/khong-co/").status_code == 404
    sites.hanoi.is_active = False
    sites.hanoi.save()
    assert client.get("/p/ha-noi/").status_code == 404


def test_own_hostname_serves_the_site_at_the_root(client, sites, settings):
    settings.ALLOWED_HOSTS = ["lienminh.hue.test", "testserver"]
    home = client.get("/", HTTP_HOST="lienminh.hue.test")
    assert home.status_code == 200 and home.context["site"] == sites.hue
    news = client.get("/tin-tuc/", HTTP_HOST="lienminh.hue.test")
    assert news.context["site"] == sites.hue


def test_another_sites_slug_on_a_hostname_is_refused(client, sites, settings):
    settings.ALLOWED_HOSTS = ["lienminh.hue.test", "testserver"]
    assert client.get("/p/vca/", HTTP_HOST="lienminh.hue.test").status_code == 404
    assert client.get("/p/hue/", HTTP_HOST="lienminh.hue.test").status_code == 200


def test_the_main_host_keeps_the_internal_home(client, sites):
    response = client.get("/")
    assert response.status_code in (200, 302)
    assert "site" not in (response.context or {})


def test_every_public_page_has_a_title_and_description(client, sites, publish):
    article = publish(sites.hue, "Tin có tiêu đề")
    for url in ["/p/hue/", "/p/hue/tin-tuc/", f"/p/hue/tin-tuc/{article.pk}/", "/p/hue/bang-vang/",
                "/p/hue/van-ban/", "/p/hue/hoi-dap/", "/p/hue/thu-vien/", "/p/hue/thong-ke/",
                "/p/hue/dien-hinh/", "/p/hue/gioi-thieu/", "/p/hue/hoi-dap/gui-cau-hoi/"]:
        html = client.get(url).content.decode()
        assert "<title>" in html and "Cổng Huế</title>" in html, url
        assert '<meta name="description"' in html, url
        assert "<script>" not in html, url  # only external scripts (CSP-ready)
