"""Merging a unit into another: the units below move, open dossiers change hands with a note,
accounts are locked or moved, finished records keep the old name; only who edits the network
above both may do it."""
from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from thidua.accounts.models import Role
from thidua.nominations.models import NominationBatch
from thidua.nominations.states import State
from thidua.organizations.merging import LOCK_ACCOUNTS, MOVE_ACCOUNTS, merge_unit
from thidua.organizations.models import Organization, OrganizationStatus

pytestmark = pytest.mark.django_db
DAY = date(2025, 7, 1)  # the 2025 merger of provincial alliances


def batch(network, proposer, authority, state=State.DRAFT):
    return NominationBatch.objects.create(proposer=proposer, authority=authority, year=2025,
                                          title="Đề nghị khen thưởng năm 2025", state=state,
                                          created_by=network.actor)


def test_a_merger_moves_the_units_the_open_dossiers_and_locks_the_accounts(network, make_user):
    editor = make_user(Role.EC_OFFICER, network.vca)
    hanoi_officer = make_user(Role.EC_OFFICER, network.hanoi)
    both = make_user(Role.EC_OFFICER, network.hanoi)
    both.role_assignments.create(organization=network.hanoi_coop, role=Role.UNIT_REPORTER)
    open_batch = batch(network, network.hanoi_coop, network.hanoi, State.SUBMITTED)
    own_batch = batch(network, network.hanoi, network.vca)
    decided = batch(network, network.hanoi_coop, network.hanoi, State.DECIDED)

    assert merge_unit(editor, network.hanoi, network.hue, DAY, LOCK_ACCOUNTS) == 1

    hanoi, hue = (Organization.objects.get(pk=u.pk) for u in (network.hanoi, network.hue))
    assert (hanoi.status, hanoi.merged_into, hanoi.status_date) == (
        OrganizationStatus.MERGED, hue, DAY)
    assert Organization.objects.get(pk=network.hanoi_coop.pk).is_within(hue)
    assert list(Organization.objects.children_of(hanoi)) == []
    open_batch.refresh_from_db()
    own_batch.refresh_from_db()
    decided.refresh_from_db()
    assert open_batch.authority == hue and open_batch.proposer == network.hanoi_coop
    assert own_batch.proposer == hue
    assert "sáp nhập vào Liên minh Hợp tác xã Thành phố Huế" in open_batch.transitions.get().note
    assert decided.authority == hanoi and not decided.transitions.exists()
    hanoi_officer.refresh_from_db()
    both.refresh_from_db()
    assert not hanoi_officer.is_active and both.is_active  # locked only without work elsewhere
    assert hanoi.history.first().history_user == editor


def test_the_accounts_can_move_to_the_successor(network, make_user):
    editor = make_user(Role.EC_OFFICER, network.vca)
    hanoi_officer = make_user(Role.EC_OFFICER, network.hanoi)
    merge_unit(editor, network.hanoi, network.hue, DAY, MOVE_ACCOUNTS)
    hanoi_officer.refresh_from_db()
    assert hanoi_officer.is_active
    assert hanoi_officer.role_assignments.get().organization == network.hue


def test_only_who_edits_the_network_above_both_may_merge(network, make_user, client):
    hue_officer = make_user(Role.EC_OFFICER, network.hue)
    with pytest.raises(PermissionDenied):  # Huế cannot absorb Hà Nội
        merge_unit(hue_officer, network.hanoi, network.hue, DAY)
    client.force_login(hue_officer)
    assert client.get(reverse("organizations:organization_merge", args=[network.hanoi.pk])
                      ).status_code == 403
    assert Organization.objects.get(pk=network.hanoi.pk).is_active


@pytest.mark.parametrize("absorbed, successor, day, reason", [
    ("hue", "hue", DAY, "chính nó"),
    ("hue", "hue_coop", DAY, "trực thuộc"),
    ("hanoi", "hue", date(2026, 12, 1), "tương lai"),
])
def test_a_merger_that_cannot_be_is_refused(network, make_user, absorbed, successor, day,
                                            reason):
    editor = make_user(Role.EC_OFFICER, network.vca)
    with pytest.raises(ValidationError, match=reason):
        merge_unit(editor, getattr(network, absorbed), getattr(network, successor), day)


def test_the_merge_page(network, make_user, client):
    editor = make_user(Role.EC_OFFICER, network.vca)
    client.force_login(editor)
    detail = client.get(network.hanoi.get_absolute_url()).content.decode()
    url = reverse("organizations:organization_merge", args=[network.hanoi.pk])
    assert url in detail
    page = client.get(url).content.decode()
    assert "1 đơn vị trực thuộc chuyển sang" in page
    assert "bản đăng ký thi đua chưa duyệt" in page and "các năm trước năm sáp nhập" in page
    refused = client.post(url, {"successor": network.hanoi_coop.code, "day": "01/07/2025",
                                "accounts": "lock"})
    assert refused.status_code == 200 and "trực thuộc chính đơn vị này" in refused.content.decode()
    garbage = client.post(url, {"successor": "KHONG-CO", "day": "31/02/2025", "accounts": "x"})
    assert garbage.status_code == 200 and not Organization.objects.filter(
        status=OrganizationStatus.MERGED).exists()
    done = client.post(url, {"successor": network.hue.code, "day": "01/07/2025",
                             "accounts": "lock"}, follow=True)
    assert done.redirect_chain[-1][0] == network.hue.get_absolute_url()
    assert "Đã sáp nhập Liên minh Hợp tác xã Thành phố Hà Nội" in done.content.decode()
    merged = client.get(network.hanoi.get_absolute_url()).content.decode()
    assert "Đã sáp nhập" in merged and url not in merged


@pytest.mark.django_db(transaction=True)  # the summaries are rebuilt when the merger commits
def test_what_is_derived_from_the_tree_follows_the_moved_units(award_catalogue, network,
                                                               make_user):
    from thidua.awards.models import Award, AwardType
    from thidua.awards.services import record_award
    from thidua.portal.models import HonourEntry
    from thidua.reports.models import AwardSummary

    editor = make_user(Role.EC_OFFICER, network.vca)
    award = record_award(network.actor, Award(
        award_type=AwardType.objects.get(code="LDTT"), year=2024, person=network.hanoi_person,
        decision_number="12/QĐ-LMHTX", decision_date=date(2024, 12, 20),
        issuer_name="Liên minh Hợp tác xã Thành phố Hà Nội"))
    assert HonourEntry.objects.get(award=award).alliance_path == network.hanoi.path
    assert set(AwardSummary.objects.values_list("anchor_path", flat=True)) == {network.hanoi.path}
    merge_unit(editor, network.hanoi, network.hue, DAY)
    hue = Organization.objects.get(pk=network.hue.pk)
    assert HonourEntry.objects.get(award=award).alliance_path == hue.path
    assert set(AwardSummary.objects.filter(year=2024).values_list("anchor_path", flat=True)) == {
        hue.path}
    network.hanoi_person.refresh_from_db()
    assert hue.pk in network.hanoi_person.unit_scope
