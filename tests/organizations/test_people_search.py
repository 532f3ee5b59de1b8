"""People search at scale: names match by word start, and search pages read their hits once."""
import pytest
from django.urls import reverse

from thidua.accounts.models import Role
from thidua.core.views import SearchPaginator
from thidua.organizations.models import Person


@pytest.mark.django_db
def test_names_match_at_the_start_of_a_word(network):
    network.person("Lê", "Thị", "Hà", network.hue_coop)
    network.person("Hồ", "Văn", "Thanh", network.hue_coop)
    network.person("Võ", "Khoa", "Hải", network.hue_coop)

    def found(query):
        return sorted(p.given_name for p in Person.objects.search(query))

    assert found("ha") == ["Hà", "Hải"]           # not "Thanh"
    assert found("le ha") == ["Hà"]                # two-letter words work
    assert found("hoa") == []                      # no longer inside "khoa"
    assert found("kho") == ["Hải"]


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
    paginator = SearchPaginator(Person.objects.search("phan mai").order_by("sort_key", "pk"), 2)
    paginator.cap = 4
    assert paginator.is_capped and paginator.count == 5
    assert len(paginator.page(1).object_list) == 2


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
