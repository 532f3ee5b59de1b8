"""The step facts each Transition stores (working days since the batch's previous transition,
late against the deadline), through a real workflow run and from the data migration."""
import importlib
from datetime import UTC, date, datetime
from types import SimpleNamespace

import pytest
from django.apps import apps
from django.db import connection
from django.utils import timezone

from thidua.core.models import CalendarException
from thidua.nominations import steps, workflow
from thidua.nominations.models import NominationBatch, Transition
from thidua.nominations.states import State

pytestmark = pytest.mark.django_db

migration = importlib.import_module("thidua.nominations.migrations.0004_transition_step_facts")


@pytest.fixture
def march(clock):
    """``march(day, hour)`` moves the test's clock to that local time in March 2025."""
    def move_to(day, hour=9):
        clock.move_to(timezone.make_aware(datetime(2025, 3, day, hour)))
    return move_to


def facts(batch):
    return [(row.to_state, row.working_days, row.late) for row in batch.transitions.all()]


def test_a_workflow_run_stores_each_steps_working_days_and_lateness(pipeline, march):
    """Drafted Mon 3/3, submitted Wed 5/3 (intake due 5 working days later, Wed 12/3), received
    and sent into appraisal and to the council Fri 14/3 (late), decided Tue 18/3."""
    march(3)
    batch = pipeline.draft()
    march(5)
    workflow.submit_batch(pipeline.reporter, batch)
    batch.refresh_from_db()
    assert batch.due_on == date(2025, 3, 12)
    march(14)
    pipeline.to_council(batch)
    march(17)
    pipeline.vote_all(batch)
    march(18)
    decision = workflow.create_decision(pipeline.hue.signer, batch, list(batch.items.all()),
                                        "Về việc tặng Giấy khen")
    workflow.issue_decision(pipeline.hue.signer, decision)
    assert facts(batch) == [(State.DRAFT, None, False), (State.SUBMITTED, 2, False),
                            (State.RECEIVED, 7, True), (State.IN_APPRAISAL, 0, False),
                            (State.AT_COUNCIL, 0, False), (State.DECIDED, 2, False)]


def test_a_forwarded_batch_starts_its_own_history(pipeline, network):
    batch = pipeline.draft(codes=("BK_BO",))
    pipeline.to_council(batch)
    pipeline.vote_all(batch)
    upper = workflow.forward_to(pipeline.hue.signer, batch, list(batch.items.all()),
                                parent=network.vca)
    assert facts(upper) == [(State.SUBMITTED, None, False)]
    assert facts(batch)[-1] == (State.FORWARDED, 0, False)


def test_the_data_migration_fills_existing_rows_as_they_would_be_written(network, root_user):
    """Mon 3/3 → Wed 5/3 (20:00 UTC on 4/3 is the 5th in Việt Nam) → Mon 17/3 past the 10/3
    deadline; Saturday 8/3 declared a working day. The same history written through
    ``steps.record`` and as bare rows the migration fills."""
    CalendarException.objects.create(date=date(2025, 3, 8), is_working_day=True)
    moves = [(State.SUBMITTED, datetime(2025, 3, 3, 2, tzinfo=UTC)),
             (State.RECEIVED, datetime(2025, 3, 4, 20, tzinfo=UTC)),
             (State.IN_APPRAISAL, datetime(2025, 3, 17, 2, tzinfo=UTC))]

    def batch():
        return NominationBatch.objects.create(
            proposer=network.hue_coop, authority=network.hue, title="Đề nghị", year=2025,
            due_on=date(2025, 3, 10), created_by=root_user)

    written, bare = batch(), batch()
    for state, at in moves:
        steps.record(written, state, root_user, at=at)
        Transition.objects.create(batch=bare, to_state=state, at=at, actor=root_user)
    assert facts(bare) == [(state, None, False) for state, _at in moves]
    migration.fill_steps(apps, SimpleNamespace(connection=connection))
    assert facts(bare) == facts(written) == [(State.SUBMITTED, None, False),
                                             (State.RECEIVED, 2, False),
                                             (State.IN_APPRAISAL, 9, True)]
