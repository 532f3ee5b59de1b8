"""Money awards: a multiplier × the base salary in force on the decision date, rounded up to the
next 10,000 VND (NĐ 152/2025 Art. 49). Pure functions, no database."""
from decimal import ROUND_CEILING, Decimal

ROUNDING_STEP = 10_000
HOUSEHOLD_FACTOR = Decimal("1.5")  # a household gets 1.5 × the individual amount


def award_amount(multiplier, base_salary):
    """``multiplier`` × ``base_salary`` in đồng, rounded up to a multiple of 10,000; 0 when the
    type carries no money (``multiplier`` None)."""
    if multiplier is None or not base_salary:
        return 0
    raw = Decimal(str(multiplier)) * Decimal(base_salary) / ROUNDING_STEP
    return int(raw.to_integral_value(rounding=ROUND_CEILING)) * ROUNDING_STEP


def multiplier_for(award_type, subject_kind):
    """The multiplier of ``award_type`` for INDIVIDUAL, COLLECTIVE or HOUSEHOLD subjects."""
    if subject_kind == "COLLECTIVE":
        return award_type.money_multiplier_collective
    individual = award_type.money_multiplier_individual
    if subject_kind == "HOUSEHOLD" and individual is not None:
        return Decimal(str(individual)) * HOUSEHOLD_FACTOR
    return individual
