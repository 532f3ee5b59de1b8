"""A list added at once (``add_nominations``) is exactly that list added one by one: the same rows,
the same engine verdicts, the same audit entries; a refused nominee anywhere leaves nothing
written, and duplicates and quotas are seen inside the list too."""
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from thidua.accounts.models import Role
from thidua.audit.chain import verify
from thidua.audit.models import AuditEntry
from thidua.awards.models import AnnualRating, AwardQuota, AwardType, Hold, QuotaBasis
from thidua.core.xlsx_sheet import ImportRejected
from thidua.nominations import workflow
from thidua.nominations.importing import NomineeSpec
from thidua.nominations.models import Nomination
from thidua.nominations.states import SubjectKind
from thidua.nominations.workflow.quotas import batch_quotas

pytestmark = pytest.mark.django_db
INDIVIDUAL, COLLECTIVE, HOUSEHOLD = SubjectKind.INDIVIDUAL, SubjectKind.COLLECTIVE, \
    SubjectKind.HOUSEHOLD


@pytest.fixture
def officer(network, make_user):
    return make_user(Role.EC_OFFICER, network.hue)


def new_batch(officer, network):
    return workflow.create_batch(officer, network.hue, network.hue, title="Đề nghị năm 2025",
                                 year=2025)


def kind(code):
    return AwardType.objects.get(code=code)


@pytest.fixture
def people(network):
    """Four people of the Huế subtree: two with three good years (LĐTT holds), two without."""
    extra = [network.person("Võ", "Văn", "An", network.hue_coop),
             network.person("Đặng", "Thị", "Lan", network.hue_coop2)]
    everyone = [network.hue_person, network.hue_person2, *extra]
    for person in everyone[::2]:
        for year in (2023, 2024, 2025):
            AnnualRating.objects.create(person=person, year=year, rating="EXCELLENT")
    return everyone


def the_list(network, people):
    return [workflow.Nominee(INDIVIDUAL, kind(code), person=person, achievement=f"Thành tích {n}")
            for n, person in enumerate(people) for code in ("LDTT", "CSTDCS")] + [
        workflow.Nominee(COLLECTIVE, kind("TTLDTT"), organization=network.hue_coop),
        workflow.Nominee(HOUSEHOLD, kind("GK"), person=people[-1], household_name="Hộ gia đình")]


def rows(batch):
    return [(i.subject_kind, i.person_id, i.organization_id, i.award_type_id, i.achievement,
             i.household_name, i.engine_verdict) for i in batch.items.order_by("pk")]


def audit_trail(batch):
    """The audit entries of the batch's nominees, without what differs between two batches."""
    ids = [str(pk) for pk in batch.items.order_by("pk").values_list("pk", flat=True)]
    entries = AuditEntry.objects.filter(model="nominations.Nomination", object_id__in=ids)
    return [(e.action, e.actor_id, e.object_repr, e.unit_path,
             {k: v for k, v in e.changes.items() if k not in ("id", "batch")})
            for e in entries.order_by("pk")]


def test_a_list_at_once_equals_the_list_one_by_one(officer, network, people):
    nominees = the_list(network, people)
    bulk = new_batch(officer, network)
    added = workflow.add_nominations(officer, bulk, nominees)
    assert [item.pk for item in added] == list(bulk.items.order_by("pk").values_list("pk",
                                                                                      flat=True))
    single = new_batch(officer, network)
    for nominee in nominees:
        workflow.add_nomination(officer, single, nominee.subject_kind, nominee.award_type,
                                person=nominee.person, organization=nominee.organization,
                                achievement=nominee.achievement,
                                household_name=nominee.household_name)
    assert rows(bulk) == rows(single)
    verdicts = [row[-1] for row in rows(bulk)]
    assert [v["eligible"] for v in verdicts[:4]] == [True, True, False, False]  # LĐTT, CSTĐCS ×2
    assert verdicts[-1] is None or verdicts[-1]["eligible"] is False  # GK: judged by people
    assert audit_trail(bulk) == audit_trail(single) and len(audit_trail(bulk)) == len(nominees)
    assert verify().intact


