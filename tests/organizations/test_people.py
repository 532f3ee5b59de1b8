from datetime import date, timedelta

import pytest
from django.urls import reverse
from timekeeping import TEST_NOW

from thidua.accounts.models import ApiToken, Role
from thidua.organizations.models import Person, PersonalDataAccess


def person_form(**overrides):
    data = {"person-family_name": "Hoàng", "person-middle_name": "Thị", "person-given_name": "Lan",
            "person-gender": "FEMALE", "person-birth_date": "02/09/1985", "person-ethnicity": "01",
            "person-citizen_id": "046185001234", "job-organization": "P46-HTX01",
            "job-position": "Kế toán", "job-category": "STAFF", "job-start_date": "01/03/2020"}
    data.update(overrides)
    return data


@pytest.mark.django_db
def test_officer_adds_person_with_encrypted_citizen_id(client, network, make_user):
    officer = make_user(Role.EC_OFFICER, network.hue)
    client.force_login(officer)
    response = client.post(reverse("organizations:person_create", args=[network.hue_coop.pk]),
                           person_form())
    person = Person.objects.get(given_name="Lan")
    assert response.status_code == 302 and response["Location"] == person.get_absolute_url()
    assert person.citizen_id == "046185001234"
    assert "046185001234" not in person.citizen_id_encrypted
    assert person.citizen_id_masked == "********1234"
    assert person.history.first().history_user == officer
    assert person.employments.get().organization == network.hue_coop


@pytest.mark.django_db
@pytest.mark.parametrize("field, value, message", [
    ("person-citizen_id", "04618500123", "Số CCCD phải gồm 12 chữ số."),
    ("person-citizen_id", "04618500123a", "Số CCCD phải gồm 12 chữ số."),
    ("person-birth_date", (TEST_NOW + timedelta(days=3)).strftime("%d/%m/%Y"),
     "Ngày sinh không được ở tương lai."),
    ("job-end_date", "01/01/2019", "Ngày kết thúc phải sau ngày bắt đầu."),
    ("job-organization", "P01-HTX01", "Không tìm thấy đơn vị có mã này trong phạm vi của bạn."),
])
def test_bad_input_re_renders_with_message_and_writes_nothing(client, network, make_user,
                                                              field, value, message):
    client.force_login(make_user(Role.EC_OFFICER, network.hue))
    before = Person.objects.count()
    response = client.post(reverse("organizations:person_create", args=[network.hue_coop.pk]),
                           person_form(**{field: value}))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert 'value="Hoàng"' in response.content.decode()  # what was typed is kept
    assert Person.objects.count() == before


@pytest.mark.django_db
def test_duplicate_citizen_id_is_refused(client, network, make_user):
    network.person("Đinh", "Văn", "Tâm", network.hue_coop2, citizen_id="046185001234")
    client.force_login(make_user(Role.EC_OFFICER, network.hue))
    response = client.post(reverse("organizations:person_create", args=[network.hue_coop.pk]),
                           person_form())
    assert "số CCCD này đã thuộc về người đó" in response.content.decode()


@pytest.mark.django_db
def test_citizen_id_is_masked_and_reveal_is_logged(client, network, make_user):
    person = network.person("Đinh", "Văn", "Tâm", network.hue_coop2, citizen_id="046185009876")
    appraiser = make_user(Role.APPRAISER, network.hue)
    client.force_login(appraiser)
    page = client.get(person.get_absolute_url()).content.decode()
    assert "046185009876" not in page and "********9876" in page
    revealed = client.post(reverse("organizations:reveal_citizen_id", args=[person.pk]))
    assert "046185009876" in revealed.content.decode()
    assert PersonalDataAccess.objects.filter(user=appraiser, person=person).count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize("role", [Role.VIEWER, Role.UNIT_REPORTER, Role.COUNCIL_MEMBER])
def test_roles_without_personal_data_never_see_citizen_id(client, network, make_user, role):
    person = network.person("Đinh", "Văn", "Tâm", network.hue_coop2, citizen_id="046185009876")
    client.force_login(make_user(role, network.hue))
    assert "9876" not in client.get(person.get_absolute_url()).content.decode()
    assert client.post(reverse("organizations:reveal_citizen_id", args=[person.pk])).status_code == 403
    assert "citizen" not in client.get(f"/api/v1/people/{person.pk}").content.decode()


