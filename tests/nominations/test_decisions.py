"""Decisions: numbering (gapless, and under concurrency on PostgreSQL), immutability, money,
initiatives marked used, revocation."""
import threading
from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import close_old_connections, connection, transaction

from thidua.awards import services
from thidua.awards.models import Award, AwardStatus, Revocation
from thidua.nominations import workflow
from thidua.nominations.models import Decision, DecisionState, IssuerSettings
from thidua.nominations.numbering import next_number
from thidua.records.models import Initiative

pytestmark = pytest.mark.django_db


@pytest.fixture
def decided(pipeline):
    batch = pipeline.draft(codes=("GK",))
    pipeline.to_council(batch)
    pipeline.vote_all(batch)
    return batch


def test_issue_numbers_are_consecutive_with_the_issuer_symbol(pipeline, network, decided):
    IssuerSettings.objects.create(organization=network.hue, decision_symbol="QĐ-LMHTX")
    decision = workflow.create_decision(pipeline.hue.signer, decided, list(decided.items.all()),
                                        "Về việc tặng Giấy khen")
    workflow.issue_decision(pipeline.hue.signer, decision, day=date(2025, 12, 20))
    decision.refresh_from_db()
    assert decision.reference == "01/QĐ-LMHTX" and decision.year == 2025
    award = decision.awards.get()
    assert award.money_amount == 710_000 and award.decision_number == "01/QĐ-LMHTX"
    with transaction.atomic():
        assert next_number(network.hue, 2025) == 2
        assert next_number(network.hue, 2026) == 1
        assert next_number(network.hanoi, 2025) == 1


def test_issued_decision_is_immutable_and_empty_decision_refused(pipeline, decided):
    with pytest.raises(workflow.WorkflowError, match="ít nhất một"):
        workflow.create_decision(pipeline.hue.signer, decided, [], "Trống")
    decision = workflow.create_decision(pipeline.hue.signer, decided, list(decided.items.all()),
                                        "Về việc tặng Giấy khen")
    workflow.update_decision(pipeline.hue.signer, decision, title="Về việc tặng Giấy khen năm 2025")
    workflow.issue_decision(pipeline.hue.signer, decision)
    with pytest.raises(workflow.WorkflowError, match="không được sửa"):
        workflow.update_decision(pipeline.hue.signer, decision, title="Sửa")
    with pytest.raises(workflow.WorkflowError, match="không được sửa"):
        workflow.issue_decision(pipeline.hue.signer, decision)
    assert Decision.objects.get().title == "Về việc tặng Giấy khen năm 2025"


def test_issuing_marks_the_initiatives_the_engine_used(pipeline, network, root_user):
    from thidua.awards.models import AwardType

    person = network.hue_person
    services.record_award(root_user, Award(award_type=AwardType.objects.get(code="LDTT"),
                                            year=2025, person=person))
    services.set_rating(root_user, 2025, "GOOD", person=person)
    initiative = Initiative.objects.create(title="Sáng kiến 2025", unit=network.hue_coop, scope=1,
                                           year=2025, recognised_on=date(2025, 11, 1))
    initiative.authors.add(person)
    batch = pipeline.draft(codes=("CSTDCS",))
    item = batch.items.get()
    assert item.engine_eligible, item.engine_verdict
    pipeline.to_council(batch)
    pipeline.vote_all(batch)
    decision = workflow.create_decision(pipeline.hue.signer, batch, [item], "CSTĐCS")
    workflow.issue_decision(pipeline.hue.signer, decision)
    initiative.refresh_from_db()
    assert initiative.used_for == decision.awards.get()


def test_revocation_by_the_awarding_authority_only(pipeline, network, decided, make_user):
    from thidua.accounts.models import Role

    decision = workflow.create_decision(pipeline.hue.signer, decided, list(decided.items.all()),
                                        "GK")
    workflow.issue_decision(pipeline.hue.signer, decision)
    award = decision.awards.get()
    outsider = make_user(Role.EC_OFFICER, network.hanoi)
    with pytest.raises(PermissionDenied):
        services.revoke_award(outsider, award, "FRAUD", "5/QĐ-LMHTX", date(2026, 1, 5))
    with pytest.raises(ValidationError):
        services.revoke_award(pipeline.hue.signer, award, "WHATEVER", "5/QĐ-LMHTX", date(2026, 1, 5))
    services.revoke_award(pipeline.hue.signer, award, "FRAUD", "5/QĐ-LMHTX", date(2026, 1, 5),
                          artefacts_recovered=True, recovered_amount=710_000)
    award.refresh_from_db()
    assert award.status == AwardStatus.REVOKED and decision.is_partly_revoked
    assert Revocation.objects.get().recovered_amount == 710_000
    with pytest.raises(ValidationError, match="đã bị thu hồi"):
        services.revoke_award(pipeline.hue.signer, award, "FRAUD", "6/QĐ-LMHTX", date(2026, 1, 6))


