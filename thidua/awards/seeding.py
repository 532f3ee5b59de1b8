"""The ``AwardType`` rows seeded from the catalogue (``catalogue.py``).

The rows are the live catalogue: administrators version them (a new row from a date, never an
edit of the one in force). The registry only fills what the database lacks: a code declared in
``catalogue.TYPES`` with no row gets its first version; a code that has rows is left alone, so
an administrator's versions and wording are never overwritten.
"""
from django.apps import apps as global_apps
from django.db import DEFAULT_DB_ALIAS, router

from . import catalogue
from .eligibility.ruleset import LAW_2022, legal_basis

_SUBJECT_KIND = {(catalogue.INDIVIDUAL,): "INDIVIDUAL", (catalogue.COLLECTIVE,): "COLLECTIVE"}


def row_values(kind, order):
    """The fields of the first ``AwardType`` version of ``kind`` (all but ``legal_text``)."""
    people = tuple(k for k in kind.subject_kinds if k != catalogue.HOUSEHOLD)
    return {
        "code": kind.code, "name": kind.name, "name_en": kind.name_en,
        "abbreviation": kind.abbreviation, "abbreviation_en": kind.abbreviation_en,
        "category": kind.category, "subject_kind": _SUBJECT_KIND.get(people, "BOTH"),
        "subject_kinds": list(kind.subject_kinds), "authority_level": kind.authority,
        "legal_basis": legal_basis(kind, LAW_2022, kind.article),
        "money_multiplier_individual": kind.money_individual,
        "money_multiplier_collective": kind.money_collective,
        "order": order * 10, "chain_rank": kind.chain_rank, "dossier_components": kind.dossier(),
        "council_vote_required": True, "secret_ballot": kind.vote.secret,
        "threshold_percent": kind.vote.percent, "threshold_inclusive": kind.vote.inclusive,
        "publicity_required": kind.publicity_days is not None,
        "publicity_days": kind.publicity_days or 5, "valid_from": kind.valid_from,
    }


def sync_catalogue(apps=global_apps, using=DEFAULT_DB_ALIAS):
    """Create the first version of every declared type the database has no row of; return the
    rows created. ``apps`` are the models to write with (the migration state's, after
    ``migrate``)."""
    AwardType = apps.get_model("awards", "AwardType")
    LegalText = apps.get_model("legal", "LegalText")
    if not router.allow_migrate_model(using, AwardType):
        return []
    rows = AwardType.objects.using(using)
    present = set(rows.values_list("code", flat=True))
    missing = [(order, kind) for order, kind in enumerate(catalogue.TYPES.values())
               if kind.code not in present]
    fields = {field.name for field in AwardType._meta.get_fields()}
    if not missing or not fields.issuperset(row_values(missing[0][1], 0)):
        return []  # nothing to add, or a database migrated back to before the catalogue's fields
    texts = LegalText.objects.using(using).in_bulk(
        {kind.legal_text for _order, kind in missing}, field_name="key")
    return [rows.create(legal_text=texts.get(kind.legal_text), **row_values(kind, order))
            for order, kind in missing]
