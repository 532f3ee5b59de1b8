from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from thidua.accounts.models import Role
from thidua.awards.models import AwardType
from thidua.core import scopes
from thidua.core.workdays import WorkingCalendar
from thidua.movements import compliance, services
from thidua.movements.models import (Movement, ProgressReport, Registration, ReportSchedule, Review,
                                     ReviewKind)
from thidua.movements.models.movement import Window
from thidua.organizations.models import Employment, Person

HCM = ZoneInfo("Asia/Ho_Chi_Minh")


@pytest.fixture
def movement(network, root_user):
    movement = services.save_movement(root_user, Movement(
        launched_by=network.vca, kind="ANNIVERSARY", title="Thi đua chào mừng 20 năm ngày truyền thống",
        goals="Nâng cao hiệu quả hoạt động của HTX", start_date=date(2026, 1, 1),
        end_date=date(2026, 12, 31), registration_deadline=date(2026, 12, 1),
        midterm_review_date=date(2026, 7, 15), final_review_date=date(2026, 12, 20)))
    return services.launch_movement(root_user, movement)


@pytest.mark.django_db
def test_launch_cascades_to_every_unit_in_scope(network, movement, make_user):
    for unit in (network.hue, network.hue_coop, network.hanoi_coop):
        assert movement in Movement.objects.covering(unit)
    officer = make_user(Role.EC_OFFICER, network.hue, include_descendants=False)
    assert movement in Movement.objects.visible_to(officer)
    assert officer.notifications.count() == 0  # assigned after the launch
    chosen = Movement.objects.create(launched_by=network.vca, kind="THEMATIC", title="Chỉ Huế",
                                     goals="x", start_date=date(2026, 1, 1), end_date=date(2026, 6, 30),
                                     scope_chosen=True, status="LAUNCHED")
    chosen.chosen_units.add(network.hue)
    assert chosen in Movement.objects.covering(network.hue_coop)
    assert chosen not in Movement.objects.covering(network.hanoi_coop)


@pytest.mark.django_db
def test_launch_notifies_officers_of_units_below(network, root_user, make_user):
    officer = make_user(Role.EC_OFFICER, network.hue)
    draft = services.save_movement(root_user, Movement(
        launched_by=network.vca, kind="REGULAR", title="Thi đua năm 2026", goals="Mục tiêu",
        start_date=date(2026, 1, 1), end_date=date(2026, 12, 31)))
    services.launch_movement(root_user, draft)
    assert officer.notifications.get().url == draft.get_absolute_url()
    with pytest.raises(ValidationError):
        services.launch_movement(root_user, draft)


@pytest.mark.django_db
def test_derive_links_to_parent_and_copies_criteria(network, movement, make_user, client):
    movement.criteria.create(name="Phát triển thành viên", max_points=20)
    officer = make_user(Role.EC_OFFICER, network.hue)
    derived = services.derive_movement(officer, movement, network.hue)
    assert derived.parent == movement and derived.launched_by == network.hue
    assert derived.status == "DRAFT" and list(derived.criteria.values_list("name", flat=True)) == [
        "Phát triển thành viên"]
    with pytest.raises(Exception):
        services.derive_movement(officer, movement, network.hanoi)
    # Once launched, the cooperative's list shows Huế's movement once, naming where it came from,
    # and not the VCA's a second time.
    services.launch_movement(officer, derived)
    client.force_login(make_user(Role.UNIT_REPORTER, network.hue_coop))
    page = client.get(reverse("movements:unit_movements", args=[network.hue_coop.pk])).content.decode()
    assert page.count(movement.title) == 1 and derived.get_absolute_url() in page
    assert movement.get_absolute_url() + '"' not in page
    assert "triển khai từ phong trào của" in page


@pytest.mark.django_db
@pytest.mark.parametrize("today, expected", [
    (date(2025, 12, 31), Window.NOT_STARTED), (date(2026, 1, 1), Window.OPEN),
    (date(2026, 12, 1), Window.OPEN), (date(2026, 12, 2), Window.CLOSED)])
def test_registration_window(movement, today, expected):
    assert movement.registration_window(today) == expected


@pytest.mark.django_db
def test_dates_out_of_order_are_refused(network, root_user):
    with pytest.raises(ValidationError) as error:
        services.save_movement(root_user, Movement(
            launched_by=network.vca, kind="REGULAR", title="Sai ngày", goals="x",
            start_date=date(2026, 5, 1), end_date=date(2026, 1, 1)))
    assert "Ngày kết thúc phải sau ngày bắt đầu." in str(error.value)


