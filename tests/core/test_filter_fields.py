"""The list filters: the empty form of a filter that is the same for everyone is rendered once per
language and kept (core.templatetags.ui.filter_fields); a filtered page shows what was asked for,
and a filter whose choices depend on the user is rendered for each request."""
import pytest
from django.conf import settings
from django.urls import reverse

from thidua.accounts.models import Role
from thidua.core.templatetags import ui
from thidua.records.views.exemplars import ExemplarFilter

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def nothing_kept(monkeypatch):
    monkeypatch.setattr(ui, "_EMPTY_FILTER_FIELDS", {})


def filter_form(page):
    return page[page.index('role="search">'):page.index("</form>", page.index('role="search">'))]


def test_the_empty_filter_is_kept_per_language(client, network, make_user):
    client.force_login(make_user(Role.EC_OFFICER, network.hue))
    vietnamese = client.get(reverse("organizations:person_list")).content.decode()
    assert '<label class="form-label small mb-1" for="id_gender">Giới tính</label>' in vietnamese
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    english = client.get(reverse("organizations:person_list")).content.decode()
    assert '<label class="form-label small mb-1" for="id_gender">Sex</label>' in english
    again = client.get(reverse("organizations:person_list")).content.decode()
    assert filter_form(again) == filter_form(english)
    assert len(ui._EMPTY_FILTER_FIELDS) == 2


def test_a_filtered_list_shows_its_own_choices_and_errors(client, network, make_user):
    client.force_login(make_user(Role.EC_OFFICER, network.hue))
    client.get(reverse("organizations:person_list"))  # the empty form, kept
    page = client.get(reverse("organizations:person_list"), {"gender": "FEMALE", "q": "Lan"})
    html = page.content.decode()
    assert '<option value="FEMALE" selected>' in html and 'value="Lan"' in html
    wrong = client.get(reverse("nominations:batch_list"), {"year": "hai nghìn"}).content.decode()
    assert 'class="form-control is-invalid"' in wrong and "invalid-feedback" in wrong
    assert [cls.__name__ for cls, _language in ui._EMPTY_FILTER_FIELDS] == ["PersonFilter"]


def test_a_filter_with_the_users_own_choices_is_never_kept(client, network, make_user):
    assert not getattr(ExemplarFilter, "same_form_for_everyone", False)
    client.force_login(make_user(Role.EC_OFFICER, network.hue))
    assert client.get(reverse("records:exemplar_list")).status_code == 200
    assert ui._EMPTY_FILTER_FIELDS == {}
