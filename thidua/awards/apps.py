from django.apps import AppConfig
from django.apps import apps as global_apps
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _seed_catalogue(sender, using, apps=None, **kwargs):
    """``apps``: the migration state's models after ``migrate``; a flush sends none (the
    project's own models, then)."""
    from .seeding import sync_catalogue  # models can be imported only once the apps are ready

    sync_catalogue(apps or global_apps, using)


class AwardsConfig(AppConfig):
    name = "thidua.awards"
    label = "awards"
    verbose_name = _("Khen thưởng")

    def ready(self):
        # Framework bookkeeping, not a domain side effect: like the content types Django creates
        # after ``migrate``, the award types declared in catalogue.py get their rows after every
        # migrate (and after the flush of a transactional test), on a fresh database as on one
        # that lacks a newly declared type. Existing rows are never changed (seeding.py).
        post_migrate.connect(_seed_catalogue, sender=self,
                             dispatch_uid="awards.seed_catalogue")
