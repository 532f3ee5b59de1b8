"""People whose histories agree on what the rules read share one evaluation (evaluator.py): the
verdicts must be exactly those each would get alone, whatever else their histories hold."""

import copy
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from thidua.awards.eligibility import evaluate, evaluator, individual_subject
from thidua.awards.eligibility.individual import history_key, status_key
from thidua.awards.eligibility.input import parse

Y = 2025
CODES = ["LDTT", "CSTDCS", "CSTD_BO", "CSTD_TQ", "BK_BO", "BK_TTG", "GK", "KNC"]
RATINGS = ["EXCELLENT", "EXCELLENT", "GOOD", "GOOD", "GOOD", "COMPLETED", "NOT_COMPLETED"]
TYPES = st.sampled_from([None, None, ["GK", "LDTT", "BK_TTG"], ["CSTD_BO", "CSTDCS"]])
YEARS = st.one_of(st.integers(2020, 2026), st.integers(2008, 2026))  # mostly near the year
AS_OF = st.sampled_from(["2023-12-15", "2025-12-15"])
PROPERTY = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])

award = st.fixed_dictionaries({
    "type": st.sampled_from(CODES + ["CSTDCS"] * 6 + ["LDTT"] * 3),
    "year": st.integers(2008, 2026),
    "revoked": st.sampled_from([False, False, False, True]),
})
history = st.fixed_dictionaries({
    "ratings": st.dictionaries(st.integers(2013, 2026).map(str), st.sampled_from(RATINGS)),
    "awards": st.lists(award, max_size=14),
    "disciplines": st.lists(st.fixed_dictionaries({
        "year": st.integers(2019, 2026),
        "level": st.sampled_from(["REPRIMAND", "WARNING"])}), max_size=2),
})


@st.composite
def look_alikes(draw):
    """A history and variants of it that mostly differ only where the rules do not read."""
    base = draw(history)
    people = [dict(base, id="p0", kind="individual")]
    for n in range(1, draw(st.integers(1, 5))):
        other = copy.deepcopy(people[0])
        other["id"] = f"p{n}"
        for year in draw(st.lists(YEARS, max_size=3)):
            other["awards"].append({"type": draw(st.sampled_from(CODES)), "year": year})
        for year in draw(st.lists(YEARS, max_size=2)):
            other["ratings"][str(year)] = draw(st.sampled_from(RATINGS))
        for year in draw(st.lists(YEARS, max_size=1)):
            other["disciplines"].append({"year": year, "level": "REPRIMAND"})
        if draw(st.booleans()) and other["awards"]:
            other["awards"].pop(draw(st.integers(0, len(other["awards"]) - 1)))
        people.append(other)
    return people


@PROPERTY
@given(look_alikes(), AS_OF, TYPES)
def test_a_list_gives_each_person_the_verdicts_they_get_alone(people, as_of, types):
    payload = {"as_of": as_of, "year": Y, "types": types}
    together = evaluate({**payload, "subjects": people})["results"]
    alone = [result for person in people
             for result in evaluate({**payload, "subjects": [person]})["results"]]
    assert together == alone


@PROPERTY
@given(look_alikes(), AS_OF)
def test_people_with_equal_keys_get_equal_verdicts(people, as_of):
    subjects = parse({"as_of": as_of, "year": Y, "subjects": people}).subjects
    first = evaluate({"as_of": as_of, "year": Y, "subjects": people[:1]})["results"]
    for person, subject in zip(people, subjects, strict=True):
        if history_key(subject, Y) == history_key(subjects[0], Y):
            mine = evaluate({"as_of": as_of, "year": Y, "subjects": [person]})["results"]
            assert [dict(result, subject="p0") for result in mine] == first


# A catalogue of powers (powers.py): a commune confers LDTT and CSTDCS until 30/6/2025, a province
# everything; an award without an issuer kind is unverified, one outside these powers left out.
POWERS = {("COMMUNE", "LDTT"): ((None, date(2025, 6, 30)),),
          ("COMMUNE", "CSTDCS"): ((None, date(2025, 6, 30)),),
          **{("PROVINCE", code): ((None, None),) for code in CODES}}
issued = st.fixed_dictionaries({
    "type": st.sampled_from(CODES + ["CSTDCS"] * 6 + ["LDTT"] * 3),
    "year": st.integers(2008, 2026),
    "revoked": st.sampled_from([False, False, False, True]),
    "issuer_kind": st.sampled_from([None, "COMMUNE", "PROVINCE", "PROVINCE"]),
    "decided_on": st.sampled_from([None, "2024-12-20", "2025-12-20"]),
})


initiative = st.fixed_dictionaries({
    "scope": st.sampled_from(["BASE", "BASE", "PROVINCIAL", "NATIONAL"]),
    "year": st.integers(2019, 2026),
    "used_for": st.sampled_from([None, None, "QĐ 1", "QĐ 2"]),
})


