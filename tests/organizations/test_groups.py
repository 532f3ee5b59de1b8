import pytest
from django.urls import reverse

from thidua.accounts.models import Role
from thidua.core import scopes
from thidua.organizations.models import EmulationGroup


@pytest.fixture
def bloc(network, client, make_user):
    client.force_login(make_user(Role.EC_OFFICER, network.hue))
    client.post(reverse("organizations:group_create"),
                {"owner": "P46", "kind": "BLOC", "name": "Khối HTX nông nghiệp", "year": 2025})
    return EmulationGroup.objects.get(name="Khối HTX nông nghiệp")


@pytest.mark.django_db
def test_officer_builds_a_bloc_with_one_head(client, network, bloc):
    url = bloc.get_absolute_url()
    client.post(url, {"action": "set", "organization": "P46-HTX01", "role": "HEAD"})
    client.post(url, {"action": "set", "organization": "P46-HTX02", "role": "DEPUTY"})
    client.post(url, {"action": "set", "organization": "P46-HTX02", "role": "HEAD"})
    roles = dict(bloc.memberships.values_list("organization__code", "role"))
    assert roles == {"P46-HTX01": "MEMBER", "P46-HTX02": "HEAD"}


@pytest.mark.django_db
def test_members_must_be_inside_the_owner(client, network, bloc):
    response = client.post(bloc.get_absolute_url(),
                           {"action": "set", "organization": "P01-HTX01", "role": "MEMBER"})
    assert "Không tìm thấy đơn vị có mã này" in response.content.decode()
    assert not bloc.memberships.exists()


@pytest.mark.django_db
def test_next_year_copies_members_and_keeps_history(client, network, bloc):
    client.post(bloc.get_absolute_url(), {"action": "set", "organization": "P46-HTX01", "role": "HEAD"})
    client.post(bloc.get_absolute_url(), {"action": "copy"})
    next_year = EmulationGroup.objects.get(name=bloc.name, year=2026)
    assert list(next_year.memberships.values_list("organization__code", "role")) == [
        ("P46-HTX01", "MEMBER")]
    assert bloc.memberships.get().role == "HEAD"  # last year's head is kept
    again = client.post(bloc.get_absolute_url(), {"action": "copy"}, follow=True)
    assert "đã có cho năm 2026" in again.content.decode()


@pytest.mark.django_db
def test_duplicate_group_name_in_a_year_is_refused(client, network, bloc):
    response = client.post(reverse("organizations:group_create"),
                           {"owner": "P46", "kind": "BLOC", "name": bloc.name, "year": 2025})
    assert response.status_code == 200 and EmulationGroup.objects.count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize("role, can_view, can_edit", [
    (Role.EC_OFFICER, True, True), (Role.VIEWER, True, False), (Role.MODERATOR, True, False)])
def test_group_permissions(client, network, bloc, make_user, role, can_view, can_edit):
    for unit, inside in [(network.hue, True), (network.hanoi, False)]:
        client.force_login(make_user(role, unit))
        assert client.get(bloc.get_absolute_url()).status_code == (200 if inside and can_view else 403)
        response = client.post(bloc.get_absolute_url(), {"action": "copy"})
        assert response.status_code == (302 if inside and can_edit else 403)
        EmulationGroup.objects.filter(year=2026).delete()


@pytest.mark.django_db
def test_a_user_of_another_unit_sees_no_group(client, network, bloc, make_user, root_user,
                                              settings):
    settings.THIDUA_UNSCOPED_READS = "raise"
    bloc.memberships.create(organization=network.hue_coop)
    other = make_user(Role.EC_OFFICER, network.hanoi)
    member = make_user(Role.VIEWER, network.hue_coop)  # a member unit sees its bloc
    with scopes.serving("/khoi-cum/"):
        assert list(EmulationGroup.objects.visible_to(other)) == []
        assert list(EmulationGroup.objects.visible_to(member)) == [bloc]
        with pytest.raises(scopes.ScopeError, match="organizations.EmulationGroup"):
            list(EmulationGroup.objects.all())
    client.force_login(other)
    assert bloc.name not in client.get(reverse("organizations:group_list")).content.decode()
    client.force_login(root_user)  # the admin reads the whole table, marked as such
    assert bloc.name in client.get("/quan-tri/organizations/emulationgroup/").content.decode()
