"""Background work: a Celery task when CELERY_BROKER_URL is set, a plain call otherwise.

Two entry points:

* :func:`run_task` — fire and forget (an email, a refresh). The function must be importable by
  its dotted path and safe to run twice: with ``acks_late`` a worker killed mid-task gets the
  message redelivered.
* :func:`start_job` — a long batch the user watches: a :class:`~thidua.core.models.Job` row with
  progress, result and result file. The function is called as ``function(job, *args, **kwargs)``
  and walks its items with ``job.each(items, key=...)``, which makes the batch exactly-once per
  item even when the worker dies and the message is redelivered. Show the progress with
  ``{% include "core/_job.html" %}`` (htmx polls ``core:job``, see :mod:`thidua.core.urls`).

When the broker cannot be reached (Redis down), both run the work in this process instead, and
log it: slower for the person waiting, but nothing is lost and nothing fails.
"""
import logging
import uuid

from celery import shared_task
from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.module_loading import import_string
from kombu.exceptions import OperationalError as BrokerUnreachable

logger = logging.getLogger(__name__)


def dotted_path(function):
    return f"{function.__module__}.{function.__qualname__}"


@shared_task(name="thidua.run", autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def _run(path, args, kwargs):
    return import_string(path)(*args, **kwargs)


def run_task(function, *args, **kwargs):
    """Run ``function`` in a worker (it must be importable by its dotted path) or inline."""
    if settings.CELERY_BROKER_URL:
        try:
            return _run.delay(dotted_path(function), args, kwargs)
        except BrokerUnreachable:
            logger.warning("Broker unreachable: %s runs in this process", dotted_path(function),
                           exc_info=True)
    return function(*args, **kwargs)


def start_job(function, *args, title, key=None, user=None, **kwargs):
    """Create a Job for ``function(job, *args, **kwargs)`` and run it once the current
    transaction commits (in a worker, or inline without a broker). ``key`` (default: a fresh
    one) makes this idempotent: a job with the same key is returned, not started again.
    Arguments must be JSON-serialisable."""
    from .models import Job

    job, created = Job.objects.get_or_create(
        key=key or f"{dotted_path(function)}:{uuid.uuid4()}",
        defaults={"title": title, "function": dotted_path(function), "args": list(args),
                  "kwargs": kwargs, "created_by": user})
    if created:
        transaction.on_commit(lambda: _send_job(job))
    return job


def _send_job(job):
    try:
        _run_job.delay(job.pk)
    except BrokerUnreachable:
        logger.warning("Broker unreachable: job %s (%s) runs in this process", job.pk,
                       job.function, exc_info=True)
        _run_job(job.pk)


def run_job_now(job):
    """Run ``job`` in this process and wait for it (a command that needs its result, the demo
    loader inside its transaction). A worker that gets the job's message afterwards finds it
    finished; one running it at the same time skips the items already committed."""
    return _run_job(job.pk)


@shared_task(name="thidua.job", autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def _run_job(job_id):
    from .models import Job

    job = Job.objects.get(pk=job_id)
    if job.is_finished:  # a redelivered message of a job that completed
        return job.result
    Job.objects.filter(pk=job.pk).update(status=Job.Status.RUNNING, attempts=job.attempts + 1)
    try:
        result = import_string(job.function)(job, *job.args, **job.kwargs)
    except OSError:
        raise  # retried by Celery; the job resumes after its committed items
    except Exception as error:
        logger.exception("Job %s (%s) failed", job.pk, job.function)
        Job.objects.filter(pk=job.pk).update(status=Job.Status.FAILED, error=str(error),
                                             finished_at=timezone.now())
        return None
    Job.objects.filter(pk=job.pk).update(status=Job.Status.DONE, result=result,
                                         finished_at=timezone.now())
    return result
