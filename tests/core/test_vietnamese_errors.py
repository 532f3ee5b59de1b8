"""Bad input gets a Vietnamese answer, never a 500: Django's own validation, password and
pagination messages (its "vi" catalogue leaves some in English; thidua/locale/vi fills them), a
garbage token id on the profile page."""
import re
from pathlib import Path

import django
import pytest
from django.contrib.auth.password_validation import validate_password
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext, ngettext, override

from thidua.accounts.models import ApiToken, User

DJANGO = Path(django.__file__).parent
# Where Django keeps the messages a user of a form can meet.
SHOWN_TO_USERS = ("core/validators", "forms/", "db/models/fields", "contrib/auth/password_valid",
                  "contrib/auth/forms", "core/paginator", "utils/timesince", "views/csrf")
# Punctuation, protocol names, and "Email", which Vietnamese writes as is (and is a source string
# of the project's own, so thidua/locale/vi must not translate it).
NOT_WORDS = re.compile(r"^[\W\d_]*$|^IPv[46]|^IPv4 or IPv6$|^Email$")


def _joined(block, keyword):
    found = re.search(rf"^{keyword} ((?:\".*\"\n)+)", block + "\n", re.M)
    return "".join(re.findall(r'"(.*)"', found[1])).replace('\\"', '"') if found else None


def django_messages(catalogue):
    """(msgid, plural) of Django's English catalogue ``catalogue`` shown to users."""
    text = (DJANGO / catalogue / "locale/en/LC_MESSAGES/django.po").read_text()
    for block in text.split("\n\n"):
        references = " ".join(re.findall(r"^#: (.*)$", block, re.M))
        msgid = _joined(block, "msgid")
        if msgid and "msgctxt" not in block and any(p in references for p in SHOWN_TO_USERS):
            yield msgid, _joined(block, "msgid_plural")


@pytest.mark.parametrize("catalogue", ["conf", "contrib/auth"])
def test_every_django_message_users_meet_is_vietnamese(catalogue):
    with override("vi"):
        untranslated = [msgid for msgid, plural in django_messages(catalogue)
                        if not NOT_WORDS.match(msgid)
                        and (ngettext(msgid, plural, 2) if plural else gettext(msgid)) == msgid]
    assert untranslated == []


def test_password_rules_and_null_characters_answer_in_vietnamese():
    from django import forms

    with override("vi"), pytest.raises(ValidationError) as caught:
        validate_password("abc")
    assert caught.value.messages[0] == "Mật khẩu quá ngắn; cần ít nhất 10 ký tự."
    with override("vi"), pytest.raises(ValidationError) as caught:
        forms.CharField().clean("a\x00b")
    assert caught.value.messages == ["Không được chứa ký tự rỗng (mã 0)."]


@pytest.mark.django_db
def test_password_reset_page_refuses_in_vietnamese(client):
    user = User.objects.create_user("canbo", email="cb@example.org", password="mot-mat-khau-dai")
    url = reverse("accounts:password_reset_confirm", args=[
        urlsafe_base64_encode(force_bytes(user.pk)), default_token_generator.make_token(user)])
    form_url = client.get(url)["Location"]
    page = client.post(form_url, {"new_password1": "abc", "new_password2": "abc"})
    body = page.content.decode()
    assert page.status_code == 200 and "Mật khẩu quá ngắn" in body and "too short" not in body


@pytest.mark.django_db
@pytest.mark.parametrize("garbage", ["abc", "1e5", "99999999999999999999", "", "٣", "-1"])
def test_revoking_a_garbage_token_id_is_not_found(client, garbage):
    user = User.objects.create_user("canbo", password="mot-mat-khau-dai-2026")
    ApiToken.issue(user, "Báo cáo")
    client.force_login(user)
    assert client.post(reverse("accounts:profile"), {"revoke": garbage}).status_code == 404
    assert user.api_tokens.count() == 1
