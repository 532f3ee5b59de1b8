"""A merger hands the absorbed unit's running movements, open registrations and open report rounds
to its successor (or closes a registration the successor cannot take, with the reason); what was
finished keeps the old name; every change is in the audit log."""
from datetime import date

import pytest

from thidua.accounts.models import Role
from thidua.audit.models import Action, AuditEntry
from thidua.movements import compliance
from thidua.movements.models import (
    Movement,
    ProgressReport,
    Registration,
    RegistrationStatus,
    ReportSchedule,
)
from thidua.organizations.merging import merge_unit

pytestmark = pytest.mark.django_db
DAY = date(2026, 7, 1)


def movement(launched_by, title, status="LAUNCHED", **fields):
    return Movement.objects.create(launched_by=launched_by, kind="REGULAR", title=title, goals="x",
                                   start_date=date(2026, 1, 1), end_date=date(2026, 12, 31),
                                   status=status, **fields)


def register(movement, unit, status, year=2026):
    return Registration.objects.create(movement=movement, unit=unit, year=year, status=status)


def rounds(owner, period, **fields):
    return ReportSchedule.objects.create(owner=owner, year=2026, period=period,
                                         due_date=date(2026, 10, 7), **fields)


@pytest.fixture
def merge(network, make_user):
    editor = make_user(Role.EC_OFFICER, network.vca)
    return lambda: merge_unit(editor, network.hanoi, network.hue, DAY)


def test_movements_and_registrations_pass_to_the_successor(network, merge):
    own = movement(network.hanoi, "Phong trào của Hà Nội")
    finished = movement(network.hanoi, "Phong trào đã tổng kết", status="CLOSED")
    chosen = movement(network.vca, "Chỉ Hà Nội", scope_chosen=True)
    chosen.chosen_units.add(network.hanoi)
    national, second = movement(network.vca, "Toàn quốc"), movement(network.vca, "Năm 2026")
    sent = register(national, network.hanoi, RegistrationStatus.SUBMITTED)
    register(second, network.hue, RegistrationStatus.DRAFT)
    clash = register(second, network.hanoi, RegistrationStatus.DRAFT)
    approved = register(national, network.hanoi, RegistrationStatus.APPROVED, year=2025)
    untouched = register(national, network.hanoi_coop, RegistrationStatus.DRAFT)

    merge()

    own.refresh_from_db()
    finished.refresh_from_db()
    assert own.launched_by == network.hue and finished.launched_by == network.hanoi
    coop = type(network.hanoi_coop).objects.get(pk=network.hanoi_coop.pk)
    assert own.covers(coop) and chosen.covers(coop)  # the moved units stay in scope
    sent.refresh_from_db()
    clash.refresh_from_db()
    approved.refresh_from_db()
    untouched.refresh_from_db()
    assert (sent.unit, sent.status) == (network.hue, RegistrationStatus.SUBMITTED)
    assert (clash.unit, clash.status) == (network.hanoi, RegistrationStatus.CLOSED)
    assert "đã sáp nhập vào Liên minh Hợp tác xã Thành phố Huế" in clash.closed_reason
    assert not clash.is_editable
    assert approved.unit == network.hanoi and untouched.unit == network.hanoi_coop
    logged = AuditEntry.objects.filter(model="movements.Registration", action=Action.UPDATE)
    assert {entry.object_id for entry in logged} == {str(sent.pk), str(clash.pk)}


def test_open_report_rounds_pass_to_the_successor(network, merge, now, today):
    alone = rounds(network.hanoi, "Q4")
    twin = rounds(network.hanoi, "Q3")
    hue_q3 = rounds(network.hue, "Q3")
    closed = rounds(network.hanoi, "Q1", closes_on=date(2026, 4, 30))
    report = ProgressReport.objects.create(schedule=twin, unit=network.hanoi_coop, text="Quý III",
                                           submitted_at=now, submitted_by=network.actor)

    merge()

    alone.refresh_from_db()
    twin.refresh_from_db()
    closed.refresh_from_db()
    report.refresh_from_db()
    assert alone.owner == network.hue and closed.owner == network.hanoi
    assert twin.owner == network.hanoi and twin.closes_on == today
    assert report.schedule == hue_q3
    standing = {row.unit.pk: row for row in compliance.standings(hue_q3, today)}
    assert standing[network.hanoi_coop.pk].report == report  # not counted missing at Huế
    assert AuditEntry.objects.filter(model="movements.ProgressReport", object_id=str(report.pk),
                                     action=Action.UPDATE).exists()


def test_the_api_says_why_a_registration_was_closed(network, merge, make_user, client):
    second = movement(network.vca, "Năm 2026")
    register(second, network.hue, RegistrationStatus.DRAFT)
    clash = register(second, network.hanoi, RegistrationStatus.DRAFT)
    merge()
    client.force_login(make_user(Role.EC_OFFICER, network.vca))
    rows = {row["id"]: row for row in
            client.get(f"/api/v1/movements/{second.pk}/registrations").json()["items"]}
    assert rows[clash.pk]["status"] == RegistrationStatus.CLOSED
    assert "đã sáp nhập vào Liên minh Hợp tác xã Thành phố Huế" in rows[clash.pk]["closed_reason"]
    assert [row["closed_reason"] for pk, row in rows.items() if pk != clash.pk] == [""]
