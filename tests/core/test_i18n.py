"""The English catalogues: switching the language shows English, Vietnamese stays the default, and
every entry of thidua/locale/en and of each app's own locale/en is translated (and compiled)."""
import ast
import gettext
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

CATALOGUE = Path(settings.BASE_DIR) / "thidua" / "locale" / "en" / "LC_MESSAGES"
CATALOGUES = sorted(Path(settings.BASE_DIR).glob("thidua/**/locale/en/LC_MESSAGES"))


@pytest.fixture
def user_client(client, django_user_model):
    user = django_user_model.objects.create_user("i18n-user", password="a-long-test-password")
    client.force_login(user)
    return client


def english(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def test_home_page_in_english_with_the_language_cookie(user_client):
    html = english(user_client).get(reverse("core:home")).content.decode()
    assert '<html lang="en">' in html
    assert "My work" in html
    assert "Units" in html
    assert "Blocs and clusters" in html  # the menu's short English label
    # The menu names the movements' area: plural, though "Phong trào" alone is one movement.
    assert re.search(r'<i class="bi bi-megaphone" aria-hidden="true"></i> Movements</a>', html)
    assert "Việc của tôi" not in html
    assert "Khối, cụm thi đua" not in html


def test_organisation_list_in_english_with_the_language_cookie(user_client):
    html = english(user_client).get(reverse("organizations:organization_list")).content.decode()
    assert "List of units" in html
    assert ">Units<" in html
    assert "Danh sách đơn vị" not in html
    assert "Việc của tôi" not in html


def test_an_empty_filter_says_it_keeps_every_row_in_both_languages(user_client):
    """A list's filters left empty read "Tất cả" / "All", not "---------" or "Unknown"."""
    url = reverse("organizations:organization_list")
    for html, every, unknown in [
            (user_client.get(url).content.decode(), "Tất cả", "Chưa xác định"),
            (english(user_client).get(url).content.decode(), "All", "Unknown")]:
        assert f'<option value="" selected>{every}</option>' in html  # kind, province, sector…
        assert f'<option value="unknown" selected>{every}</option>' in html  # new-model HTX
        assert "---------" not in html and unknown not in html


def test_vietnamese_is_the_default_without_the_cookie(user_client):
    html = user_client.get(reverse("core:home")).content.decode()
    assert '<html lang="vi">' in html
    assert "Việc của tôi" in html
    assert "My work" not in html
    html = user_client.get(reverse("organizations:organization_list")).content.decode()
    assert "Danh sách đơn vị" in html
    assert "List of units" not in html


def test_the_language_selector_switches_to_english(user_client):
    response = user_client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert response.status_code == 302
    assert user_client.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    html = user_client.get(reverse("core:home")).content.decode()
    assert "My work" in html and "Việc của tôi" not in html


@pytest.mark.django_db  # the portal middleware looks the host up among the sites
def test_login_page_in_english_for_anonymous_visitors(client):
    html = english(client).get(reverse("accounts:login")).content.decode()
    assert "Sign in" in html
    assert "Đăng nhập" not in html


# --- the catalogue itself ---------------------------------------------------------------------

def _unquote(line):
    return ast.literal_eval(line)  # a PO string is a C-style quoted string, as in Python


def parse_po(path):
    """Entries of a .po file as dicts: msgid, msgid_plural, msgstr (list of forms), flags.
    Obsolete (#~) entries are skipped. Small on purpose: the project does not depend on polib."""
    entries, entry, field = [], None, None

    def finish():
        if entry is not None and "msgid" in entry:
            entries.append(entry)

    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line:
            finish()
            entry, field = None, None
            continue
        if line.startswith("#~"):
            continue
        if entry is None:
            entry = {"flags": set(), "msgstr": {}}
        if line.startswith("#,"):
            entry["flags"].update(flag.strip() for flag in line[2:].split(","))
        elif line.startswith("#"):
            continue
        elif line.startswith("msgid_plural "):
            field = "msgid_plural"
            entry[field] = _unquote(line[len("msgid_plural "):])
        elif line.startswith("msgid "):
            field = "msgid"
            entry[field] = _unquote(line[len("msgid "):])
        elif line.startswith("msgctxt "):
            field = "msgctxt"
            entry[field] = _unquote(line[len("msgctxt "):])
        elif line.startswith("msgstr["):
            index, rest = line[len("msgstr["):].split("]", 1)
            field = ("msgstr", int(index))
            entry["msgstr"][int(index)] = _unquote(rest.strip())
        elif line.startswith("msgstr "):
            field = ("msgstr", 0)
            entry["msgstr"][0] = _unquote(line[len("msgstr "):])
        elif line.startswith('"'):
            if isinstance(field, tuple):
                entry["msgstr"][field[1]] += _unquote(line)
            else:
                entry[field] += _unquote(line)
    finish()
    return entries


@pytest.fixture(scope="module", params=CATALOGUES, ids=lambda path: str(path.parents[2].parent.name))
def catalogue(request):
    return request.param


@pytest.fixture(scope="module")
def entries(catalogue):
    return parse_po(catalogue / "django.po")


def test_the_project_catalogue_is_the_big_one():
    assert len(parse_po(CATALOGUE / "django.po")) > 1000


def test_the_catalogue_header(entries):
    header = entries[0]
    assert header["msgid"] == ""
    assert "fuzzy" not in header["flags"]
    meta = header["msgstr"][0]
    assert "Language: en\n" in meta
    assert "Plural-Forms: nplurals=2; plural=(n != 1);\n" in meta
    assert "charset=UTF-8" in meta


def test_every_entry_is_translated_and_none_is_fuzzy(entries):
    messages = entries[1:]
    fuzzy = [e["msgid"] for e in messages if "fuzzy" in e["flags"]]
    assert fuzzy == []
    untranslated = [e["msgid"] for e in messages
                    if not e["msgstr"] or any(not form for form in e["msgstr"].values())]
    assert untranslated == []
    plural_forms = [e["msgid"] for e in messages
                    if "msgid_plural" in e and sorted(e["msgstr"]) != [0, 1]]
    assert plural_forms == []


def test_the_compiled_catalogue_matches_the_po_file(catalogue, entries):
    """django.mo is what Django reads: forgetting `compilemessages` after translating fails here."""
    with open(catalogue / "django.mo", "rb") as mo:
        compiled = gettext.GNUTranslations(mo)
    stale = []
    for e in entries[1:]:
        if "msgctxt" in e:
            found = (compiled.npgettext(e["msgctxt"], e["msgid"], e["msgid_plural"], 1)
                     if "msgid_plural" in e else compiled.pgettext(e["msgctxt"], e["msgid"]))
            if found != e["msgstr"][0]:
                stale.append(e["msgid"])
        elif "msgid_plural" in e:
            pair = (compiled.ngettext(e["msgid"], e["msgid_plural"], 1),
                    compiled.ngettext(e["msgid"], e["msgid_plural"], 2))
            if pair != (e["msgstr"][0], e["msgstr"][1]):
                stale.append(e["msgid"])
        elif compiled.gettext(e["msgid"]) != e["msgstr"][0]:
            stale.append(e["msgid"])
    assert stale == []
