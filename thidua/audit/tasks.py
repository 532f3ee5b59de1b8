from celery import shared_task

from . import checkpoint


@shared_task(name="thidua.audit.tasks.checkpoint_audit_chain")
def checkpoint_audit_chain():
    """Hourly: the chain's head to the checkpoint file and the log stream."""
    checkpoint.take("hourly")
