"""Background work: a Celery task when CELERY_BROKER_URL is set, a plain call otherwise."""
from importlib import import_module

from celery import shared_task
from django.conf import settings


@shared_task(name="thidua.run", autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def _run(path, args, kwargs):
    module, name = path.rsplit(".", 1)
    return getattr(import_module(module), name)(*args, **kwargs)


def run_task(function, *args, **kwargs):
    """Run ``function`` in a worker (it must be importable by its dotted path) or inline."""
    path = f"{function.__module__}.{function.__qualname__}"
    if settings.CELERY_BROKER_URL:
        return _run.delay(path, args, kwargs)
    return function(*args, **kwargs)
