"""Property tests (hypothesis) of the eligibility engine: list order, holds, monotonicity."""

import copy
import json
from datetime import date, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from thidua.awards.eligibility import EligibilityInputError, evaluate
from thidua.awards.eligibility.definitions import Ctx, Verdict, require_title_streak
from thidua.awards.eligibility.individual import RULES as INDIVIDUAL_RULES
from thidua.awards.eligibility.input import parse

Y = 2025
YEARS = st.one_of(st.integers(2019, 2025), st.integers(2015, 2026))  # mostly recent years
RATINGS = st.sampled_from(
    ["EXCELLENT", "EXCELLENT", "GOOD", "GOOD", "GOOD", "COMPLETED", "NOT_COMPLETED"]
)
INDIVIDUAL_TYPES = ["LDTT", "CSTDCS", "CSTD_BO", "CSTD_TQ", "BK_BO", "BK_TTG"]
COLLECTIVE_TYPES = ["TTLDXS", "BK_BO", "TTLDTT"]
AS_OF = st.sampled_from(["2023-12-31", "2024-01-01", "2025-06-30", "2025-12-15", "2026-01-20"])
PROPERTY = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

award_st = st.fixed_dictionaries(
    {
        "type": st.sampled_from(INDIVIDUAL_TYPES + ["CSTDCS"] * 4 + ["CSTD_BO", "BK_BO"]),
        "year": YEARS,
        "revoked": st.sampled_from([False, False, False, True]),
    }
)
initiative_st = st.fixed_dictionaries(
    {
        "scope": st.sampled_from(["BASE", "PROVINCIAL", "NATIONAL"]),
        "year": YEARS,
        "used_for": st.sampled_from([None, None, "", [], "CSTDCS 2020"]),
    }
)
discipline_st = st.fixed_dictionaries(
    {"year": YEARS, "level": st.sampled_from(["REPRIMAND", "WARNING", "DEMOTION", "DISMISSAL"])}
)
hold_st = st.sampled_from(
    [
        {"from": "2019-01-01", "to": "2019-06-30", "reason": "INSPECTION"},
        {"from": "2026-06-01", "to": None, "reason": "COMPLAINT"},
    ]
)
member_st = st.fixed_dictionaries(
    {
        "rating": st.one_of(RATINGS, st.none()),
        "awards": st.lists(st.sampled_from(["LDTT", "CSTDCS"]), max_size=2, unique=True),
        "discipline": st.sampled_from([None, None, None, None, "REPRIMAND", "WARNING"]),
    }
)


def _ratings():
    """Most years rated, mostly well."""
    years = [str(year) for year in range(2015, 2027)]
    return st.fixed_dictionaries({year: st.one_of(RATINGS, st.none()) for year in years}).map(
        lambda found: {year: rating for year, rating in found.items() if rating}
    )


@st.composite
def individuals(draw):
    initiatives = draw(st.lists(initiative_st, max_size=5))
    return {
        "id": "p",
        "kind": "individual",
        "ratings": draw(_ratings()),
        "awards": draw(st.lists(award_st, max_size=12)),
        "initiatives": [dict(item, id=f"i{n}") for n, item in enumerate(initiatives)],
        "disciplines": draw(st.lists(discipline_st, max_size=1)),
        "holds": draw(st.lists(hold_st, max_size=2)),
    }


@st.composite
def collectives(draw):
    return {
        "id": "c",
        "kind": "collective",
        "ratings": draw(_ratings()),
        "awards": draw(
            st.lists(
                st.fixed_dictionaries(
                    {
                        "type": st.sampled_from(["TTLDXS", "BK_BO", "TTLDTT"]),
                        "year": YEARS,
                        "revoked": st.booleans(),
                    }
                ),
                max_size=8,
            )
        ),
        "members": draw(
            st.lists(member_st, min_size=draw(st.sampled_from([0, 1, 1, 1])), max_size=12)
        ),
        "bloc_rank": draw(st.one_of(st.none(), st.integers(1, 4))),
        "thematic_leads": draw(
            st.lists(
                st.fixed_dictionaries({"years": st.integers(0, 5), "final_review_year": YEARS}),
                max_size=2,
            )
        ),
    }