@pytest.mark.django_db
def test_registration_submit_approve_and_return(network, movement, make_user, client):
    reporter = make_user(Role.UNIT_REPORTER, network.hue_coop)
    superior = make_user(Role.EC_OFFICER, network.hue)
    ldtt = AwardType.objects.get(code="LDTT")
    registration = Registration(movement=movement, unit=network.hue_coop, year=2026)
    services.save_registration(reporter, registration,
                               AwardType.objects.filter(code="TTLDTT"), [(network.hue_person, ldtt)])
    services.submit_registration(reporter, registration)
    assert superior.notifications.count() == 1
    with pytest.raises(Exception):
        services.approve_registration(reporter, registration)  # not the superior
    with pytest.raises(ValidationError):
        services.return_registration(superior, registration, "  ")
    services.return_registration(superior, registration, "Bổ sung chỉ tiêu doanh thu")
    assert registration.status == "RETURNED" and reporter.notifications.count() == 1
    services.submit_registration(reporter, registration)
    services.approve_registration(superior, registration)
    assert Registration.objects.get().status == "APPROVED"
    client.force_login(superior)
    page = client.get(reverse("movements:registration_overview", args=[movement.pk]),
                      {"level": network.hue.pk, "year": 2026}).content.decode()
    assert "Đã duyệt" in page and "Chưa đăng ký" in page  # coop 2 has not registered
    assert "LĐTT: 1" in page


@pytest.mark.django_db
def test_registering_outside_the_window_or_scope_is_refused(network, root_user, make_user):
    past = services.launch_movement(root_user, services.save_movement(root_user, Movement(
        launched_by=network.hue, kind="SHORT_TERM", title="Đợt đã qua", goals="x",
        start_date=date(2024, 1, 1), end_date=date(2024, 3, 31))))
    reporter = make_user(Role.UNIT_REPORTER, network.hue_coop)
    with pytest.raises(ValidationError, match="Ngoài thời gian đăng ký"):
        services.save_registration(reporter, Registration(movement=past, unit=network.hue_coop,
                                                          year=2024), [], [])
    outsider = make_user(Role.UNIT_REPORTER, network.hanoi_coop)
    with pytest.raises(ValidationError, match="không thuộc phạm vi"):
        services.save_registration(outsider, Registration(movement=past, unit=network.hanoi_coop,
                                                          year=2024), [], [])
    assert not Registration.objects.exists()


@pytest.mark.django_db
def test_due_dates_count_working_days_across_tet(network, root_user, make_user, settings, clock):
    settings.THIDUA_REPORT_DUE_WORKING_DAYS = 1
    assert compliance.default_due_date(2025, "YEAR") == date(2026, 1, 2)  # 1/1 is a holiday
    due = WorkingCalendar().add_working_days(date(2026, 2, 13), 1)
    assert due == date(2026, 2, 23)  # Tết 16–20/02/2026 and two weekends are off
    schedule = services.save_schedule(root_user, ReportSchedule(
        owner=network.hue, year=2026, period="Q1", due_date=due))
    on_time = make_user(Role.UNIT_REPORTER, network.hue_coop)
    late = make_user(Role.UNIT_REPORTER, network.hue_coop2)
    clock.move_to(datetime(2026, 2, 20, 9, tzinfo=HCM))
    services.submit_report(on_time, ProgressReport(schedule=schedule, unit=network.hue_coop,
                                                   text="Báo cáo quý I", participants=40))
    clock.move_to(datetime(2026, 2, 24, 9, tzinfo=HCM))
    services.submit_report(late, ProgressReport(schedule=schedule, unit=network.hue_coop2,
                                                text="Báo cáo quý I", participants=12))
    statuses = {row.unit: row.status for row in compliance.standings(schedule, date(2026, 3, 1))}
    assert statuses == {network.hue_coop: "on_time", network.hue_coop2: "late"}


@pytest.mark.django_db
def test_missing_reports_get_reminders_and_closed_rounds_refuse(network, root_user, make_user):
    reporter = make_user(Role.UNIT_REPORTER, network.hue_coop)
    schedule = services.save_schedule(root_user, ReportSchedule(
        owner=network.hue, year=2026, period="Q3", due_date=date(2026, 10, 7),
        closes_on=date(2026, 10, 30)))
    assert compliance.send_reminders(date(2026, 10, 5)) == 1  # 2 working days before
    assert compliance.send_reminders(date(2026, 10, 5)) == 0  # once a day
    assert "Sắp đến hạn" in reporter.notifications.get().title
    assert compliance.send_reminders(date(2026, 10, 8)) == 1
    assert "Quá hạn" in reporter.notifications.first().title
    statuses = {row.unit: row.status for row in compliance.standings(schedule, date(2026, 10, 8))}
    assert statuses[network.hue_coop] == "missing"
    schedule.closes_on = date(2020, 1, 1)
    schedule.save()
    with pytest.raises(ValidationError, match="khóa sổ"):
        services.submit_report(reporter, ProgressReport(schedule=schedule, unit=network.hue_coop,
                                                        text="Muộn quá"))


