"""A successor is judged for collective titles with the years it took over from the units merged
into it (docs/eligibility.md, "Đơn vị nhận sáp nhập"): only years before the merger's year, only
years it has no record of its own, never for a unit the merger did not involve."""
from datetime import date

import pytest
from django.urls import reverse

from thidua.accounts.models import Role
from thidua.awards import histories
from thidua.organizations.merging import merge_unit
from thidua.organizations.models import OrganizationKind

pytestmark = pytest.mark.django_db
YEAR, AS_OF = 2025, date(2025, 12, 15)


@pytest.fixture
def merge(network, make_user):
    editor = make_user(Role.EC_OFFICER, network.vca)
    return lambda absorbed, successor, day: merge_unit(editor, absorbed, successor, day)


@pytest.fixture
def streak(network, registry):
    """Thủy Thanh and Văn Đức rated excellent in 2025 only; Điện Hòa was excellent in 2023 and
    "Tập thể lao động xuất sắc" in 2024."""
    for unit in (network.hue_coop, network.hanoi_coop):
        registry.rating(YEAR, "EXCELLENT", organization=unit)
    registry.rating(2023, "EXCELLENT", organization=network.hue_coop2)
    registry.award("TTLDXS", 2024, organization=network.hue_coop2)


def subject(unit):
    [found] = histories.unit_subjects([unit.pk], YEAR, AS_OF)
    return found


def bk_bo(unit):
    payload = {"as_of": AS_OF.isoformat(), "year": YEAR, "types": ["BK_BO"],
               "subjects": [subject(unit)]}
    [verdict] = histories.judge(payload)["results"]
    return verdict


def test_the_successor_is_eligible_with_the_absorbed_units_years(network, streak, merge):
    assert not bk_bo(network.hue_coop)["eligible"]  # one year of its own
    merge(network.hue_coop2, network.hue_coop, date(2025, 7, 1))
    verdict = bk_bo(network.hue_coop)
    assert verdict["eligible"], verdict["missing"]
    assert any("2024" in reason for reason in verdict["reasons"])
    assert subject(network.hue_coop)["ratings"] == {"2023": "EXCELLENT", "2025": "EXCELLENT"}
    assert [(a["type"], a["year"]) for a in subject(network.hue_coop)["awards"]] == [
        ("TTLDXS", 2024)]


def test_units_the_merger_did_not_involve_keep_their_own_history(network, streak, merge):
    absorbed_before = subject(network.hue_coop2)
    merge(network.hue_coop2, network.hue_coop, date(2025, 7, 1))
    assert not bk_bo(network.hanoi_coop)["eligible"]
    assert subject(network.hanoi_coop)["ratings"] == {"2025": "EXCELLENT"}
    assert subject(network.hanoi_coop)["awards"] == []
    absorbed = subject(network.hue_coop2)  # the absorbed unit's records stay its own
    assert (absorbed["ratings"], absorbed["awards"]) == (absorbed_before["ratings"],
                                                        absorbed_before["awards"])


def test_only_years_before_the_merger_pass_on(network, streak, merge):
    merge(network.hue_coop2, network.hue_coop, date(2024, 6, 1))
    found = subject(network.hue_coop)
    assert found["ratings"] == {"2023": "EXCELLENT", "2025": "EXCELLENT"}
    assert found["awards"] == []  # TTLDXS 2024 was earned in the merger's year
    verdict = bk_bo(network.hue_coop)
    assert not verdict["eligible"]


def test_the_successors_own_year_is_kept(network, registry, streak, merge):
    registry.rating(2024, "GOOD", organization=network.hue_coop)
    merge(network.hue_coop2, network.hue_coop, date(2025, 7, 1))
    found = subject(network.hue_coop)
    assert found["ratings"] == {"2023": "EXCELLENT", "2024": "GOOD", "2025": "EXCELLENT"}
    assert found["awards"] == []  # 2024 is its own year: Điện Hòa's award of 2024 is not taken
    assert not bk_bo(network.hue_coop)["eligible"]


def test_years_pass_through_successive_mergers_and_the_best_rating_wins(network, registry,
                                                                        streak, merge):
    extra = network.add(network.hue, OrganizationKind.COOPERATIVE, "P46-HTX03",
                        "Hợp tác xã Phú Vang")
    registry.rating(2022, "GOOD", organization=extra)
    registry.rating(2022, "EXCELLENT", organization=network.hue_coop2)
    registry.rating(2021, "COMPLETED", organization=network.hanoi_coop)
    merge(network.hanoi_coop, network.hue_coop2, date(2024, 3, 1))
    merge(extra, network.hue_coop, date(2024, 5, 1))  # the earlier merger, the lower rating
    merge(network.hue_coop2, network.hue_coop, date(2025, 7, 1))
    assert subject(network.hue_coop)["ratings"] == {
        "2021": "COMPLETED", "2022": "EXCELLENT", "2023": "EXCELLENT", "2025": "EXCELLENT"}


def test_one_unit_and_a_whole_subtree_get_the_same_history(network, registry, streak, merge):
    merge(network.hue_coop2, network.hue_coop, date(2025, 7, 1))
    units = [network.vca, network.hue, network.hue_coop, network.hue_coop2, network.hanoi,
             network.hanoi_coop]
    together = {s["id"]: s for s in histories.unit_subjects([u.pk for u in units], YEAR, AS_OF)}
    for unit in units:
        assert together[f"o{unit.pk}"] == subject(unit)


def test_the_record_page_shows_the_years_taken_over(network, streak, merge, make_user, client):
    merge(network.hue_coop2, network.hue_coop, date(2025, 7, 1))
    client.force_login(make_user(Role.EC_OFFICER, network.vca))
    page = client.get(reverse("awards:unit_record", args=[network.hue_coop.pk])).content.decode()
    assert "Thành tích kế thừa khi sáp nhập" in page
    assert "Tập thể lao động xuất sắc" in page and "sáp nhập 01/07/2025" in page
    assert reverse("awards:unit_record", args=[network.hue_coop2.pk]) in page
    other = client.get(reverse("awards:unit_record", args=[network.hanoi_coop.pk]))
    assert other.status_code == 200 and "Thành tích kế thừa" not in other.content.decode()
