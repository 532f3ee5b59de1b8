"""The whole road: Huế cooperative → Huế alliance (decides GK, forwards BK_BO) → VCA decides."""
import pytest

from thidua.awards.models import Award, AwardSource
from thidua.core.models import Notification
from thidua.nominations import workflow
from thidua.nominations.models import Decision, NominationBatch
from thidua.nominations.states import ItemOutcome, State

pytestmark = pytest.mark.django_db


def test_full_pipeline_with_forwarding(pipeline, network):
    batch = pipeline.draft(codes=("GK", "BK_BO"))
    pipeline.to_council(batch)
    pipeline.vote_all(batch)
    gk, bk = batch.items.order_by("award_type__order")
    assert [gk.award_type.code, bk.award_type.code] == ["GK", "BK_BO"]

    decision = workflow.create_decision(pipeline.hue.signer, batch, [gk], "Về việc tặng Giấy khen")
    with pytest.raises(workflow.WorkflowError):  # BK_BO is beyond a provincial alliance's power
        workflow.create_decision(pipeline.hue.signer, batch, [bk], "Về việc tặng Bằng khen")
    workflow.issue_decision(pipeline.hue.signer, decision)
    decision.refresh_from_db()
    assert decision.number == 1 and decision.reference == f"01/{decision.symbol}"
    award = Award.objects.get(decision=decision)
    assert (award.person, award.source, award.money_amount) == (
        network.hue_person, AwardSource.DECISION, 760_000)  # 0.3 × 2,530,000 (entered from 1/7/2026)
    assert award.register_number.startswith("1/")

    upper = workflow.forward_to(pipeline.hue.signer, batch, [bk], parent=network.vca)
    batch.refresh_from_db()
    assert batch.state == State.FORWARDED
    assert upper.state == State.SUBMITTED and upper.origin == batch
    assert upper.attachments.count() == 5  # 3 batch files + BK_BO's report and certificate
    bk.refresh_from_db()
    assert bk.outcome == ItemOutcome.FORWARDED and bk.forwarded_as.batch == upper

    pipeline.to_council(upper, pipeline.vca)
    pipeline.vote_all(upper, pipeline.vca)
    vca_decision = workflow.create_decision(pipeline.vca.signer, upper, list(upper.items.all()),
                                            "Về việc tặng Bằng khen của Liên minh HTX Việt Nam")
    workflow.issue_decision(pipeline.vca.signer, vca_decision)
    upper.refresh_from_db()
    assert upper.state == State.DECIDED
    assert Award.objects.filter(award_type__code="BK_BO", person=network.hue_person,
                                money_amount=3_800_000).exists()  # 1.5 × 2,530,000
    assert list(upper.transitions.values_list("to_state", flat=True)) == [
        "SUBMITTED", "RECEIVED", "IN_APPRAISAL", "AT_COUNCIL", "DECIDED"]
    assert Notification.objects.filter(recipient=pipeline.reporter).exists()
    assert NominationBatch.objects.count() == 2 and Decision.objects.count() == 2


def test_return_and_resubmission_keep_the_history(pipeline):
    batch = pipeline.draft()
    workflow.submit_batch(pipeline.reporter, batch)
    workflow.return_for_correction(pipeline.hue.officer, batch, "Thiếu chữ ký trên tờ trình", 5)
    batch.refresh_from_db()
    assert batch.state == State.RETURNED_FOR_CORRECTION and batch.due_on
    workflow.submit_batch(pipeline.reporter, batch)
    assert list(batch.transitions.values_list("to_state", flat=True)) == [
        "DRAFT", "SUBMITTED", "RETURNED_FOR_CORRECTION", "SUBMITTED"]
    assert batch.transitions.get(to_state="RETURNED_FOR_CORRECTION").note == \
        "Thiếu chữ ký trên tờ trình"


def test_withdraw_only_before_intake(pipeline):
    batch = pipeline.draft()
    workflow.submit_batch(pipeline.reporter, batch)
    workflow.receive_batch(pipeline.hue.officer, batch)
    with pytest.raises(workflow.WorkflowError):
        workflow.withdraw_batch(pipeline.reporter, batch)
    other = pipeline.draft()
    workflow.submit_batch(pipeline.reporter, other)
    workflow.withdraw_batch(pipeline.reporter, other, "Nộp nhầm")
    other.refresh_from_db()
    assert other.state == State.WITHDRAWN


def test_publicity_is_required_for_national_titles_and_blocks_the_council(pipeline, network):
    batch = pipeline.draft(codes=("BK_TTG",))
    pipeline.to_appraisal(batch)
    pipeline.appraise_all(batch)
    with pytest.raises(workflow.WorkflowError, match="công khai"):
        workflow.send_to_council(pipeline.hue.officer, batch)
    workflow.open_publicity(pipeline.hue.officer, batch)
    with pytest.raises(workflow.WorkflowError, match="Chờ hết hạn công khai"):
        workflow.send_to_council(pipeline.hue.officer, batch)
    workflow.add_public_comment(batch.disclosure, "Người dân", "Đồng ý với danh sách")
    assert Notification.objects.filter(recipient=pipeline.hue.secretary,
                                       title__contains="ý kiến").exists()


def test_external_forwarding_records_reference_and_outcome(pipeline):
    batch = pipeline.draft(codes=("BK_TTG",), authority=pipeline.network.hue)
    pipeline.to_council(batch)
    pipeline.vote_all(batch)
    item = batch.items.get()
    assert workflow.forward_to(pipeline.hue.signer, batch, [item],
                               external_authority="Thủ tướng Chính phủ",
                               external_reference="25/TTr-LMHTX") is None
    workflow.record_external_outcome(pipeline.hue.signer, batch, "QĐ 100/QĐ-TTg ngày 01/3/2026")
    batch.refresh_from_db()
    assert batch.external_reference == "25/TTr-LMHTX" and batch.external_outcome


def test_rejection_closes_every_item(pipeline):
    batch = pipeline.draft()
    pipeline.to_appraisal(batch)
    workflow.reject_batch(pipeline.hue.officer, batch, "Không đúng đối tượng")
    assert set(batch.items.values_list("outcome", flat=True)) == {ItemOutcome.NOT_AWARDED}