def test_a_long_list_costs_a_fixed_number_of_queries(officer, network, people):
    short, long = the_list(network, people[:1]), the_list(network, people)
    batch = new_batch(officer, network)
    with CaptureQueriesContext(connection) as few:
        workflow.add_nominations(officer, batch, short)
    other = new_batch(officer, network)
    with CaptureQueriesContext(connection) as many:
        workflow.add_nominations(officer, other, long)
    assert len(many) <= len(few) + 2  # one more history query per kind at most, never per row


def test_a_refused_nominee_anywhere_leaves_nothing_written(officer, network, people):
    batch = new_batch(officer, network)
    Hold.objects.create(person=people[3], start_date="2025-01-01", reason="INVESTIGATION")
    entries = AuditEntry.objects.count()
    nominees = the_list(network, people)
    nominees[3:3] = [workflow.Nominee(INDIVIDUAL, kind("GK"), person=network.hanoi_person)]
    with pytest.raises(workflow.NominationsRefused) as refused:
        workflow.add_nominations(officer, batch, nominees)
    assert [index for index, _error in refused.value.refusals] == [3, 7, 8, 10]  # the household's head too
    assert "Phạm Quốc Bảo không thuộc" in refused.value.messages[0]
    assert all("tạm dừng" in message for message in refused.value.messages[1:])
    assert not Nomination.objects.exists() and AuditEntry.objects.count() == entries


def test_one_nominee_refused_raises_its_own_error(officer, network):
    batch = new_batch(officer, network)
    with pytest.raises(workflow.WorkflowError, match="không thuộc") as refused:
        workflow.add_nomination(officer, batch, INDIVIDUAL, kind("GK"),
                                person=network.hanoi_person)
    assert not isinstance(refused.value, workflow.NominationsRefused)


def test_duplicates_inside_the_list_and_with_the_batch(officer, network, people):
    batch = new_batch(officer, network)
    workflow.add_nomination(officer, batch, INDIVIDUAL, kind("GK"), person=people[0])
    twice = [workflow.Nominee(INDIVIDUAL, kind("GK"), person=people[1]),
             workflow.Nominee(INDIVIDUAL, kind("LDTT"), person=people[1]),  # another type: fine
             workflow.Nominee(INDIVIDUAL, kind("GK"), person=people[1]),
             workflow.Nominee(INDIVIDUAL, kind("GK"), person=people[0])]
    with pytest.raises(workflow.NominationsRefused) as refused:
        workflow.add_nominations(officer, batch, twice)
    assert [index for index, _error in refused.value.refusals] == [2, 3]
    assert all("đã có trong tờ trình" in message for message in refused.value.messages)
    assert batch.items.count() == 1


def test_quotas_count_a_list_added_at_once(officer, network, people):
    AwardQuota.objects.create(organization=network.hue, award_type=kind("GK"),
                              basis=QuotaBasis.FIXED, max_count=2)
    batch = new_batch(officer, network)
    workflow.add_nominations(officer, batch, [workflow.Nominee(INDIVIDUAL, kind("GK"), person=p)
                                              for p in people[:3]])
    [quota] = batch_quotas(batch)
    assert (quota["count"], quota["limit"], quota["excess"]) == (3, 2, 1)


def test_a_submitted_batch_takes_no_list(officer, network, people, pipeline):
    batch = pipeline.to_appraisal(pipeline.draft())
    with pytest.raises(workflow.WorkflowError, match="Chỉ sửa được"):
        workflow.add_nominations(pipeline.reporter, batch, [
            workflow.Nominee(INDIVIDUAL, kind("LDTT"), person=network.hue_person)])


def test_an_import_refused_at_write_time_names_every_row(officer, network, people):
    """What the preview could not see (here: a hold entered meanwhile) is refused by
    ``add_nominations``, every such row named, nothing written."""
    batch = new_batch(officer, network)
    spec = NomineeSpec(batch, officer)
    for person in people[1:3]:
        Hold.objects.create(person=person, start_date="2025-01-01", reason="INVESTIGATION")
    items = [(number, [workflow.Nominee(INDIVIDUAL, kind("GK"), person=person)])
             for number, person in enumerate(people, start=4)]
    with pytest.raises(ImportRejected) as rejected:
        spec.save_all(items)
    assert [message[:7] for message in rejected.value.errors] == ["Dòng 5:", "Dòng 6:"]
    assert not Nomination.objects.exists()
