"""An award saved or deleted marks its year (and a changed year) for the summary rebuild."""
from django.db.models.signals import post_delete, post_save, pre_save

from .summaries import mark_dirty, schedule_refresh


def remember_year(sender, instance, **kwargs):
    instance._reports_old_year = (
        sender.objects.filter(pk=instance.pk).values_list("year", flat=True).first()
        if instance.pk else None)


def award_changed(sender, instance, **kwargs):
    mark_dirty(instance.year, getattr(instance, "_reports_old_year", None))
    schedule_refresh()


def connect():
    from thidua.awards.models import Award

    pre_save.connect(remember_year, sender=Award, dispatch_uid="reports_award_year")
    post_save.connect(award_changed, sender=Award, dispatch_uid="reports_award_saved")
    post_delete.connect(award_changed, sender=Award, dispatch_uid="reports_award_deleted")
