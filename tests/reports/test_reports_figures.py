"""Dashboard figures against the hand-counted registry in conftest, per scope."""
import pytest

from thidua.accounts.models import Role
from thidua.reports import dashboard
from thidua.reports.facts import LiveFacts, SummaryFacts
from thidua.reports.scope import ScopeError, resolve

pytestmark = pytest.mark.django_db


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
