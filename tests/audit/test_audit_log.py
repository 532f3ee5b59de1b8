"""The audit log: what is recorded (changes with old → new, citizen-ID reads, sign-ins) with who,
when and from where; that it is append-only; that the hash chain shows tampering; who reads it."""
from io import BytesIO

import pytest
from django.core.management import CommandError, call_command
from django.db import DatabaseError, connection, transaction
from django.urls import reverse
from openpyxl import load_workbook

from thidua.accounts.models import ApiToken, Role
from thidua.audit.chain import verify
from thidua.audit.models import Action, AppendOnlyError, AuditEntry
from thidua.organizations import services
from thidua.organizations.models import Person
from tampering import tamper

PASSWORD = "a-long-test-password"


def entries(**filters):
    return list(AuditEntry.objects.filter(**filters).order_by("pk"))


@pytest.mark.django_db
def test_changes_are_recorded_with_actor_ip_and_old_new_values(client, network, make_user):
    officer = make_user(Role.EC_OFFICER, network.hue)
    created = entries(model="organizations.Organization", object_id=str(network.hue_coop.pk))
    assert [e.action for e in created] == [Action.CREATE]
    assert created[0].changes["name"] == [None, "Hợp tác xã Nông nghiệp Thủy Thanh"]
    assert created[0].unit_path == network.hue_coop.path

    _token, key = ApiToken.issue(officer, "kiểm thử")
    response = client.put(f"/api/v1/organizations/{network.hue_coop.pk}", {
        "kind": "COOPERATIVE", "code": "P46-HTX01", "name": "HTX Nông nghiệp Thủy Thanh mới",
        "province_code": 46}, content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {key}", REMOTE_ADDR="203.0.113.7")
    assert response.status_code == 200
    [update] = entries(model="organizations.Organization", action=Action.UPDATE,
                       object_id=str(network.hue_coop.pk))
    assert update.actor == officer and update.actor_name == officer.username
    assert update.ip == "203.0.113.7"
    assert update.changes["name"] == ["Hợp tác xã Nông nghiệp Thủy Thanh",
                                      "HTX Nông nghiệp Thủy Thanh mới"]
    assert "search_text" not in update.changes and "sort_key" not in update.changes


@pytest.mark.django_db
def test_citizen_id_read_and_secret_values_never_appear(client, network, make_user, root_user):
    person = network.person("Võ", "Thị", "Sáu", network.hue_coop, citizen_id="046190000123")
    created = entries(model="organizations.Person", object_id=str(person.pk))[0]
    assert created.changes["citizen_id_encrypted"] == [None, "***"]
    assert "046190000123" not in str(AuditEntry.objects.values_list("changes", flat=True))

    officer = make_user(Role.EC_OFFICER, network.hue)
    client.force_login(officer)
    response = client.post(reverse("organizations:reveal_citizen_id", args=[person.pk]),
                           REMOTE_ADDR="198.51.100.4")
    assert "046190000123" in response.content.decode()
    [read] = entries(action=Action.READ)
    assert (read.actor, read.ip, read.model, read.object_id) == (
        officer, "198.51.100.4", "organizations.Person", str(person.pk))
    assert read.changes == {"field": [None, "citizen_id"]}


@pytest.mark.django_db
def test_sign_ins_and_failures_are_recorded(client, make_user):
    user = make_user()
    client.post(reverse("accounts:login"), {"username": user.username, "password": "sai"},
                REMOTE_ADDR="192.0.2.9")
    client.post(reverse("accounts:login"), {"username": user.username, "password": PASSWORD})
    actions = [(e.action, e.actor_name) for e in entries(action__in=[Action.LOGIN,
                                                                     Action.LOGIN_FAILED])]
    assert actions == [(Action.LOGIN_FAILED, user.username), (Action.LOGIN, user.username)]
    assert entries(action=Action.LOGIN_FAILED)[0].ip == "192.0.2.9"


@pytest.mark.django_db
def test_entries_cannot_be_changed_or_removed(network):
    entry = AuditEntry.objects.first()
    entry.object_repr = "sửa lén"
    with pytest.raises(AppendOnlyError):
        entry.save()
    with pytest.raises(AppendOnlyError):
        entry.delete()
    with pytest.raises(AppendOnlyError):
        AuditEntry.objects.filter(pk=entry.pk).update(object_repr="sửa lén")
    with pytest.raises(AppendOnlyError):
        AuditEntry.objects.all().delete()


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "postgresql", reason="the trigger is PostgreSQL's")
def test_database_refuses_changes_on_postgresql(network):
    for sql in ("UPDATE audit_auditentry SET object_repr = 'x'", "DELETE FROM audit_auditentry"):
        with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute(sql)


