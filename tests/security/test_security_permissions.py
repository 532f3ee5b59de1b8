"""Every URL of the project, automatically: anonymous visitors reach only the public pages, and a
user of another province never sees one unit's records — whatever id is put in the address
(no IDOR), on the pages and on every API route; injection strings through every list's search
box neither break a page nor come back unescaped."""
from datetime import date

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.urls.resolvers import RegexPattern

from thidua.accounts.models import Role
from thidua.movements import services as movement_services
from thidua.movements.models import Movement
from thidua.nominations import workflow
from thidua.organizations import services, transfers
from thidua.organizations.models import (
    Employment,
    EmulationGroup,
    Organization,
    OrganizationKind,
    Person,
)
from thidua.records import services as records_services
from thidua.records.models import CooperationProgramme, Exemplar, Inspection
from thidua.reports.models import ECDepartment, ECStaffMember

MARKER = "BIMATHANOI"
SHARED_PK = 90_001  # Hà Nội's records share one id, so one request per address tries them all
PUBLIC_NAMESPACES = {"portal", "captcha"}
PUBLIC_NAMES = {"accounts:login", "accounts:password_reset", "accounts:password_reset_done",
                "accounts:password_reset_complete", "accounts:password_reset_confirm",
                "api-v1:openapi-json", "api-v1:openapi-view", "set_language"}
# Public by design: the disclosure page of a nomination (Law Art. 84) and document verification.
PUBLIC_PREFIXES = ("nominations:disclosure", "documents:verify")
SKIPPED = ("admin:",)  # Django's admin: staff only, its own login; tested by Django
PAYLOADS = ["' OR '1'='1' --", "<script>alert('xss')</script>", "../../../../etc/passwd",
            "\"><img src=x onerror=alert(1)>", "%' AND 1=0 UNION SELECT password FROM x --"]


def patterns(resolver=None, namespace=""):
    """(view name, {parameter: converter}) of every named URL pattern."""
    resolver = resolver or get_resolver()
    found = []
    for entry in resolver.url_patterns:
        converters = dict(entry.pattern.converters)
        if isinstance(entry.pattern, RegexPattern):  # named groups, filled with digits
            converters = dict.fromkeys(entry.pattern.regex.groupindex)
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            for name, params in patterns(entry, inner):
                found.append((name, {**converters, **params}))
        elif isinstance(entry, URLPattern) and entry.name:
            found.append((f"{namespace}{entry.name}", dict(converters)))
    # django-ninja declares every path parameter as a string; each of the API's is an id.
    return [(name, dict.fromkeys(params) if name.startswith("api-v1:") else params)
            for name, params in found if not name.startswith(SKIPPED)]


def takes_id(params):
    return any(type(c).__name__ in {"IntConverter", "NoneType"} for c in params.values())


def url_for(name, params, pk):
    values = {}
    for param, converter in params.items():
        kind = type(converter).__name__
        if kind == "UUIDConverter":
            values[param] = "00000000-0000-0000-0000-000000000000"
        elif kind in {"IntConverter", "NoneType"}:
            values[param] = str(pk or 1)
        else:
            values[param] = "x"
    return reverse(name, kwargs=values)


def hanoi_records(network):
    """Records of Hà Nội with the marker in their names, as many as possible with one id."""
    actor, hanoi = network.actor, network.hanoi
    unit = services.create_organization(actor, hanoi, Organization(
        pk=SHARED_PK, kind=OrganizationKind.COOPERATIVE, code="P01-HTX99",
        name=f"HTX {MARKER}", province_code=1))
    services.create_person(actor, Person(
        pk=SHARED_PK, family_name="Đỗ", given_name=MARKER, gender="MALE"), Employment(
        pk=SHARED_PK, organization=unit, category="MEMBER", start_date=date(2020, 1, 1)))
    group = services.create_emulation_group(actor, EmulationGroup(
        pk=SHARED_PK, owner=hanoi, name=f"Khối {MARKER}", year=2025))
    services.set_group_member(actor, group, unit, "HEAD")
    movement_services.save_movement(actor, Movement(
        pk=SHARED_PK, launched_by=hanoi, kind="REGULAR", title=f"Phong trào {MARKER}",
        goals=MARKER, start_date=date(2025, 1, 1), end_date=date(2025, 12, 31)))
    records_services.save_exemplar(actor, Exemplar(
        pk=SHARED_PK, unit=unit, title=f"Điển hình {MARKER}", story=MARKER,
        found_on=date(2024, 5, 1)))
    records_services.save_programme(actor, CooperationProgramme(
        pk=SHARED_PK, owner=hanoi, title=f"Chương trình {MARKER}", partners=MARKER,
        start_year=2024, end_year=2026, commitments=MARKER))
    records_services.save_inspection(actor, Inspection(
        pk=SHARED_PK, organizer=hanoi, team=MARKER, start_date=date(2025, 3, 1),
        end_date=date(2025, 3, 2)), [unit])
    ECDepartment.objects.create(pk=SHARED_PK, organization=hanoi, name=f"Ban {MARKER}",
                                level="HOME_AFFAIRS_BOARD", start_year=2015)
    ECStaffMember.objects.create(pk=SHARED_PK, organization=hanoi, full_name=f"Đinh {MARKER}",
                                 gender="MALE", birth_year=1980, training_level="COLLEGE",
                                 ec_since_year=2005, start_year=2005)
    batch = workflow.create_batch(actor, unit, hanoi, title=f"Tờ trình {MARKER}", year=2025)
    transfer = transfers.request_transfer(actor, network.hanoi_person.employments.get(), unit,
                                          date(2026, 1, 1), note=MARKER)
    return sorted({SHARED_PK, batch.pk, transfer.pk, network.hanoi.pk, network.hanoi_coop.pk,
                   network.hanoi_person.pk})