@pytest.mark.django_db
def test_midterm_review_aggregates_reports(network, movement, root_user, make_user, client):
    schedule = services.save_schedule(root_user, ReportSchedule(
        owner=network.hue, movement=movement, year=2026, period="Q1", due_date=date(2026, 4, 8)))
    for unit, participants in ((network.hue_coop, 40), (network.hue_coop2, 25)):
        services.submit_report(root_user, ProgressReport(
            schedule=schedule, unit=unit, text="…", participants=participants, initiatives=1))
    officer = make_user(Role.EC_OFFICER, network.hue)
    client.force_login(officer)
    form = client.get(reverse("movements:review_create", args=[movement.pk]),
                      {"unit": network.hue.pk, "kind": "MIDTERM"}).context["form"]
    assert form.initial["participants"] == 65 and form.initial["initiatives"] == 2
    response = client.post(reverse("movements:review_create", args=[movement.pk]) + f"?unit={network.hue.pk}", {
        "kind": "MIDTERM", "held_on": "15/07/2026", "summary": "Sơ kết 6 tháng", "participants": 65,
        "exemplars_found": 0, "initiatives": 2, "new_cooperatives": 0})
    review = Review.objects.get()
    assert response.status_code == 302 and review.kind == ReviewKind.MIDTERM
    added = client.post(reverse("movements:review_detail", args=[review.pk]), {
        "organization": "P46-HTX01", "award_type": AwardType.objects.get(code="GK").pk,
        "note": "Dẫn đầu phong trào 6 tháng"})
    assert added.status_code == 302 and review.proposals.get().organization == network.hue_coop
    both = client.post(reverse("movements:review_detail", args=[review.pk]), {
        "award_type": AwardType.objects.get(code="GK").pk})
    assert "Chọn một cá nhân hoặc nhập mã một tập thể." in both.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("role", [Role.EC_OFFICER, Role.UNIT_REPORTER, Role.VIEWER, Role.MODERATOR])
def test_campaign_pages_permissions(client, network, movement, make_user, role):
    schedule = ReportSchedule.objects.create(owner=network.hue, year=2026, period="Q1",
                                             due_date=date(2026, 4, 8))
    client.force_login(make_user(role, network.hue))
    writer = role in (Role.EC_OFFICER, Role.UNIT_REPORTER)
    reader = role != Role.MODERATOR
    checks = [
        (reverse("movements:movement_detail", args=[movement.pk]), True),
        (reverse("movements:unit_movements", args=[network.hue_coop.pk]), True),
        (reverse("movements:unit_movements", args=[network.hanoi_coop.pk]), False),
        (reverse("movements:registration", args=[movement.pk, network.hue_coop.pk]), reader),
        (reverse("movements:registration", args=[movement.pk, network.hanoi_coop.pk]), False),
        (reverse("movements:compliance", args=[schedule.pk]), reader),
        (reverse("movements:report_submit", args=[schedule.pk, network.hue_coop.pk]), writer),
        (reverse("movements:report_submit", args=[schedule.pk, network.hanoi_coop.pk]), False),
        (reverse("movements:movement_create") + f"?unit={network.hue.pk}", role == Role.EC_OFFICER),
        (reverse("movements:movement_create") + f"?unit={network.hanoi.pk}", False),
        (reverse("movements:movement_edit", args=[movement.pk]), False),  # launched by the VCA
    ]
    for url, allowed in checks:
        assert client.get(url).status_code == (200 if allowed else 403), url


@pytest.mark.django_db
def test_api_registration_and_report(client, network, movement, root_user, make_user):
    schedule = services.save_schedule(root_user, ReportSchedule(
        owner=network.hue, year=2026, period="Q2", due_date=date(2099, 7, 8)))
    client.force_login(make_user(Role.UNIT_REPORTER, network.hue_coop))
    assert [m["id"] for m in client.get("/api/v1/movements").json()["items"]] == [movement.pk]
    created = client.post(f"/api/v1/movements/{movement.pk}/registrations", {
        "unit_id": network.hue_coop.pk, "year": 2026, "collective_titles": ["TTLDTT"],
        "items": [{"person_id": network.hue_person.pk, "award_type": "LDTT"}], "submit": True},
        content_type="application/json")
    assert created.status_code == 201 and created.json()["status"] == "SUBMITTED"
    other = client.post(f"/api/v1/movements/{movement.pk}/registrations", {
        "unit_id": network.hanoi_coop.pk, "year": 2026}, content_type="application/json")
    assert other.status_code == 404
    report = client.post(f"/api/v1/report-schedules/{schedule.pk}/reports", {
        "unit_id": network.hue_coop.pk, "text": "Quý II", "participants": 30},
        content_type="application/json")
    assert report.status_code == 201 and report.json()["is_late"] is False
    client.force_login(make_user(Role.VIEWER, network.hue_coop))
    refused = client.post(f"/api/v1/report-schedules/{schedule.pk}/reports", {
        "unit_id": network.hue_coop.pk, "text": "x"}, content_type="application/json")
    assert refused.status_code == 403


