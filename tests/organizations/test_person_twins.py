"""Editing or moving a person into someone already there (issue 17, item 3): the same rule as
adding one (organizations.twins) — a citizen ID another person holds is refused, the same name
and birth date at one of the person's units is named and may be saved anyway on purpose."""
from datetime import date

import pytest
from django.urls import reverse

from thidua.accounts.models import ApiToken, Role
from thidua.organizations import services
from thidua.organizations.models import Employment, Person

CCCD = "046185001234"


def edit_form(person, **overrides):
    data = {"person-family_name": person.family_name, "person-middle_name": person.middle_name,
            "person-given_name": person.given_name, "person-gender": person.gender,
            "person-birth_date": person.birth_date.strftime("%d/%m/%Y"),
            "person-ethnicity": person.ethnicity, "person-citizen_id": "",
            "person-phone": "0912345678"}
    data.update(overrides)
    return data


def move_form(unit, **overrides):
    data = {"job-organization": unit.code, "job-category": "STAFF", "job-position": "Kế toán",
            "job-start_date": "01/07/2025", "job-close_current": "on"}
    data.update(overrides)
    return data


@pytest.fixture
def officer(network, make_user):
    return make_user(Role.EC_OFFICER, network.hue)


@pytest.fixture
def namesake(network):
    """Nguyễn Văn Đức at Huế's first cooperative, born like everyone of the network."""
    return network.person("Nguyễn", "Văn", "Đức", network.hue_coop)


def renamed(person, given):
    person = Person.objects.get(pk=person.pk)
    person.given_name = given
    return person


@pytest.mark.django_db
def test_an_edit_into_someone_of_the_same_unit_is_named_and_saved_only_when_confirmed(
        network, officer, namesake):
    with pytest.raises(services.DuplicatePerson) as refused:
        services.update_person(officer, renamed(namesake, "Điệp"))
    assert refused.value.existing == network.hue_person and not refused.value.twin.certain
    assert refused.value.messages == [
        f"Có thể trùng với Nguyễn Văn Điệp (#{network.hue_person.pk}) tại "
        "Hợp tác xã Nông nghiệp Thủy Thanh: cùng họ tên và ngày sinh. Nếu đúng là hai người khác "
        "nhau, hãy đánh dấu “Vẫn lưu” rồi bấm Lưu."]
    assert Person.objects.get(pk=namesake.pk).given_name == "Đức"
    services.update_person(officer, renamed(namesake, "Điệp"), confirmed=True)
    assert Person.objects.get(pk=namesake.pk).given_name == "Điệp"
    # Now alike on purpose: an edit that leaves name, birth date and citizen ID alone passes.
    person = Person.objects.get(pk=namesake.pk)
    person.phone = "0912345678"
    services.update_person(officer, person)


@pytest.mark.django_db
def test_a_citizen_id_someone_holds_is_refused_even_confirmed(network, officer, namesake):
    holder = network.person("Đinh", "Văn", "Tâm", network.hue_coop2, citizen_id=CCCD)
    person = Person.objects.get(pk=namesake.pk)
    person.citizen_id = CCCD
    with pytest.raises(services.DuplicatePerson) as refused:
        services.update_person(officer, person, confirmed=True)
    assert refused.value.twin.certain and refused.value.existing == holder
    assert f"Có thể trùng với Đinh Văn Tâm (#{holder.pk}): số CCCD này đã thuộc về người đó" in (
        refused.value.messages[0])
    assert Person.objects.get(pk=namesake.pk).citizen_id == ""


@pytest.mark.django_db
def test_another_units_twin_is_not_a_twin_and_one_out_of_scope_is_not_named(network, officer,
                                                                            namesake):
    # Phạm Quốc Bảo works in Hà Nội only: renaming a Huế person after him is no duplicate.
    services.update_person(officer, _renamed_fully(namesake, "Phạm", "Quốc", "Bảo"))
    assert Person.objects.get(pk=namesake.pk).full_name == "Phạm Quốc Bảo"
    # Someone who once worked at Huế's cooperative and moved to Hà Nội is a twin there, but a
    # Huế officer may not see them: the message does not name them.
    leaver = network.person("Vũ", "Văn", "Long", network.hue_coop)
    services.add_employment(network.actor, leaver, Employment(
        organization=network.hanoi_coop, category="MEMBER", start_date=date(2024, 1, 1)),
        close_current=True)
    with pytest.raises(services.DuplicatePerson) as refused:
        services.update_person(officer, _renamed_fully(namesake, "Vũ", "Văn", "Long"))
    assert not refused.value.shown and "Vũ Văn Long" not in refused.value.messages[0]
    assert "Có thể trùng với một người ngoài phạm vi của bạn tại" in refused.value.messages[0]


def _renamed_fully(person, family, middle, given):
    person = Person.objects.get(pk=person.pk)
    person.family_name, person.middle_name, person.given_name = family, middle, given
    return person


