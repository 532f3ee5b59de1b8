"""The seeded base salaries, confirmed, with their texts and announced replacement dates: NĐ
24/2023 until NĐ 73/2024 (01/7/2024); NĐ 73/2024 until NĐ 161/2026 (01/7/2026), whose amount the
operator enters from the official text (docs/law.md, section 4)."""
from datetime import date

from django.db import migrations

ROWS = [(date(2023, 7, 1), "nd-24-2023", date(2024, 7, 1)),
        (date(2024, 7, 1), "nd-73-2024", date(2026, 7, 1))]


def link(apps, schema_editor):
    BaseSalary = apps.get_model("awards", "BaseSalary")
    LegalText = apps.get_model("legal", "LegalText")
    for start, key, replaced in ROWS:
        BaseSalary.objects.filter(effective_from=start).update(
            legal_text=LegalText.objects.filter(key=key).first(), replaced_from=replaced,
            confirmed=True)


class Migration(migrations.Migration):
    dependencies = [("awards", "0012_base_salary_bases"), ("legal", "0002_seed_texts")]
    operations = [migrations.RunPython(link, migrations.RunPython.noop)]
