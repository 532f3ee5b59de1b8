"""Transitions out of publicity were stored as late when the batch left after the window ended —
which is the rule (steps.WINDOWS); clear the flag on the rows already written."""
from django.db import migrations


def clear(apps, schema_editor):
    Transition = apps.get_model("nominations", "Transition")
    Transition.objects.filter(from_state="PUBLICITY", late=True).update(late=False)


class Migration(migrations.Migration):
    dependencies = [("nominations", "0004_transition_step_facts")]
    operations = [migrations.RunPython(clear, migrations.RunPython.noop)]