@pytest.mark.django_db
def test_a_move_into_a_unit_with_the_same_person_is_named_and_saved_only_when_confirmed(
        network, officer):
    mover = network.person("Nguyễn", "văn  ", "ĐIỆP", network.hue_coop2)  # typed differently
    job = lambda: Employment(organization=network.hue_coop, category="STAFF",  # noqa: E731
                             start_date=date(2025, 7, 1))
    with pytest.raises(services.DuplicatePerson) as refused:
        services.add_employment(officer, mover, job(), close_current=True)
    assert refused.value.existing == network.hue_person
    assert mover.employments.get().end_date is None  # nothing written
    services.add_employment(officer, mover, job(), close_current=True, confirmed=True)
    assert mover.employments.get(end_date__isnull=True).organization == network.hue_coop
    # A new position in a unit they already belong to is no move into a twin.
    services.add_employment(officer, mover, job())


@pytest.mark.django_db
def test_the_edit_form_names_the_twin_keeps_what_was_typed_and_offers_save_anyway(
        client, network, officer, namesake):
    client.force_login(officer)
    url = reverse("organizations:person_edit", args=[namesake.pk])
    response = client.post(url, edit_form(namesake, **{"person-given_name": "Điệp"}))
    page = response.content.decode()
    assert response.status_code == 200
    assert f"Có thể trùng với Nguyễn Văn Điệp (#{network.hue_person.pk})" in page
    assert f'href="{network.hue_person.get_absolute_url()}"' in page
    assert 'value="Điệp"' in page and 'value="0912345678"' in page  # kept as typed
    assert 'name="twin-save_anyway"' in page and "Vẫn lưu" in page
    assert f'{namesake.get_absolute_url()}">Nguyễn Văn Đức</a>' in page  # the breadcrumb
    assert Person.objects.get(pk=namesake.pk).given_name == "Đức"
    response = client.post(url, edit_form(namesake, **{"person-given_name": "Điệp",
                                                       "twin-save_anyway": "on"}))
    assert response.status_code == 302
    assert Person.objects.get(pk=namesake.pk).given_name == "Điệp"


@pytest.mark.django_db
@pytest.mark.parametrize("holder_unit, named", [("hue_coop2", True), ("hanoi_coop", False)])
def test_the_edit_form_refuses_a_held_citizen_id_on_its_field(client, network, officer, namesake,
                                                              holder_unit, named):
    holder = network.person("Đinh", "Văn", "Tâm", getattr(network, holder_unit), citizen_id=CCCD)
    client.force_login(officer)
    url = reverse("organizations:person_edit", args=[namesake.pk])
    response = client.post(url, edit_form(namesake, **{"person-citizen_id": CCCD,
                                                       "twin-save_anyway": "on"}))
    page = response.content.decode()
    assert response.status_code == 200 and 'id="id_person-citizen_id_errors"' in page
    assert (f"Có thể trùng với Đinh Văn Tâm (#{holder.pk})" in page) is named
    assert ("Đinh Văn Tâm" in page) is named  # out of scope: not even the name
    assert ("Có thể trùng với một người ngoài phạm vi của bạn" in page) is not named
    assert 'name="twin-save_anyway"' not in page  # a citizen ID is never saved twice
    assert Person.objects.get(pk=namesake.pk).citizen_id == ""


@pytest.mark.django_db
def test_the_transfer_form_names_the_twin_and_saves_when_confirmed(client, network, officer):
    mover = network.person("Nguyễn", "Văn", "Điệp", network.hue_coop2)
    client.force_login(officer)
    url = reverse("organizations:employment_create", args=[mover.pk])
    response = client.post(url, move_form(network.hue_coop))
    page = response.content.decode()
    assert response.status_code == 200
    assert (f"Có thể trùng với Nguyễn Văn Điệp (#{network.hue_person.pk}) tại "
            "Hợp tác xã Nông nghiệp Thủy Thanh") in page
    assert 'value="Kế toán"' in page and 'value="01/07/2025"' in page
    assert mover.employments.count() == 1
    assert client.post(url, move_form(network.hue_coop, **{"twin-save_anyway": "on"})
                       ).status_code == 302
    assert mover.employments.get(end_date__isnull=True).organization == network.hue_coop


@pytest.mark.django_db
def test_the_api_refuses_an_edit_into_a_twin(client, network, make_user, namesake):
    _token, key = ApiToken.issue(make_user(Role.EC_OFFICER, network.hue), "test")
    response = client.put(f"/api/v1/people/{namesake.pk}", {
        "family_name": "Nguyễn", "middle_name": "Văn", "given_name": "Điệp", "gender": "MALE",
        "birth_date": "1980-05-17"}, content_type="application/json",
        headers={"Authorization": f"Bearer {key}"})
    assert response.status_code == 400
    assert "Có thể trùng với Nguyễn Văn Điệp" in response.json()["detail"]
