"""Publishing rules, sanitising, search, feeds, sitemap and the editors' permissions."""
from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone
from portal_helpers import png

from thidua.portal import services
from thidua.portal.models import Article, ArticleStatus, Comment

pytestmark = pytest.mark.django_db


def test_drafts_and_scheduled_articles_stay_hidden_until_due(client, sites, publish, now):
    live = publish(sites.hue, "Tin đã đăng")
    draft = publish(sites.hue, "Bản nháp", status=ArticleStatus.DRAFT)
    scheduled = publish(sites.hue, "Tin hẹn giờ", days_ago=-2)
    listing = client.get("/p/hue/tin-tuc/").content.decode()
    assert "Tin đã đăng" in listing and "Bản nháp" not in listing and "Tin hẹn giờ" not in listing
    assert client.get(f"/p/hue/tin-tuc/{draft.pk}/").status_code == 404
    assert client.get(f"/p/hue/tin-tuc/{scheduled.pk}/").status_code == 404
    assert client.get(f"/p/hue/tin-tuc/{live.pk}/").status_code == 200
    Article.objects.filter(pk=scheduled.pk).update(
        publish_at=now - timedelta(minutes=1))
    assert client.get(f"/p/hue/tin-tuc/{scheduled.pk}/").status_code == 200


def test_an_article_of_another_site_is_not_found_under_this_slug(client, sites, publish):
    article = publish(sites.vca, "Tin của VCA")
    assert client.get(f"/p/hue/tin-tuc/{article.pk}/").status_code == 404


def test_search_ignores_diacritics(client, sites, publish):
    publish(sites.hue, "Đại hội Thi đua yêu nước lần thứ IV")
    publish(sites.hue, "Hội nghị tổng kết")
    page = client.get("/p/hue/tin-tuc/", {"q": "dai hoi thi dua"}).content.decode()
    assert "Đại hội Thi đua yêu nước" in page and "Hội nghị tổng kết" not in page


def test_body_is_sanitised_on_save(sites, staff):
    body = ('<p onclick="x()">Chữ<script>alert(1)</script>'
            '<a href="javascript:alert(1)">liên kết</a><img src=x onerror=y></p>')
    article = Article(site=sites.hue, title="Tin", body=body)
    services.save_article(staff.hue_editor, article)
    article.refresh_from_db()
    assert "script" not in article.body and "onclick" not in article.body
    assert "javascript:" not in article.body and "onerror" not in article.body
    assert "<p>Chữ" in article.body


