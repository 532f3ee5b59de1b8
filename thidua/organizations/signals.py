"""Keep derived data in step with the rows it derives from, whatever code path saves them."""
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from . import unit_scope
from .models import Employment


@receiver([post_save, post_delete], sender=Employment, dispatch_uid="employment_unit_scope")
def refresh_person_unit_scope(sender, instance, **kwargs):
    unit_scope.refresh([instance.person_id])
