"""core.bulk: rows inserted by COPY on PostgreSQL (bulk_create elsewhere) come back with their keys,
in order, with what ``save`` would have written, and with their history rows."""
from datetime import date

import pytest
from django.db import NotSupportedError, connection

from thidua.audit.models import AuditEntry
from thidua.core import bulk
from thidua.organizations.models import Person


def people(*names):
    made = []
    for name in names:
        person = Person(family_name="Trần", middle_name="Thị", given_name=name, gender="FEMALE",
                        birth_date=date(1990, 2, 28), citizen_id=f"0461900{len(made):05}")
        person.refresh_derived_fields()
        made.append(person)
    return made


@pytest.mark.django_db
def test_rows_come_back_with_keys_in_order_and_read_back_as_written(root_user):
    written = bulk.insert_with_history(people("Ánh", "Ðào", "Lệ \"Hằng\"\tnhỏ"), root_user)
    keys = [person.pk for person in written]
    assert keys == sorted(keys) and None not in keys
    assert all(not person._state.adding for person in written)
    stored = Person.objects.filter(pk__in=keys).order_by("pk")
    assert [(p.given_name, p.birth_date, p.search_text, p.citizen_id) for p in stored] == [
        (p.given_name, p.birth_date, p.search_text, p.citizen_id) for p in written]
    history = Person.history.filter(id__in=keys).order_by("id")
    assert [(h.id, h.given_name, h.history_type, h.history_user) for h in history] == [
        (p.pk, p.given_name, "+", root_user) for p in written]


@pytest.mark.django_db
def test_a_row_that_already_has_a_key_is_refused_on_postgresql(root_user):
    if connection.vendor != "postgresql":
        pytest.skip("elsewhere bulk.insert is bulk_create, which takes given keys")
    [person] = people("Mai")
    person.pk = 10**9
    with pytest.raises(NotSupportedError):
        bulk.insert([person])
    assert not Person.objects.filter(pk=10**9).exists()


@pytest.mark.django_db
def test_nothing_to_insert_writes_nothing():
    before = AuditEntry.objects.count(), Person.history.count()
    assert bulk.insert([]) == []
    assert bulk.insert_with_history([], None) == []
    assert (AuditEntry.objects.count(), Person.history.count()) == before
