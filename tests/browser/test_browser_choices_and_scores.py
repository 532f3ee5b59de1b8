"""With real clicks: every box of the choice groups on the registration form ("Danh hiệu tập thể
đăng ký"), the movement form and the derived movement's edit page ("Đối tượng cá nhân") can be
clicked where it is drawn and saves; a bloc's score sheet starts from the movement's criteria, a
member's self-score is confirmed and the ranking updates without reloading the page.
Screenshots at 1366 and 360 px go to var/screenshots/ux-work/."""
from datetime import date

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from thidua.accounts.models import Role
from thidua.demo.records import CRITERIA  # six long criteria of a real bloc
from thidua.movements import services
from thidua.movements.models import Movement, Registration
from thidua.organizations import services as org_services
from thidua.organizations.models import EmulationGroup, GroupRole
from thidua.records import services as rs
from thidua.records.models import ScoreSheet

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
def boxes_are_clickable(page, legend):
    """Each box of the group is what a click at its centre reaches (or its own label)."""
    group = page.get_by_role("group", name=legend)
    boxes = group.get_by_role("checkbox").all()
    assert boxes
    for box in boxes:
        box.scroll_into_view_if_needed()
        area = box.bounding_box()
        hit = box.evaluate(
            "(input, point) => { const hit = document.elementFromPoint(point[0], point[1]);"
            " const label = hit && hit.closest('label');"
            " return hit === input || (label !== null && label.htmlFor === input.id); }",
            [area["x"] + area["width"] / 2, area["y"] + area["height"] / 2])
        assert hit, f"a box of “{legend}” is covered"
    return group


@pytest.fixture
def movement(network, root_user):
    movement = services.save_movement(root_user, Movement(
        launched_by=network.vca, kind="ANNIVERSARY", title="Thi đua chào mừng ngày truyền thống",
        goals="Nâng cao hiệu quả hoạt động", start_date=date(2026, 1, 1),
        end_date=date(2026, 12, 31), registration_deadline=date(2026, 12, 15)))
    movement.criteria.create(name="Phát triển thành viên", max_points=20, order=1)
    movement.criteria.create(name="Doanh thu tăng so với năm trước", max_points=30, order=2)
    return services.launch_movement(root_user, movement)


def test_choice_groups_take_real_clicks(page, live_server, network, make_user, movement, settings,
                                        log_in, shoot):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    coop_officer = make_user(Role.EC_OFFICER, network.hue_coop)
    log_in(page, live_server, coop_officer)
    page.goto(live_server.url + reverse("movements:registration",
                                        args=[movement.pk, network.hue_coop.pk]))
    group = boxes_are_clickable(page, "Danh hiệu tập thể đăng ký")
    labels = group.locator("label")
    labels.nth(0).click()
    labels.nth(1).click()
    shoot(page, "ux-work/registration")
    page.get_by_role("button", name="Lưu nháp").click()
    page.wait_for_load_state()
    assert Registration.objects.get(unit=network.hue_coop).collective_titles.count() == 2

    hue_officer = make_user(Role.EC_OFFICER, network.hue)
    log_in(page, live_server, hue_officer)
    page.goto(live_server.url + reverse("movements:movement_create") + f"?unit={network.hue.pk}")
    boxes_are_clickable(page, "Đối tượng cá nhân")
    shoot(page, "ux-work/movement-form")
    page.goto(live_server.url + movement.get_absolute_url())
    hue = network.hue.short_name or network.hue.name
    page.get_by_role("button", name=f"Triển khai tại {hue}").click()
    page.wait_for_load_state()
    group = boxes_are_clickable(page, "Đối tượng cá nhân")
    group.locator("label").first.click()
    shoot(page, "ux-work/movement-derived-edit")
    page.get_by_role("button", name="Lưu nháp").click()
    page.wait_for_load_state()
    derived = Movement.objects.get(parent=movement)
    assert len(derived.target_categories) == 1


