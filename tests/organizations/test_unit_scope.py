"""Person.unit_scope follows employments, and officers' people lists read it on PostgreSQL."""
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from thidua.accounts.models import Role
from thidua.organizations import services
from thidua.organizations.models import Employment, EmploymentCategory, Person


def scope_of(person):
    person.refresh_from_db(fields=["unit_scope"])
    return person.unit_scope


@pytest.mark.django_db
def test_scope_is_the_unit_and_everything_above_it(network):
    person = network.person("Lê", "Thị", "Hoa", network.hue_coop)
    assert scope_of(person) == sorted([network.vca.pk, network.hue.pk, network.hue_coop.pk])


@pytest.mark.django_db
def test_a_transfer_moves_the_scope(network, root_user, today):
    person = network.person("Lê", "Thị", "Hoa", network.hue_coop)
    move = Employment(organization=network.hanoi_coop, category=EmploymentCategory.MEMBER,
                      start_date=today)
    services.add_employment(root_user, person, move, close_current=True)
    assert scope_of(person) == sorted([network.vca.pk, network.hanoi.pk, network.hanoi_coop.pk])


@pytest.mark.django_db
def test_deleting_the_only_job_empties_the_scope(network):
    person = network.person("Lê", "Thị", "Hoa", network.hue_coop)
    person.employments.get().delete()
    assert scope_of(person) == []


@pytest.mark.django_db
def test_the_nightly_refresh_drops_jobs_that_ended_yesterday(network, today):
    person = network.person("Lê", "Thị", "Hoa", network.hue_coop)
    yesterday = today - timedelta(days=1)
    Employment.objects.filter(person=person).update(end_date=yesterday)  # no signal: time passing
    assert scope_of(person) != []
    call_command("refresh_unit_scopes")
    assert scope_of(person) == []


@pytest.mark.django_db
def test_refresh_all_repairs_bulk_loaded_rows(network):
    person = network.person("Lê", "Thị", "Hoa", network.hue_coop)
    Person.objects.filter(pk=person.pk).update(unit_scope=[])
    call_command("refresh_unit_scopes", "--all")
    assert network.hue.pk in scope_of(person)


@pytest.mark.django_db
@pytest.mark.parametrize("subtree", [True, False])
def test_officers_see_exactly_their_units_people(network, make_user, subtree):
    officer = make_user(Role.EC_OFFICER, network.hue, include_descendants=subtree)
    at_alliance = network.person("Trần", "Văn", "An", network.hue)
    in_coop = network.person("Lê", "Thị", "Hoa", network.hue_coop)
    visible = set(Person.objects.visible_to(officer))
    assert at_alliance in visible
    assert (in_coop in visible) is subtree
    assert network.hanoi_person not in visible
    # the list browsed without a search tests the scope another way, with the same answer
    assert set(Person.objects.visible_to(officer, browsing=True)) == visible


@pytest.mark.django_db
def test_the_scope_query_is_what_postgresql_runs(network, make_user):
    officer = make_user(Role.EC_OFFICER, network.hue)
    sql = str(Person.objects.visible_to(officer).query)
    browsing = str(Person.objects.visible_to(officer, browsing=True).query)
    if connection.vendor == "postgresql":
        assert "thidua_person_search_keys" in sql and "organizations_employment" not in sql
        assert '"unit_scope" @>' in browsing and "thidua_person_search_keys" not in browsing
    else:
        assert "organizations_employment" in sql and "organizations_employment" in browsing


@pytest.mark.django_db
def test_a_national_assignment_sees_everyone_with_a_current_job(network, make_user, today):
    admin = make_user(Role.SYSTEM_ADMIN, network.vca)
    left = network.person("Đỗ", "Văn", "Nam", network.hue_coop)
    left.employments.update(end_date=today - timedelta(days=3))
    call_command("refresh_unit_scopes")
    visible = set(Person.objects.visible_to(admin))
    assert network.hanoi_person in visible
    assert left not in visible


@pytest.mark.django_db
def test_saving_a_stale_person_keeps_the_scope(network):
    person = network.person("Lê", "Thị", "Hoa", network.hue_coop)
    stale = Person.objects.get(pk=person.pk)
    person.employments.get().delete()
    stale.phone = "0234 123 456"
    stale.save()
    assert scope_of(person) == []
    assert Person.objects.get(pk=person.pk).phone == "0234 123 456"
