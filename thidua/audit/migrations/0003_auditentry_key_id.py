from django.db import migrations, models


class Migration(migrations.Migration):
    """Entries written from now on are MACed under a key outside the database; the rows already
    there keep key_id "" and their plain SHA-256 (the append-only trigger forbids rewriting them)."""

    dependencies = [("audit", "0002_append_only_trigger")]

    operations = [
        migrations.AddField(model_name="auditentry", name="key_id",
                            field=models.CharField(blank=True, default="", max_length=32)),
    ]
