from datetime import date
from decimal import Decimal

import pytest

from thidua.awards import issuing
from thidua.awards.models import AwardType, BaseSalary
from thidua.awards.money import award_amount, multiplier_for


@pytest.mark.parametrize("multiplier, base, expected", [
    ("0.3", 2_340_000, 710_000),     # 702,000 rounds up
    ("1.5", 2_340_000, 3_510_000),   # already a multiple of 10,000
    ("1.0", 1_800_000, 1_800_000),
    ("0.8", 2_340_000, 1_880_000),   # 1,872,000
    ("4.5", 2_340_000, 10_530_000),
    ("0.6", 2_345_001, 1_410_000),   # 1,407,000.6
    (None, 2_340_000, 0),
])
def test_award_amount_rounds_up_to_ten_thousand(multiplier, base, expected):
    assert award_amount(multiplier, base) == expected


@pytest.mark.django_db
def test_base_salary_in_force_on_the_decision_date():
    assert BaseSalary.objects.in_force(date(2024, 6, 30)).amount == 1_800_000
    assert BaseSalary.objects.in_force(date(2024, 7, 1)).amount == 2_340_000
    assert BaseSalary.objects.in_force(date(2020, 1, 1)) is None


@pytest.mark.django_db
def test_household_gets_one_and_a_half_times_the_individual_amount():
    gk = AwardType.objects.get(code="GK")
    assert multiplier_for(gk, "HOUSEHOLD") == Decimal("0.45")
    assert multiplier_for(gk, "COLLECTIVE") == Decimal("0.6")


@pytest.mark.django_db
def test_catalogue_thresholds_and_conferrers():
    types = {t.code: t for t in AwardType.objects.all()}
    assert (types["CSTD_BO"].threshold_percent, types["CSTD_BO"].secret_ballot) == (90, True)
    assert (types["CSTDCS"].threshold_percent, types["CO_BO"].threshold_percent) == (80, 80)
    assert types["GK"].threshold_percent == 50 and not types["GK"].threshold_inclusive
    assert "VCA" in issuing.issuer_kinds_for("BK_BO", date(2026, 1, 5))
    assert not issuing.conferred_in_system("BK_TTG", date(2026, 1, 5))
    assert "HOUSEHOLD" in types["GK"].subject_kinds
    assert "INITIATIVE_CERTIFICATE" in types["CSTDCS"].components_for("STANDARD")
    assert types["GK"].vote_passes(3, 5) and not types["GK"].vote_passes(2, 4)
    assert types["CSTD_BO"].vote_passes(9, 10) and not types["CSTD_BO"].vote_passes(8, 10)