@pytest.mark.django_db
def test_hash_chain_reveals_edits_and_removals(client, network, root_user, capsys):
    verdict = verify()
    assert verdict.intact and verdict.checked == AuditEntry.objects.count() > 10
    call_command("verify_audit_chain")
    assert "nguyên vẹn" in capsys.readouterr().out

    edited, removed = AuditEntry.objects.order_by("pk")[3], AuditEntry.objects.order_by("pk")[7]
    tamper("UPDATE audit_auditentry SET object_repr = %s WHERE id = %s", ["giả mạo", edited.pk])
    tamper("DELETE FROM audit_auditentry WHERE id = %s", [removed.pk])
    verdict = verify()
    assert [entry_id for entry_id, _reason in verdict.broken] == [edited.pk, removed.pk + 1]
    with pytest.raises(CommandError, match="bị phá vỡ"):
        call_command("verify_audit_chain")

    client.force_login(root_user)
    page = client.get(reverse("audit:chain_check")).content.decode()
    assert "bị can thiệp" in page and f"#{edited.pk}" in page


@pytest.mark.django_db
def test_admins_see_their_scope_filter_and_export(client, network, make_user, root_user):
    hue_admin = make_user(Role.SYSTEM_ADMIN, network.hue)
    services.update_person(root_user, Person.objects.get(pk=network.hanoi_person.pk))
    client.force_login(hue_admin)
    assert reverse("audit:entry_list") in client.get(reverse("accounts:profile")).content.decode()
    page = client.get(reverse("audit:entry_list"), {"model": "organizations.Organization"})
    listed = {e.object_id for e in page.context["object_list"]}
    assert str(network.hue_coop.pk) in listed and str(network.hue.pk) in listed
    assert str(network.hanoi_coop.pk) not in listed and str(network.vca.pk) not in listed

    export = client.get(reverse("audit:entry_list"), {"action": "CREATE", "format": "xlsx"})
    rows = list(load_workbook(BytesIO(export.content)).active.iter_rows(values_only=True))
    assert rows[0][:3] == ("Mã", "Thời điểm", "Tài khoản") and len(rows) > 1
    assert all(row[4] == "Tạo mới" for row in rows[1:])
    assert not any("Rau sạch Văn Đức" in str(row[7]) for row in rows[1:])

    client.force_login(make_user(Role.EC_OFFICER, network.hue))
    assert reverse("audit:entry_list") not in client.get(
        reverse("accounts:profile")).content.decode()
    assert client.get(reverse("audit:entry_list")).status_code == 403
    assert client.get(reverse("audit:chain_check")).status_code == 403
    client.force_login(root_user)
    everything = client.get(reverse("audit:entry_list"), {"q": "Văn Đức"})
    assert len(everything.context["object_list"]) >= 1


@pytest.mark.django_db
def test_injected_filters_are_harmless(client, network, root_user):
    client.force_login(root_user)
    for value in ["' OR 1=1 --", "<script>alert(1)</script>", "../../etc/passwd"]:
        response = client.get(reverse("audit:entry_list"), {"q": value, "actor": value,
                                                            "since": value})
        assert response.status_code == 200
        assert "<script>alert(1)</script>" not in response.content.decode()