@st.composite
def rich_individuals(draw):
    """Histories close to the thresholds, so that verdicts are often eligible."""
    subject = draw(individuals())
    start = draw(st.integers(2017, 2025))
    extra = draw(
        st.lists(
            st.sampled_from(
                [
                    ("BK_BO", 2019),
                    ("BK_BO", 2023),
                    ("CSTD_BO", 2022),
                    ("CSTD_BO", 2025),
                    ("CSTD_BO", 2021),
                    ("CSTD_BO", 2024),
                ]
            ),
            max_size=4,
        )
    )
    subject["awards"] = (
        [{"type": "CSTDCS", "year": t} for t in range(start, 2025)]
        + [{"type": code, "year": t} for code, t in extra]
        + subject["awards"][: draw(st.integers(0, 3))]
    )
    subject["ratings"].update(
        {str(t): draw(st.sampled_from(["EXCELLENT", "GOOD"])) for t in range(2020, 2026)}
    )
    subject["initiatives"] += draw(
        st.lists(
            st.sampled_from(
                [
                    {"id": "n1", "scope": "NATIONAL", "year": 2023, "used_for": None},
                    {"id": "p1", "scope": "PROVINCIAL", "year": 2025, "used_for": None},
                    {"id": "b1", "scope": "BASE", "year": 2024, "used_for": None},
                    {"id": "b2", "scope": "BASE", "year": 2025, "used_for": None},
                ]
            ),
            unique_by=lambda i: i["id"],
        )
    )
    subject["disciplines"] = []
    return subject


@st.composite
def rich_collectives(draw):
    subject = draw(collectives())
    subject["members"] = draw(
        st.lists(
            st.fixed_dictionaries(
                {
                    "rating": st.sampled_from(["EXCELLENT", "GOOD", "GOOD", "GOOD", "COMPLETED"]),
                    "awards": st.sampled_from([[], [], ["LDTT"], ["LDTT", "CSTDCS"]]),
                    "discipline": st.sampled_from([None] * 8 + ["REPRIMAND", "WARNING"]),
                }
            ),
            min_size=3,
            max_size=12,
        )
    )
    subject["ratings"].update(
        {
            str(t): draw(st.sampled_from(["EXCELLENT", "EXCELLENT", "GOOD"]))
            for t in range(2023, 2026)
        }
    )
    subject["bloc_rank"] = draw(st.sampled_from([1, 1, 2, None]))
    return subject


SUBJECTS = st.one_of(individuals(), collectives(), rich_individuals(), rich_collectives())


def payload_for(subject, as_of="2025-12-15", **extra):
    return {"as_of": as_of, "year": Y, "subjects": [subject], **extra}


def shuffled(subject, rnd):
    """The same subject with every list (and the ratings mapping) in another order."""
    other = copy.deepcopy(subject)
    for key in ("awards", "initiatives", "disciplines", "holds", "members", "thematic_leads"):
        if key in other:
            rnd.shuffle(other[key])
    for item in other.get("members", ()):
        rnd.shuffle(item["awards"])
    keys = list(other["ratings"])
    rnd.shuffle(keys)
    other["ratings"] = {key: other["ratings"][key] for key in keys}
    return other


@PROPERTY
@given(subject=SUBJECTS, as_of=AS_OF, rnd=st.randoms())
def test_result_does_not_depend_on_list_order(subject, as_of, rnd):
    expected = evaluate(payload_for(subject, as_of))
    assert evaluate(payload_for(shuffled(subject, rnd), as_of)) == expected
    assert json.loads(json.dumps(expected, ensure_ascii=False)) == expected


@PROPERTY
@given(
    subject=SUBJECTS, as_of=AS_OF, start_days_before=st.integers(0, 400), open_ended=st.booleans()
)
def test_hold_covering_as_of_makes_everything_ineligible(
    subject, as_of, start_days_before, open_ended
):
    day = date.fromisoformat(as_of)
    start = (day - timedelta(days=start_days_before)).isoformat()
    subject = dict(
        subject,
        holds=[{"from": start, "to": None if open_ended else as_of, "reason": "DISCIPLINE_REVIEW"}],
    )
    types = (
        INDIVIDUAL_TYPES + ["GK"]
        if subject["kind"] == "individual"
        else COLLECTIVE_TYPES + ["CO_BO"]
    )
    results = evaluate(payload_for(subject, as_of, types=types))["results"]
    assert results
    for result in results:
        assert result["eligible"] is False
        assert result["reasons"][0].startswith("ON_HOLD") and result["missing"][0].startswith(
            "ON_HOLD"
        )


@PROPERTY
@given(subject=SUBJECTS)
def test_holds_that_do_not_cover_as_of_change_nothing(subject):
    without = dict(subject, holds=[])
    ended = dict(
        subject,
        holds=[
            {"from": "2020-01-01", "to": "2025-12-14", "reason": "COMPLAINT"},
            {"from": "2025-12-16", "to": None, "reason": "INVESTIGATION"},
        ],
    )
    assert evaluate(payload_for(ended)) == evaluate(payload_for(without))


