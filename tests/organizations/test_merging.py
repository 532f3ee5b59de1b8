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


def test_the_people_of_the_absorbed_unit_go_on_at_the_successor(network, make_user, client,
                                                                 today):
    from thidua.awards.histories import unit_subjects
    from thidua.organizations.models import Employment
    from thidua.organizations.services import add_employment

    editor = make_user(Role.EC_OFFICER, network.vca)
    person, coop, successor = network.hanoi_person, network.hanoi_coop, network.hue_coop
    add_employment(network.actor, person, Employment(  # a second post, elsewhere: it stays
        organization=network.department, category="STAFF", start_date=date(2020, 1, 1)))
    namesake = network.person("Phạm", "Quốc", "Bảo", successor)  # does not stop the merger
    merge_unit(editor, coop, successor, DAY)

    old, new = (person.employments.get(organization=unit) for unit in (coop, successor))
    assert (old.start_date, old.end_date) == (date(2015, 1, 1), date(2025, 6, 30))
    assert (new.start_date, new.end_date, new.category, new.position) == (
        DAY, None, "MEMBER", "Thành viên")
    assert person.employments.get(organization=network.department).end_date is None
    assert new.history.get().history_user == old.history.first().history_user == editor
    person.refresh_from_db()
    assert successor.pk in person.unit_scope and coop.pk not in person.unit_scope
    members = {s["id"]: s["members"] for s in unit_subjects([coop.pk, successor.pk], 2025, today)}
    assert {m["id"] for m in members[f"o{successor.pk}"]} == {
        f"p{p.pk}" for p in (network.hue_person, namesake, person)}
    assert members[f"o{coop.pk}"] == []
    client.force_login(editor)  # the record keeps the old unit, with its dates, before the merger
    page = client.get(person.get_absolute_url()).content.decode()
    assert coop.name in page and successor.name in page and "30/06/2025" in page


def test_who_may_not_move_the_people_merges_nothing(network, make_user):
    from thidua.accounts.models import RoleAssignment

    # Edits the Hà Nội alliance itself (not below it) and the Huế cooperative: may move the
    # unit, not its people — so nothing happens at all.
    editor = make_user(Role.EC_OFFICER, network.hanoi, include_descendants=False)
    RoleAssignment.objects.create(user=editor, organization=network.hue_coop,
                                  role=Role.EC_OFFICER)
    with pytest.raises(PermissionDenied):
        merge_unit(editor, network.hanoi_coop, network.hue_coop, DAY)
    assert Organization.objects.get(pk=network.hanoi_coop.pk).is_active
    assert network.hanoi_person.employments.get().end_date is None


WRITES = ("organizations:organization_edit", "organizations:organization_create",
          "organizations:person_create", "organizations:import")


@pytest.mark.parametrize("where", ["hanoi_coop", "hanoi"])  # its own officer, the level above
def test_a_merged_unit_offers_and_takes_no_write(network, make_user, client, where):
    from thidua.accounts.models import RoleAssignment

    merge_unit(make_user(Role.EC_OFFICER, network.vca), network.hanoi_coop, network.hue_coop, DAY)
    officer = make_user(Role.EC_OFFICER, getattr(network, where))
    RoleAssignment.objects.create(user=officer, organization=network.hanoi_coop,
                                  role=Role.UNIT_REPORTER)
    coop = Organization.objects.get(pk=network.hanoi_coop.pk)
    reason = "Đơn vị đã sáp nhập vào Hợp tác xã Nông nghiệp Thủy Thanh từ 01/07/2025."
    client.force_login(officer)
    page = client.get(coop.get_absolute_url()).content.decode()
    assert reason in page
    for name in WRITES:
        assert reverse(name, args=[coop.pk]) not in page
    ratings = reverse("awards:ratings", args=[coop.pk, 2025])
    assert ratings not in page
    for url in [reverse(name, args=[coop.pk]) for name in WRITES[:3]] + [ratings]:
        refused = client.post(url, {"name": "Tên mới", "code": "MOI", "kind": "COOPERATIVE",
                                    "person-family_name": "Đỗ", "person-given_name": "An"},
                              follow=True)
        assert refused.redirect_chain[-1][0] == coop.get_absolute_url(), url
        assert reason in refused.content.decode(), url
    assert Organization.objects.get(pk=coop.pk).name == coop.name
    assert not Organization.objects.children_of(coop).exists()
    assert not coop.employments.filter(end_date__isnull=True).exists()


def test_the_services_refuse_a_merged_unit_saying_why(network, make_user):
    from thidua.awards.services import set_ratings
    from thidua.organizations import services
    from thidua.organizations.models import Employment, Person

    merge_unit(make_user(Role.EC_OFFICER, network.vca), network.hanoi_coop, network.hue_coop, DAY)
    coop = Organization.objects.get(pk=network.hanoi_coop.pk)
    root = network.actor  # not even the system administrator
    coop.name = "Tên mới"
    person = Person(family_name="Đỗ", given_name="An", gender="MALE", birth_date=date(1990, 1, 1))
    for write in (lambda: services.update_organization(root, coop),
                  lambda: services.create_organization(root, coop, Organization(
                      kind="COOPERATIVE", code="MOI", name="Hợp tác xã mới")),
                  lambda: services.create_person(root, person, Employment(
                      organization=coop, category="MEMBER")),
                  lambda: set_ratings(root, coop, 2025, {})):
        with pytest.raises(PermissionDenied, match="đã sáp nhập vào Hợp tác xã Nông nghiệp Thủy"):
            write()
    assert Organization.objects.get(pk=coop.pk).name == "Hợp tác xã Rau sạch Văn Đức"


def test_the_unit_pages_tell_the_merger_both_ways(network, make_user, client):
    """The absorbed unit's page: a "Sáp nhập" card and who moved on; the successor's: the units
    merged into it, with their day. A successor's officer who may not see the absorbed unit
    reads its name without a link."""
    editor = make_user(Role.EC_OFFICER, network.vca)
    hue_officer = make_user(Role.EC_OFFICER, network.hue_coop)
    person, coop, successor = network.hanoi_person, network.hanoi_coop, network.hue_coop
    merge_unit(editor, coop, successor, DAY)

    client.force_login(editor)
    page = client.get(coop.get_absolute_url()).content.decode()
    assert 'id="sap-nhap"' in page and "Đã chuyển sang đơn vị nhận khi sáp nhập" in page
    assert person.get_absolute_url() in page and "30/06/2025" in page
    page = client.get(successor.get_absolute_url()).content.decode()
    assert 'id="don-vi-sap-nhap"' in page and f'href="{coop.get_absolute_url()}"' in page
    assert "từ 01/07/2025" in page
    client.force_login(hue_officer)
    page = client.get(successor.get_absolute_url()).content.decode()
    assert coop.name in page and f'href="{coop.get_absolute_url()}"' not in page
