"""Keep derived data in step with the rows it derives from, whatever code path saves them.

A signal and not a call from the services, on purpose: ``Person.unit_scope`` is an index for
visibility (like a database index it must follow every write of an Employment, the admin's and
the demo loader's included), not a business reaction (docs/architecture.md#signals)."""
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from . import unit_scope
from .models import Employment


@receiver([post_save, post_delete], sender=Employment, dispatch_uid="employment_unit_scope")
def refresh_person_unit_scope(sender, instance, **kwargs):
    unit_scope.refresh([instance.person_id])
