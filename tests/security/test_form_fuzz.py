"""Garbage into every HTML form of the app (issue 17 item 7): each named page is opened as the
system administrator (who may use every form), each POST form on it is read back from the HTML,
and every one of its fields is filled with one kind of garbage at a time — overlong text, NUL
bytes, decomposed Unicode, negative and huge numbers, 31/02/2026, ids that do not exist, nothing
at all, files that are not what their name claims. No answer may be a server error, and a form
shown again must carry its error in Vietnamese, never Django's English. Bounded: one request per
kind of garbage and form (no time limit here: speed goals live in bench/). The pages that need a
record find one at id 1 (fuzz_records: a movement, a bloc with its score sheet, a council session,
a decision…)."""
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from fuzz_records import every_kind
from test_security_permissions import patterns, url_for

# Forms that end the session or switch the language: posting to them is not garbage handling.
LEAVE_ALONE = ("/dang-xuat/", "/i18n/setlang/", "/accounts/logout/")
ENGLISH = ("This field is required", "Enter a valid", "Null characters are not allowed",
           "Select a valid choice", "Ensure this value", "The submitted file", "is not a number")


class Forms(HTMLParser):
    """The POST forms of a page: action and {field name: (tag, type, [option values])}."""

    def __init__(self):
        super().__init__()
        self.forms, self.select = [], None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.forms.append({"action": attrs.get("action") or "",
                               "method": (attrs.get("method") or "get").lower(), "fields": {}})
        elif self.forms and tag in {"input", "textarea", "select"} and attrs.get("name"):
            kind = attrs.get("type", "text").lower() if tag == "input" else tag
            if kind not in {"submit", "button", "reset", "image"}:
                field = self.forms[-1]["fields"].setdefault(attrs["name"], [kind, attrs, []])
                self.select = field if tag == "select" else None
        elif tag == "option" and self.select is not None:
            self.select[2].append(attrs.get("value", ""))

    def handle_endtag(self, tag):
        if tag == "select":
            self.select = None


def garbage(kind, name, field):
    """What one ``kind`` of garbage puts into the field ``name`` read as ``field``."""
    tag, attrs, _options = field
    if name == "csrfmiddlewaretoken" or tag == "hidden" and kind != "ids":
        return attrs.get("value", "")
    if tag == "file":
        claims = {"overlong": ("ho-so.pdf", b"GIF89a" + b"\0" * 64),
                  "nul": ("nhap.xlsx", b"not a zip\0"),
                  "unicode": ("a\u0300nh.png", b"%PDF-1.4\n%%EOF\n"),
                  "numbers": ("quyet-dinh.docx", b"PK\x03\x04broken")}
        name_, content = claims.get(kind, ("empty.pdf", b""))
        return SimpleUploadedFile(name_, content)
    return {"overlong": "Ơ" * 5000, "nul": "a\x00b", "unicode": "O\u031bn Nguye\u0302\u0303n",
            "numbers": "-99999999999999999999" if tag in {"number", "select"} else "9" * 40,
            "dates": "31/02/2026", "ids": "999999999"}[kind]


# How a page shows a refusal: a field marked invalid, an alert, or an htmx partial's error text.
ERROR_MARKS = ("is-invalid", "invalid-feedback", "alert-danger", "alert-warning", "text-danger")
KINDS = ("overlong", "nul", "unicode", "numbers", "dates", "ids", "missing")


def pages(client):
    """(url, page HTML) of every named page without parameters or with an id (tried as 1),
    as the logged-in client sees it."""
    for name, params in patterns():
        if name.startswith("api-v1:") or any(type(c).__name__ not in {"IntConverter", "NoneType"}
                                              for c in params.values()):
            continue
        url = url_for(name, params, 1)
        response = client.get(url)
        if response.status_code == 200 and "html" in response.get("Content-Type", ""):
            yield url, response.content.decode(errors="replace")


# Sequences start again at 1, so the pages tried with id 1 find the test's records on PostgreSQL
# as on SQLite (PostgreSQL's sequences do not roll back with the previous tests' transactions).
@pytest.mark.django_db(transaction=True, reset_sequences=True)
def test_garbage_in_every_form_is_refused_in_vietnamese_never_a_500(
        client, award_catalogue, network, root_user, make_user):
    client.raise_request_exception = False
    every_kind(network, make_user)
    client.force_login(root_user)
    problems, walked = [], set()
    for url, html in list(pages(client)):
        parser = Forms()
        parser.feed(html)
        for form in parser.forms:
            target = urlsplit(form["action"]).path or url
            if form["method"] != "post" or target in walked or target.startswith(LEAVE_ALONE):
                continue
            walked.add(target)
            for kind in KINDS:
                data = {} if kind == "missing" else {
                    name: garbage(kind, name, field) for name, field in form["fields"].items()}
                response = client.post(target, data, headers={"Referer": url})
                body = response.content.decode(errors="replace")
                if response.status_code >= 500:
                    problems.append(f"{target} ({kind}): {response.status_code}")
                elif response.status_code == 200 and not any(m in body for m in ERROR_MARKS):
                    problems.append(f"{target} ({kind}): shown again without an error")
                elif any(english in body for english in ENGLISH):
                    problems.append(f"{target} ({kind}): an English message "
                                    f"{[e for e in ENGLISH if e in body]}")
                client.force_login(root_user)  # a form may have ended or changed the session
    assert not problems, "\n".join(problems)
    # 68 with one record of each kind (fuzz_records): a lower count means a page lost its form.
    assert len(walked) >= 66, f"only {len(walked)} forms reached: {sorted(walked)}"
