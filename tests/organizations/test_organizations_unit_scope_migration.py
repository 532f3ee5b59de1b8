"""organizations.0004 fills Person.unit_scope with the values unit_scope.refresh derives: one
SQL UPDATE on PostgreSQL, the Python loop on SQLite."""
from datetime import date, timedelta

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from thidua.organizations import unit_scope

BEFORE = ("organizations", "0003_covering_employment_index")
AFTER = ("organizations", "0004_person_unit_scope")


def migrate(target):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(target)
    return executor.loader.project_state(target).apps


def tree(Organization):
    """vca → province → (coop, second coop); paths as treebeard writes them."""
    def unit(path, name):
        return Organization.objects.create(path=path, depth=len(path) // 4, numchild=0, code=path,
                                           name=name, kind="COOPERATIVE")
    return [unit("0001", "VCA"), unit("00010001", "Tỉnh"), unit("000100010001", "HTX 1"),
            unit("000100010002", "HTX 2"), unit("0002", "Khác")]


@pytest.mark.django_db(transaction=True)
def test_migration_fills_the_scope_refresh_would(today):
    leaves = MigrationExecutor(connection).loader.graph.leaf_nodes()
    try:
        old = migrate([BEFORE])
        Organization, Person, Employment = (old.get_model("organizations", name)
                                            for name in ("Organization", "Person", "Employment"))
        vca, province, coop, coop2, other = tree(Organization)
        jobs = {  # person → [(unit, end date)]
            "one job": [(coop, None)],
            "two jobs": [(coop, None), (other, None)],
            "sibling units": [(coop, None), (coop2, today)],
            "ended yesterday": [(coop2, today - timedelta(days=1))],
            "at the top": [(vca, None)],
            "no job": [],
        }
        people = {}
        for name, rows in jobs.items():
            people[name] = Person.objects.create(family_name="Lê", given_name=name, gender="MALE")
            for unit, end in rows:
                Employment.objects.create(person=people[name], organization=unit,
                                          category="MEMBER", start_date=date(2015, 1, 1),
                                          end_date=end)

        new = migrate([AFTER])
        Person, Employment, Organization = (new.get_model("organizations", name)
                                            for name in ("Person", "Employment", "Organization"))
        filled = dict(Person.objects.values_list("given_name", "unit_scope"))
        ids = [person.pk for person in people.values()]
        job_rows = unit_scope.current_jobs(Employment, ids)
        derived = unit_scope.compute_scopes(job_rows,
                                            unit_scope.ids_by_path(Organization, job_rows))
        assert filled == {name: derived.get(person.pk, []) for name, person in people.items()}
        assert filled["two jobs"] == sorted([vca.pk, province.pk, coop.pk, other.pk])
        assert filled["sibling units"] == sorted([vca.pk, province.pk, coop.pk, coop2.pk])
        assert filled["ended yesterday"] == filled["no job"] == []
    finally:
        migrate(leaves)
