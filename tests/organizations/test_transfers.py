"""A person's transfer that the receiving unit confirms or refuses: accepting moves the person
(the old employment ends the day before), refusing moves nothing and keeps the reason, every
request stays; only the sending unit asks and only the receiving unit (or above) answers."""
from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from thidua.accounts.models import Role
from thidua.audit.models import Action, AuditEntry
from thidua.organizations import services, transfers
from thidua.organizations.merging import merge_unit
from thidua.organizations.models import Employment, Person, Transfer, TransferState
from thidua.worklist import my_work

pytestmark = pytest.mark.django_db
DAY = date(2026, 9, 1)


@pytest.fixture
def sides(network, make_user):
    """The Huế cooperative asks the Hà Nội cooperative to take Nguyễn Văn Điệp."""
    class Sides:
        sender = make_user(Role.UNIT_REPORTER, network.hue_coop)
        receiver = make_user(Role.UNIT_REPORTER, network.hanoi_coop)
        receiver_above = make_user(Role.EC_OFFICER, network.hanoi)  # with the subtree
        other = make_user(Role.EC_OFFICER, network.hue_coop2)
        person = network.hue_person
        job = network.hue_person.employments.get()
    return Sides


def ask(network, sides, **kwargs):
    return transfers.request_transfer(sides.sender, sides.job, network.hanoi_coop, DAY, **kwargs)


def test_an_accepted_transfer_moves_the_person_and_keeps_the_old_employment(network, sides):
    transfer = ask(network, sides, position="Kế toán", note="Theo nguyện vọng")
    assert [w.key for w in my_work(sides.receiver)] == ["transfers"]
    assert my_work(sides.receiver)[0].entries[0].url == transfer.get_absolute_url()
    assert "transfers" not in {w.key for w in my_work(sides.sender)}
    assert sides.job.end_date is None  # nothing moves before the answer

    transfers.accept_transfer(sides.receiver, transfer)

    transfer.refresh_from_db()
    old, new = Employment.objects.get(pk=sides.job.pk), transfer.new_employment
    assert transfer.state == TransferState.ACCEPTED and transfer.decided_by == sides.receiver
    assert old.end_date == date(2026, 8, 31) and old.organization == network.hue_coop
    assert (new.organization, new.start_date, new.end_date, new.position, new.category) == (
        network.hanoi_coop, DAY, None, "Kế toán", "MEMBER")
    assert new.history.first().history_user == sides.receiver
    assert [s for s in transfer.history.values_list("state", flat=True)] == [
        TransferState.ACCEPTED, TransferState.REQUESTED]
    assert AuditEntry.objects.filter(model="organizations.Transfer", action=Action.UPDATE,
                                     object_id=str(transfer.pk)).exists()
    assert my_work(sides.receiver) == []
    # Now at Hà Nội: its editors have the person, Huế's no longer do.
    person = Person.objects.get(pk=sides.person.pk)
    assert sides.receiver.has_perm("organizations.change_person", person)
    assert not sides.sender.has_perm("organizations.change_person", person)


def test_a_refused_transfer_moves_nothing_and_keeps_the_reason(network, sides):
    transfer = ask(network, sides)
    with pytest.raises(ValidationError, match="lý do"):
        transfers.refuse_transfer(sides.receiver, transfer, "   ")
    transfers.refuse_transfer(sides.receiver_above, transfer, "Đơn vị đã đủ biên chế")
    transfer.refresh_from_db()
    assert transfer.state == TransferState.REFUSED and transfer.reason == "Đơn vị đã đủ biên chế"
    assert list(sides.person.employments.values_list("organization", "end_date")) == [
        (network.hue_coop.pk, None)]
    with pytest.raises(ValidationError, match="đã được xử lý"):
        transfers.accept_transfer(sides.receiver, transfer)
    # A new request may follow; both stay in the history.
    second = ask(network, sides)
    transfers.cancel_transfer(sides.sender, second)
    assert list(Transfer.objects.filter(employment=sides.job).values_list("state", flat=True)
                ) == [TransferState.CANCELLED, TransferState.REFUSED]


def test_who_may_ask_and_who_may_answer(network, sides, make_user):
    for outsider in (sides.receiver, sides.other):
        with pytest.raises(PermissionDenied):
            transfers.request_transfer(outsider, sides.job, network.hanoi_coop, DAY)
    transfer = ask(network, sides)
    with pytest.raises(ValidationError, match="đang chờ"):
        ask(network, sides)
    for outsider in (sides.sender, sides.other, make_user(Role.EC_OFFICER, network.hue)):
        with pytest.raises(PermissionDenied):
            transfers.accept_transfer(outsider, transfer)
        with pytest.raises(PermissionDenied):
            transfers.refuse_transfer(outsider, transfer, "Không")
    with pytest.raises(PermissionDenied):
        transfers.cancel_transfer(sides.receiver, transfer)
    assert Transfer.objects.get().is_pending


@pytest.mark.parametrize(("to", "day", "message"), [
    ("hue_coop", DAY, "khác đơn vị chuyển đi"),
    ("hanoi_coop", date(2015, 1, 1), "sau ngày bắt đầu"),
])
def test_a_transfer_that_cannot_be_is_refused(network, sides, to, day, message):
    with pytest.raises(ValidationError, match=message):
        transfers.request_transfer(sides.sender, sides.job, getattr(network, to), day)


