"""Background jobs: exactly-once items, idempotent start, progress page only for its owner."""
from datetime import date

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from thidua.accounts.models import Role
from thidua.core.models import Job, JobItem, Notification
from thidua.core.notifications import notify
from thidua.core.tasks import start_job
from thidua.movements import services
from thidua.movements.models import ReportSchedule
from thidua.movements.tasks import remind_units


def notify_each(job, user_ids, fail_at=None):
    """A job over users: one inbox item each; raises at ``fail_at`` (a crash mid-batch)."""
    from thidua.accounts.models import User

    for user in job.each(User.objects.filter(pk__in=user_ids).order_by("pk"), key=lambda u: u.pk):
        if user.pk == fail_at:
            raise RuntimeError("worker lost")
        notify([user], "Giấy khen đã in")
    job.attach("ket-qua.txt", ContentFile(b"xong"))
    return {"users": len(user_ids)}


@pytest.mark.django_db(transaction=True)
def test_a_crashed_job_resumes_without_repeating_committed_items(make_user, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    users = [make_user() for index in range(5)]
    ids = [user.pk for user in users]
    job = start_job(notify_each, ids, fail_at=ids[3], title="In giấy khen", key="print:1")
    job.refresh_from_db()
    assert (job.status, job.done, job.total) == (Job.Status.FAILED, 3, 5)
    assert "worker lost" in job.error
    assert Notification.objects.count() == 3  # the failing item rolled back whole
    assert JobItem.objects.filter(job=job).count() == 3

    Job.objects.filter(pk=job.pk).update(status=Job.Status.PENDING, kwargs={})  # redelivered
    from thidua.core.tasks import _run_job
    _run_job(job.pk)
    job.refresh_from_db()
    assert (job.status, job.done, job.percent, job.result) == (Job.Status.DONE, 5, 100,
                                                               {"users": 5})
    assert sorted(Notification.objects.values_list("recipient", flat=True)) == sorted(ids)
    assert job.result_file.read() == b"xong"

    again = start_job(notify_each, ids, title="In giấy khen", key="print:1")
    assert again.pk == job.pk and Notification.objects.count() == 5  # same key: not run again


@pytest.mark.django_db(transaction=True)
@pytest.mark.urls("infra_urls")
def test_progress_page_is_its_owners_only(client, make_user, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    owner, other = make_user(), make_user()
    job = start_job(notify_each, [owner.pk], title="In giấy khen", user=owner)
    client.force_login(owner)
    page = client.get(reverse("jobs:detail", args=[job.pk]))
    assert page.status_code == 200 and "In giấy khen" in page.content.decode()
    card = client.get(reverse("jobs:detail", args=[job.pk]), headers={"HX-Request": "true"})
    assert "<html" not in card.content.decode() and 'value="100"' in card.content.decode()
    download = client.get(reverse("jobs:file", args=[job.pk]))
    assert b"".join(download.streaming_content) == b"xong"
    client.force_login(other)
    assert client.get(reverse("jobs:detail", args=[job.pk])).status_code == 404
    assert client.get(reverse("jobs:file", args=[job.pk])).status_code == 404
    client.logout()
    assert client.get(reverse("jobs:detail", args=[job.pk])).status_code == 302


@pytest.mark.django_db
def test_report_reminders_job_reminds_each_unit_once_a_day(network, root_user, make_user,
                                                          django_capture_on_commit_callbacks):
    coop, coop2 = (make_user(Role.UNIT_REPORTER, network.hue_coop),
                   make_user(Role.UNIT_REPORTER, network.hue_coop2))
    services.save_schedule(root_user, ReportSchedule(
        owner=network.hue, year=2026, period="Q3", due_date=date(2026, 10, 7)))
    with django_capture_on_commit_callbacks(execute=True):
        first = start_job(remind_units, "2026-10-05", title="Nhắc",
                          key="report-reminders:2026-10-05")
    first.refresh_from_db()
    assert (first.status, first.result) == (Job.Status.DONE, {"notified": 2})
    assert coop.notifications.count() == coop2.notifications.count() == 1
    with django_capture_on_commit_callbacks(execute=True):
        start_job(remind_units, "2026-10-05", title="Nhắc", key="report-reminders:2026-10-05")
        holiday = start_job(remind_units, "2026-10-04", title="Nhắc",
                            key="report-reminders:2026-10-04")
    holiday.refresh_from_db()
    assert holiday.result == {"notified": 0}  # a Sunday
    assert Notification.objects.count() == 2
