"""Q&A support: questions behind the CAPTCHA, answered and published by the site's moderators,
an FAQ; questions stored and shown inert."""
import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from thidua.portal import services
from thidua.portal.models import Question

pytestmark = pytest.mark.django_db


def ask(client, **extra):
    return client.post("/p/hue/hoi-dap/gui-cau-hoi/", {
        "name": "Trần Văn An", "email": "an@example.vn", "organization_name": "HTX Thủy Thanh",
        "body": "<img src=x onerror=alert(1)>Hồ sơ cần gì?", **extra})


def test_a_question_needs_the_captcha(client, sites):
    assert ask(client).status_code == 200 and not Question.objects.exists()


def test_question_answered_and_published_by_the_sites_moderator(client, sites, staff,
                                                                  captcha_test_mode):
    assert ask(client, captcha_0="x", captcha_1="PASSED").status_code == 302
    question = Question.objects.get()
    assert question.site == sites.hue
    assert "Hồ sơ cần gì" not in client.get("/p/hue/hoi-dap/").content.decode()
    with pytest.raises(PermissionDenied):
        services.answer_question(staff.hanoi_moderator, question, "Trả lời", True, False)
    with pytest.raises(ValidationError):
        services.answer_question(staff.hue_moderator, question, "", True, False)
    client.force_login(staff.hue_moderator)
    client.post(f"/p/hue/quan-ly/hoi-dap/{question.pk}/", {"answer": "Tờ trình và biên bản.",
                                                           "publish": "on", "is_faq": "on"})
    client.logout()
    page = client.get("/p/hue/hoi-dap/").content.decode()
    assert "Tờ trình và biên bản." in page and "Câu hỏi thường gặp" in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page and "an@example.vn" not in page
