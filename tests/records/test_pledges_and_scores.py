"""Bloc pledges and score sheets: ranking with both tie-break rules, self-score bounds, adjustments
with a reason, members scoring only themselves, and who may open which page.

(Named apart from ``tests/organizations/test_groups.py``: test files share one namespace.)"""
from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from records_helpers import EDIT_ONLY, VIEW_ONLY, check_matrix, hue_bloc, matrix_users, sheet

from thidua.accounts.models import Role
from thidua.records import services as rs
from thidua.records import scoring
from thidua.records.models import Pledge, Score, TieBreak

D = Decimal


def standings(points, tie_break, members="ABC", criteria=("c1", "c2")):
    table = {(m, c): D(v) for m, row in points.items() for c, v in zip(criteria, row)}
    return [(s.member, s.rank, s.proposal) for s in scoring.rank(list(members), list(criteria),
                                                                  table, tie_break)]


def test_criteria_in_order_breaks_a_tie_on_the_first_criterion():
    result = standings({"A": (5, 10), "B": (10, 5), "C": (9, 9)}, TieBreak.CRITERIA_IN_ORDER)
    assert result == [("C", 1, "FLAG"), ("B", 2, "MERIT"), ("A", 3, "MERIT")]


def test_criteria_in_order_still_shares_a_rank_when_every_criterion_is_equal():
    result = standings({"A": (5, 10), "B": (5, 10), "C": (1, 1)}, TieBreak.CRITERIA_IN_ORDER)
    assert result == [("A", 1, "FLAG"), ("B", 1, "FLAG"), ("C", 3, "MERIT")]


def test_shared_gives_equal_totals_the_same_rank_and_skips_the_next():
    result = standings({"A": (5, 10), "B": (10, 5), "C": (20, 0), "D": (1, 0)}, TieBreak.SHARED,
                       members="ABCD")
    assert result == [("C", 1, "FLAG"), ("A", 2, "MERIT"), ("B", 2, "MERIT"), ("D", 4, None)]


def test_unscored_members_rank_last_without_a_proposal():
    result = scoring.rank(["A", "B"], ["c"], {("A", "c"): D(3)})
    assert [(s.member, s.total, s.rank, s.proposal) for s in result] == [
        ("A", D(3), 1, "FLAG"), ("B", D(0), 2, None)]
    assert str(result[0].proposal_label) == "Đề nghị Cờ thi đua"


@pytest.fixture
def bloc(network):
    group = hue_bloc(network)
    return group, sheet(network, group)


@pytest.fixture
def scoring_reporter(client, network, bloc, make_user):
    """The self-score address of the Huế cooperative, signed in as its reporter, and the two
    criteria."""
    group, score_sheet = bloc
    c1, c2 = score_sheet.criteria.all()
    client.force_login(make_user(Role.UNIT_REPORTER, network.hue_coop))
    return reverse("records:score_self", args=[group.pk, network.hue_coop.pk]), c1, c2


def entries(score_sheet, *values):
    return {c: (v, "Biên bản kiểm tra") for c, v in zip(score_sheet.criteria.all(), values)}


@pytest.mark.django_db
@pytest.mark.parametrize("values", [("21", "10"), ("-1", "10"), ("abc", "10"), ("10", "30.01")])
def test_self_score_out_of_bounds_writes_nothing(network, bloc, make_user, values):
    _group, score_sheet = bloc
    reporter = make_user(Role.UNIT_REPORTER, network.hue_coop)
    with pytest.raises(ValidationError) as error:
        rs.self_score(reporter, score_sheet, network.hue_coop, entries(score_sheet, *values))
    assert "phải là số từ 0 đến" in error.value.messages[0]
    assert not Score.objects.exists()


@pytest.mark.django_db
def test_member_scores_itself_and_may_not_score_another_member(network, bloc, make_user):
    _group, score_sheet = bloc
    reporter = make_user(Role.UNIT_REPORTER, network.hue_coop)
    saved = rs.self_score(reporter, score_sheet, network.hue_coop,
                          entries(score_sheet, "18,5", "30"))
    assert [s.self_points for s in saved] == [D("18.50"), D("30.00")]
    assert saved[0].history.first().history_user == reporter
    with pytest.raises(PermissionDenied):
        rs.self_score(reporter, score_sheet, network.hue_coop2, entries(score_sheet, "1", "1"))
    assert not Score.objects.filter(member=network.hue_coop2).exists()