def test_bloc_scores_from_the_movements_criteria(page, live_server, network, make_user, root_user,
                                                 settings, log_in, shoot):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    movement = services.launch_movement(root_user, services.save_movement(root_user, Movement(
        launched_by=network.hue, kind="ANNIVERSARY", title="Thi đua khối HTX nông nghiệp",
        goals="Nâng cao hiệu quả", start_date=date(2026, 1, 1), end_date=date(2026, 12, 31))))
    movement.criteria.create(name="Phát triển thành viên", max_points=20, order=1)
    movement.criteria.create(name="Doanh thu", max_points=30, order=2)
    group = org_services.create_emulation_group(network.actor, EmulationGroup(
        owner=network.hue, name="Khối thi đua các HTX nông nghiệp", year=2026))
    org_services.set_group_member(network.actor, group, network.hue_coop, GroupRole.HEAD)
    org_services.set_group_member(network.actor, group, network.hue_coop2, GroupRole.MEMBER)
    officer = make_user(Role.EC_OFFICER, network.hue)
    reporter = make_user(Role.UNIT_REPORTER, network.hue_coop)
    url = live_server.url + reverse("records:score_sheet", args=[group.pk])

    log_in(page, live_server, officer)
    page.goto(url)
    hue = network.hue.short_name or network.hue.name
    page.get_by_label("Lấy tiêu chí từ phong trào").select_option(
        label=f"{movement.title} — {hue}, 2026 (2 tiêu chí)")
    shoot(page, "ux-work/score-sheet-new")
    page.get_by_role("button", name="Lập bảng").click()
    page.wait_for_load_state()
    assert ScoreSheet.objects.get(group=group).criteria.count() == 2
    shoot(page, "ux-work/score-sheet-officer")

    log_in(page, live_server, reporter)
    page.goto(url)
    # One criterion left empty for now: saved as not scored yet, and said so.
    page.get_by_label("Điểm tự chấm: Phát triển thành viên").fill("18")
    page.get_by_role("button", name="Lưu điểm tự chấm").click()
    saved = page.get_by_test_id("self-score-saved")
    saved.wait_for()
    assert "tổng 18" in saved.inner_text() and "Chưa chấm" in saved.inner_text()
    assert "Doanh thu" in saved.inner_text()
    page.get_by_label("Điểm tự chấm: Doanh thu").fill("25")
    page.get_by_role("button", name="Lưu điểm tự chấm").click()
    expect(saved).to_contain_text("tổng 43")
    expect(saved).not_to_contain_text("Chưa chấm")
    ranking = page.locator("#ranking")
    ranking.get_by_text("43.00").or_(ranking.get_by_text("43,00")).first.wait_for()
    shoot(page, "ux-work/score-sheet-member")




def test_a_ranking_of_six_long_criteria_fits_1366_px(page, live_server, network, make_user,
                                                     settings, log_in, shoot):
    """Every column, the proposal last, is inside the ranking's frame at 1366 px; at 360 px the
    table scrolls inside that frame, never the page (shoot checks the page)."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    group = org_services.create_emulation_group(network.actor, EmulationGroup(
        owner=network.hue, name="Khối thi đua các HTX nông nghiệp", year=2026))
    org_services.set_group_member(network.actor, group, network.hue_coop, GroupRole.HEAD)
    org_services.set_group_member(network.actor, group, network.hue_coop2, GroupRole.MEMBER)
    sheet = rs.create_score_sheet(network.actor, group, "CRITERIA_IN_ORDER")
    criteria = [rs.add_criterion(network.actor, sheet, name, points)
                for name, points in CRITERIA]
    for unit, share in ((network.hue_coop, 0.9), (network.hue_coop2, 0.8)):
        rs.self_score(network.actor, sheet, unit,
                      {c: (str(c.max_points * share), "") for c in criteria})
    log_in(page, live_server, make_user(Role.EC_OFFICER, network.hue))
    page.set_viewport_size({"width": 1366, "height": 900})
    page.goto(live_server.url + reverse("records:score_sheet", args=[group.pk]))
    frame = page.locator("#ranking .table-responsive")
    expect(frame.get_by_text("Đề nghị Cờ thi đua")).to_be_visible()
    assert frame.evaluate("element => element.scrollWidth - element.clientWidth") <= 0
    shoot(page, "ux-work/score-ranking-six-criteria")
