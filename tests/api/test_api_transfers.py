"""A person's transfer over the API: the sending unit asks, the receiving unit refuses or
accepts; another province sees nothing; bad input comes back as a Vietnamese 400."""
import pytest

from thidua.accounts.models import Role
from thidua.organizations.models import Employment, Transfer, TransferState

pytestmark = pytest.mark.django_db


def post(client, url, data=None):
    return client.post(f"/api/v1{url}", data or {}, content_type="application/json")


def test_a_transfer_asked_refused_then_accepted(client, network, make_user):
    sender = make_user(Role.UNIT_REPORTER, network.hue_coop)
    receiver = make_user(Role.EC_OFFICER, network.hanoi)
    outsider = make_user(Role.EC_OFFICER, network.hue_coop2)
    job = network.hue_person.employments.get()
    ask = {"employment_id": job.pk, "to_unit_id": network.hanoi_coop.pk,
           "effective_date": "2026-09-01"}

    client.force_login(sender)
    wrong = post(client, "/transfers", {**ask, "to_unit_id": network.hue_coop.pk})
    assert wrong.status_code == 400
    assert wrong.json()["detail"] == "Đơn vị nhận phải khác đơn vị chuyển đi."
    first = post(client, "/transfers", ask)
    assert first.status_code == 201 and first.json()["state"] == TransferState.REQUESTED
    assert post(client, f"/transfers/{first.json()['id']}/accept").status_code == 403

    client.force_login(outsider)
    assert client.get(f"/api/v1/transfers/{first.json()['id']}").status_code == 404
    assert client.get("/api/v1/transfers").json()["items"] == []

    client.force_login(receiver)
    assert [t["id"] for t in client.get("/api/v1/transfers?pending=true").json()["items"]] == [
        first.json()["id"]]
    empty = post(client, f"/transfers/{first.json()['id']}/refuse", {"reason": ""})
    assert empty.status_code == 400 and "lý do" in empty.json()["detail"]
    refused = post(client, f"/transfers/{first.json()['id']}/refuse", {"reason": "Đủ người"})
    assert refused.json()["state_label"] == "Đơn vị nhận từ chối"

    client.force_login(sender)
    second = post(client, "/transfers", ask).json()
    client.force_login(receiver)
    accepted = post(client, f"/transfers/{second['id']}/accept").json()
    assert accepted["state"] == TransferState.ACCEPTED
    assert Employment.objects.get(pk=accepted["new_employment_id"]).organization == \
        network.hanoi_coop
    assert Transfer.objects.count() == 2
