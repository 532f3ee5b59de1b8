"""The portal's pictures and files load: served one public object's field at a time (covers,
thumbnails, gallery, documents, the logo mark), never a draft's, another site's or a field the
public may not fetch; the home page's <img> addresses all answer 200."""
import re

import pytest
from django.core.files.base import ContentFile
from PIL import Image
from portal_helpers import png

from thidua.portal import services
from thidua.portal.models import (
    Article,
    ArticleStatus,
    GalleryItem,
    GalleryKind,
    LegalDocument,
    Site,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def illustrated(staff, site, title, status=ArticleStatus.PUBLISHED):
    article = Article(site=site, title=title, body="<p>x</p>", cover_alt="Ảnh", status=status,
                      is_featured=True)
    return services.save_article(staff.hue_editor if site.slug == "hue" else staff.vca_editor,
                                 article, cover_upload=png(size=(1600, 900)))


def test_a_published_articles_cover_and_thumbnail_are_served(client, sites, staff):
    article = illustrated(staff, sites.hue, "Hội nghị")
    for field in ("cover", "cover_thumb"):
        response = client.get(f"/p/hue/tep/tin-bai/{article.pk}/{field}/")
        assert response.status_code == 200 and response["Content-Type"] == "image/jpeg"
        assert "max-age" in response["Cache-Control"]
        assert b"".join(response.streaming_content)[:3] == b"\xff\xd8\xff"


def test_drafts_other_sites_and_private_fields_are_not_served(client, sites, staff):
    draft = illustrated(staff, sites.hue, "Nháp", status=ArticleStatus.DRAFT)
    live = illustrated(staff, sites.hue, "Đã đăng")
    assert client.get(f"/p/hue/tep/tin-bai/{draft.pk}/cover/").status_code == 404
    assert client.get(f"/p/vca/tep/tin-bai/{live.pk}/cover/").status_code == 404
    for field in ("body", "title", "search_text"):
        assert client.get(f"/p/hue/tep/tin-bai/{live.pk}/{field}/").status_code == 404
    assert client.get(f"/p/hue/tep/ho-so/{live.pk}/cover/").status_code == 404


def test_gallery_thumbnail_and_published_document_files(client, sites, staff):
    item = services.save_gallery_item(staff.hue_editor, GalleryItem(
        site=sites.hue, kind=GalleryKind.PHOTO, title="Hội nghị", alt="Ảnh"),
        image_upload=png(size=(2000, 1500)))
    response = client.get(f"/p/hue/tep/thu-vien/{item.pk}/thumb/")
    with Image.open(ContentFile(b"".join(response.streaming_content))) as thumb:
        assert max(thumb.size) <= 400
    document = LegalDocument(site=sites.hue, number="60/KH-LMHTX", doc_type="Kế hoạch",
                             title="Kế hoạch", issuer="Liên minh", issued_on="2020-04-21")
    document.file.save("ke-hoach.pdf", ContentFile(b"%PDF-1.4 ke hoach"))
    assert client.get(f"/p/hue/tep/van-ban/{document.pk}/file/").status_code == 200
    LegalDocument.objects.filter(pk=document.pk).update(is_published=False)
    assert client.get(f"/p/hue/tep/van-ban/{document.pk}/file/").status_code == 404


def test_logo_mark_upload_is_stored_as_a_small_png_and_becomes_the_favicon(client, sites,
                                                                            staff):
    assert client.get("/p/hue/bieu-trung/").status_code == 404
    client.force_login(staff.hue_editor)
    response = client.post("/p/hue/quan-ly/cong/", {
        "name": "Liên minh Hợp tác xã thành phố Huế", "logo": png("logo.png", (900, 900))})
    assert response.status_code == 302
    site = Site.objects.get(slug="hue")
    with Image.open(site.logo.path) as logo:
        assert logo.format == "PNG" and logo.size == (256, 256)
    client.logout()
    page = client.get("/p/hue/").content.decode()
    assert 'rel="icon" href="/p/hue/bieu-trung/"' in page
    assert client.get("/p/hue/bieu-trung/")["Content-Type"] == "image/png"


def test_a_site_without_a_logo_keeps_the_projects_favicon(client, sites):
    assert 'rel="icon" href="/static/thidua/favicon.svg"' in client.get("/p/vca/").content.decode()


def test_the_logo_form_refuses_a_file_that_is_not_an_image(client, sites, staff):
    from django.core.files.uploadedfile import SimpleUploadedFile
    client.force_login(staff.hue_editor)
    fake = SimpleUploadedFile("logo.png", b"<svg onload=alert(1)>", content_type="image/png")
    response = client.post("/p/hue/quan-ly/cong/", {"name": "Cổng Huế", "logo": fake})
    assert response.status_code == 200 and "không phải là" in response.content.decode()
    assert not Site.objects.get(slug="hue").logo


def test_every_picture_on_the_home_page_answers(client, sites, staff):
    illustrated(staff, sites.hue, "Tin nổi bật")
    illustrated(staff, sites.hue, "Tin thứ hai")
    services.save_gallery_item(staff.hue_editor, GalleryItem(
        site=sites.hue, kind=GalleryKind.PHOTO, title="Ảnh", alt="Ảnh"), image_upload=png())
    page = client.get("/p/hue/").content.decode()
    sources = re.findall(r'<img src="([^"]+)"', page)
    assert len(sources) >= 4
    for source in sources:
        assert client.get(source).status_code == 200, source
