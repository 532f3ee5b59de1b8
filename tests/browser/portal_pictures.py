"""A Huế portal with what the home page shows: a drawn logo mark, illustrated featured news,
gallery photos with thumbnails — all made through the editors' services, as an upload would be."""
from datetime import timedelta

from thidua.demo.portal_pictures import illustration, logo_mark
from thidua.portal import services
from thidua.portal.models import Article, ArticleStatus, GalleryItem, GalleryKind, Site


def publish_illustrated(network, editor, now):
    """``now``: the test's travelled clock (the ``now`` fixture)."""
    site = Site.objects.create(organization=network.hue, slug="hue",
                               name="Liên minh Hợp tác xã thành phố Huế",
                               tagline="Thi đua đổi mới", address="16 Nguyễn Lương Bằng, Huế",
                               licence="Giấy phép số 03/GP-TTĐT")
    services.save_site_content(editor, site, logo_upload=logo_mark("HUẾ", "logo.png"))
    for index, title in enumerate(("Hội nghị điển hình tiên tiến", "Tổng kết thi đua năm",
                                   "Ký chương trình phối hợp")):
        services.save_article(editor, Article(
            site=site, title=title, summary="Tóm tắt tin.", body="<p>Nội dung.</p>",
            status=ArticleStatus.PUBLISHED, is_featured=True, cover_alt=f"Minh họa: {title}",
            publish_at=now - timedelta(days=index + 1)),
            cover_upload=illustration(title, (11, 79, 138)))
    for title in ("Ngày Chủ nhật xanh", "Hội nghị HTX"):
        services.save_gallery_item(editor, GalleryItem(
            site=site, kind=GalleryKind.PHOTO, title=title, alt=title),
            image_upload=illustration(title, (20, 108, 67), (1200, 800)))
    return site
