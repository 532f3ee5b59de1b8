"""Dashboard figures against the hand-counted registry in conftest, per scope."""
from datetime import UTC, date, datetime

import pytest

from thidua.awards.followups import awards_written
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from thidua.accounts.models import Role
from thidua.awards.models import AwardStatus, AwardType
from thidua.nominations import steps
from thidua.nominations.models import (
    Decision,
    DecisionItem,
    Nomination,
    NominationBatch,
)
from thidua.nominations.states import State, SubjectKind
from thidua.organizations.models import Person
from thidua.reports import dashboard
from thidua.reports.facts import LiveFacts, SummaryFacts
from thidua.reports.scope import ScopeError, resolve
from thidua.reports.summaries import refresh_dirty

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def empty_cache():
    """Cached figures are keyed by unit and summary state, which other tests' data can repeat."""
    cache.clear()


def chart(charts, key):
    return next(c for c in charts if c.key == key)


def rows(chart_):
    return {str(label): values for label, values in chart_.rows}


def total(scope, year=2025):
    return sum(row["n"] for row in scope.facts([year]).group(["year"]))


def test_totals_per_scope(awards, network, vca_officer, hue_officer, make_user):
    assert total(resolve(vca_officer)) == 11
    assert total(resolve(vca_officer), 2024) == 2
    assert total(resolve(hue_officer)) == 7
    assert total(resolve(vca_officer, network.hanoi.pk)) == 3
    coop = make_user(Role.EC_OFFICER, network.hue_coop)
    assert total(resolve(coop)) == 5  # Điệp 2, the director 1, the cooperative 2


def ordered(rows_, dims):
    return sorted((tuple(str(r[d]) for d in dims), r["n"]) for r in rows_)


def test_summary_and_live_counts_agree(awards, network):
    dims = ["award_type", "subject", "person_category", "gender", "ethnicity", "province_code"]
    for unit in (network.vca, network.hue, network.hanoi):
        summary = SummaryFacts(unit.path, [2024, 2025]).group(dims)
        live = LiveFacts(unit.path, True, [2024, 2025]).group(dims)
        assert ordered(summary, dims) == ordered(live, dims)


def test_province_user_sees_only_the_province(awards, hue_officer, network):
    charts = dashboard.panels(resolve(hue_officer), 2025)
    by_type = rows(chart(charts, "awards_by_type"))
    assert by_type == {"Bằng khen cấp bộ, ban, ngành, tỉnh": [3], "Lao động tiên tiến": [1],
                       "Bằng khen của Thủ tướng Chính phủ": [1],
                       "Tập thể lao động xuất sắc": [1], "Cờ thi đua cấp bộ, ban, ngành, tỉnh": [1]}
    assert "awards_province" not in [c.key for c in charts]
    with pytest.raises(ScopeError):
        resolve(hue_officer, network.hanoi.pk)
    with pytest.raises(ScopeError):
        resolve(hue_officer, network.vca.pk)


def test_national_panels(awards, vca_officer):
    charts = dashboard.panels(resolve(vca_officer), 2025)
    assert rows(chart(charts, "awards_by_year"))["2025"] == [11]
    assert rows(chart(charts, "awards_by_year"))["2024"] == [2]
    assert rows(chart(charts, "awards_direct")) == {
        "Người trực tiếp lao động, thành viên": [6], "Cán bộ quản lý, lãnh đạo": [1],
        "Tập thể, hộ gia đình": [4]}
    assert rows(chart(charts, "awards_gender")) == {"Nam": [6], "Nữ": [1]}
    assert rows(chart(charts, "awards_ethnicity")) == {"Kinh": [6], "Tày": [1]}
    assert rows(chart(charts, "awards_province")) == {
        "Thành phố Huế": [7], "Thành phố Hà Nội": [3], "Các đơn vị của Liên minh": [1]}
    assert rows(chart(charts, "awards_by_level")) == {
        "Cơ sở (thủ trưởng đơn vị, Giám đốc HTX)": [1],
        "Bộ, ban, ngành, tỉnh (Liên minh HTX Việt Nam, Chủ tịch UBND tỉnh)": [7],
        "Thủ tướng Chính phủ": [2], "Chủ tịch nước": [1]}


def test_unit_only_role_counts_the_unit_alone(awards, network, make_user):
    user = make_user(Role.VIEWER, network.hue, include_descendants=False)
    scope = resolve(user)
    assert not scope.subtree
    assert total(scope) == 1  # the alliance's own Bằng khen
    with pytest.raises(ScopeError):
        resolve(user, network.hue_coop.pk)