@PROPERTY
@given(
    subject=SUBJECTS,
    extra_year=YEARS,
    extra_type=st.sampled_from(INDIVIDUAL_TYPES + ["TTLDXS", "TTLDTT"]),
    as_of=AS_OF,
)
def test_adding_an_award_never_removes_eligibility_except_years_used_by_the_target(
    subject, extra_year, extra_type, as_of
):
    before = evaluate(payload_for(subject, as_of))["results"]
    richer = dict(subject, awards=subject["awards"] + [{"type": extra_type, "year": extra_year}])
    after = evaluate(payload_for(richer, as_of))["results"]
    for old, new in zip(before, after, strict=True):
        resets_streak = extra_type == old["type"] and extra_year < Y  # "years already used"
        if old["eligible"] and not resets_streak:
            assert new["eligible"], (extra_type, extra_year, old, new)


@PROPERTY
@given(
    subject=SUBJECTS, extra_year=YEARS, extra_type=st.sampled_from(INDIVIDUAL_TYPES + ["TTLDXS"])
)
def test_a_revoked_award_changes_nothing(subject, extra_year, extra_type):
    richer = dict(
        subject,
        awards=subject["awards"] + [{"type": extra_type, "year": extra_year, "revoked": True}],
    )
    assert evaluate(payload_for(richer)) == evaluate(payload_for(subject))


def _streak(subject, code, target, as_of="2025-12-15"):
    request = parse(payload_for(subject, as_of))
    ctx = Ctx(request.subjects[0], Y, request.period.regime, request.settings, INDIVIDUAL_RULES)
    return len(require_title_streak(ctx, Verdict(), code, 99, target))


@PROPERTY
@given(
    subject=st.one_of(individuals(), rich_individuals()),
    extra_year=YEARS,
    extra_type=st.sampled_from(["LDTT", "CSTDCS", "CSTD_TQ", "BK_TTG"]),
    target=st.sampled_from(["CSTD_BO", "BK_BO"]),
    as_of=AS_OF,
)
def test_adding_a_non_target_award_never_shortens_a_streak(
    subject, extra_year, extra_type, target, as_of
):
    richer = dict(subject, awards=subject["awards"] + [{"type": extra_type, "year": extra_year}])
    assert _streak(richer, "CSTDCS", target, as_of) >= _streak(subject, "CSTDCS", target, as_of)


@PROPERTY
@given(subject=st.one_of(individuals(), rich_individuals()), extra_year=st.integers(2015, 2024))
def test_an_earlier_target_award_cuts_the_streak_at_its_year(subject, extra_year):
    richer = dict(subject, awards=subject["awards"] + [{"type": "CSTD_BO", "year": extra_year}])
    assert _streak(richer, "CSTDCS", "CSTD_BO") <= min(
        _streak(subject, "CSTDCS", "CSTD_BO"), Y - extra_year
    )


JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-10, 3000)
    | st.floats()
    | st.text(max_size=6)
    | st.sampled_from(["GOOD", "BASE", "WARNING", "LDTT", "2025", "2025-01-01", "individual"]),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner, max_size=3)
    ),
    max_leaves=6,
)
PLACES = st.sampled_from(
    [
        ("top", "as_of"),
        ("top", "year"),
        ("top", "types"),
        ("top", "settings"),
        ("top", "subjects"),
        ("subject", "id"),
        ("subject", "kind"),
        ("subject", "ratings"),
        ("subject", "awards"),
        ("subject", "initiatives"),
        ("subject", "disciplines"),
        ("subject", "holds"),
        ("subject", "members"),
        ("subject", "bloc_rank"),
        ("subject", "thematic_leads"),
        ("awards", "type"),
        ("awards", "year"),
        ("awards", "revoked"),
        ("awards", "status"),
        ("initiatives", "id"),
        ("initiatives", "scope"),
        ("initiatives", "year"),
        ("initiatives", "used_for"),
        ("members", "rating"),
        ("members", "awards"),
        ("members", "discipline"),
        ("members", "id"),
        ("settings", "collective_ldtt_percent"),
        ("settings", "window_after_prior_award"),
        ("settings", "cstdcs_quota_percent"),
    ]
)


@PROPERTY
@given(subject=SUBJECTS, place=PLACES, value=JSON_VALUES)
def test_any_malformed_value_is_an_input_error_never_a_crash(subject, place, value):
    payload = payload_for(copy.deepcopy(subject), settings={})
    where, key = place
    if where == "top":
        payload[key] = value
    elif where == "subject":
        payload["subjects"][0][key] = value
    elif where == "settings":
        payload["settings"][key] = value
    elif payload["subjects"][0].get(where):
        payload["subjects"][0][where][0][key] = value
    try:
        output = evaluate(payload)
    except EligibilityInputError as error:
        assert error.field and str(error).startswith(error.field)
    else:
        assert json.loads(json.dumps(output, ensure_ascii=False)) == output