@pytest.mark.django_db
def test_transfer_closes_the_previous_employment(client, network, make_user):
    client.force_login(make_user(Role.EC_OFFICER, network.hue))
    response = client.post(reverse("organizations:employment_create", args=[network.hue_person.pk]), {
        "job-organization": "P46-HTX02", "job-category": "STAFF", "job-position": "Giám đốc",
        "job-start_date": "01/07/2025", "job-close_current": "on"})
    assert response.status_code == 302
    old, new = network.hue_person.employments.order_by("start_date")
    assert old.end_date == date(2025, 6, 30) and new.organization == network.hue_coop2
    assert new.end_date is None


@pytest.mark.django_db
def test_vietnamese_search_and_order_in_database(network, root_user):
    for family, middle, given in [("Nguyễn", "Văn", "Điệp"), ("Trần", "Thị", "Ánh"),
                                  ("Nguyễn", "Thị", "An"), ("Lê", "Văn", "Đức")]:
        network.person(family, middle, given, network.hue_coop)
    found = Person.objects.visible_to(root_user).search("nguyen van diep")
    assert [p.full_name for p in found] == ["Nguyễn Văn Điệp", "Nguyễn Văn Điệp"]
    assert Person.objects.search("DIEP nguyễn").count() == 2
    names = [p.given_name for p in Person.objects.order_by("sort_key")]
    assert names.index("An") < names.index("Ánh") < names.index("Bảo") < names.index("Điệp")
    assert names.index("Điệp") < names.index("Đức") < names.index("Hương")


@pytest.mark.django_db
def test_a_visually_identical_person_in_the_same_unit_is_refused_naming_them(client, network,
                                                                            make_user):
    """Without a citizen ID the form would add a second "Hoàng Thị Lan" born 02/09/1985 to the
    same cooperative: it is refused with the existing person's name and a link to them; typed
    differently (spacing, case, a decomposed letter) counts as the same name."""
    client.force_login(make_user(Role.EC_OFFICER, network.hue))
    url = reverse("organizations:person_create", args=[network.hue_coop.pk])
    assert client.post(url, person_form(**{"person-citizen_id": ""})).status_code == 302
    existing = Person.objects.get(given_name="Lan")
    response = client.post(url, person_form(**{"person-citizen_id": "",
                                               "person-family_name": "HOA\u0300NG ",
                                               "person-middle_name": " thị"}))
    page = response.content.decode()
    assert response.status_code == 200
    assert (f"{network.hue_coop.name} đã có Hoàng Thị Lan (#{existing.pk}), cùng họ tên và ngày "
            "sinh.") in page
    assert f'href="{existing.get_absolute_url()}"' in page
    assert Person.objects.filter(given_name="Lan").count() == 1
    # Another birth date, or a citizen ID that tells them apart, is another person.
    assert client.post(url, person_form(**{"person-citizen_id": "",
                                           "person-birth_date": "03/09/1985"})).status_code == 302
    assert client.post(url, person_form()).status_code == 302
    assert Person.objects.filter(given_name="Lan").count() == 3


@pytest.mark.django_db
def test_the_api_refuses_the_same_person_twice_in_one_unit(client, network, make_user):
    _token, key = ApiToken.issue(make_user(Role.EC_OFFICER, network.hue), "test")
    body = {"family_name": "Hoàng", "middle_name": "Thị", "given_name": "Lan", "gender": "FEMALE",
            "birth_date": "1985-09-02", "employment": {
                "organization_id": network.hue_coop.pk, "category": "STAFF"}}
    post = lambda: client.post("/api/v1/people", body, content_type="application/json",  # noqa: E731
                               headers={"Authorization": f"Bearer {key}"})
    assert post().status_code == 201
    refused = post()
    assert refused.status_code == 400 and "đã có Hoàng Thị Lan" in refused.json()["detail"]
    assert Person.objects.filter(given_name="Lan").count() == 1


def test_the_people_pages_name_their_list_as_the_menu_does_in_english(client, network, make_user,
                                                                       settings):
    """The menu read 'People' and the breadcrumb under it 'Individuals' (walk of issue 16)."""
    client.force_login(make_user(Role.EC_OFFICER, network.hue))
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = client.get(reverse("organizations:person_list")).content.decode()
    assert '<li class="breadcrumb-item active" aria-current="page">People</li>' in page
