"""People search at scale: names match by word start, and search pages read their hits once."""
import pytest
from django.db import connection
from django.urls import reverse

from thidua.accounts.models import Role
from thidua.core.views import SearchPaginator
from thidua.organizations.models import Person


def found(query):
    return {person.full_name for person in Person.objects.search(query)}


@pytest.mark.django_db
def test_names_match_at_the_start_of_a_word(network):
    for name in (("Lê", "Thị", "Hà"), ("Hồ", "Văn", "Thanh"), ("Võ", "Khoa", "Hải")):
        network.person(*name, network.hue_coop)
    assert found("ha") == {"Lê Thị Hà", "Võ Khoa Hải"}  # not "Thanh"
    assert found("le ha") == {"Lê Thị Hà"}               # two-letter words work
    assert found("hoa") == set()                         # no longer inside "khoa"
    assert found("kho") == {"Võ Khoa Hải"}


@pytest.mark.django_db
def test_search_paginator_orders_hits_like_the_database(network):
    for index in range(30):
        network.person("Trần", "Văn", f"Bảo {index:02d}", network.hue_coop)
    queryset = Person.objects.search("tran bao").order_by("sort_key", "pk")
    paginator = SearchPaginator(queryset, 25)
    assert paginator.count == 30 and paginator.num_pages == 2
    assert list(paginator.page(1).object_list) + list(paginator.page(2).object_list) == list(queryset)


@pytest.mark.django_db
def test_search_paginator_caps_the_count(network):
    for index in range(6):
        network.person("Phan", "Thị", f"Mai {index}", network.hue_coop)
    queryset = Person.objects.search("phan mai").order_by("sort_key", "pk")
    paginator = SearchPaginator(queryset, 3)
    paginator.cap = 4
    assert paginator.is_capped and paginator.count == 4 and paginator.num_pages == 2
    assert len(paginator.page(2).object_list) == 1  # the pages cover the cap, not the 5th hit
    within = SearchPaginator(queryset, 3)
    within.cap = 6
    assert not within.is_capped and within.count == 6


def test_a_search_reads_at_most_a_thousand_and_one_hits():
    assert SearchPaginator.cap == 1_000


@pytest.mark.django_db
@pytest.mark.parametrize("language, text", [
    ("vi", "Hơn 4 người khớp — hãy thu hẹp tìm kiếm"),
    ("en", "More than 4 people match — narrow the search"),
])
def test_people_page_over_the_cap_asks_to_narrow_the_search(client, network, make_user,
                                                            monkeypatch, settings, language, text):
    from thidua.organizations.views.people import PeopleSearchPaginator

    monkeypatch.setattr(PeopleSearchPaginator, "cap", 4)
    for index in range(6):
        network.person("Đỗ", "Thị", f"Lan {index}", network.hue_coop)
    client.force_login(make_user(Role.EC_OFFICER, network.hue))
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    url = reverse("organizations:person_list")
    html = client.get(url, {"q": "do lan"}).content.decode()
    assert text in html
    last = client.get(url, {"q": "do lan", "page": 99}).context["page_obj"]
    assert last.number == 1 and len(last.object_list) == 4  # 25 a page: one page of 4
    assert "Hơn" not in client.get(url, {"q": "do lan 5"}).content.decode()


@pytest.mark.django_db
def test_people_page_search_uses_word_prefix_and_stays_in_scope(client, network, make_user):
    network.person("Lê", "Thị", "Hà", network.hue_coop)
    network.person("Lê", "Văn", "Thanh", network.hue_coop)
    network.person("Lê", "Thị", "Hằng", network.hanoi_coop)
    client.force_login(make_user(Role.EC_OFFICER, network.hue))
    html = client.get(reverse("organizations:person_list"), {"q": "le ha"}).content.decode()
    assert "Lê Thị Hà" in html
    assert "Lê Văn Thanh" not in html
    assert "Lê Thị Hằng" not in html  # another province


@pytest.mark.django_db
def test_every_word_starts_a_word_of_the_name_accents_ignored(network):
    for name in (("Lê", "Văn", "A"), ("Nguyễn", "Văn", "Lê"), ("Trần", "Thị", "Lệ")):
        network.person(*name, network.hue_coop)
    assert found("le") == {"Lê Thị Hương", "Lê Văn A", "Nguyễn Văn Lê", "Trần Thị Lệ"}
    assert found("lê văn") == {"Lê Văn A", "Nguyễn Văn Lê"}   # accents typed or not
    assert found("ng van") == {"Nguyễn Văn Điệp", "Nguyễn Văn Lê"}
    assert found("guyen") == set()                             # inside a word: no
    assert found("nguyen-van le") == {"Nguyễn Văn Lê"}         # punctuation separates words
    assert found("dieP  ") == {"Nguyễn Văn Điệp"}              # đ is d, case ignored
    assert found("le xyz") == set()                            # every word must match


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["le", "ng van", "nguyen van diep"])
def test_an_officer_never_finds_another_provinces_people(network, make_user, query):
    network.person("Lê", "Văn", "Nam", network.hanoi_coop)
    network.person("Nguyễn", "Văn", "Điệp", network.hanoi_coop)
    officer = make_user(Role.EC_OFFICER, network.hue)
    admin = make_user(Role.SYSTEM_ADMIN, network.vca)

    def provinces(user):
        people = Person.objects.visible_to(user).search(query).prefetch_related(
            "employments__organization")
        return {job.organization.path[:8] for person in people for job in person.employments.all()}

    assert provinces(officer) == {network.hue.path}
    assert provinces(admin) == {network.hue.path, network.hanoi.path}


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "postgresql", reason="the index is PostgreSQL's")
def test_an_officers_search_is_one_scan_of_the_scope_and_words_index(network, make_user):
    officer = make_user(Role.EC_OFFICER, network.hue)
    people = Person.objects.visible_to(officer).search("le h")
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        plan = people.explain()
    assert "person_search_keys" in plan and "employment" not in plan
