"""“Đủ điều kiện năm nay” (awards/views/eligible.py): the stored verdicts of a unit's people, for
those who may see the unit's records, and never another unit's people."""
import pytest
from django.urls import reverse

from thidua.accounts.models import Role
from thidua.awards import verdicts

YEAR = 2026  # the test clock's year


@pytest.fixture
def rated(network, registry):
    """Everyone rated excellent this year (LĐTT within reach), stored by the nightly pass."""
    for person in (network.hue_person, network.hue_person2, network.hanoi_person,
                   network.vca_person):
        registry.rating(YEAR, "EXCELLENT", person=person)
    verdicts.refresh_all(YEAR)


@pytest.mark.django_db
def test_a_province_officer_sees_the_stored_list_of_its_people_only(
        client, network, rated, make_user):
    client.force_login(make_user(Role.EC_OFFICER, network.hue))
    page = client.get(reverse("awards:eligible", args=[network.hue.pk]))
    text = page.content.decode()
    assert page.status_code == 200
    assert "Nguyễn Văn Điệp" in text and "Lê Thị Hương" in text
    assert "Lao động tiên tiến" in text and "Lần xét lại toàn bộ gần nhất" in text
    assert "Phạm Quốc Bảo" not in text and "Trần Thị Mai" not in text
    one_coop = client.get(reverse("awards:eligible", args=[network.hue_coop.pk])).content.decode()
    assert "Nguyễn Văn Điệp" in one_coop and "Lê Thị Hương" not in one_coop


@pytest.mark.django_db
def test_another_province_and_strangers_are_refused(client, network, rated, make_user):
    url = reverse("awards:eligible", args=[network.hue.pk])
    assert client.get(url).status_code == 302  # to the sign-in page
    client.force_login(make_user(Role.EC_OFFICER, network.hanoi))
    assert client.get(url).status_code == 403
    national = client.get(reverse("awards:eligible", args=[network.vca.pk]))
    assert national.status_code == 403


@pytest.mark.django_db
def test_the_year_asked_must_be_open_for_proposals(client, network, rated, make_user):
    client.force_login(make_user(Role.EC_OFFICER, network.hue))
    page = client.get(reverse("awards:eligible", args=[network.hue.pk]), {"year": "1999"})
    assert page.context["year"] == YEAR
