"""The nomination wizard: the deciding level is one of the proposer's own levels that the
catalogue lets confer, and people are told apart by birth year, position and unit."""
from datetime import date

import pytest

from thidua.accounts.models import Role
from thidua.nominations.forms import BatchForm, deciding_levels
from thidua.organizations import services
from thidua.organizations.models import Employment, Person

pytestmark = pytest.mark.django_db


def options(form):
    return {unit.code for unit in form.fields["authority"].queryset}


def test_a_cooperative_is_offered_its_own_levels_only(pipeline, network):
    form = BatchForm(user=pipeline.reporter)
    assert options(form) == {"P46-HTX01", "P46", "VCA"}
    assert set(deciding_levels(network.hue_coop).values_list("code", flat=True)) == options(form)


def test_the_levels_follow_the_chosen_proposer(client, network, make_user):
    officer = make_user(Role.EC_OFFICER, network.vca)  # may propose for every unit
    assert options(BatchForm(user=officer)) == set()
    assert options(BatchForm(user=officer, initial={"proposer": network.hanoi_coop.pk})) == {
        "P01-HTX01", "P01", "VCA"}
    client.force_login(officer)
    page = client.get(f"/ho-so/moi/?proposer={network.hue_coop.pk}").content.decode()
    authority = page[page.index('id="id_authority"'):]
    authority = authority[:authority.index("</select>")]
    assert network.hue.name in authority and network.hanoi.name not in authority
    assert 'hx-get="/ho-so/moi/"' in page


def test_another_provinces_alliance_is_refused(pipeline, network):
    form = BatchForm({"proposer": network.hue_coop.pk, "authority": network.hanoi.pk,
                      "title": "Tờ trình", "year": 2025, "basis": "MERIT",
                      "procedure": "STANDARD"}, user=pipeline.reporter)
    assert not form.is_valid() and "authority" in form.errors


def test_namesakes_are_told_apart_on_the_nominee_page(client, pipeline, network, root_user):
    namesake = services.create_person(root_user, Person(
        family_name="Nguyễn", middle_name="Văn", given_name="Điệp", gender="MALE",
        birth_date=date(1992, 3, 1)), Employment(
        organization=network.hue_coop, category="MEMBER", position="Kế toán",
        start_date=date(2020, 1, 1)))
    batch = pipeline.draft()
    client.force_login(pipeline.reporter)
    page = client.get(f"/ho-so/{batch.pk}/doi-tuong/").content.decode()
    assert f"Nguyễn Văn Điệp (1980) — Thành viên, {network.hue_coop.name}" in page
    assert f"Nguyễn Văn Điệp (1992) — Kế toán, {network.hue_coop.name}" in page
    assert namesake.pk
    assert "Giấy khen — cấp xét quyết định" in page
    assert "Bằng khen của Thủ tướng Chính phủ — trình cấp trên quyết định" in page


def test_a_movement_and_its_deployment_are_told_apart(pipeline, network):
    """The walk of issue 16: the list offered the VCA movement and Huế's deployment of it under
    one title; each now names the unit that launched it. A cooperative's only proposing unit
    is chosen already."""
    from thidua.movements.models import Movement, MovementKind, MovementStatus
    for unit in (network.vca, network.hue):
        Movement.objects.create(launched_by=unit, kind=MovementKind.THEMATIC, title="Chuyển đổi số",
                                goals="Mục tiêu", start_date=date(2026, 1, 1),
                                end_date=date(2026, 12, 31), status=MovementStatus.LAUNCHED)
    form = BatchForm(user=pipeline.reporter)
    labels = [label for _, label in form.fields["movement"].choices if "Chuyển đổi số" in str(label)]
    assert len(labels) == 2 and len(set(labels)) == 2
    assert form.initial["proposer"] == network.hue_coop.pk
    asked = BatchForm(user=pipeline.reporter, initial={"proposer": None})  # as the page asks
    assert asked.initial["proposer"] == network.hue_coop.pk


def test_the_nominee_page_has_no_duplicate_ids(client, pipeline):
    """Both forms of the page have 'award_type' and 'achievement': the second form's labels
    pointed to the first form's fields (one id twice), so clicking them chose on the left."""
    import re
    batch = pipeline.draft()
    client.force_login(pipeline.reporter)
    page = client.get(f"/ho-so/{batch.pk}/doi-tuong/").content.decode()
    ids = re.findall(r'\sid="([^"]+)"', page)
    assert len(ids) == len(set(ids)), sorted({i for i in ids if ids.count(i) > 1})


def test_nominees_are_listed_with_their_birth_year(client, pipeline):
    """Two 'Nguyễn Văn Thông' of one cooperative, once added, read the same in the list."""
    batch = pipeline.draft()
    client.force_login(pipeline.reporter)
    item = batch.items.exclude(person=None).select_related("person").first()
    year = f"({item.person.birth_date.year})</span>"
    for url in (f"/ho-so/{batch.pk}/doi-tuong/", batch.get_absolute_url()):
        assert year in client.get(url).content.decode()


def test_the_dossier_pages_name_their_list_as_the_menu_does_in_english(client, pipeline, settings):
    """The menu read 'Dossiers' and the breadcrumb under it 'Commendation record' (a person's
    record: the same Vietnamese words)."""
    batch = pipeline.draft()
    client.force_login(pipeline.reporter)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    for url in (batch.get_absolute_url(), f"/ho-so/{batch.pk}/doi-tuong/"):
        page = client.get(url).content.decode()
        assert "Commendation record" not in page and page.count(">Dossiers<") >= 1