@st.composite
def look_alikes_issued(draw):
    """``look_alikes`` whose awards carry issuer kinds and decision dates, with initiatives: the
    same histories, but with notes on awards left out or unverified, and initiatives' ids, order
    and uses, that differ from person to person."""
    people = draw(look_alikes())
    shared = draw(st.lists(initiative, max_size=4))
    for person in people:
        person["awards"] = [dict(award, **draw(issued.map(
            lambda a: {"issuer_kind": a["issuer_kind"], "decided_on": a["decided_on"]})))
            for award in person["awards"]]
        person["awards"] += draw(st.lists(issued, max_size=2))
        mine = [dict(item, used_for=item["used_for"] and draw(st.sampled_from(["QĐ 1", "QĐ 3"])))
                for item in draw(st.permutations(shared))]
        if mine and draw(st.booleans()):  # one of them recognised another year, or (un)used
            n = draw(st.integers(0, len(mine) - 1))
            mine[n] = dict(mine[n], **draw(st.sampled_from([
                {"year": draw(st.integers(2019, 2026))}, {"used_for": None},
                {"used_for": "QĐ 4"}, {"scope": draw(initiative)["scope"]}])))
        if draw(st.booleans()):
            mine += draw(st.lists(initiative, max_size=1))
        ids = draw(st.lists(st.integers(1, 60), min_size=len(mine), max_size=len(mine),
                            unique=True))
        person["initiatives"] = [dict(item, id=f"i{n}") for item, n in zip(mine, ids, strict=True)]
    return people


def _status_part(results):
    """What a stored verdict keeps of each result: its type, eligible, how many conditions
    are unmet and whether the first is a hold (``qualification.status_of``)."""
    return [(result["type"], result["eligible"],
             sum(1 for m in result["missing"] if not m.startswith("Hoặc")),
             bool(result["missing"]) and result["missing"][0].startswith("ON_HOLD"))
            for result in results]


@PROPERTY
@given(look_alikes_issued(), AS_OF, TYPES)
def test_people_with_equal_status_keys_get_equal_statuses(people, as_of, types):
    payload = {"as_of": as_of, "year": Y, "types": types}
    subjects = parse({**payload, "subjects": people}, POWERS).subjects
    first = evaluate({**payload, "subjects": people[:1]}, POWERS)["results"]
    for person, subject in zip(people, subjects, strict=True):
        mine = evaluate({**payload, "subjects": [person]}, POWERS)["results"]
        key = status_key(subject, Y)
        if key is not None and key == status_key(subjects[0], Y):
            assert _status_part(mine) == _status_part(first)
        key = history_key(subject, Y)
        if key is not None and key == history_key(subjects[0], Y):
            assert [dict(result, subject="p0") for result in mine] == first


@PROPERTY
@given(look_alikes_issued(), AS_OF, TYPES)
def test_summaries_are_those_of_each_persons_own_results(people, as_of, types):
    payload = {"as_of": as_of, "year": Y, "types": types}
    subjects = parse({**payload, "subjects": people}, POWERS).subjects
    summary = lambda results: tuple((r["type"], r["eligible"], len(r["missing"])) for r in results)
    judge = evaluator(as_of, Y, types)
    expected = [summary(evaluate({**payload, "subjects": [person]}, POWERS)["results"])
                for person in people]
    assert judge.summaries(subjects, summary, status_key) == expected
    assert judge.summaries(subjects[::-1], summary, status_key) == expected[::-1]  # from cache


def _person(ident, ratings, awards, initiatives=()):
    return individual_subject(ident, ratings, awards, initiatives, (), (), None)


def test_old_ldtt_and_ratings_do_not_split_a_shared_history():
    recent = {2021: "GOOD", 2022: "GOOD", 2023: "EXCELLENT", 2024: "EXCELLENT", 2025: "EXCELLENT"}
    cstdcs = [("CSTDCS", 2023, False), ("CSTDCS", 2024, False)]
    judge = evaluator("2025-12-15", Y)
    results = judge.results([
        _person("p1", recent, cstdcs),
        _person("p2", {**recent, 2015: "NOT_COMPLETED"}, [*cstdcs, ("LDTT", 2016, False)]),
        _person("p3", recent, [*cstdcs, ("LDTT", 2018, True), ("CSTDCS", 2026, False)]),
        _person("p4", recent, [("CSTDCS", 2023, False)]),  # a different streak: judged again
    ])
    assert judge.judged == 2
    by_person = {}
    for result in results:
        by_person.setdefault(result["subject"], []).append(dict(result, subject=None))
    assert by_person["p1"] == by_person["p2"] == by_person["p3"] != by_person["p4"]
    assert [r["eligible"] for r in by_person["p1"]] == [True, True, False, False, True, False]


def test_initiatives_are_never_shared():
    judge = evaluator("2025-12-15", Y)
    mine = [("9", "BASE", 2025, None)]
    judge.results([_person(ident, {2025: "GOOD"}, [], mine) for ident in ("p1", "p2")])
    assert judge.judged == 2


def test_initiatives_share_a_status_by_scope_year_and_use_not_by_id():
    """CSTĐCS of 2025 for a GOOD year needs an unused initiative of 2025 (≥ BASE): its id and
    order do not decide, its year, scope and use do."""
    ratings = {year: "GOOD" for year in range(2021, 2026)}

    def status(*initiatives):
        subject = _person("p1", ratings, [], initiatives)
        results = evaluator("2025-12-15", Y).results([subject])
        return status_key(subject, Y), [(r["type"], r["eligible"]) for r in results]

    mine = status(("7", "BASE", 2025, None), ("8", "NATIONAL", 2019, None))
    assert ("CSTDCS", True) in mine[1]
    assert status(("8", "NATIONAL", 2019, None), ("3", "BASE", 2025, None)) == mine
    for other in [("7", "BASE", 2024, None), ("7", "BASE", 2025, "QĐ 5")]:
        key, found = status(other, ("8", "NATIONAL", 2019, None))
        assert key != mine[0] and ("CSTDCS", False) in found
