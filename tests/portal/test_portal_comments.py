"""Comments: CAPTCHA required and checked, honeypot, flood limit, moderation queue, inert HTML,
who may moderate, and comments on publicity lists reaching the council secretary."""
from datetime import timedelta

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from tests.timekeeping import local
from thidua.accounts.models import Role
from thidua.awards.models import AwardType
from thidua.core.models import Notification
from thidua.nominations.models import Disclosure, Nomination, NominationBatch, PublicComment
from thidua.nominations.states import SubjectKind, Verdict
from thidua.portal import services
from thidua.portal.models import Comment, CommentStatus

pytestmark = pytest.mark.django_db

FIELDS = {"name": "Nguyễn Thị Hoa", "email": "hoa@example.vn", "body": "Bài viết hay."}


def post(client, article, address="127.0.0.1", **extra):
    return client.post(f"/p/{article.site.slug}/tin-tuc/{article.pk}/binh-luan/",
                       {**FIELDS, **extra}, REMOTE_ADDR=address)


def test_captcha_is_required_and_checked(client, sites, publish, solved_captcha):
    article = publish(sites.hue)
    missing = post(client, article)
    assert missing.status_code == 200 and not Comment.objects.exists()
    challenge = solved_captcha()
    wrong = post(client, article, captcha_0=challenge["captcha_0"], captcha_1="SAI")
    assert "Mã xác nhận không đúng" in wrong.content.decode()
    assert not Comment.objects.exists()
    assert post(client, article, **solved_captcha()).status_code == 302
    assert Comment.objects.get().status == CommentStatus.PENDING


def test_an_expired_or_reused_challenge_is_refused(client, sites, publish, solved_captcha, now):
    from captcha.models import CaptchaStore
    article = publish(sites.hue)
    challenge = solved_captcha()
    CaptchaStore.objects.update(expiration=now - timedelta(minutes=1))
    assert post(client, article, **challenge).status_code == 200
    challenge = solved_captcha()
    assert post(client, article, **challenge).status_code == 302
    assert post(client, article, **challenge).status_code == 200  # one answer, one comment
    assert Comment.objects.count() == 1


def test_pending_comment_is_shown_only_once_approved(client, sites, staff, publish,
                                                      captcha_test_mode):
    article = publish(sites.hue)
    post(client, article, body="<script>alert('x')</script><b>Ý kiến riêng</b>", captcha_0="x",
         captcha_1="PASSED")
    comment = Comment.objects.get()
    page = client.get(article.get_absolute_url()).content.decode()
    assert "Ý kiến riêng" not in page
    services.moderate_comment(staff.hue_moderator, comment, CommentStatus.APPROVED)
    from django.core.cache import cache
    cache.clear()
    page = client.get(article.get_absolute_url()).content.decode()
    assert ("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;"
            "&lt;b&gt;Ý kiến riêng&lt;/b&gt;") in page
    assert "<script>alert" not in page and "hoa@example.vn" not in page


def test_moderators_are_notified_and_only_the_sites_moderators_decide(
        client, sites, staff, publish, captcha_test_mode):
    article = publish(sites.hue)
    post(client, article, captcha_0="x", captcha_1="PASSED")
    comment = Comment.objects.get()
    assert Notification.objects.filter(recipient=staff.hue_moderator).exists()
    assert not Notification.objects.filter(recipient=staff.hanoi_moderator).exists()
    with pytest.raises(PermissionDenied):
        services.moderate_comment(staff.hanoi_moderator, comment, CommentStatus.APPROVED)
    client.force_login(staff.hanoi_moderator)
    assert client.get("/p/hue/quan-ly/binh-luan/").status_code == 403
    assert client.post(f"/p/hue/quan-ly/binh-luan/{comment.pk}/",
                       {"status": "APPROVED"}).status_code == 403
    client.force_login(staff.hue_moderator)
    queue = client.get("/p/hue/quan-ly/binh-luan/").content.decode()
    assert "Bài viết hay." in queue
    client.post(f"/p/hue/quan-ly/binh-luan/{comment.pk}/", {"status": "SPAM"})
    comment.refresh_from_db()
    assert comment.status == CommentStatus.SPAM and comment.moderated_by == staff.hue_moderator


