"""The daily publicity job: the council secretary hears once that a list may go to the council."""
from datetime import timedelta

import pytest

from thidua.core.models import Job
from thidua.core.tasks import start_job
from thidua.nominations import workflow
from thidua.nominations.tasks import announce_publicity_ended, close_publicity_windows

TOLD = "Đã hết thời gian công khai, có thể trình Hội đồng"


@pytest.mark.django_db
def test_secretary_told_once_when_publicity_ends(pipeline, django_capture_on_commit_callbacks):
    batch = pipeline.to_appraisal(pipeline.draft(codes=("BK_TTG",)))
    pipeline.appraise_all(batch)
    workflow.open_publicity(pipeline.hue.officer, batch)
    last_day = batch.disclosure.ends_on
    with django_capture_on_commit_callbacks(execute=True):
        close_publicity_windows()  # today: the window is open
        for day in (last_day, last_day + timedelta(days=1), last_day + timedelta(days=2)):
            start_job(announce_publicity_ended, day.isoformat(), title="Công khai",
                      key=f"publicity-ended:{day.isoformat()}")
    assert [job.result for job in Job.objects.order_by("pk")] == [
        {"announced": 0}, {"announced": 0}, {"announced": 1}, {"announced": 0}]
    assert pipeline.hue.secretary.notifications.filter(title=TOLD).count() == 1
