"""“Việc của tôi” on the home page: each role sees the work waiting for it now, with counts,
deadlines and a link to where it is done; another province's officer sees none of it; the page
costs the same number of queries however many dossiers wait."""
from datetime import timedelta

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from thidua.accounts.models import Role
from thidua.movements.models import Movement, Period, Registration, ReportSchedule
from thidua.nominations import workflow
from thidua.nominations.models import NominationBatch
from thidua import worklist
from thidua.worklist import my_work

pytestmark = pytest.mark.django_db


def kinds(user):
    return {work.key: work for work in my_work(user)}


def test_each_role_sees_its_step_of_the_pipeline(pipeline, network, make_user):
    outsider = make_user(Role.EC_OFFICER, network.hanoi)
    batch = pipeline.draft()
    assert set(kinds(pipeline.reporter)) == {"drafts"}
    workflow.submit_batch(pipeline.reporter, batch)
    batch.refresh_from_db()
    receive = kinds(pipeline.hue.officer)["receive"]
    assert receive.count == 1 and receive.url == batch.get_absolute_url()
    assert receive.due == batch.due_on and receive.entries[0].title == batch.title
    assert "receive" not in kinds(pipeline.reporter) and kinds(outsider) == {}

    workflow.return_for_correction(pipeline.hue.officer, batch, "Thiếu chữ ký")
    assert "correct" in kinds(pipeline.reporter)
    assert "correct" not in kinds(pipeline.hue.officer)  # the authority's own officer
    workflow.submit_batch(pipeline.reporter, batch)
    pipeline.to_appraisal(batch)
    assert "appraise" in kinds(pipeline.hue.appraiser)
    pipeline.appraise_all(batch)
    workflow.send_to_council(pipeline.hue.officer, batch)
    assert "council" in kinds(pipeline.hue.secretary)

    items = list(batch.items.all())
    session = workflow.open_session(pipeline.hue.secretary, pipeline.hue.council, "Phiên họp",
                                    items)
    member = pipeline.hue.members[0]
    assert kinds(member)["vote"].url == session.get_absolute_url()
    workflow.cast_ballot(member, session, {item.pk: "AGREE" for item in items})
    assert "vote" not in kinds(member)
    for other in pipeline.hue.members[1:]:
        workflow.cast_ballot(other, session, {item.pk: "AGREE" for item in items})
    workflow.close_session(pipeline.hue.secretary, session)
    assert "to_decide" in kinds(pipeline.hue.signer)
    decision = workflow.create_decision(pipeline.hue.signer, batch, items, "Về việc tặng GK")
    mine = kinds(pipeline.hue.signer)
    assert "to_decide" not in mine and mine["sign"].url == decision.get_absolute_url()
    assert kinds(outsider) == {}


def test_a_report_due_for_my_unit_links_to_its_form(pipeline, network, today):
    schedule = ReportSchedule.objects.create(owner=network.hue, year=today.year,
                                             period=Period.Q4, due_date=today - timedelta(days=2))
    work = kinds(pipeline.reporter)["reports"]
    assert work.overdue and work.due == schedule.due_date
    assert work.entries[0].url == reverse("movements:report_submit",
                                          args=[schedule.pk, network.hue_coop.pk])


def test_the_home_page_shows_the_work_with_a_fixed_number_of_queries(client, pipeline):
    client.force_login(pipeline.hue.officer)

    def queries():
        with CaptureQueriesContext(connection) as captured:
            page = client.get(reverse("core:home")).content.decode()
        return len(captured), page

    queries()  # the first request of a session also writes the session
    workflow.submit_batch(pipeline.reporter, pipeline.draft())
    few, page = queries()
    assert "Tờ trình chờ tiếp nhận" in page and "Hạn gần nhất" in page
    for _ in range(4):
        workflow.submit_batch(pipeline.reporter, pipeline.draft())
    many, page = queries()
    assert many == few
    assert "Xem tất cả 5" in page and "?state=SUBMITTED&amp;mine=on" in page


def test_an_open_session_met_days_ago_is_not_overdue(client, pipeline, today):
    """Voting lasts until the secretary ends the session: its meeting day is shown as such, and
    neither the card nor its entry says overdue (a report past its due date still does)."""
    batch = pipeline.draft()
    workflow.submit_batch(pipeline.reporter, batch)
    batch.refresh_from_db()
    pipeline.to_appraisal(batch)
    pipeline.appraise_all(batch)
    workflow.send_to_council(pipeline.hue.officer, batch)
    met = today - timedelta(days=3)
    workflow.open_session(pipeline.hue.secretary, pipeline.hue.council, "Phiên họp xét khen",
                          list(batch.items.all()), day=met)
    member = pipeline.hue.members[0]
    vote = kinds(member)["vote"]
    assert not vote.overdue and vote.due == met
    client.force_login(member)
    page = client.get(reverse("core:home")).content.decode()
    assert f"Đang họp từ ngày: <strong>{met:%d/%m/%Y}</strong>" in page
    assert f"họp từ ngày {met:%d/%m/%Y}" in page and "Quá hạn" not in page


