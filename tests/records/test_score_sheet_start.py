"""A bloc's score sheet starts from the movement's criteria, asks for criteria before anything
else while it has none, and confirms a unit's self-score with its total at once."""
import re
from datetime import date

import pytest
from django.urls import reverse
from records_helpers import hue_bloc, sheet

from thidua.accounts.models import Role
from thidua.movements import services
from thidua.movements.models import Movement
from thidua.records import services as rs
from thidua.records.forms import NewSheetForm
from thidua.records.models import ScoreSheet

pytestmark = pytest.mark.django_db


@pytest.fixture
def movement(network, root_user):
    movement = services.save_movement(root_user, Movement(
        launched_by=network.hue, kind="ANNIVERSARY", title="Thi đua khối HTX nông nghiệp 2022",
        goals="Nâng cao hiệu quả", start_date=date(2022, 1, 1), end_date=date(2022, 12, 31)))
    movement.criteria.create(name="Phát triển thành viên", max_points=20, order=1)
    movement.criteria.create(name="Doanh thu", max_points=30, order=2)
    return services.launch_movement(root_user, movement)


def test_the_sheet_starts_from_the_movements_criteria(client, network, movement, make_user):
    group = hue_bloc(network)
    officer = make_user(Role.EC_OFFICER, network.hue)
    client.force_login(officer)
    url = reverse("records:score_sheet", args=[group.pk])
    page = client.get(url).content.decode()
    assert "Lấy tiêu chí từ phong trào" in page and "(2 tiêu chí)" in page
    client.post(url, {"action": "create", "movement": movement.pk,
                      "tie_break": "CRITERIA_IN_ORDER"})
    created = ScoreSheet.objects.get(group=group)
    assert [(c.name, c.max_points) for c in created.criteria.all()] == [
        ("Phát triển thành viên", 20), ("Doanh thu", 30)]
    rs.add_criterion(officer, created, "Tham gia phong trào", 10)  # still editable
    assert movement.criteria.count() == 2


def test_a_movement_and_its_derived_copy_are_told_apart(network, root_user, make_user):
    """Huế deploys the Alliance's movement under the same title: the list names who launched each
    one and its year, so the two entries differ."""
    national = services.save_movement(root_user, Movement(
        launched_by=network.vca, kind="ANNIVERSARY", title="Phong trào thi đua yêu nước năm 2022",
        goals="Nâng cao hiệu quả", start_date=date(2022, 1, 1), end_date=date(2022, 12, 31)))
    national.criteria.create(name="Phát triển thành viên", max_points=20, order=1)
    services.launch_movement(root_user, national)
    derived = services.launch_movement(root_user, services.derive_movement(
        root_user, national, network.hue))
    form = NewSheetForm(user=make_user(Role.EC_OFFICER, network.hue), group=hue_bloc(network))
    labels = [label for value, label in form.fields["movement"].choices if value]
    hue, vca = (unit.short_name or unit.name for unit in (network.hue, network.vca))
    assert sorted(labels) == sorted([
        f"Phong trào thi đua yêu nước năm 2022 — {vca}, 2022 (1 tiêu chí)",
        f"Phong trào thi đua yêu nước năm 2022 — {hue}, 2022 (1 tiêu chí)"])
    assert derived.title == national.title


def current_area(page):
    """The top bar's item marked as the current page's area."""
    links = re.findall(r'class="nav-link active" aria-current="page" href="[^"]*">'
                       r'<i[^>]*></i> ([^<]+)</a>', page)
    assert len(links) == 1, links
    return links[0]


def test_bloc_pages_mark_the_blocs_area_in_the_top_bar(client, network, movement, make_user):
    group = hue_bloc(network)
    sheet(network, group)
    client.force_login(make_user(Role.EC_OFFICER, network.hue))
    for name in ("records:score_sheet", "records:pledge"):
        page = client.get(reverse(name, args=[group.pk])).content.decode()
        assert current_area(page) == "Khối, cụm thi đua"
    page = client.get(reverse("movements:movement_detail", args=[movement.pk])).content.decode()
    assert current_area(page) == "Phong trào"


def test_an_empty_sheet_asks_for_criteria_first(client, network, make_user):
    group = hue_bloc(network)
    officer = make_user(Role.EC_OFFICER, network.hue)
    rs.create_score_sheet(officer, group, "SHARED")
    client.force_login(officer)
    page = client.get(reverse("records:score_sheet", args=[group.pk])).content.decode()
    assert page.index("Thêm tiêu chí") < page.index("Xếp hạng")
    assert "Chấm thay cho" not in page  # no empty self-score forms before there are criteria


def test_a_self_score_is_confirmed_with_its_total(client, network, make_user):
    group = hue_bloc(network)
    score_sheet = sheet(network, group)
    reporter = make_user(Role.UNIT_REPORTER, network.hue_coop)
    client.force_login(reporter)
    first, second = score_sheet.criteria.all()
    response = client.post(reverse("records:score_self", args=[group.pk, network.hue_coop.pk]),
                           {f"points_{first.pk}": "18", f"points_{second.pk}": "25,5"},
                           HTTP_HX_REQUEST="true")
    assert response["HX-Trigger"] == "ranking-changed"
    assert "tổng 43.50 điểm" in response.content.decode().replace(",", ".")
