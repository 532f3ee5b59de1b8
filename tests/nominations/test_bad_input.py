"""The issue's bad inputs: a clear Vietnamese error and nothing written."""
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from thidua.awards.models import AwardType, Hold
from thidua.nominations import workflow
from thidua.nominations.files import MAX_BYTES
from thidua.nominations.models import Attachment, Nomination, NominationBatch, Transition
from thidua.nominations.states import AttachmentKind, State, SubjectKind


pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.4\n%%EOF\n"


def empty_batch(pipeline, authority=None):
    return workflow.create_batch(pipeline.reporter, pipeline.network.hue_coop,
                                 authority or pipeline.network.hue, title="Tờ trình", year=2025)


def test_submitting_without_required_components(pipeline, network):
    batch = empty_batch(pipeline)
    workflow.add_nomination(pipeline.reporter, batch, SubjectKind.INDIVIDUAL,
                            AwardType.objects.get(code="GK"), person=network.hue_person)
    with pytest.raises(workflow.WorkflowError, match="Hồ sơ còn thiếu: Tờ trình; Nguyễn Văn Điệp: Báo cáo thành tích; Biên bản họp xét"):
        workflow.submit_batch(pipeline.reporter, batch)
    batch.refresh_from_db()
    assert batch.state == State.DRAFT and batch.transitions.count() == 1


def test_submitting_an_empty_batch(pipeline):
    with pytest.raises(workflow.WorkflowError, match="chưa có người"):
        workflow.submit_batch(pipeline.reporter, empty_batch(pipeline))


def test_nominee_outside_the_proposers_scope(pipeline, network):
    batch = empty_batch(pipeline)
    for person in (network.hanoi_person, network.hue_person2):
        with pytest.raises(workflow.WorkflowError, match="không thuộc"):
            workflow.add_nomination(pipeline.reporter, batch, SubjectKind.INDIVIDUAL,
                                    AwardType.objects.get(code="GK"), person=person)
    with pytest.raises(workflow.WorkflowError, match="không thuộc"):
        workflow.add_nomination(pipeline.reporter, batch, SubjectKind.COLLECTIVE,
                                AwardType.objects.get(code="TTLDTT"), organization=network.hue)
    assert not Nomination.objects.exists()


def test_award_type_the_authority_cannot_confer(pipeline, network):
    batch = empty_batch(pipeline, authority=network.hue_coop)  # the cooperative decides itself
    with pytest.raises(workflow.WorkflowError, match="không có thẩm quyền tặng"):
        workflow.add_nomination(pipeline.reporter, batch, SubjectKind.INDIVIDUAL,
                                AwardType.objects.get(code="BK_BO"), person=network.hue_person)
    workflow.add_nomination(pipeline.reporter, batch, SubjectKind.INDIVIDUAL,
                            AwardType.objects.get(code="LDTT"), person=network.hue_person)
    with pytest.raises(workflow.WorkflowError, match="cấp trên"):
        workflow.create_batch(pipeline.reporter, network.hue_coop, network.hanoi, title="x",
                              year=2025)


def test_wrong_subject_kind_and_duplicates(pipeline, network):
    batch = empty_batch(pipeline)
    with pytest.raises(workflow.WorkflowError, match="không xét tặng cho đối tượng tập thể"):
        workflow.add_nomination(pipeline.reporter, batch, SubjectKind.COLLECTIVE,
                                AwardType.objects.get(code="LDTT"), organization=network.hue_coop)
    gk = AwardType.objects.get(code="GK")
    workflow.add_nomination(pipeline.reporter, batch, SubjectKind.INDIVIDUAL, gk,
                            person=network.hue_person)
    with pytest.raises(workflow.WorkflowError, match="đã có trong tờ trình"):
        workflow.add_nomination(pipeline.reporter, batch, SubjectKind.INDIVIDUAL, gk,
                                person=network.hue_person)


