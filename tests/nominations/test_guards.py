"""Actions only where they apply: the batch page offers a step only where its gate does, says
why a step is not yet possible, and the workflow function refuses exactly when the gate is shut."""
from datetime import date, timedelta

import pytest
from django.db import transaction

from thidua.accounts.models import Role
from thidua.awards.models import AwardType
from thidua.documents.context import decision_context
from thidua.nominations import guards, workflow
from thidua.nominations.models import Decision, Disclosure
from thidua.nominations.states import State

pytestmark = pytest.mark.django_db


class RolledBack(Exception):
    pass


def succeeds(call):
    """Whether ``call`` goes through; whatever it wrote is rolled back."""
    try:
        with transaction.atomic():
            call()
            raise RolledBack
    except RolledBack:
        return True
    except Exception:  # noqa: BLE001 — PermissionDenied or WorkflowError: refused either way
        return False


def steps(pipeline):
    """(gate, workflow call) per step, for any user and batch."""
    return {
        "submit": lambda u, b: workflow.submit_batch(u, b),
        "withdraw": lambda u, b: workflow.withdraw_batch(u, b),
        "receive": lambda u, b: workflow.receive_batch(u, b),
        "return_for_correction": lambda u, b: workflow.return_for_correction(u, b, "Thiếu"),
        "assign_appraiser": lambda u, b: workflow.start_appraisal(u, b, pipeline.hue.appraiser),
        "open_publicity": lambda u, b: workflow.open_publicity(u, b),
        "send_to_council": lambda u, b: workflow.send_to_council(u, b),
        "reject": lambda u, b: workflow.reject_batch(u, b, "Không đạt"),
    }


def test_every_gate_agrees_with_its_workflow_function(pipeline, network, make_user, today):
    users = [pipeline.reporter, pipeline.hue.officer, pipeline.hue.appraiser,
             pipeline.hue.secretary, pipeline.hue.signer, pipeline.vca.officer,
             make_user(Role.EC_OFFICER, network.hanoi)]
    batch = pipeline.draft(codes=("BK_TTG",))
    moves = [lambda: workflow.submit_batch(pipeline.reporter, batch),
             lambda: workflow.receive_batch(pipeline.hue.officer, batch),
             lambda: workflow.start_appraisal(pipeline.hue.officer, batch,
                                              pipeline.hue.appraiser),
             lambda: pipeline.appraise_all(batch),
             lambda: workflow.open_publicity(pipeline.hue.officer, batch),
             lambda: Disclosure.objects.filter(batch=batch).update(
                 ends_on=today - timedelta(days=1)), None]
    seen = set()
    for advance in moves:
        batch.refresh_from_db()
        for name, call in steps(pipeline).items():
            for user in users:
                gate = getattr(guards, name)(user, batch)
                assert gate.open is succeeds(lambda: call(user, batch)), (batch.state, name,
                                                                         user)
                seen.add((name, gate.open))
        if advance:
            advance()
    assert {name for name, is_open in seen if is_open} == set(steps(pipeline))


def test_the_receiving_officer_is_not_offered_withdrawal(client, pipeline):
    batch = pipeline.draft()
    workflow.submit_batch(pipeline.reporter, batch)
    client.force_login(pipeline.hue.officer)
    page = client.get(batch.get_absolute_url()).content.decode()
    assert "Tiếp nhận" in page and "Rút tờ trình" not in page
    client.force_login(pipeline.reporter)
    page = client.get(batch.get_absolute_url()).content.decode()
    assert "Rút tờ trình" in page and "Tiếp nhận</button>" not in page


def test_publicity_and_council_wait_for_the_appraisal(client, pipeline):
    batch = pipeline.to_appraisal(pipeline.draft(codes=("BK_TTG",)))
    client.force_login(pipeline.hue.officer)
    page = client.get(batch.get_absolute_url()).content.decode()
    assert 'data-testid="why-open_publicity"' in page
    assert 'data-testid="why-send_to_council"' in page
    assert "Còn hồ sơ chưa thẩm định" in page
    with pytest.raises(workflow.WorkflowError, match="Còn hồ sơ chưa thẩm định"):
        workflow.open_publicity(pipeline.hue.officer, batch)
    pipeline.appraise_all(batch)
    page = client.get(batch.get_absolute_url()).content.decode()
    assert 'data-testid="why-open_publicity"' not in page
    assert "phải công khai trước khi đưa ra Hội đồng" in page


