"""Bulk writes of business state (``bulk_create``, ``QuerySet.update``) are in the audit log like
signal-recorded saves — old → new per row, the chain intact — except a secret ballot's tallies;
logging a bulk update costs the same queries for 2 rows as for 9."""
import importlib.util
from datetime import date, timedelta
from pathlib import Path

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from thidua.accounts.models import Role
from thidua.audit.chain import verify
from thidua.audit.models import Action, AuditEntry
from thidua.audit.recording import audited_update, unit_path
from thidua.awards import services as award_services
from thidua.awards.models import Award, AwardType
from thidua.movements import services as movement_services
from thidua.movements.models import Movement, Registration, Review, ReviewProposal
from thidua.nominations import workflow
from thidua.nominations.models import Attendance, Nomination, Tally
from thidua.nominations.states import ItemOutcome, Verdict
from thidua.records.models import Initiative

pytestmark = pytest.mark.django_db

# The Huế pipeline of the nominations tests (a conftest there, so loaded by path).
_spec = importlib.util.spec_from_file_location(
    "nominations_pipeline", Path(__file__).resolve().parents[1] / "nominations" / "conftest.py")
_pipeline_module = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_pipeline_module)


@pytest.fixture
def pipeline(network, make_user, base_salary_entered):
    return _pipeline_module.Pipeline(network, make_user)


def entries(model, action, **filters):
    return list(AuditEntry.objects.filter(model=model, action=action, **filters).order_by("pk"))


def changes_of(model, action, obj):
    return [e.changes for e in entries(model, action, object_id=str(obj.pk))]


@pytest.fixture(autouse=True)
def chain_stays_intact():
    yield
    verdict = verify()
    assert verdict.intact, verdict.broken


def test_imported_awards_are_logged_as_created(network, root_user):
    gk = AwardType.objects.get(code="GK")
    awards = award_services.import_awards(root_user, [
        Award(award_type=gk, year=year, person=network.hue_person, decision_number=f"{year}/QĐ")
        for year in (2021, 2022, 2023)])
    for award in awards:
        [created] = entries("awards.Award", Action.CREATE, object_id=str(award.pk))
        assert created.changes["year"] == [None, str(award.year)]
        assert created.changes["decision_number"] == [None, f"{award.year}/QĐ"]
        assert created.actor_name == ""  # no request: the service was called directly


def test_intake_closes_ineligible_items_with_old_and_new_outcome(pipeline):
    batch = pipeline.draft(codes=("GK", "CSTDCS"))
    pipeline.to_appraisal(batch)
    gk, cstdcs = batch.items.order_by("award_type__code")
    workflow.appraise_item(pipeline.hue.appraiser, gk, Verdict.NOT_ELIGIBLE,
                           reason="Chưa đủ thành tích")
    workflow.appraise_item(pipeline.hue.appraiser, cstdcs, Verdict.ELIGIBLE,
                           override_reason="Đã xác minh thành tích")
    workflow.send_to_council(pipeline.hue.officer, batch)
    [update] = entries("nominations.Nomination", Action.UPDATE, object_id=str(gk.pk),
                       changes__has_key="outcome")
    assert update.changes == {"outcome": [ItemOutcome.OPEN, ItemOutcome.NOT_AWARDED]}
    assert update.actor_name == "" and update.object_repr == str(gk)
    assert update.unit_path == unit_path(Nomination.objects.get(pk=gk.pk))
    workflow.reject_batch(pipeline.hue.officer, batch, "Không đủ điều kiện")
    [closed] = entries("nominations.Nomination", Action.UPDATE, object_id=str(cstdcs.pk),
                       changes__has_key="outcome")
    assert closed.changes == {"outcome": [ItemOutcome.OPEN, ItemOutcome.NOT_AWARDED]}


def test_council_rows_and_open_votes_are_logged_but_not_secret_ones(pipeline):
    open_batch = pipeline.draft(codes=("GK",))
    pipeline.to_council(open_batch)
    item = open_batch.items.get()
    session = workflow.open_session(pipeline.hue.secretary, pipeline.hue.council, "Phiên 1",
                                    [item])
    assert len(entries("nominations.Attendance", Action.CREATE)) == 5
    [tally] = Tally.objects.filter(session=session)
    assert changes_of("nominations.Tally", Action.CREATE, tally) == [
        {"id": [None, str(tally.pk)], "session": [None, str(session.pk)], "item": [None, str(item.pk)], "round": [None, "1"],
         "agree": [None, "0"], "disagree": [None, "0"], "abstain": [None, "0"]}]
    workflow.cast_ballot(pipeline.hue.members[0], session, {item.pk: "AGREE"})
    workflow.cast_ballot(pipeline.hue.members[1], session, {item.pk: "DISAGREE"})
    assert changes_of("nominations.Tally", Action.UPDATE, tally) == [
        {"agree": ["0", "1"]}, {"disagree": ["0", "1"]}]
    assert len(entries("nominations.OpenVote", Action.CREATE)) == 2
    workflow.next_round(pipeline.hue.secretary, session)
    second = Tally.objects.get(session=session, round=2)
    assert changes_of("nominations.Tally", Action.CREATE, second)[0]["round"] == [None, "2"]

    secret_batch = pipeline.draft(codes=("CSTDCS",))
    pipeline.to_council(secret_batch)
    secret_item = secret_batch.items.get()
    secret = workflow.open_session(pipeline.hue.secretary, pipeline.hue.council, "Phiên 2",
                                   [secret_item])
    assert secret.secret
    secret_tally = Tally.objects.get(session=secret)
    for member in pipeline.hue.members[:3]:
        workflow.cast_ballot(member, secret, {secret_item.pk: "AGREE"})
    assert not entries("nominations.Tally", Action.UPDATE, object_id=str(secret_tally.pk))
    voters = [m for m in secret.council.memberships.all()][3:]
    workflow.enter_paper_tally(pipeline.hue.secretary, secret, voters, {secret_item.pk: (2, 0, 0)})
    [paper] = changes_of("nominations.Tally", Action.UPDATE, secret_tally)
    assert paper == {"agree": ["3", "5"]}  # the secretary's count of the paper ballots


