import json

import pytest
from django.core.management import call_command
from django.urls import reverse

from thidua.accounts.models import Role
from thidua.awards.models import AnnualRating, Award


def make_cstd_candidate(network, registry):
    """Hương: CSTĐCS 2023–2024, excellent every year, a provincial initiative — one title short."""
    person = network.hue_person2
    for year in (2023, 2024, 2025):
        registry.rating(year, "EXCELLENT", person=person)
    registry.award("CSTDCS", 2023, person=person)
    registry.award("CSTDCS", 2024, person=person)
    registry.initiative(person, 2, 2024)
    return person


@pytest.mark.django_db
def test_who_qualifies_lists_eligible_and_almost(client, network, registry, make_user):
    person = make_cstd_candidate(network, registry)
    client.force_login(make_user(Role.EC_OFFICER, network.hue))
    url = reverse("awards:qualification", args=[network.hue.pk])
    page = client.get(url, {"year": 2025}).content.decode()
    assert "Lê Thị Hương" in page and "Chiến sĩ thi đua cấp bộ, ban, ngành, tỉnh" in page
    rows = client.get(url, {"year": 2025}).context["report"].rows
    statuses = {(r.subject.pk, r.type_code): r.status for r in rows if r.is_person}
    assert statuses[(person.pk, "LDTT")] == "eligible"
    assert statuses[(person.pk, "CSTDCS")] == "eligible"
    assert statuses[(person.pk, "CSTD_BO")] == "eligible"  # 2025's CSTĐCS chains in the session
    assert "Phạm Quốc Bảo" not in page  # another province
    export = client.get(url, {"year": 2025, "format": "xlsx"})
    assert export["Content-Type"].startswith("application/vnd.openxmlformats")


@pytest.mark.django_db
def test_almost_list_names_the_missing_condition(client, network, registry, make_user):
    person = network.hue_person2
    registry.rating(2024, "EXCELLENT", person=person)
    registry.rating(2025, "EXCELLENT", person=person)
    registry.award("CSTDCS", 2024, person=person)
    client.force_login(make_user(Role.VIEWER, network.hue))
    response = client.get(reverse("awards:qualification", args=[network.hue.pk]),
                          {"year": 2025, "award_type": "CSTD_BO", "status": "almost"})
    rows = response.context["report"].rows
    assert [r.subject for r in rows] == []  # two conditions missing: streak and initiative
    registry.initiative(person, 2, 2025)
    rows = client.get(reverse("awards:qualification", args=[network.hue.pk]),
                      {"year": 2025, "award_type": "CSTD_BO", "status": "almost"}).context["report"].rows
    assert [(r.subject, r.status) for r in rows] == [(person, "almost")]
    assert "CSTĐCS" in rows[0].verdict["missing"][0]


@pytest.mark.django_db
@pytest.mark.parametrize("role, can_view, can_rate", [
    (Role.EC_OFFICER, True, True), (Role.UNIT_REPORTER, True, True),
    (Role.VIEWER, True, False), (Role.PORTAL_EDITOR, False, False)])
def test_award_pages_permissions(client, network, make_user, role, can_view, can_rate):
    client.force_login(make_user(role, network.hue))
    for unit, inside in [(network.hue_coop, True), (network.hanoi_coop, False)]:
        record = client.get(reverse("awards:unit_record", args=[unit.pk]))
        report = client.get(reverse("awards:qualification", args=[unit.pk]))
        ratings = client.get(reverse("awards:ratings", args=[unit.pk, 2025]))
        assert record.status_code == report.status_code == (200 if inside and can_view else 403)
        assert ratings.status_code == (200 if inside and can_rate else 403)


@pytest.mark.django_db
def test_unit_reporter_enters_ratings_for_its_people(client, network, make_user):
    reporter = make_user(Role.UNIT_REPORTER, network.hue_coop)
    client.force_login(reporter)
    url = reverse("awards:ratings", args=[network.hue_coop.pk, 2025])
    response = client.post(url, {f"rating-{network.hue_person.pk}": "EXCELLENT", "source": "BB 12/2025"})
    assert response.status_code == 302
    rating = AnnualRating.objects.get(person=network.hue_person, year=2025)
    assert rating.rating == "EXCELLENT" and rating.history.first().history_user == reporter
    bad = client.post(url, {f"rating-{network.hue_person.pk}": "SUPER"}, follow=True)
    assert "không hợp lệ" in bad.content.decode()
    assert AnnualRating.objects.get(person=network.hue_person, year=2025).rating == "EXCELLENT"


@pytest.mark.django_db
def test_keeper_records_a_past_award_and_viewer_cannot(client, network, make_user):
    url = reverse("awards:person_record", args=[network.hue_person.pk])
    client.force_login(make_user(Role.VIEWER, network.hue))
    assert client.post(url, {"form": "award"}).status_code == 403
    client.force_login(make_user(Role.EC_OFFICER, network.hue))
    from thidua.awards.models import AwardType

    response = client.post(url, {"form": "award", "award-award_type": AwardType.objects.get(code="LDTT").pk,
                                 "award-year": 2024, "award-decision_number": "15/QĐ-HTX"})
    assert response.status_code == 302
    assert Award.objects.get(person=network.hue_person).decision_number == "15/QĐ-HTX"
    bad = client.post(url, {"form": "hold", "hold-reason": "COMPLAINT", "hold-start_date": "10/05/2025",
                            "hold-end_date": "01/05/2025"})
    assert "Ngày kết thúc phải sau ngày bắt đầu." in bad.content.decode()


@pytest.mark.django_db
def test_three_doors_return_the_same_json(client, network, make_user, tmp_path, capsys):
    payload = {"as_of": "2025-12-15", "year": 2025, "subjects": [
        {"id": "p1", "kind": "individual", "ratings": {"2025": "EXCELLENT"}, "awards": []}]}
    from thidua.awards.eligibility import evaluate

    by_function = evaluate(payload)
    client.force_login(make_user(Role.VIEWER, network.hue))
    by_api = client.post("/api/v1/eligibility/evaluate", payload, content_type="application/json").json()
    path = tmp_path / "input.json"
    path.write_text(json.dumps(payload))
    call_command("evaluate_eligibility", str(path))
    by_command = json.loads(capsys.readouterr().out)
    assert by_function == by_api == by_command
    bad = client.post("/api/v1/eligibility/evaluate", {"year": "x"}, content_type="application/json")
    assert bad.status_code == 400 and bad.json()["field"]


@pytest.mark.django_db
def test_api_ratings_scoped(client, network, make_user):
    client.force_login(make_user(Role.EC_OFFICER, network.hue))
    created = client.post("/api/v1/ratings", {"person_id": network.hue_person.pk, "year": 2025,
                                              "rating": "GOOD"}, content_type="application/json")
    assert created.status_code == 201
    other = client.post("/api/v1/ratings", {"person_id": network.hanoi_person.pk, "year": 2025,
                                            "rating": "GOOD"}, content_type="application/json")
    assert other.status_code == 404
    client.force_login(make_user(Role.VIEWER, network.hanoi))
    assert client.get("/api/v1/ratings").json()["items"] == []