def test_a_movement_open_for_registration_waits_until_my_unit_sends_it(pipeline, network, today):
    """A cooperative's reporter sees the movements it may still register for, the deployment
    of a movement by the level above standing for its parent, until the registration is sent;
    nothing when the window has closed."""
    def launched(unit, title, **fields):
        return Movement.objects.create(
            launched_by=unit, kind="REGULAR", title=title, goals="x", status="LAUNCHED",
            start_date=today - timedelta(days=30), end_date=today + timedelta(days=300), **fields)

    national = launched(network.vca, "Phong trào toàn quốc")
    launched(network.hue, "Phong trào toàn quốc tại Huế", parent=national,
             registration_deadline=today + timedelta(days=10))
    launched(network.hue, "Phong trào đã hết hạn đăng ký",
             registration_deadline=today - timedelta(days=1))
    work = kinds(pipeline.reporter)["registration_open"]
    assert [entry.title for entry in work.entries] == ["Phong trào toàn quốc tại Huế"]
    assert work.due == today + timedelta(days=10)
    derived = Movement.objects.get(title="Phong trào toàn quốc tại Huế")
    assert work.url == reverse("movements:registration", args=[derived.pk, network.hue_coop.pk])
    Registration.objects.create(movement=derived, unit=network.hue_coop, status="SUBMITTED",
                                year=derived.start_date.year)
    assert "registration_open" not in kinds(pipeline.reporter)
    # The Huế alliance registers with the VCA, never for the movements it launched itself.
    assert [entry.title for entry in kinds(pipeline.hue.officer)["registration_open"].entries] == [
        "Phong trào toàn quốc"]


def test_the_kinds_of_dossier_work_counted_together_match_each_counted_alone(pipeline, today):
    """``batch_work`` counts its kinds in one UNION ALL query: each kind's count, earliest
    deadline and entries are those of its own query, at every step of the pipeline."""
    users = [pipeline.reporter, pipeline.hue.officer, pipeline.hue.appraiser,
             pipeline.hue.secretary, pipeline.hue.signer]

    def agrees():
        for user in users:
            held = worklist._held(user)
            together = {w.key: w for w in worklist.batch_work(user, held, today) if w}
            alone = {}
            for kind in worklist.batch_pending(user, held):
                work = worklist._work(kind.key, kind.label, kind.queryset.distinct(),
                                      kind.due_field, kind.entry or worklist._batch_entry,
                                      worklist._batch_list(kind.state), today)
                if work:
                    alone[kind.key] = work
            assert together == alone

    batches = [pipeline.draft() for _n in range(3)]
    agrees()
    for batch in (batches[0], batches[2]):
        workflow.submit_batch(pipeline.reporter, batch)
    workflow.return_for_correction(pipeline.hue.officer, batches[0], "Thiếu chữ ký")
    agrees()
    pipeline.to_appraisal(batches[1])
    agrees()
    pipeline.appraise_all(batches[1])
    workflow.send_to_council(pipeline.hue.officer, batches[1])
    agrees()


@pytest.mark.django_db(transaction=True)  # the cache keeps only what a committed page read
def test_the_home_page_is_kept_until_the_user_acts_is_notified_or_a_minute_passes(
        client, pipeline, clock):
    """The work list costs about twenty queries, so a page keeps it, rendered (``core.user_cache``):
    the next page reads none of them; the user's own step (sending the draft), a notification to
    them (a tờ trình sent to their unit) and a minute's wait each show at once."""
    home = reverse("core:home")
    draft = pipeline.draft(user=pipeline.reporter)
    NominationBatch.objects.filter(pk=draft.pk).update(title="<script>alert(1)</script>")
    client.force_login(pipeline.reporter)
    assert "Tờ trình nháp chưa gửi" in client.get(home).content.decode()
    with CaptureQueriesContext(connection) as kept:
        page = client.get(home).content.decode()
    assert not any("nominationbatch" in query["sql"] for query in kept)
    assert 'aria-label="1 việc"' in page and "&lt;script&gt;alert(1)" in page  # kept as HTML …
    assert "<script>alert" not in page  # … escaped once
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    assert "Draft submissions not yet sent" in client.get(home).content.decode()
    del client.cookies[settings.LANGUAGE_COOKIE_NAME]

    client.post(reverse("nominations:batch_action", args=[draft.pk, "gui"]))
    assert "Tờ trình nháp chưa gửi" not in client.get(home).content.decode()

    client.force_login(pipeline.hue.officer)
    client.get(home)
    workflow.submit_batch(pipeline.reporter, pipeline.draft())  # notifies the officer
    assert 'aria-label="2 việc"' in client.get(home).content.decode()
    pipeline.draft(user=pipeline.hue.officer)  # no notification, and nobody signed in acts
    assert "Tờ trình nháp chưa gửi" not in client.get(home).content.decode()
    clock.shift(timedelta(seconds=61))
    assert "Tờ trình nháp chưa gửi" in client.get(home).content.decode()
