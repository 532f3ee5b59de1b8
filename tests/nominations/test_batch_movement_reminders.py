"""The batch's movement link (and its data migration), and deadline reminders in working days."""
from datetime import date, timedelta
from importlib import import_module

import pytest
from django.apps import apps
from django.core.management import call_command
from django.urls import reverse

from timekeeping import local
from thidua.core.models import Notification
from thidua.core.workdays import WorkingCalendar
from thidua.movements.models import Movement, MovementKind, MovementStatus
from thidua.nominations import tasks, workflow
from thidua.nominations.forms import BatchForm
from thidua.nominations.models import DeadlineReminder
from thidua.nominations.states import State
from thidua.nominations.workflow.reminders import send_deadline_reminders

pytestmark = pytest.mark.django_db


def movement(unit, title="Thi đua chào mừng 20 năm ngày truyền thống"):
    return Movement.objects.create(launched_by=unit, kind=MovementKind.THEMATIC, title=title,
                                   goals="Mục tiêu", start_date=date(2025, 1, 1),
                                   end_date=date(2025, 12, 31), status=MovementStatus.LAUNCHED)


def test_batch_links_its_movement_and_shows_it(client, pipeline, network):
    drive = movement(network.hue)
    batch = workflow.create_batch(pipeline.reporter, network.hue_coop, network.hue,
                                  title="Đề nghị theo phong trào", year=2025, basis="MOVEMENT",
                                  movement=drive)
    assert batch.movement == drive and batch.movement_name == drive.title  # printed text
    client.force_login(pipeline.reporter)
    page = client.get(batch.get_absolute_url()).content.decode()
    assert drive.get_absolute_url() in page


def test_form_offers_only_visible_movements_and_keeps_external_text(pipeline, network):
    mine, other = movement(network.hue), movement(network.hanoi, "Phong trào của Hà Nội")
    form = BatchForm(user=pipeline.reporter)
    choices = set(form.fields["movement"].queryset)
    assert mine in choices and other not in choices
    data = {"proposer": network.hue_coop.pk, "authority": network.hue.pk, "title": "Tờ trình",
            "year": 2025, "basis": "MOVEMENT", "movement_name": "Phong trào của Bộ Nông nghiệp",
            "procedure": "STANDARD"}
    form = BatchForm(data, user=pipeline.reporter)
    assert form.is_valid(), form.errors
    assert form.cleaned_data["movement"] is None
    assert form.cleaned_data["movement_name"] == "Phong trào của Bộ Nông nghiệp"


def test_data_migration_links_by_name_and_keeps_unknown_text(pipeline, network):
    drive = movement(network.hue)
    movement(network.hanoi)  # same title elsewhere: the one above the proposer wins
    named = pipeline.draft()
    named.movement_name = "  THI ĐUA chào mừng 20 năm ngày truyền thống "
    named.save()
    external = pipeline.draft()
    external.movement_name = "Phong trào của tỉnh bạn"
    external.save()
    import_module("thidua.nominations.migrations.0002_batch_movement").link_movements(apps, None)
    named.refresh_from_db()
    external.refresh_from_db()
    assert named.movement == drive
    assert external.movement is None and external.movement_name == "Phong trào của tỉnh bạn"


def reminded(user):
    return [str(item) for item in Notification.objects.filter(recipient=user)]


def test_intake_deadline_reminded_once_a_day_then_overdue(pipeline, network):
    batch = pipeline.draft()
    workflow.submit_batch(pipeline.reporter, batch)
    batch.refresh_from_db()
    calendar = WorkingCalendar.from_database()
    officer = pipeline.hue.officer
    before = Notification.objects.filter(recipient=officer).count()
    assert send_deadline_reminders(batch.due_on) >= 1
    assert send_deadline_reminders(batch.due_on) == 0  # same day: nothing twice
    titles = reminded(officer)[: Notification.objects.filter(recipient=officer).count() - before]
    assert any("Sắp đến hạn tiếp nhận tờ trình" in title for title in titles)
    next_day = calendar.add_working_days(batch.due_on, 1)
    assert send_deadline_reminders(next_day) >= 1
    assert any("Quá hạn tiếp nhận tờ trình" in title for title in reminded(officer))
    assert DeadlineReminder.objects.filter(batch=batch).count() == 2
    # nothing on a day off, nothing far before the deadline
    sunday = next_day + timedelta(days=(6 - next_day.weekday()) % 7)
    assert send_deadline_reminders(sunday) == 0
    assert send_deadline_reminders(batch.due_on - timedelta(days=30)) == 0


def test_correction_deadline_reminds_the_proposer(pipeline, network, make_user):
    from thidua.accounts.models import Role

    outsider = make_user(Role.UNIT_REPORTER, network.hue_coop2)
    batch = pipeline.draft()
    workflow.submit_batch(pipeline.reporter, batch)
    workflow.return_for_correction(pipeline.hue.officer, batch, "Thiếu biên bản")
    batch.refresh_from_db()
    assert batch.state == State.RETURNED_FOR_CORRECTION
    assert send_deadline_reminders(batch.due_on) >= 1
    assert any("bổ sung, sửa hồ sơ" in title for title in reminded(pipeline.reporter))
    assert not any("bổ sung" in title for title in reminded(outsider))


def test_council_deadline_set_and_reminded_by_task_and_command(pipeline, network, clock):
    batch = pipeline.to_council(pipeline.draft())
    batch.refresh_from_db()
    assert batch.state == State.AT_COUNCIL and batch.due_on
    clock.move_to(local(batch.due_on))
    assert tasks.send_deadline_reminders() >= 1
    assert any("Hội đồng xét" in title for title in reminded(pipeline.hue.secretary))
    call_command("send_deadline_reminders")  # same day again: the record stops a second one
    assert DeadlineReminder.objects.filter(batch=batch).count() == 1
    assert reverse("nominations:batch_detail", args=[batch.pk]) in Notification.objects.filter(
        recipient=pipeline.hue.secretary).values_list("url", flat=True)
