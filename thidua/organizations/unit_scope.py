"""``Person.unit_scope``: the ids of every unit that is, or is above, a unit where the person
currently works.

A province officer's people search combines "currently works somewhere in my subtree" (a fact
of Employment) with a name filter (a fact of Person). With the scope copied onto the person row,
PostgreSQL answers both from one GIN index instead of probing employments for thousands of name
matches (bench/RESULTS.md, p4). The copy is refreshed whenever an employment is saved or deleted,
and each night for employments whose last day has passed (``manage.py refresh_unit_scopes``).
"""
from datetime import timedelta

from django.db.models import Q
from django.utils import timezone

from thidua.core.scopes import system

from .models import Employment, Organization, Person
from .tree import ancestor_paths

CHUNK = 5_000


def compute_scopes(jobs, ids_by_path):
    """``jobs``: (person id, unit path) of current employments → {person id: sorted unit ids}.
    Pure, so the migration that adds the column can use it with historical models."""
    scopes = {}
    for person_id, path in jobs:
        scopes.setdefault(person_id, set()).update(
            ids_by_path[prefix] for prefix in ancestor_paths(path))
    return {person_id: sorted(ids) for person_id, ids in scopes.items()}


def current_jobs(employment_model, person_ids):
    today = timezone.localdate()
    return list(
        employment_model.objects.filter(person_id__in=person_ids)
        .filter(Q(end_date__isnull=True) | Q(end_date__gte=today))
        .values_list("person_id", "organization__path")
    )


def ids_by_path(organization_model, jobs):
    paths = {prefix for _person, path in jobs for prefix in ancestor_paths(path)}
    return dict(organization_model.objects.filter(path__in=paths).values_list("path", "pk"))


def scopes_of(units):
    """{unit id: the scope of someone who works there now}, for people created with their job
    (``services.create_people`` writes the scope with the row instead of refreshing it after)."""
    jobs = [(unit.pk, unit.path) for unit in units]
    return compute_scopes(jobs, ids_by_path(Organization, jobs))


@system("derived data: a person's units are recomputed from all their employments")
def refresh(person_ids, person_model=None, employment_model=None, organization_model=None):
    """Recompute the scope of these people; only rows that changed are written."""
    if person_model is None:
        person_model, employment_model, organization_model = Person, Employment, Organization
    person_ids = list(person_ids)
    for start in range(0, len(person_ids), CHUNK):
        chunk = person_ids[start:start + CHUNK]
        jobs = current_jobs(employment_model, chunk)
        scopes = compute_scopes(jobs, ids_by_path(organization_model, jobs))
        changed = []
        for person in person_model.objects.filter(pk__in=chunk).only("pk", "unit_scope"):
            scope = scopes.get(person.pk, [])
            if person.unit_scope != scope:
                person.unit_scope = scope
                changed.append(person)
        person_model.objects.bulk_update(changed, ["unit_scope"], batch_size=1_000)


def refresh_all():
    refresh(Person.objects.order_by("pk").values_list("pk", flat=True).iterator(chunk_size=CHUNK))


def refresh_ended(days=7):
    """People with an employment that ended in the last ``days`` days (a missed night is caught
    up the next one)."""
    today = timezone.localdate()
    people = Person.objects.filter(employments__end_date__lt=today,
                                   employments__end_date__gte=today - timedelta(days=days))
    refresh(people.values_list("pk", flat=True).distinct())