@pytest.mark.django_db
def test_an_empty_criterion_is_not_scored_yet(network, bloc, make_user):
    _group, score_sheet = bloc
    c1, c2 = score_sheet.criteria.all()
    reporter = make_user(Role.UNIT_REPORTER, network.hue_coop)
    saved = rs.self_score(reporter, score_sheet, network.hue_coop, {c1: ("", ""), c2: ("25", "")})
    assert [(s.criterion, s.self_points) for s in saved] == [(c2, D("25.00"))]
    # Evidence without points is refused by name, so what was typed is not dropped silently.
    with pytest.raises(ValidationError) as error:
        rs.self_score(reporter, score_sheet, network.hue_coop,
                      {c1: (" ", "Biên bản"), c2: ("26", "")})
    assert error.value.messages == [
        "Tiêu chí “Tiêu chí 1” có minh chứng nhưng chưa có điểm tự chấm."]
    assert Score.objects.get(criterion=c2).self_points == D("25.00")
    # Emptying a criterion scored before withdraws that self-score ...
    rs.self_score(reporter, score_sheet, network.hue_coop, {c1: ("10", ""), c2: ("", "")})
    assert list(Score.objects.values_list("criterion", "self_points")) == [(c1.pk, D("10.00"))]
    # ... but not one the owning level has adjusted.
    rs.adjust_score(network.actor, Score.objects.get(criterion=c1), "8", "Thiếu minh chứng")
    with pytest.raises(ValidationError) as error:
        rs.self_score(reporter, score_sheet, network.hue_coop, {c1: ("", ""), c2: ("", "")})
    assert "đã được cấp tổ chức điều chỉnh" in error.value.messages[0]
    assert Score.objects.get(criterion=c1).points == D("8.00")


@pytest.mark.django_db
def test_a_refused_self_score_comes_back_with_what_was_typed(client, scoring_reporter):
    url, c1, c2 = scoring_reporter
    typed = {f"points_{c1.pk}": "", f"evidence_{c1.pk}": "Biên bản kiểm tra quý 3",
             f"points_{c2.pk}": "27,5", f"evidence_{c2.pk}": "Báo cáo doanh thu"}
    for headers in ({"HTTP_HX_REQUEST": "true"}, {}):  # htmx, and a browser without scripts
        page = client.post(url, typed, **headers).content.decode()
        assert "Tiêu chí “Tiêu chí 1” có minh chứng nhưng chưa có điểm tự chấm." in page
        assert all(value in page for value in typed.values() if value)
    assert not Score.objects.exists()
    typed[f"evidence_{c1.pk}"] = ""
    saved = client.post(url, typed, HTTP_HX_REQUEST="true").content.decode()
    assert "tổng 27" in saved and "Chưa chấm (để trống, không tính điểm): Tiêu chí 1." in saved


@pytest.mark.django_db
def test_closed_sheet_refuses_self_scores(network, bloc):
    _group, score_sheet = bloc
    rs.update_score_sheet(network.actor, score_sheet, TieBreak.SHARED, is_open=False)
    with pytest.raises(ValidationError):
        rs.self_score(network.actor, score_sheet, network.hue_coop, entries(score_sheet, "1", "1"))


@pytest.mark.django_db
def test_adjustment_needs_a_reason_and_stays_in_bounds(network, bloc, make_user):
    _group, score_sheet = bloc
    score = rs.self_score(network.actor, score_sheet, network.hue_coop,
                          entries(score_sheet, "20", "30"))[0]
    officer = make_user(Role.EC_OFFICER, network.hue)
    with pytest.raises(ValidationError) as error:
        rs.adjust_score(officer, score, "15", "  ")
    assert error.value.message_dict == {"reason": ["Cần ghi lý do điều chỉnh điểm."]}
    with pytest.raises(ValidationError):
        rs.adjust_score(officer, score, "25", "Thiếu minh chứng")
    score.refresh_from_db()
    assert score.adjusted_points is None
    rs.adjust_score(officer, score, "15", "Thiếu minh chứng doanh thu")
    score.refresh_from_db()
    assert (score.points, score.adjust_reason) == (D("15.00"), "Thiếu minh chứng doanh thu")
    with pytest.raises(PermissionDenied):
        rs.adjust_score(make_user(Role.UNIT_REPORTER, network.hue_coop), score, "10", "Tự sửa")


@pytest.mark.django_db
def test_htmx_self_score_refreshes_the_ranking(client, network, bloc, scoring_reporter):
    group, _sheet = bloc
    url, c1, c2 = scoring_reporter
    bad = client.post(url, {f"points_{c1.pk}": "50", f"points_{c2.pk}": "1"}, HTTP_HX_REQUEST="true")
    assert "HX-Trigger" not in bad and "Điểm tiêu chí “Tiêu chí 1” phải là số từ 0 đến 20" in (
        bad.content.decode())
    good = client.post(url, {f"points_{c1.pk}": "20", f"points_{c2.pk}": "25",
                             f"evidence_{c1.pk}": "Báo cáo năm"}, HTTP_HX_REQUEST="true")
    assert good["HX-Trigger"] == "ranking-changed"
    ranking = client.get(reverse("records:score_ranking", args=[group.pk])).content.decode()
    assert "Đề nghị Cờ thi đua" in ranking and "45" in ranking
    other = reverse("records:score_self", args=[group.pk, network.hue_coop2.pk])
    assert client.post(other, {f"points_{c1.pk}": "1", f"points_{c2.pk}": "1"}).status_code == 403


