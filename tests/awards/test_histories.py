from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from thidua.awards import histories
from thidua.awards.eligibility import evaluate
from thidua.awards.models import Discipline, Hold
from thidua.records.models import InitiativeScope


@pytest.mark.django_db
def test_person_history_matches_the_registry(network, registry):
    person = network.hue_person
    for year in (2023, 2024, 2025):
        registry.rating(year, "EXCELLENT", person=person)
        registry.award("CSTDCS", year, person=person)
    initiative = registry.initiative(person, InitiativeScope.PROVINCIAL, 2024)
    Discipline.objects.create(person=person, year=2021, level=1)
    Hold.objects.create(person=person, start_date=date(2025, 1, 1), end_date=date(2025, 2, 1),
                        reason="COMPLAINT")
    [subject] = histories.person_subjects([person.pk], 2025, date(2025, 12, 15))
    assert subject["ratings"] == {"2023": "EXCELLENT", "2024": "EXCELLENT", "2025": "EXCELLENT"}
    assert sorted(a["year"] for a in subject["awards"]) == [2023, 2024, 2025]
    assert subject["initiatives"] == [{"id": str(initiative.pk), "scope": "PROVINCIAL",
                                       "year": 2024, "used_for": None}]
    assert subject["disciplines"] == [{"year": 2021, "level": "REPRIMAND"}]
    assert subject["holds"] == []  # ended before as_of
    verdicts = {r["type"]: r for r in evaluate(
        {"as_of": "2025-12-15", "year": 2025, "subjects": [subject]})["results"]}
    assert verdicts["CSTD_BO"]["eligible"]


@pytest.mark.django_db
def test_query_count_does_not_grow_with_people(network, registry, django_assert_max_num_queries):
    people = [network.person("Hồ", "Văn", f"Tên{i}", network.hue_coop) for i in range(30)]
    for person in people:
        registry.rating(2025, "GOOD", person=person)
    with CaptureQueriesContext(connection) as few:
        histories.person_subjects([people[0].pk], 2025, date(2025, 12, 15))
    with CaptureQueriesContext(connection) as many:
        histories.person_subjects([p.pk for p in people], 2025, date(2025, 12, 15))
    assert len(many) == len(few) == 1  # one UNION ALL per list
    with django_assert_max_num_queries(9):
        histories.unit_subjects([network.hue_coop.pk, network.hue_coop2.pk], 2025, date(2025, 12, 15))


@pytest.mark.django_db
def test_collective_members_come_from_current_employments(network, registry):
    registry.rating(2025, "EXCELLENT", organization=network.hue_coop)
    registry.rating(2025, "GOOD", person=network.hue_person)
    registry.award("LDTT", 2025, person=network.hue_person)
    Discipline.objects.create(person=network.hue_person, year=2025, level=2)
    [subject] = histories.unit_subjects([network.hue_coop.pk], 2025, date(2025, 12, 15))
    assert subject["ratings"] == {"2025": "EXCELLENT"}
    assert subject["members"] == [{"id": f"p{network.hue_person.pk}", "rating": "GOOD",
                                   "awards": ["LDTT"], "discipline": "WARNING"}]
