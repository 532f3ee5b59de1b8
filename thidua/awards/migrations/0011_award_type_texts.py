"""Link each catalogue row to the text its legal basis names: "Luật TĐKT 2022, Điều 24" → the
Law 06/2022/QH15; the VCA's Kỷ niệm chương → its regulation (entered unconfirmed)."""
from django.db import migrations

PREFIXES = [("Luật TĐKT 2022", "law-2022"), ("Luật TĐKT 2003", "law-2003"),
            ("Quy chế Kỷ niệm chương", "vca-knc"), ("Quy định về Kỷ niệm chương", "vca-knc")]


def link(apps, schema_editor):
    AwardType = apps.get_model("awards", "AwardType")
    LegalText = apps.get_model("legal", "LegalText")
    texts = {text.key: text for text in LegalText.objects.all()}
    for award_type in AwardType.objects.filter(legal_text__isnull=True):
        for prefix, key in PREFIXES:
            if award_type.legal_basis.startswith(prefix) and key in texts:
                award_type.legal_text = texts[key]
                award_type.save(update_fields=["legal_text"])
                break


class Migration(migrations.Migration):
    dependencies = [("awards", "0010_award_type_legal_text"), ("legal", "0004_seed_bases")]
    operations = [migrations.RunPython(link, migrations.RunPython.noop)]