@pytest.mark.django_db
def test_owner_edits_criteria_and_adjusts_through_the_page(client, network, bloc, make_user):
    group, score_sheet = bloc
    score = rs.self_score(network.actor, score_sheet, network.hue_coop2,
                          entries(score_sheet, "20", "30"))[0]
    client.force_login(make_user(Role.EC_OFFICER, network.hue))
    page = reverse("records:score_sheet", args=[group.pk])
    client.post(page, {"action": "add_criterion", "name": "Công tác truyền thông", "max_points": 10})
    assert score_sheet.criteria.count() == 3
    response = client.post(reverse("records:score_adjust", args=[group.pk]),
                           {"score": score.pk, "points": "12", "reason": ""}, HTTP_HX_REQUEST="true")
    assert "Cần ghi lý do điều chỉnh điểm." in response.content.decode()
    client.post(reverse("records:score_adjust", args=[group.pk]),
                {"score": score.pk, "points": "12", "reason": "Chưa đủ minh chứng"})
    score.refresh_from_db()
    assert score.adjusted_points == D("12.00")
    removed = client.post(page, {"action": "remove_criterion", "criterion": score.criterion_id},
                          follow=True)
    assert "đã có điểm chấm, không xóa được" in removed.content.decode()


@pytest.mark.django_db
def test_pledge_is_signed_by_members_only_once(network, make_user, client):
    group = hue_bloc(network, year=2023)
    officer = make_user(Role.EC_OFFICER, network.hue)
    pledge = rs.save_pledge(officer, Pledge(group=group, content="Thi đua hoàn thành chỉ tiêu.",
                                            signing_date=date(2023, 1, 6)))
    signer = make_user(Role.SIGNER, network.hue_coop)
    rs.sign_pledge(signer, pledge, network.hue_coop, date(2023, 1, 6), "Giám đốc")
    with pytest.raises(ValidationError):
        rs.sign_pledge(signer, pledge, network.hue_coop, date(2023, 1, 6))
    with pytest.raises(PermissionDenied):
        rs.sign_pledge(signer, pledge, network.hue_coop2, date(2023, 1, 6))
    with pytest.raises(ValidationError):
        rs.sign_pledge(network.actor, pledge, network.hanoi_coop, date(2023, 1, 6))  # not a member
    client.force_login(officer)
    page = client.get(reverse("records:pledge", args=[group.pk])).content.decode()
    assert "data-print" in page and "(1/2)" in page and "Giám đốc" in page
    with pytest.raises(ValidationError):
        rs.save_pledge(officer, Pledge(pk=pledge.pk, group=group, content="x",
                                       signing_date=date(2020, 1, 1)))


@pytest.mark.django_db
def test_group_pages_permission_matrix(client, network, bloc, make_user):
    group, _sheet = bloc
    rs.save_pledge(network.actor, Pledge(group=group, content="Nội dung giao ước"))
    users = matrix_users(make_user, network)
    check_matrix(client, users, [
        (reverse("records:pledge", args=[group.pk]), VIEW_ONLY),
        (reverse("records:score_sheet", args=[group.pk]), VIEW_ONLY),
        (reverse("records:score_ranking", args=[group.pk]), VIEW_ONLY),
    ])
    for key, expected in EDIT_ONLY.items():
        client.force_login(users[key])
        response = client.post(reverse("records:score_sheet", args=[group.pk]),
                               {"action": "settings", "tie_break": "SHARED"})
        assert response.status_code == (302 if expected == 200 else 403), key


@pytest.mark.django_db
def test_the_members_home_lists_the_sheet_until_every_criterion_is_self_scored(
        network, make_user):
    """Việc của tôi: a member's reporter sees this year's open sheet with how far the unit has
    got and a link to its own form; not once every criterion is scored, not for a locked sheet,
    and not for a unit outside the bloc."""
    from thidua.worklist import my_work
    group = hue_bloc(network, year=2026)
    score_sheet = sheet(network, group)
    c1, c2 = score_sheet.criteria.all()
    reporter = make_user(Role.UNIT_REPORTER, network.hue_coop)
    outsider = make_user(Role.UNIT_REPORTER, network.hanoi)
    today = date(2026, 6, 1)

    def card(user):
        return {work.key: work for work in my_work(user, today)}.get("scores")

    rs.self_score(reporter, score_sheet, network.hue_coop, {c1: ("18", "")})
    work = card(reporter)
    assert work.count == 1 and work.entries[0].note == "Đã tự chấm 1/2 tiêu chí"
    assert work.url == (reverse("records:score_sheet", args=[group.pk])
                        + f"#self-{network.hue_coop.pk}")
    assert card(outsider) is None
    rs.self_score(reporter, score_sheet, network.hue_coop, {c1: ("18", ""), c2: ("25", "")})
    assert card(reporter) is None
    rs.self_score(reporter, score_sheet, network.hue_coop, {c1: ("18", ""), c2: ("", "")})
    rs.update_score_sheet(network.actor, score_sheet, score_sheet.tie_break, is_open=False)
    assert card(reporter) is None
