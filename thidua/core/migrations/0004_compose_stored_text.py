"""One spelling per name: every text already stored by the project's apps is composed (NFC), as
new input now is (``core.text.nfc``), and the sort keys of units and people are recomputed from it.

Left as they are: the audit log (append-only, its MACs cover the text as written) and the
historical tables (what was stored then). Rows that become identical once composed — two
people with the same name and birth date, two units with the same name under one parent — are
printed so an officer can merge them; nothing is merged here."""
from collections import defaultdict

from django.db import migrations, models

from thidua.core.text import nfc, person_sort_key, sort_key

# The project's apps but the audit log.
APPS = {"accounts", "awards", "core", "documents", "interchange", "legal", "movements",
        "nominations", "organizations", "portal", "reports"}


def _text_fields(model):
    return [f.attname for f in model._meta.concrete_fields
            if isinstance(f, (models.CharField, models.TextField)) and not f.primary_key]


def compose(apps, schema_editor):
    changed = defaultdict(set)  # model label -> pks rewritten
    for model in apps.get_models():
        meta = model._meta
        if meta.app_label not in APPS or meta.model_name.startswith("historical") or meta.proxy:
            continue
        fields = _text_fields(model)
        if not fields:
            continue
        for row in model._base_manager.values_list("pk", *fields).iterator(chunk_size=2000):
            updates = {name: nfc(value) for name, value in zip(fields, row[1:])
                       if isinstance(value, str) and nfc(value) != value}
            if updates:
                model._base_manager.filter(pk=row[0]).update(**updates)
                changed[meta.label].add(row[0])
    _rekey(apps, changed)
    _report(apps, changed)


def _rekey(apps, changed):
    Organization = apps.get_model("organizations", "Organization")
    for unit in Organization.objects.filter(pk__in=changed["organizations.Organization"]):
        Organization.objects.filter(pk=unit.pk).update(sort_key=sort_key(unit.name))
    Person = apps.get_model("organizations", "Person")
    for person in Person.objects.filter(pk__in=changed["organizations.Person"]):
        Person.objects.filter(pk=person.pk).update(sort_key=person_sort_key(
            person.family_name, person.middle_name, person.given_name))


def _report(apps, changed):
    Person = apps.get_model("organizations", "Person")
    Organization = apps.get_model("organizations", "Organization")
    groups = [
        ("người", Person, changed["organizations.Person"],
         ("family_name", "middle_name", "given_name", "birth_date")),
        ("đơn vị", Organization, changed["organizations.Organization"], ("name", "depth",
                                                                          "path")),
    ]
    for noun, model, pks, keys in groups:
        for row in model.objects.filter(pk__in=pks).values(*keys):
            if noun == "đơn vị":  # same name under the same parent
                parent = row["path"][:-4]
                same = model.objects.filter(name=row["name"], path__startswith=parent,
                                            depth=row["depth"])
            else:
                same = model.objects.filter(**row)
            if same.count() > 1:
                ids = ", ".join(f"#{pk}" for pk in same.order_by("pk").values_list("pk", flat=True))
                print(f"\n  Có thể trùng {noun} sau khi chuẩn hóa Unicode: {ids}")


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0003_job"),
        ("accounts", "0003_token_expiry_and_revocation"),
        ("awards", "0009_conferral_powers"),
        ("documents", "0001_initial"),
        ("interchange", "0001_initial"),
        ("legal", "0002_seed_texts"),
        ("movements", "0003_search_text_history_reviews"),
        ("nominations", "0004_transition_step_facts"),
        ("organizations", "0004_person_unit_scope"),
        ("portal", "0003_honour_alliance_path"),
        ("reports", "0002_ec_departments_and_staff"),
    ]

    operations = [migrations.RunPython(compose, migrations.RunPython.noop)]
