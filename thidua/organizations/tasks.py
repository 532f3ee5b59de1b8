from celery import shared_task

from . import unit_scope


@shared_task(name="thidua.organizations.refresh_ended_unit_scopes")
def refresh_ended_unit_scopes():
    """Nightly: people whose job ended yesterday leave their old unit's scope."""
    unit_scope.refresh_ended()