def test_the_council_waits_for_the_end_of_publicity(client, pipeline, today):
    batch = pipeline.to_appraisal(pipeline.draft(codes=("BK_TTG",)))
    pipeline.appraise_all(batch)
    workflow.open_publicity(pipeline.hue.officer, batch)
    ends = Disclosure.objects.get(batch=batch).ends_on.strftime("%d/%m/%Y")
    client.force_login(pipeline.hue.officer)
    page = client.get(batch.get_absolute_url()).content.decode()
    assert f"Chờ hết hạn công khai {ends}" in page
    with pytest.raises(workflow.WorkflowError, match=f"Chờ hết hạn công khai {ends}"):
        workflow.send_to_council(pipeline.hue.officer, batch)


def test_a_draft_shows_no_verdict_or_result(client, pipeline):
    batch = pipeline.draft()
    client.force_login(pipeline.reporter)
    page = client.get(batch.get_absolute_url()).content.decode()
    assert "Đang xét" not in page and "Chưa thẩm định" not in page and "Chưa xét" not in page
    workflow.submit_batch(pipeline.reporter, batch)
    assert "Chưa thẩm định" in client.get(batch.get_absolute_url()).content.decode()


def test_money_is_shown_only_where_the_form_carries_money(client, pipeline):
    AwardType.objects.filter(code="GK").update(money_multiplier_individual=None,
                                               money_multiplier_collective=None)
    batch = pipeline.to_council(pipeline.draft())
    pipeline.vote_all(batch)
    decision = workflow.create_decision(pipeline.hue.signer, batch, list(batch.items.all()),
                                        "Về việc tặng Giấy khen")
    client.force_login(pipeline.hue.signer)
    page = client.get(decision.get_absolute_url()).content.decode()
    assert "Tiền thưởng" not in page and "0 đồng" not in page
    assert Decision.objects.get().batch.state == State.AT_COUNCIL
    workflow.issue_decision(pipeline.hue.signer, decision, day=date(2025, 12, 20))
    page = client.get(decision.get_absolute_url()).content.decode()
    assert "Tiền thưởng" not in page and "0 đồng" not in page
    document = decision_context(decision)  # the decision's PDF and DOCX
    assert "tiền thưởng" not in document["article2"]
    assert [row["note"] for section in document["sections"] for row in section["rows"]] == [""]


def test_money_is_shown_where_the_form_carries_money(client, pipeline):
    batch = pipeline.to_council(pipeline.draft())
    pipeline.vote_all(batch)
    decision = workflow.create_decision(pipeline.hue.signer, batch, list(batch.items.all()),
                                        "Về việc tặng Giấy khen")
    client.force_login(pipeline.hue.signer)
    assert "Tiền thưởng (đồng)" in client.get(decision.get_absolute_url()).content.decode()
    workflow.issue_decision(pipeline.hue.signer, decision, day=date(2025, 12, 20))
    page = client.get(decision.get_absolute_url()).content.decode()
    assert "Tiền thưởng (đồng)" in page and "710.000" in page
    document = decision_context(decision)
    assert "Tổng số tiền thưởng là 710.000 đồng" in document["article2"]
    assert [row["note"] for section in document["sections"] for row in section["rows"]] == [
        "710.000 đ"]


def test_an_issued_decision_recorded_without_money_shows_no_money_column(client, pipeline):
    """An old decision entered without amounts (no base salary known for its year) is the record:
    no column of dashes, though the form would carry money today."""
    batch = pipeline.to_council(pipeline.draft())
    pipeline.vote_all(batch)
    decision = workflow.create_decision(pipeline.hue.signer, batch, list(batch.items.all()),
                                        "Về việc tặng Giấy khen")
    workflow.issue_decision(pipeline.hue.signer, decision, day=date(2025, 12, 20))
    decision.items.update(money_amount=0)
    client.force_login(pipeline.hue.signer)
    page = client.get(decision.get_absolute_url()).content.decode()
    assert "Tiền thưởng" not in page and "Giấy khen" in page