@pytest.mark.django_db
def test_namesakes_on_the_registration_page_are_told_apart(network, movement, make_user, client):
    """Two "Nguyễn Văn Điệp" in one cooperative: the registration list shows each one's birth
    year and position there, and the title chosen goes to the one picked."""
    twin = network.person("Nguyễn", "Văn", "Điệp", network.hue_coop)
    Person.objects.filter(pk=twin.pk).update(birth_date=date(1992, 3, 1))
    Employment.objects.filter(person=twin).update(position="Kế toán")
    reporter = make_user(Role.UNIT_REPORTER, network.hue_coop)
    client.force_login(reporter)
    url = reverse("movements:registration", args=[movement.pk, network.hue_coop.pk])
    page = client.get(url).content.decode()
    first = f'<label for="title-{network.hue_person.pk}">Nguyễn Văn Điệp'
    second = f'<label for="title-{twin.pk}">Nguyễn Văn Điệp'
    assert first in page and second in page
    assert page[page.index(first):].split("</label>")[0].endswith("(1980 · Thành viên)</span>")
    assert page[page.index(second):].split("</label>")[0].endswith("(1992 · Kế toán)</span>")
    ldtt = AwardType.objects.get(code="LDTT")
    client.post(url, {"action": "save", f"title-{twin.pk}": ldtt.pk})
    assert list(Registration.objects.get().items.values_list("person", flat=True)) == [twin.pk]


@pytest.mark.django_db
def test_a_user_of_another_unit_sees_no_movement_of_it(network, movement, root_user, make_user,
                                                       client, settings):
    settings.THIDUA_UNSCOPED_READS = "raise"
    own = services.launch_movement(root_user, services.save_movement(root_user, Movement(
        launched_by=network.hue, kind="REGULAR", title="Thi đua của Huế", goals="x",
        start_date=date(2026, 1, 1), end_date=date(2026, 12, 31))))
    draft = services.save_movement(root_user, Movement(
        launched_by=network.vca, kind="REGULAR", title="Nháp của Liên minh", goals="x",
        start_date=date(2026, 1, 1), end_date=date(2026, 12, 31)))
    other, viewer = (make_user(Role.EC_OFFICER, network.hanoi),
                     make_user(Role.VIEWER, network.hue_coop))
    with scopes.serving("/phong-trao/"):
        # Launched above a unit, a movement reaches it through the cascade; a draft does not.
        assert list(Movement.objects.visible_to(other)) == [movement]
        assert set(Movement.objects.visible_to(viewer)) == {movement, own}
        assert set(Movement.objects.covering(network.hue_coop)) == {movement, own}
        with pytest.raises(scopes.ScopeError, match="movements.Movement"):
            list(Movement.objects.all())
    assert draft not in set(Movement.objects.visible_to(viewer))
    client.force_login(other)
    assert client.get(own.get_absolute_url()).status_code == 404
    assert client.get(reverse("movements:movement_edit", args=[own.pk])).status_code == 403
    assert own.title not in client.get(reverse("movements:movement_list")).content.decode()
    assert client.get(reverse("movements:unit_movements", args=[network.hue.pk])).status_code == 403
    client.force_login(viewer)
    inbox = client.get(reverse("movements:unit_movements", args=[network.hue_coop.pk]))
    assert movement.title in inbox.content.decode() and own.title in inbox.content.decode()


def test_a_changed_list_of_target_categories_shows_in_the_history_panel(movement, root_user,
                                                                         client):
    """The history panel lists a JSON list field's old and new items (it answered 500: a list
    cannot be looked up among a field's choices)."""
    movement.target_categories = ["STAFF", "MEMBER"]
    services.save_movement(root_user, movement)
    client.force_login(root_user)
    response = client.get(movement.get_absolute_url())
    assert response.status_code == 200
    assert "STAFF, MEMBER" in response.content.decode()