@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_numbering_under_concurrency_has_no_duplicate_and_no_gap(network):
    workers, per_worker = 8, 10
    numbers, errors = [], []
    barrier = threading.Barrier(workers)

    def work():
        try:
            barrier.wait()
            for _ in range(per_worker):
                with transaction.atomic():
                    numbers.append(next_number(network.hue, 2025))
        except Exception as error:  # pragma: no cover - reported below
            errors.append(error)
        finally:
            close_old_connections()
            connection.close()

    threads = [threading.Thread(target=work) for _ in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert sorted(numbers) == list(range(1, workers * per_worker + 1))


@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_concurrent_issues_get_distinct_consecutive_numbers(award_catalogue, pipeline):
    decisions = []
    for _ in range(4):
        batch = pipeline.draft(codes=("GK",))
        pipeline.to_council(batch)
        pipeline.vote_all(batch)
        decisions.append(workflow.create_decision(pipeline.hue.signer, batch,
                                                  list(batch.items.all()), "GK"))
    errors = []

    def issue(decision):
        try:
            workflow.issue_decision(pipeline.hue.signer, decision)
        except Exception as error:  # pragma: no cover
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=issue, args=(d,)) for d in decisions]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert sorted(Decision.objects.values_list("number", flat=True)) == [1, 2, 3, 4]
    assert Award.objects.count() == 4
    assert not Initiative.objects.exists()


def test_money_waits_for_the_new_base_salary(pipeline, decided, base_salary_entered):
    """NĐ 161/2026 replaces NĐ 73/2024 from 01/7/2026: until its amount is entered and confirmed,
    a decision with money dated after it is refused with the reason and nothing is written."""
    base_salary_entered.confirmed = False
    base_salary_entered.save()
    decision = workflow.create_decision(pipeline.hue.signer, decided, list(decided.items.all()),
                                        "Về việc tặng Giấy khen")
    with pytest.raises(workflow.WorkflowError, match="161/2026"):
        workflow.issue_decision(pipeline.hue.signer, decision)
    decision.refresh_from_db()
    assert decision.state == DecisionState.DRAFT and not Award.objects.exists()
    workflow.issue_decision(pipeline.hue.signer, decision, day=date(2026, 6, 30))  # old amount
    assert decision.awards.get().money_amount == 710_000


@pytest.mark.parametrize("dossier, subject", [
    ("Đề nghị tặng Giấy khen cho cá nhân có thành tích xuất sắc năm 2026",
     "Về việc tặng Giấy khen cho cá nhân có thành tích xuất sắc năm 2026"),
    ("ĐỀ NGHỊ khen thưởng năm 2025", "Về việc khen thưởng năm 2025"),
    ("Khen thưởng tổng kết phong trào thi đua năm 2020",
     "Về việc khen thưởng tổng kết phong trào thi đua năm 2020"),
    ("Về việc khen thưởng đột xuất", "Về việc khen thưởng đột xuất"),
    ("Đề nghị ", "Về việc khen thưởng năm 2025"),
])
def test_the_decisions_subject_reads_from_its_dossier_without_repeating_it(dossier, subject):
    from thidua.nominations.models import NominationBatch
    from thidua.nominations.workflow.decisions import title_for

    assert title_for(NominationBatch(title=dossier, year=2025)) == subject


def test_the_decision_form_proposes_that_subject(client, pipeline, decided):
    from django.urls import reverse

    client.force_login(pipeline.hue.signer)
    page = client.get(reverse("nominations:decision_create", args=[decided.pk])).content.decode()
    assert 'value="Về việc khen thưởng năm 2025"' in page  # the dossier asks "Đề nghị khen thưởng …"
    client.post(reverse("nominations:decision_create", args=[decided.pk]),
                {"items": [i.pk for i in decided.items.all()], "title": ""})
    assert Decision.objects.get(batch=decided).title == "Về việc khen thưởng năm 2025"


def test_a_user_of_another_unit_sees_no_decision(client, pipeline, network, decided, make_user,
                                                settings):
    from django.urls import reverse

    from thidua.accounts.models import Role
    from thidua.core import scopes

    settings.THIDUA_UNSCOPED_READS = "raise"
    decision = workflow.create_decision(pipeline.hue.signer, decided, list(decided.items.all()),
                                        "Về việc tặng Giấy khen")
    other = make_user(Role.EC_OFFICER, network.hanoi)
    with scopes.serving("/ho-so/quyet-dinh/"):
        assert list(Decision.objects.visible_to(other)) == []
        assert list(Decision.objects.visible_to(pipeline.hue.officer)) == [decision]
        with pytest.raises(scopes.ScopeError, match="nominations.Decision"):
            list(Decision.objects.all())
        assert list(Decision.objects.public()) == []  # a draft is no public document
    client.force_login(other)
    assert client.get(reverse("nominations:decision_detail", args=[decision.pk])).status_code \
        == 403
    assert client.get("/api/v1/decisions").json()["items"] == []
    workflow.issue_decision(pipeline.hue.signer, decision)
    with scopes.serving("/xac-minh/quyet-dinh/"):
        assert list(Decision.objects.public()) == [decision]