def test_a_held_person_cannot_be_nominated_or_submitted(pipeline, network):
    batch = pipeline.draft()
    Hold.objects.create(person=network.hue_person, start_date=date(2025, 1, 1),
                        reason="INVESTIGATION")
    with pytest.raises(workflow.WorkflowError, match="tạm dừng"):
        workflow.submit_batch(pipeline.reporter, batch)
    with pytest.raises(workflow.WorkflowError, match="tạm dừng"):
        workflow.add_nomination(pipeline.reporter, empty_batch(pipeline), SubjectKind.INDIVIDUAL,
                                AwardType.objects.get(code="LDTT"), person=network.hue_person)


@pytest.mark.parametrize("upload, message", [
    (SimpleUploadedFile("virus.pdf", b"MZ\x90\x00 not a pdf"), "không phải PDF"),
    (SimpleUploadedFile("rong.pdf", b""), "rỗng"),
    (SimpleUploadedFile("lon.pdf", PDF + b"0" * MAX_BYTES), "lớn hơn 10 MB"),
    (SimpleUploadedFile("zip.docx", b"PK\x03\x04garbage"), "không phải PDF"),
])
def test_attachments_are_checked_by_content_and_size(pipeline, upload, message):
    batch = empty_batch(pipeline)
    with pytest.raises(Exception, match=message):
        workflow.add_attachment(pipeline.reporter, batch, AttachmentKind.SUBMISSION_LETTER, upload)
    assert not Attachment.objects.exists()


def test_real_files_are_accepted_with_their_sniffed_type(pipeline, files):
    batch = empty_batch(pipeline)
    a = workflow.add_attachment(pipeline.reporter, batch, AttachmentKind.SUBMISSION_LETTER, files.pdf())
    b = workflow.add_attachment(pipeline.reporter, batch, AttachmentKind.MINUTES,
                               files.docx("bb.pdf"))
    assert a.content_type == "application/pdf"
    assert b.content_type.endswith("wordprocessingml.document")


def test_item_reports_need_an_item(pipeline, files):
    with pytest.raises(workflow.WorkflowError, match="phải gắn với"):
        workflow.add_attachment(pipeline.reporter, empty_batch(pipeline),
                                AttachmentKind.ACHIEVEMENT_REPORT, files.pdf())


def test_override_of_the_engine_needs_a_reason(pipeline):
    batch = pipeline.draft(codes=("CSTDCS",))  # no LĐTT, no rating: the engine says not eligible
    pipeline.to_appraisal(batch)
    item = batch.items.get()
    assert item.engine_eligible is False
    with pytest.raises(workflow.WorkflowError, match="cần ghi lý do"):
        workflow.appraise_item(pipeline.hue.appraiser, item, "ELIGIBLE")
    workflow.appraise_item(pipeline.hue.appraiser, item, "ELIGIBLE",
                           override_reason="Đã có quyết định công nhận LĐTT bản giấy")
    item.refresh_from_db()
    assert item.override_reason and item.engine_verdict["eligible"] is False


def test_nothing_written_when_a_transition_is_refused(pipeline):
    batch = pipeline.draft()
    before = Transition.objects.count()
    with pytest.raises(workflow.WorkflowError):
        workflow.receive_batch(pipeline.hue.officer, batch)  # still a draft
    assert Transition.objects.count() == before
    assert NominationBatch.objects.get().state == State.DRAFT


def test_a_type_the_machine_cannot_judge_needs_no_reason_to_conclude(pipeline, client):
    """A Giấy khen has no machine-checkable criteria: the check says people judge ("Cần người
    xét"), not "Chưa đủ", and concluding either way asks no reason for differing from it."""
    batch = pipeline.draft(codes=("GK",))
    pipeline.to_appraisal(batch)
    item = batch.items.get()
    assert item.engine_verdict["undetermined"] and item.engine_eligible is None
    client.force_login(pipeline.hue.appraiser)
    page = client.get(reverse("nominations:batch_appraisal", args=[batch.pk])).content.decode()
    assert "Cần người xét" in page and "Chưa đủ</span>" not in page
    workflow.appraise_item(pipeline.hue.appraiser, item, "ELIGIBLE")
    item.refresh_from_db()
    assert item.verdict == "ELIGIBLE" and item.override_reason == ""