def test_portal_editor_gets_no_figures(awards, network, make_user):
    with pytest.raises(ScopeError):
        resolve(make_user(Role.PORTAL_EDITOR, network.hue))


def test_empty_year_has_no_award_panels(awards, hue_officer):
    assert not [c for c in dashboard.panels(resolve(hue_officer), 2019)
                if c.key.startswith("awards_") and c.key != "awards_by_year"]


def award_charts(user, year=2025, unit=None):
    return dashboard.award_charts(resolve(user, unit), year)


def summary_reads(queries):
    return [q["sql"] for q in queries if "reports_awardsummary" in q["sql"]]


def test_award_panels_come_from_the_cache_until_the_summary_is_rebuilt(awards, network,
                                                                       vca_officer):
    with CaptureQueriesContext(connection) as cold:
        award_charts(vca_officer)
    with CaptureQueriesContext(connection) as warm:
        charts = award_charts(vca_officer)
    assert summary_reads(cold.captured_queries) and not summary_reads(warm.captured_queries)
    assert rows(chart(charts, "awards_by_year"))["2025"] == [11]
    awards.give(network.hanoi_person, "LDTT", 2025)
    # Not rebuilt yet: the cache answers what the summary holds, never something older.
    assert rows(chart(award_charts(vca_officer), "awards_by_year"))["2025"] == [11]
    refresh_dirty()
    charts = award_charts(vca_officer)
    assert rows(chart(charts, "awards_by_year"))["2025"] == [12]
    assert rows(chart(charts, "awards_province"))["Thành phố Hà Nội"] == [4]


def test_a_revocation_leaves_the_cached_figure_after_the_rebuild(awards, network, vca_officer):
    award = awards.give(network.hue_person2, "LDTT", 2025)
    refresh_dirty()
    assert rows(chart(award_charts(vca_officer), "awards_by_year"))["2025"] == [12]
    award.status = AwardStatus.REVOKED
    award.save()
    awards_written([award])  # what revoke_award calls by name; a bare save marks nothing
    refresh_dirty()
    assert rows(chart(award_charts(vca_officer), "awards_by_year"))["2025"] == [11]


def test_a_warm_cache_of_other_scopes_never_reaches_a_province(awards, network, vca_officer,
                                                               hue_officer, make_user):
    award_charts(vca_officer)
    award_charts(make_user(Role.EC_OFFICER, network.hanoi))
    award_charts(vca_officer, unit=network.hanoi.pk)
    assert rows(chart(award_charts(hue_officer), "awards_by_year"))["2025"] == [7]
    assert total(resolve(hue_officer)) == 7


def test_dashboard_page_of_a_province_after_another_province_warmed_the_cache(
        client, awards, network, hue_officer, make_user):
    client.force_login(make_user(Role.EC_OFFICER, network.hanoi))
    assert "Cờ thi đua của Chính phủ" in client.get(reverse("reports:dashboard"),
                                                    {"year": 2025}).content.decode()
    client.force_login(hue_officer)
    body = client.get(reverse("reports:dashboard"), {"year": 2025}).content.decode()
    assert "Cờ thi đua của Chính phủ" not in body and "Cờ thi đua cấp bộ" in body


def person_without_employment(name):
    return Person.objects.create(family_name="Lý", given_name=name, gender="FEMALE",
                                 ethnicity="03")


def test_an_award_of_no_unit_is_counted_nationally_on_its_own_line(awards, vca_officer,
                                                                   hue_officer):
    awards.give(person_without_employment("Hoa"), "LDTT", 2025)
    refresh_dirty()
    charts = award_charts(vca_officer)
    assert rows(chart(charts, "awards_by_year"))["2025"] == [12]
    assert rows(chart(charts, "awards_province"))["Chưa gắn đơn vị"] == [1]
    assert rows(chart(charts, "awards_gender")) == {"Nam": [6], "Nữ": [2]}
    assert total(resolve(hue_officer)) == 7


def test_an_award_of_no_employment_is_counted_under_the_proposing_unit(awards, network,
                                                                       make_user, root_user):
    person = person_without_employment("Lan")
    batch = NominationBatch.objects.create(proposer=network.hue_coop, authority=network.hue,
                                           title="Đề nghị", year=2025, created_by=root_user)
    nomination = Nomination.objects.create(batch=batch, subject_kind=SubjectKind.INDIVIDUAL,
                                           person=person,
                                           award_type=AwardType.objects.get(code="LDTT"))
    decision = Decision.objects.create(issuer=network.hue, year=2025, symbol="QĐ-LMHTX",
                                       title="Khen thưởng", created_by=root_user)
    award = awards.give(person, "LDTT", 2025)
    DecisionItem.objects.create(decision=decision, nomination=nomination, award=award)
    refresh_dirty()
    assert total(resolve(make_user(Role.EC_OFFICER, network.hue_coop))) == 6
    assert total(resolve(make_user(Role.EC_OFFICER, network.hue))) == 8
    assert "Chưa gắn đơn vị" not in rows(chart(award_charts(make_user(Role.EC_OFFICER,
                                                                      network.vca)),
                                               "awards_province"))


