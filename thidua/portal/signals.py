"""Keep the honour roll in step with single award saves (issuing, revoking, editing); bulk
imports that bypass signals are followed by ``manage.py refresh_honour_roll``."""
from django.db.models.signals import post_save
from django.dispatch import receiver

from thidua.awards.models import Award

from . import honour


@receiver(post_save, sender=Award, dispatch_uid="portal_honour_roll")
def award_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        honour.refresh_award(instance)
