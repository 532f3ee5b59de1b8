"""The public portal in a browser: a visitor reads an article and comments through the CAPTCHA
(in its test mode), the Huế moderator approves, the visitor sees the comment; the visitor
counter moves when a new visitor arrives; the page fits a 360 px phone."""
from datetime import timedelta

import pytest
from captcha.conf import settings as captcha_settings
from django.core.cache import cache
from django.utils import timezone

from thidua.accounts.models import Role
from thidua.portal.models import Article, ArticleStatus, Comment, CommentStatus, Site

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "a-long-test-password"
FIRST_LOAD_MS = 60_000  # the live server's first request imports every app's views
SLOW_MS = 30_000  # a first post also starts the notification machinery on a busy machine


@pytest.fixture
def article(network, now):
    cache.clear()
    site = Site.objects.create(organization=network.hue, slug="hue",
                               name="Liên minh Hợp tác xã thành phố Huế")
    return Article.objects.create(
        site=site, title="Kế hoạch đổi mới thi đua, khen thưởng giai đoạn 2020 – 2025",
        summary="Thi đua thường xuyên, công khai trong bình xét.",
        body="<p>Các HTX báo cáo theo quý, sáu tháng và năm.</p>", status=ArticleStatus.PUBLISHED,
        publish_at=now - timedelta(days=1))


def counter(page, name):
    return int(page.locator(f'[data-counter="{name}"]').inner_text().replace(".", ""))


def test_visitor_comments_moderator_approves_visitor_sees_it(browser, page, live_server, network,
                                                             make_user, article, monkeypatch):
    monkeypatch.setattr(captcha_settings, "CAPTCHA_TEST_MODE", True)
    moderator = make_user(Role.MODERATOR, network.hue)
    url = f"{live_server.url}/p/hue/tin-tuc/{article.pk}/"

    page.goto(url, timeout=FIRST_LOAD_MS)
    page.get_by_role("heading", name=article.title).wait_for()
    assert counter(page, "today") == 1
    page.get_by_label("Họ tên").fill("Nguyễn Thị Hoa")
    page.get_by_label("Thư điện tử (không hiển thị)").fill("hoa@example.vn")
    page.get_by_label("Ý kiến của bạn").fill("Mong sớm có hướng dẫn hồ sơ cho tổ hợp tác.")
    assert page.locator("img.captcha").is_visible()
    honeypot = page.locator(".portal-hp input").bounding_box()  # for bots: out of sight
    assert honeypot["x"] + honeypot["width"] <= 0
    key = ".portal-captcha input[type=hidden]"
    old_key = page.locator(key).input_value()
    page.get_by_role("button", name="Đổi mã khác").click()
    # The refresh empties the answer box when its new challenge arrives: answer after that.
    page.wait_for_function("([selector, old]) => document.querySelector(selector).value !== old",
                           arg=[key, old_key], timeout=SLOW_MS)
    page.get_by_label("Mã xác nhận").fill("PASSED")
    page.get_by_role("button", name="Gửi ý kiến").click()
    page.get_by_text("ý kiến sẽ hiển thị sau khi được duyệt").wait_for(timeout=SLOW_MS)
    assert Comment.objects.get().status == CommentStatus.PENDING
    assert "Mong sớm có hướng dẫn" not in page.inner_text("main")

    moderator_context = browser.new_context(locale="vi-VN")
    moderator_page = moderator_context.new_page()
    moderator_page.goto(f"{live_server.url}/dang-nhap/")
    moderator_page.get_by_label("Tên đăng nhập").fill(moderator.username)
    moderator_page.get_by_label("Mật khẩu").fill(PASSWORD)
    moderator_page.get_by_role("button", name="Đăng nhập").click()
    moderator_page.wait_for_url(f"{live_server.url}/")
    moderator_page.goto(f"{live_server.url}/p/hue/quan-ly/binh-luan/")
    assert "Mong sớm có hướng dẫn" in moderator_page.inner_text("main")
    moderator_page.get_by_role("button", name="Duyệt").click()
    moderator_page.get_by_text("Đã duyệt").first.wait_for()
    moderator_context.close()

    cache.clear()  # the anonymous page cache would otherwise serve the minute-old page
    page.goto(url)
    page.get_by_text("Mong sớm có hướng dẫn hồ sơ cho tổ hợp tác.").wait_for()
    assert "hoa@example.vn" not in page.content()


def test_counter_moves_for_a_new_visitor_and_page_fits_a_phone(browser, live_server, article, today):
    first = browser.new_context(locale="vi-VN", viewport={"width": 360, "height": 740})
    page = first.new_page()
    page.goto(f"{live_server.url}/p/hue/", timeout=FIRST_LOAD_MS)
    before = counter(page, "total")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.get_by_role("button", name="Danh mục").click()
    page.get_by_role("button", name="Tin tức – Thông báo").click()
    page.get_by_role("link", name="Tất cả tin bài").click()
    page.get_by_role("link", name=article.title).click()
    page.get_by_role("heading", name=article.title).wait_for()
    page.get_by_role("button", name="Gửi ý kiến").wait_for()  # the comment form's fragment
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    first.close()

    cache.delete(f"portal:counters:{article.site_id}:{today:%Y%m%d}")
    second = browser.new_context(locale="vi-VN", user_agent="Mozilla/5.0 (Linux; Android 14) "
                                 "AppleWebKit/537.36 Chrome/126.0 Mobile Safari/537.36")
    page = second.new_page()
    page.goto(f"{live_server.url}/p/hue/thong-ke/")  # a page not yet in the page cache
    assert counter(page, "total") == before + 1
    assert counter(page, "online") == 2
    second.close()