def test_working_days_per_step_against_the_deadline(network, root_user, hue_officer):
    """Mon 3/3 → Wed 5/3 (received at 20:00 UTC on 4/3, already the 5th in Việt Nam): 2 days;
    → Mon 17/3, past the 10/3 deadline: 8 days. A second batch: Mon 3/3 → Tue 4/3: 1 day."""
    def batch(due_on, *moves):
        created = NominationBatch.objects.create(
            proposer=network.hue_coop, authority=network.hue, title="Đề nghị", year=2025,
            due_on=due_on, created_by=root_user)
        for state, at in moves:
            steps.record(created, state, root_user, at=at)

    def at(day, hour=2):
        return datetime(2025, 3, day, hour, tzinfo=UTC)

    batch(date(2025, 3, 10), (State.SUBMITTED, at(3)), (State.RECEIVED, at(4, 20)),
          (State.IN_APPRAISAL, at(17)))
    batch(None, (State.SUBMITTED, at(3)), (State.RECEIVED, at(4)))
    panel = dashboard.step_days_chart(resolve(hue_officer), 2025)
    assert rows(panel) == {"Đã tiếp nhận": [1.5, 0], "Đang thẩm định": [8.0, 1]}
    assert not dashboard.step_days_chart(resolve(hue_officer), 2024).has_data


def test_activity_panels_of_a_province_are_cached_briefly_and_a_cooperative_counts_live(
        awards, network, root_user, hue_officer, make_user):
    coop_officer = make_user(Role.EC_OFFICER, network.hue_coop)
    assert dashboard.page(resolve(hue_officer), 2025).activity_at is not None
    assert dashboard.page(resolve(coop_officer), 2025).activity_at is None
    NominationBatch.objects.create(proposer=network.hue_coop, authority=network.hue,
                                   title="Đề nghị", year=2025, created_by=root_user)
    assert "nominations" not in [c.key for c in dashboard.panels(resolve(hue_officer), 2025)]
    assert rows(chart(dashboard.panels(resolve(coop_officer), 2025), "nominations")) == {
        "Nháp": [1]}
    cache.clear()
    assert rows(chart(dashboard.panels(resolve(hue_officer), 2025), "nominations")) == {
        "Nháp": [1]}


def test_members_by_kind_of_member_in_the_scope_on_the_years_last_day(network, hue_officer,
                                                                     today):
    """Members of the scope's cooperatives by the 2023 law's kinds, counted on 31/12 of a past
    year: an associate who left in that year and staff are not members then; Hà Nội's cooperative
    is outside Huế's scope."""
    from thidua.organizations.models import Employment
    from thidua.organizations.services import create_person

    def member(unit, name, membership, start, end=None):
        create_person(network.actor, Person(family_name="Lê", given_name=name, gender="MALE"),
                      Employment(organization=unit, category="MEMBER", membership=membership,
                                 start_date=start, end_date=end))

    member(network.hue_coop, "An", "OFFICIAL", date(2020, 1, 1))
    member(network.hue_coop2, "Bình", "ASSOC_CAP", date(2021, 3, 1))
    member(network.hue_coop2, "Chi", "ASSOC", date(2021, 3, 1), end=date(2024, 6, 30))
    member(network.hue_coop2, "Dũng", "OFFICIAL", date(2025, 2, 1))  # joined after 2024
    member(network.hanoi_coop, "Hà", "OFFICIAL", date(2020, 1, 1))
    assert Employment.objects.filter(category="MEMBER").count() >= 5

    members = chart(dashboard.panels(resolve(hue_officer), 2024), "members")
    assert members.series == ["Thành viên chính thức", "Thành viên liên kết góp vốn",
                              "Thành viên liên kết không góp vốn"]
    counted = rows(members)["Hợp tác xã"]
    assert counted[1:] == [1, 0] and counted[0] >= 1  # the network's own members count too
    assert rows(chart(dashboard.panels(resolve(hue_officer), 2025), "members"))[
        "Hợp tác xã"][0] == counted[0] + 1