def test_the_duplicate_check_of_a_move_applies(network, sides):
    namesake = network.person("Nguyễn", "Văn", "Điệp", network.hanoi_coop)  # same birth date
    with pytest.raises(services.DuplicatePerson):
        ask(network, sides)
    transfer = ask(network, sides, confirmed=True)  # the sender saw them: two people
    transfers.accept_transfer(sides.receiver, transfer)
    assert namesake.employments.get().end_date is None


def test_a_twin_arriving_after_the_request_stops_the_acceptance(network, sides):
    transfer = ask(network, sides)
    network.person("Nguyễn", "Văn", "Điệp", network.hanoi_coop)
    with pytest.raises(services.DuplicatePerson):
        transfers.accept_transfer(sides.receiver, transfer)
    transfers.accept_transfer(sides.receiver, transfer, confirmed=True)
    assert Transfer.objects.get().state == TransferState.ACCEPTED


# Pages: who sees what (another unit: 404; a side that may not act: 403).

def page_status(client, user, name, transfer, method="get", data=None, action=None):
    client.force_login(user)
    args = [transfer.pk] + ([action] if action else [])
    return getattr(client, method)(reverse(f"organizations:{name}", args=args), data or {}
                                   ).status_code


def test_page_permissions(client, network, sides):
    transfer = ask(network, sides)
    for user, status in ((sides.sender, 200), (sides.receiver, 200), (sides.other, 404)):
        assert page_status(client, user, "transfer_detail", transfer) == status
    for user, status in ((sides.sender, 403), (sides.other, 404)):
        assert page_status(client, user, "transfer_action", transfer, "post", action="nhan") == status
    assert page_status(client, sides.receiver, "transfer_action", transfer, "post",
                       action="huy") == 403
    assert Transfer.objects.get().is_pending
    client.force_login(sides.receiver)
    page = client.get(reverse("organizations:organization_detail", args=[network.hanoi_coop.pk]))
    assert transfer.get_absolute_url() in page.content.decode()
    page = client.get(transfer.get_absolute_url()).content.decode()  # links only where allowed
    assert network.hanoi_coop.get_absolute_url() in page
    assert network.hue_coop.get_absolute_url() not in page
    assert sides.person.get_absolute_url() not in page and sides.person.full_name in page
    assert page_status(client, sides.receiver, "transfer_request", sides.person) == 403
    assert page_status(client, sides.other, "transfer_request", sides.person) == 403
    assert page_status(client, sides.sender, "transfer_request", sides.person) == 200


def test_refusing_without_a_reason_re_renders_in_vietnamese(client, network, sides):
    transfer = ask(network, sides)
    client.force_login(sides.receiver)
    url = reverse("organizations:transfer_action", args=[transfer.pk, "tu-choi"])
    response = client.post(url, {"refuse-reason": ""})
    assert response.status_code == 400
    assert "Cần ghi lý do từ chối để đơn vị chuyển đi biết." in response.content.decode()
    response = client.post(url, {"refuse-reason": "Đủ người"}, follow=True)
    assert "Đã từ chối tiếp nhận Nguyễn Văn Điệp." in response.content.decode()
    assert Transfer.objects.get().state == TransferState.REFUSED


def test_the_request_form_re_renders_with_errors(client, network, sides):
    client.force_login(sides.sender)
    url = reverse("organizations:transfer_request", args=[sides.person.pk])
    response = client.post(url, {"transfer-employment": sides.job.pk, "transfer-to_unit": "KHONG",
                                 "transfer-day": "01/09/2026"})
    assert response.status_code == 200
    assert "Không tìm thấy đơn vị đang hoạt động có mã này." in response.content.decode()
    response = client.post(url, {"transfer-employment": sides.job.pk,
                                 "transfer-to_unit": network.hanoi_coop.code,
                                 "transfer-day": "01/09/2026"})
    assert response.status_code == 302
    assert Transfer.objects.get().to_unit == network.hanoi_coop


def test_pending_transfers_follow_a_merger(network, sides, make_user):
    incoming = ask(network, sides)  # Huế → the Hà Nội cooperative, which merges into Hà Nội
    leaving = network.hanoi_person.employments.get()
    hanoi_reporter = make_user(Role.UNIT_REPORTER, network.hanoi_coop)
    outgoing = transfers.request_transfer(hanoi_reporter, leaving, network.hue_coop, DAY)
    into_successor = transfers.request_transfer(
        hanoi_reporter, network.person("Hồ", "Văn", "Nam", network.hanoi_coop).employments.get(),
        network.hanoi, DAY)

    merge_unit(make_user(Role.EC_OFFICER, network.vca), network.hanoi_coop, network.hanoi,
               date(2026, 8, 1))

    for transfer in (incoming, outgoing, into_successor):
        transfer.refresh_from_db()
    assert incoming.to_unit == network.hanoi and incoming.is_pending
    assert outgoing.from_unit == network.hanoi and outgoing.employment.start_date == date(2026, 8, 1)
    assert into_successor.state == TransferState.CANCELLED  # the merger moved Nam there
    transfers.accept_transfer(sides.receiver_above, incoming)  # Hà Nội's officer answers now
    transfers.accept_transfer(sides.sender, outgoing)  # Huế's cooperative takes Bảo
    assert list(network.hanoi_person.employments.order_by("start_date").values_list(
        "organization", "end_date")) == [(network.hanoi_coop.pk, date(2026, 7, 31)),
                                         (network.hanoi.pk, date(2026, 8, 31)),
                                         (network.hue_coop.pk, None)]
