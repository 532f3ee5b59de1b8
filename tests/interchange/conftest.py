"""Officers of the Huế alliance and the VCA, and a batch the Huế alliance forwarded to the VCA,
built through the pipeline's workflow functions."""
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from interchange_samples import report, upload

from thidua.accounts.models import Role, RoleAssignment
from thidua.awards.models import AwardType
from thidua.nominations import workflow
from thidua.nominations.models import Council, CouncilMembership
from thidua.nominations.states import AttachmentKind, SubjectKind, Verdict

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def pdf(name):
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


def officer(make_user, unit):
    """An officer doing intake, council secretary work and signing at ``unit``."""
    user = make_user(Role.EC_OFFICER, unit)
    for role in (Role.APPRAISER, Role.COUNCIL_SECRETARY, Role.SIGNER):
        RoleAssignment.objects.create(user=user, organization=unit, role=role)
    return user


@pytest.fixture
def hue_officer(network, make_user):
    return officer(make_user, network.hue)


@pytest.fixture
def vca_officer(network, make_user):
    return officer(make_user, network.vca)


@pytest.fixture
def hanoi_officer(network, make_user):
    return officer(make_user, network.hanoi)


@pytest.fixture
def forwarded(network, make_user, hue_officer, vca_officer):
    """A Huế cooperative batch (Bằng khen for Nguyễn Văn Điệp with his achievement report) that
    the Huế alliance received, appraised, put to its council and forwarded to the VCA."""
    reporter = make_user(Role.UNIT_REPORTER, network.hue_coop)
    council = Council.objects.create(organization=network.hue, name="Hội đồng TĐKT Huế")
    members = [make_user(Role.COUNCIL_MEMBER, network.hue) for _ in range(3)]
    for member in members:
        CouncilMembership.objects.create(council=council, user=member, role="MEMBER",
                                         start_date=date(2020, 1, 1))
    batch = workflow.create_batch(reporter, network.hue_coop, network.hue, year=2025,
                                  title="Đề nghị tặng Bằng khen năm 2025", reference="12/TTr-HTX")
    workflow.add_attachment(reporter, batch, AttachmentKind.SUBMISSION_LETTER, pdf("tt.pdf"))
    workflow.add_attachment(reporter, batch, AttachmentKind.MINUTES, pdf("bien-ban.pdf"))
    item = workflow.add_nomination(reporter, batch, SubjectKind.INDIVIDUAL,
                                   AwardType.objects.get(code="BK_BO"), person=network.hue_person,
                                   achievement="Hoàn thành xuất sắc nhiệm vụ")
    workflow.add_attachment(reporter, batch, AttachmentKind.ACHIEVEMENT_REPORT, upload(
        report(network.hue_person.full_name, "17/05/1980", network.hue_coop.name, []),
        "bao-cao-thanh-tich.docx"), item=item)
    workflow.submit_batch(reporter, batch)
    workflow.receive_batch(hue_officer, batch)
    workflow.start_appraisal(hue_officer, batch, hue_officer)
    item.refresh_from_db()
    override = "" if item.engine_eligible in (None, True) else "Đã xác minh hồ sơ"
    workflow.appraise_item(hue_officer, item, Verdict.ELIGIBLE, override_reason=override)
    workflow.send_to_council(hue_officer, batch)
    session = workflow.open_session(hue_officer, council, "Phiên họp cuối năm", [item])
    for member in members:
        workflow.cast_ballot(member, session, {item.pk: "AGREE"})
    workflow.close_session(hue_officer, session)
    workflow.forward_to(hue_officer, batch, [item], external_authority="Liên minh HTX Việt Nam",
                        external_reference="30/TTr-LMHTX")
    batch.refresh_from_db()
    return batch