def test_issuing_a_decision_logs_items_outcomes_and_initiatives(pipeline, network, root_user):
    person = network.hue_person
    award_services.record_award(root_user, Award(award_type=AwardType.objects.get(code="LDTT"),
                                                 year=2025, person=person))
    award_services.set_rating(root_user, 2025, "GOOD", person=person)
    initiative = Initiative.objects.create(title="Sáng kiến 2025", unit=network.hue_coop, scope=1,
                                           year=2025, recognised_on=date(2025, 11, 1))
    initiative.authors.add(person)
    batch = pipeline.draft(codes=("CSTDCS",))
    item = batch.items.get()
    pipeline.to_council(batch)
    pipeline.vote_all(batch)
    decision = workflow.create_decision(pipeline.hue.signer, batch, [item], "CSTĐCS")
    [row] = decision.items.all()
    assert changes_of("nominations.DecisionItem", Action.CREATE, row)[0]["nomination"] == [
        None, str(item.pk)]
    workflow.issue_decision(pipeline.hue.signer, decision)
    award = decision.awards.get()
    assert {"outcome": [ItemOutcome.OPEN, ItemOutcome.AWARDED]} in changes_of(
        "nominations.Nomination", Action.UPDATE, item)
    assert {"used_for": [None, str(award.pk)]} in changes_of("records.Initiative",
                                                             Action.UPDATE, initiative)


def test_forwarding_logs_outcomes_links_and_copied_files(pipeline, network):
    batch = pipeline.draft(codes=("HCLD3",))
    pipeline.to_council(batch)
    pipeline.vote_all(batch)
    item = batch.items.get()
    copy = workflow.forward_to(pipeline.hue.officer, batch, [item], parent=network.vca)
    logged = changes_of("nominations.Nomination", Action.UPDATE, item)
    assert {"outcome": [ItemOutcome.OPEN, ItemOutcome.FORWARDED]} in logged
    assert {"forwarded_as": [None, str(copy.items.get().pk)]} in logged
    copied = copy.attachments.all()
    assert copied and all(entries("nominations.Attachment", Action.CREATE, object_id=str(a.pk))
                          for a in copied)


def test_handing_over_proposals_and_saving_registrations_are_logged(network, root_user,
                                                                    make_user, today):
    movement = movement_services.launch_movement(root_user, movement_services.save_movement(
        root_user, Movement(launched_by=network.hue, kind="REGULAR", title="Thi đua", goals="x",
                            start_date=date(2026, 1, 1), end_date=date(2026, 12, 31),
                            registration_deadline=today + timedelta(days=30))))
    review = movement_services.save_review(root_user, Review(
        movement=movement, organization=network.hue, kind="FINAL", held_on=date(2026, 12, 20),
        summary="Tổng kết"))
    proposal = ReviewProposal.objects.create(review=review, organization=network.hue_coop,
                                             award_type=AwardType.objects.get(code="GK"))
    workflow.batch_from_review(make_user(Role.EC_OFFICER, network.hue), review)
    proposal.refresh_from_db()
    [handed] = changes_of("movements.ReviewProposal", Action.UPDATE, proposal)
    assert handed["handed_over_at"][0] is None and handed["handed_over_at"][1]

    reporter = make_user(Role.UNIT_REPORTER, network.hue_coop)
    registration = Registration(movement=movement, unit=network.hue_coop, year=2026)
    ldtt = AwardType.objects.get(code="LDTT")
    movement_services.save_registration(reporter, registration, [], [(network.hue_person, ldtt)])
    [item] = registration.items.all()
    assert changes_of(item._meta.label, Action.CREATE, item)[0]["award_type"] == [
        None, str(ldtt.pk)]


def test_a_logged_bulk_update_costs_the_same_for_two_rows_as_for_nine(network, make_user):
    pipeline = _pipeline_module.Pipeline(network, make_user, size=9)
    batch = pipeline.draft(codes=("GK",))
    pipeline.to_council(batch)
    session = workflow.open_session(pipeline.hue.secretary, pipeline.hue.council, "Phiên",
                                    list(batch.items.all()))
    rows = Attendance.objects.filter(session=session).order_by("pk")

    def logged_update(queryset, **changes):
        expected = queryset.count()
        with CaptureQueriesContext(connection) as queries:
            assert audited_update(queryset, **changes) == expected
        return [q["sql"] for q in queries if "SAVEPOINT" not in q["sql"]]

    few = logged_update(rows.filter(pk__in=[r.pk for r in rows[:2]]), present=False)
    many = logged_update(rows, written_vote=True)
    # The read of the rows, the update, the last hash of the chain, one insert (on PostgreSQL:
    # the chain's advisory lock, then the entries' keys and one COPY), however many rows.
    assert len(few) == len(many) <= 6
    logged = [e.changes for e in entries("nominations.Attendance", Action.UPDATE)]
    assert logged == [{"present": ["True", "False"]}] * 2 + [{"written_vote": ["False", "True"]}] * 9
