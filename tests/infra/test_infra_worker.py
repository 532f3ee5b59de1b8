"""A real Celery worker killed mid-batch (kill -9 of its process group): the message comes back
(acks_late, visibility timeout), a new worker resumes the job, and every unit is reminded
exactly once."""
from datetime import date

import psycopg
from infra_processes import database_url, wait_for
from django.db import connection

from thidua.accounts.models import Role
from thidua.core.models import Job, Notification
from thidua.core.tasks import dotted_path
from thidua.movements import compliance, services
from thidua.movements.models import ReportSchedule
from thidua.movements.tasks import remind_units
from thidua.organizations.models import OrganizationKind

DAY = date(2026, 10, 5)  # a Monday, two working days before the due date


def sessions(condition="true"):
    """Other sessions on the test database (those matching a SQL ``condition``)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                       f" AND pid <> pg_backend_pid() AND {condition}")
        return cursor.fetchone()[0]


def test_killed_worker_batch_completes_exactly_once(processes, network, root_user, make_user):
    for number in range(3, 7):
        network.add(network.hue, OrganizationKind.COOPERATIVE, f"P46-HTX0{number}",
                    f"Hợp tác xã số {number}", province_code=46)
    services.save_schedule(root_user, ReportSchedule(
        owner=network.hue, year=2026, period="Q3", due_date=date(2026, 10, 7)))
    units = [unit for _schedule, unit in compliance.reminders_due(DAY)]
    reporters = [make_user(Role.UNIT_REPORTER, unit) for unit in units]
    assert len(reporters) == 6
    job = Job.objects.create(key="reminders:test", title="Nhắc", args=[DAY.isoformat()],
                             function=dotted_path(remind_units))

    # Hold the third reporter's row: the worker commits two units, then waits on the third (its
    # notification's foreign key check) and is killed there. Whether PostgreSQL then completes
    # the third unit's transaction depends on whether its COMMIT had left the worker; either
    # way the third unit is done once, by one of the two runs.
    with psycopg.connect(database_url()) as blocker:
        blocker.execute("SELECT 1 FROM accounts_user WHERE id = %s FOR UPDATE",
                        [reporters[2].pk])
        first = processes.worker(CELERY_VISIBILITY_TIMEOUT="5")
        processes.send("thidua.job", job.pk)
        wait_for(lambda: Job.objects.get(pk=job.pk).done == 2 and sessions(
            "wait_event_type = 'Lock'"), 60,
                 "two committed units and the third waiting")
        processes.kill(first)
        blocker.rollback()

    wait_for(lambda: not sessions(), 30, "the killed worker's session to end")
    job.refresh_from_db()
    assert job.status == Job.Status.RUNNING and job.done in (2, 3) and job.attempts == 1
    first_run = job.done
    processes.worker(CELERY_VISIBILITY_TIMEOUT="5")
    wait_for(lambda: Job.objects.get(pk=job.pk).status == Job.Status.DONE, 90,
             "the redelivered job to finish")
    job.refresh_from_db()
    assert (job.done, job.total, job.attempts) == (6, 6, 2)
    assert job.result == {"notified": 6 - first_run}  # this run's share
    recipients = sorted(Notification.objects.values_list("recipient", flat=True))
    assert recipients == sorted(user.pk for user in reporters)