def test_cover_is_resized_with_a_thumbnail(sites, staff, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    article = Article(site=sites.hue, title="Có ảnh", body="<p>x</p>", cover_alt="Ảnh hội nghị")
    services.save_article(staff.hue_editor, article, cover_upload=png(size=(3000, 2000)))
    from PIL import Image
    with Image.open(article.cover.path) as cover, Image.open(article.cover_thumb.path) as thumb:
        assert max(cover.size) == 1280 and max(thumb.size) <= 400


def test_editor_form_refuses_a_non_image_and_an_oversized_image(client, sites, staff):
    from django.core.files.uploadedfile import SimpleUploadedFile
    client.force_login(staff.hue_editor)
    fake = SimpleUploadedFile("anh.png", b"<html>not an image</html>", content_type="image/png")
    response = client.post("/p/hue/quan-ly/tin-bai/them/", {
        "title": "Tin", "kind": "NEWS", "body": "<p>x</p>", "status": "PUBLISHED",
        "publish_at": "2025-01-01T08:00", "cover": fake, "cover_alt": "ảnh"})
    assert response.status_code == 200 and "không phải là" in response.content.decode()
    assert not Article.objects.exists()


def test_editors_act_only_on_their_organisations_site(client, sites, staff, publish):
    article = publish(sites.hue, "Tin Huế")
    with pytest.raises(PermissionDenied):
        services.save_article(staff.hanoi_editor, article)
    with pytest.raises(PermissionDenied):
        services.save_article(staff.hue_moderator, article)
    services.save_article(staff.vca_editor, article)  # a role at an ancestor covers the subtree
    client.force_login(staff.hanoi_editor)
    assert client.get("/p/hue/quan-ly/tin-bai/").status_code == 403
    assert client.get("/p/ha-noi/quan-ly/tin-bai/").status_code == 200
    client.force_login(staff.hue_viewer)
    assert client.get("/p/hue/quan-ly/").status_code == 403


def test_editor_publishes_through_the_staff_pages(client, sites, staff):
    client.force_login(staff.hue_editor)
    response = client.post("/p/hue/quan-ly/tin-bai/them/", {
        "title": "Thông báo mới", "kind": "ANNOUNCEMENT", "body": "<p>Nội dung</p>",
        "status": "PUBLISHED", "publish_at": "2025-01-01T08:00"})
    assert response.status_code == 302
    article = Article.objects.get(title="Thông báo mới")
    assert article.site == sites.hue and article.created_by == staff.hue_editor
    client.logout()
    assert "Thông báo mới" in client.get("/p/hue/tin-tuc/").content.decode()


def test_views_are_counted_also_from_the_page_cache(client, sites, publish, settings):
    settings.THIDUA_PORTAL_VIEW_FLUSH = 1
    article = publish(sites.hue)
    for _ in range(3):
        assert client.get(f"/p/hue/tin-tuc/{article.pk}/").status_code == 200
    article.refresh_from_db()
    assert article.view_count == 3


def test_views_reach_the_database_in_steps(client, sites, publish, settings):
    settings.THIDUA_PORTAL_VIEW_FLUSH = 5
    article = publish(sites.hue)
    for _ in range(4):
        services.count_view(article.pk)
    article.refresh_from_db()
    assert article.view_count == 0
    services.count_view(article.pk)
    article.refresh_from_db()
    assert article.view_count == 5


def test_without_redis_views_reach_the_row_at_once_and_comments_are_taken(
        client, redis_down, settings, sites, publish, captcha_test_mode):
    settings.THIDUA_PORTAL_VIEW_FLUSH = 5
    article = publish(sites.hue)
    for _ in range(2):
        assert client.get(article.get_absolute_url()).status_code == 200
    article.refresh_from_db()
    assert article.view_count == 2  # each view to the row, none waiting in a dead cache
    assert client.get(f"/p/{sites.hue.slug}/").status_code == 200
    response = client.post(f"{article.get_absolute_url()}binh-luan/", {
        "name": "Nguyễn Thị Hoa", "email": "hoa@example.vn", "body": "Bài viết hay.",
        "captcha_0": "x", "captcha_1": "PASSED"})
    assert response.status_code == 302 and Comment.objects.count() == 1


def test_related_print_feeds_and_sitemap(client, sites, publish):
    first = publish(sites.hue, "Tin một", summary="Tóm tắt một")
    publish(sites.hue, "Tin hai")
    publish(sites.hue, "Nháp ẩn", status=ArticleStatus.DRAFT)
    page = client.get(f"/p/hue/tin-tuc/{first.pk}/").content.decode()
    assert "Tin hai" in page and 'property="og:title" content="Tin một"' in page
    assert "Tin một" in client.get(f"/p/hue/tin-tuc/{first.pk}/ban-in/").content.decode()
    rss = client.get("/p/hue/rss/").content.decode()
    atom = client.get("/p/hue/atom/").content.decode()
    assert "Tin một" in rss and "Nháp ẩn" not in rss
    assert "<feed" in atom and "Tin hai" in atom
    sitemap = client.get("/p/hue/sitemap.xml").content.decode()
    assert f"/p/hue/tin-tuc/{first.pk}/" in sitemap and "/p/hue/bang-vang/" in sitemap


def test_every_staff_page_opens_for_the_sites_editor_and_moderator(client, sites, staff, publish):
    from thidua.portal.models import Category, GalleryItem, LegalDocument, Question
    article = publish(sites.hue)
    category = Category.objects.create(site=sites.hue, name="Thi đua", slug="thi-dua")
    document = LegalDocument.objects.create(
        site=sites.hue, group="DIRECTIVE", number="60/KH-LMHTX", doc_type="Kế hoạch",
        title="Đổi mới thi đua", issuer="Liên minh HTX", issued_on="2020-04-21")
    item = GalleryItem.objects.create(site=sites.hue, kind="LINK", title="Video",
                                      external_url="https://example.vn/video")
    question = Question.objects.create(site=sites.hue, name="An", body="Hỏi?")
    client.force_login(staff.hue_editor)
    for url in ["", "cong/", "tin-bai/", "tin-bai/them/", f"tin-bai/{article.pk}/",
                "chuyen-muc/", "chuyen-muc/them/", f"chuyen-muc/{category.pk}/", "van-ban/",
                "van-ban/them/", f"van-ban/{document.pk}/", "thu-vien/", "thu-vien/them/",
                f"thu-vien/{item.pk}/", "binh-luan/", "hoi-dap/", f"hoi-dap/{question.pk}/"]:
        assert client.get(f"/p/hue/quan-ly/{url}").status_code == 200, url
    client.force_login(staff.hue_moderator)
    assert client.get("/p/hue/quan-ly/binh-luan/").status_code == 200
    assert client.get(f"/p/hue/quan-ly/hoi-dap/{question.pk}/").status_code == 200
    assert client.get("/p/hue/quan-ly/tin-bai/them/").status_code == 403
    assert client.get(f"/p/hue/van-ban/{document.pk}/").status_code == 200
