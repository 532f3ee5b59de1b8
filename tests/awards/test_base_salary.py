"""Base salary: each row shows its legal basis; from a row's announced replacement (NĐ 161/2026
from 01/7/2026) decisions with money must wait, with a message to the administrator, until the
confirmed new amount is entered; never a guessed figure. Page and API per role."""
from datetime import date

import pytest
from django.urls import reverse

from thidua.accounts.models import Role
from thidua.awards import base_salary
from thidua.awards.models import BaseSalary
from thidua.legal.models import LegalText

pytestmark = pytest.mark.django_db
ROLES = list(Role)


def test_the_seeded_rows_carry_their_texts_and_replacement_dates():
    rows = {row.effective_from: row for row in BaseSalary.objects.all()}
    current = rows[date(2024, 7, 1)]
    assert (current.amount, current.legal_text.key, current.replaced_from, current.confirmed) == (
        2_340_000, "nd-73-2024", date(2026, 7, 1), True)
    assert base_salary.successor_text(current).key == "nd-161-2026"
    assert not BaseSalary.objects.filter(effective_from__gte=date(2026, 7, 1)).exists()


def test_before_the_replacement_nothing_waits():
    assert base_salary.hold_reason(date(2026, 6, 30)) == ""
    assert base_salary.salary_for(date(2026, 6, 30)).amount == 2_340_000


def test_from_the_replacement_day_decisions_with_money_must_wait_with_a_message():
    reason = base_salary.hold_reason(date(2026, 7, 1))
    assert "Nghị định 73/2024/NĐ-CP" in reason and "Nghị định 161/2026/NĐ-CP" in reason
    assert "01/07/2026" in reason and "nhập mức lương cơ sở" in reason
    assert base_salary.salary_for(date(2026, 7, 1)) is None


def test_an_unconfirmed_new_row_does_not_release_the_hold(today):
    BaseSalary.objects.create(amount=1, effective_from=date(2026, 7, 1), confirmed=False)
    assert base_salary.hold_reason(today)
    BaseSalary.objects.filter(amount=1).update(confirmed=True)
    assert base_salary.hold_reason(today) == ""


def test_no_row_at_all_must_wait_too():
    assert "Chưa có mức lương cơ sở" in base_salary.hold_reason(date(2020, 1, 1))


@pytest.mark.parametrize("role", ROLES)
def test_every_role_reads_the_table_with_its_bases_and_the_hold(client, network, make_user, role):
    client.force_login(make_user(role, network.hue))
    page = client.get(reverse("awards:base_salary")).content.decode()
    assert "Nghị định số 73/2024/NĐ-CP" in page and "Nghị định số 24/2023/NĐ-CP" in page
    assert "Chưa nhập mức lương cơ sở mới." in page
    assert "Nhập mức lương cơ sở" not in page


@pytest.mark.parametrize("role, root, allowed", [
    (Role.SYSTEM_ADMIN, "vca", True), (Role.EC_OFFICER, "vca", False),
    (Role.SYSTEM_ADMIN, "hue", False), (Role.VIEWER, "vca", False)])
def test_only_national_administrators_enter_a_base_salary(client, network, make_user, role, root,
                                                          allowed):
    client.force_login(make_user(role, getattr(network, root)))
    response = client.post(reverse("awards:base_salary"), {
        "amount": "2530000", "effective_from": "01/07/2026",
        "legal_text": LegalText.objects.get(key="nd-161-2026").pk, "confirmed": "on"})
    assert response.status_code == (302 if allowed else 403)
    assert BaseSalary.objects.filter(amount=2_530_000).exists() == allowed
    if allowed:
        row = BaseSalary.objects.get(amount=2_530_000)
        assert row.legal_basis == "Nghị định 161/2026/NĐ-CP"
        assert "Chưa nhập mức lương cơ sở mới." not in client.get(reverse("awards:base_salary")).content.decode()


def test_a_duplicate_start_date_is_refused_with_a_message(client, network, make_user):
    client.force_login(make_user(Role.SYSTEM_ADMIN, network.vca))
    response = client.post(reverse("awards:base_salary"), {
        "amount": "9", "effective_from": "01/07/2024", "confirmed": "on"})
    assert response.status_code == 200 and "Chưa lưu được" in response.content.decode()
    assert not BaseSalary.objects.filter(amount=9).exists()


def test_anonymous_visitors_are_sent_to_sign_in(client):
    assert client.get(reverse("awards:base_salary")).status_code == 302
    assert client.get(reverse("api-v1:base_salaries")).status_code == 401


@pytest.mark.parametrize("role", ROLES)
def test_the_api_lists_the_rows_and_the_hold(client, network, make_user, role):
    client.force_login(make_user(role, network.hue))
    body = client.get(reverse("api-v1:base_salaries"), {"on": "2026-06-30"}).json()
    assert body["hold"] == ""
    assert [row["legal_basis"] for row in body["salaries"]] == [
        "Nghị định số 73/2024/NĐ-CP của Chính phủ", "Nghị định số 24/2023/NĐ-CP của Chính phủ"]
    assert "161/2026" in client.get(reverse("api-v1:base_salaries")).json()["hold"]