def test_honeypot_filled_means_nothing_is_saved(client, sites, publish, captcha_test_mode):
    article = publish(sites.hue)
    response = post(client, article, website="http://spam.example", captcha_0="x",
                    captcha_1="PASSED")
    assert response.status_code == 200 and not Comment.objects.exists()


def test_flooding_from_one_address_is_stopped(client, sites, publish, captcha_test_mode,
                                              settings):
    settings.THIDUA_PORTAL_POST_LIMIT = 2
    article = publish(sites.hue)
    for _ in range(2):
        assert post(client, article, captcha_0="x", captcha_1="PASSED").status_code == 302
    refused = post(client, article, captcha_0="x", captcha_1="PASSED")
    assert refused.status_code == 200 and "quá nhiều lần" in refused.content.decode()
    assert Comment.objects.count() == 2
    other = post(client, article, captcha_0="x", captcha_1="PASSED", address="10.0.0.9")
    assert other.status_code == 302


def test_comments_closed_on_drafts(client, sites, publish, captcha_test_mode):
    article = publish(sites.hue, status="DRAFT")
    assert post(client, article, captcha_0="x", captcha_1="PASSED").status_code == 404


@pytest.fixture
def disclosure(network, root_user, today):
    batch = NominationBatch.objects.create(proposer=network.hue_coop, authority=network.hue,
                                           title="Đề nghị khen thưởng năm 2025", year=2025,
                                           created_by=root_user, state="PUBLICITY")
    Nomination.objects.create(batch=batch, subject_kind=SubjectKind.INDIVIDUAL,
                              person=network.hue_person, verdict=Verdict.ELIGIBLE,
                              award_type=AwardType.objects.get(code="GK"))
    return Disclosure.objects.create(batch=batch, starts_on=today,
                                     ends_on=today + timedelta(days=5), opened_by=root_user)


def test_publicity_comment_reaches_the_council_secretary(client, sites, network, make_user,
                                                         disclosure, captcha_test_mode):
    secretary = make_user(Role.COUNCIL_SECRETARY, network.hue)
    moderator = make_user(Role.MODERATOR, network.hue)
    url = f"/p/hue/cong-khai/{disclosure.token}/"
    page = client.get(url).content.decode()
    assert "Nguyễn Văn Điệp" in page and "17/05/1980" not in page
    response = client.post(url, {"name": "Công dân", "contact": "", "body": "Tôi đồng ý.",
                                 "captcha_0": "x", "captcha_1": "PASSED"})
    assert response.status_code == 302
    assert PublicComment.objects.get().body == "Tôi đồng ý."
    assert Notification.objects.filter(recipient=secretary).exists()
    assert not Notification.objects.filter(recipient=moderator).exists()
    assert client.get(f"/p/ha-noi/cong-khai/{disclosure.token}/").status_code == 404


@pytest.mark.clock("2026-12-08")
def test_the_home_page_leads_the_public_to_lists_open_for_comment(client, sites, disclosure,
                                                                   clock):
    """The public finds an open list from the portal's home (its page was reachable only through
    the officers' link); the portals above show it too, another province's does not, and it
    leaves the home page once its window has closed."""
    link = f'href="/p/hue/cong-khai/{disclosure.token}/"'
    home = client.get("/p/hue/").content.decode()
    assert "Đang công khai lấy ý kiến" in home and link in home
    assert "nhận ý kiến đến hết 13/12/2026" in home
    assert f"/p/vca/cong-khai/{disclosure.token}/" in client.get("/p/vca/").content.decode()
    assert disclosure.token not in client.get("/p/ha-noi/").content.decode()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    assert "Open for public comment" in client.get("/p/hue/").content.decode()
    del client.cookies[settings.LANGUAGE_COOKIE_NAME]
    clock.move_to(local("2026-12-14 09:00"))
    cache.clear()
    assert disclosure.token not in client.get("/p/hue/").content.decode()