def leaks(content):
    return MARKER in content or "Phạm Quốc Bảo" in content or "Rau sạch Văn Đức" in content


def is_public(name):
    return (name.split(":")[0] in PUBLIC_NAMESPACES or name in PUBLIC_NAMES
            or name.startswith(PUBLIC_PREFIXES))


@pytest.mark.django_db
def test_anonymous_reaches_only_public_pages(client, network):
    ids = hanoi_records(network)
    problems = []
    for name, params in patterns():
        for pk in ids if takes_id(params) else [None]:
            url = url_for(name, params, pk)
            response = client.get(url)
            status = response.status_code
            if status >= 500:
                problems.append(f"{url}: {status}")
            elif status == 200 and not is_public(name):
                problems.append(f"{url}: 200 for an anonymous visitor")
            elif status in (301, 302) and not is_public(name) and "dang-nhap" not in \
                    response.url and "/quan-tri/" not in response.url:
                problems.append(f"{url}: redirects to {response.url}")
            elif status == 200 and leaks(response.content.decode(errors="replace")):
                problems.append(f"{url}: shows Hà Nội's records")
    assert not problems, "\n".join(problems)


@pytest.mark.django_db
@pytest.mark.parametrize("role", [Role.SYSTEM_ADMIN, Role.EC_OFFICER, Role.VIEWER])
def test_another_province_never_sees_the_records(client, network, make_user, role):
    ids = hanoi_records(network)
    client.force_login(make_user(role, network.hanoi))  # the sweep would see a leak
    for url in (reverse("records:exemplar_detail", args=[SHARED_PK]),
                f"/api/v1/exemplars/{SHARED_PK}", "/api/v1/people"):
        assert leaks(client.get(url).content.decode())
    client.force_login(make_user(role, network.hue))
    problems = []
    for name, params in patterns():
        for pk in ids if takes_id(params) else [None]:
            url = url_for(name, params, pk)
            response = client.get(url)
            if response.status_code >= 500:
                problems.append(f"{url}: {response.status_code}")
            elif response.status_code == 200 and leaks(
                    response.content.decode(errors="replace")):
                problems.append(f"{url}: shows Hà Nội's records to {role} of Huế")
    assert not problems, "\n".join(problems)


@pytest.mark.django_db
def test_injection_through_every_search_box(client, network, root_user):
    client.force_login(root_user)
    problems = []
    for name, params in patterns():
        if params or name.startswith("api-v1:"):
            continue
        url = url_for(name, params, None)
        if client.get(url).status_code != 200:
            continue
        for payload in PAYLOADS:
            response = client.get(url, {"q": payload, "page": payload})
            body = response.content.decode(errors="replace")
            if response.status_code >= 500:
                problems.append(f"{url}?q={payload}: {response.status_code}")
            elif "<script>alert(" in body or "<img src=x onerror" in body:
                problems.append(f"{url}?q={payload}: the payload came back unescaped")
    for payload in PAYLOADS:
        response = client.get("/api/v1/people", {"q": payload})
        assert response.status_code == 200 and response.json()["items"] == []
    assert not problems, "\n".join(problems)


@pytest.mark.django_db
def test_html_in_a_form_is_stored_as_text_and_escaped(client, network, root_user):
    client.force_login(root_user)
    name = "<img src=x onerror=alert(1)>"
    response = client.post(reverse("organizations:organization_edit", args=[network.hue_coop.pk]),
                           {"kind": "COOPERATIVE", "code": "P46-HTX01", "name": name,
                            "province_code": 46, "status": "ACTIVE"})
    assert response.status_code == 302
    page = client.get(reverse("organizations:organization_detail", args=[network.hue_coop.pk]))
    body = page.content.decode()
    assert name not in body and "&lt;img src=x onerror=alert(1)&gt;" in body
