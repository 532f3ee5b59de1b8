"""A tờ trình signed "as the organisation chooses": with "Ký số tờ trình" on in the proposing
unit's settings, the batch cannot be sent until the unit's own signer has signed its PDF through
the same signing services as a decision; the receiving level sees the signature checked live
(signer, time, state), and a missing or tampered signature is shown plainly. Another unit, or a
signer of a level above, neither signs it nor sees it."""
import hashlib
import json

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.urls import reverse

from nomination_pipeline import docx, pdf
from pki import tampered
from thidua.accounts.models import Role
from thidua.awards.models import AwardType
from thidua.documents import services as documents
from thidua.documents.models import SignedSubmission, SigningSession
from thidua.documents.signing import agent, services
from thidua.documents.signing.base import SigningError
from thidua.nominations import workflow
from thidua.nominations.models import IssuerSettings, NominationBatch
from thidua.nominations.states import AttachmentKind, State, SubjectKind
from thidua.nominations.workflow.common import WorkflowError

NAME = "Trần Văn Phong"


class Proposal:
    """A Huế cooperative's draft tờ trình to the Huế alliance; the cooperative signs its tờ
    trình; its signer and EC officer, the alliance's intake officer and signer, another
    cooperative's signer."""

    def __init__(self, network, make_user, pki, sign=True):
        self.network = network
        self.signer = make_user(Role.SIGNER, network.hue_coop, include_descendants=False)
        self.officer = make_user(Role.EC_OFFICER, network.hue_coop)
        self.intake = make_user(Role.EC_OFFICER, network.hue)
        self.upper_signer = make_user(Role.SIGNER, network.hue)
        self.other = make_user(Role.SIGNER, network.hue_coop2, include_descendants=False)
        for user, name in ((self.signer, NAME), (self.upper_signer, "Hồ Thị Điệp"),
                           (self.other, "Lê Văn Hòa")):
            pki.enrol(user, name)
        IssuerSettings.objects.create(organization=network.hue_coop, decision_symbol="QĐ-HTX",
                                      signer_title="GIÁM ĐỐC", sign_submissions=sign)
        self.batch = workflow.create_batch(
            self.officer, network.hue_coop, network.hue, reference="12/TTr-HTX",
            title="Đề nghị tặng Giấy khen năm 2025", year=2025)
        for kind, name in ((AttachmentKind.SUBMISSION_LETTER, "to-trinh.pdf"),
                           (AttachmentKind.MINUTES, "bien-ban.pdf"),
                           (AttachmentKind.BALLOT_RESULT, "kiem-phieu.pdf")):
            workflow.add_attachment(self.officer, self.batch, kind, pdf(name))
        self.nominate(network.hue_person)

    def nominate(self, person=None, unit=None):
        item = workflow.add_nomination(
            self.officer, self.batch, SubjectKind.COLLECTIVE if unit else SubjectKind.INDIVIDUAL,
            AwardType.objects.get(code="GK"), person=person, organization=unit,
            achievement="Hoàn thành xuất sắc nhiệm vụ")
        workflow.add_attachment(self.officer, self.batch, AttachmentKind.ACHIEVEMENT_REPORT,
                                docx(), item=item)


@pytest.fixture
def proposal(network, make_user, pki, base_salary_entered):
    return Proposal(network, make_user, pki)


def panel(client, user, batch):
    client.force_login(user)
    return client.get(reverse("documents:submission_signature", args=[batch.pk]),
                      headers={"HX-Request": "true"})


def test_the_batch_is_not_sent_before_its_signer_signs_it(proposal):
    with pytest.raises(WorkflowError, match="phải được người ký của Hợp tác xã Nông nghiệp "
                                            "Thủy Thanh ký số trước khi gửi"):
        workflow.submit_batch(proposal.officer, proposal.batch)
    row = services.sign(proposal.signer, proposal.batch)
    assert (row.version, row.signed_by, row.signer_name) == (1, proposal.signer, NAME)
    assert row.content_sha256 == hashlib.sha256(
        documents.proposal_pdf(proposal.batch)).hexdigest()  # the same PDF, rendered again
    workflow.submit_batch(proposal.officer, proposal.batch)
    assert NominationBatch.objects.get(pk=proposal.batch.pk).state == State.SUBMITTED


def test_a_batch_of_a_unit_that_does_not_sign_is_sent_as_before(network, make_user, pki,
                                                                 base_salary_entered):
    proposal = Proposal(network, make_user, pki, sign=False)
    workflow.submit_batch(proposal.officer, proposal.batch)
    with pytest.raises(SigningError, match="không ký số tờ trình"):
        services.sign(proposal.signer, NominationBatch.objects.get(pk=proposal.batch.pk))


def test_a_batch_changed_after_signing_must_be_signed_again(proposal):
    services.sign(proposal.signer, proposal.batch)
    proposal.nominate(unit=proposal.network.hue_coop)
    with pytest.raises(WorkflowError, match="đã thay đổi sau khi ký số"):
        workflow.submit_batch(proposal.officer, proposal.batch)
    assert services.sign(proposal.signer, proposal.batch).version == 2
    workflow.submit_batch(proposal.officer, proposal.batch)


def test_a_returned_batch_is_signed_again_before_it_is_sent_again(proposal):
    services.sign(proposal.signer, proposal.batch)
    workflow.submit_batch(proposal.officer, proposal.batch)
    workflow.return_for_correction(proposal.intake, proposal.batch, "Bổ sung minh chứng")
    batch = NominationBatch.objects.get(pk=proposal.batch.pk)
    with pytest.raises(WorkflowError, match="ký số trước khi gửi"):
        workflow.submit_batch(proposal.officer, batch)
    services.sign(proposal.signer, batch)
    workflow.submit_batch(proposal.officer, batch)


def test_a_sent_batch_is_not_signed_any_more(proposal):
    services.sign(proposal.signer, proposal.batch)
    workflow.submit_batch(proposal.officer, proposal.batch)
    with pytest.raises(SigningError, match="Chỉ ký số tờ trình trước khi gửi"):
        services.sign(proposal.signer, NominationBatch.objects.get(pk=proposal.batch.pk))


@pytest.mark.parametrize("who", ["officer", "upper_signer", "other"])
def test_only_the_proposing_units_own_signer_signs(proposal, who):
    with pytest.raises(PermissionDenied):
        services.sign(getattr(proposal, who), proposal.batch)
    assert not SignedSubmission.objects.exists()


def test_another_units_signer_neither_sees_nor_signs_it(client, proposal):
    services.sign(proposal.signer, proposal.batch)
    client.force_login(proposal.other)
    pk = proposal.batch.pk
    for name in ("sign_submission", "submission_signature", "submission_signed_file"):
        assert client.get(reverse(f"documents:{name}", args=[pk])).status_code in (403, 404)
    for name in ("submission_agent_session", "submission_digest_agent_session"):
        assert client.post(reverse(f"documents:{name}", args=[pk])).status_code in (403, 404)
    assert client.post(reverse("documents:sign_submission", args=[pk])).status_code in (403, 404)
    assert SignedSubmission.objects.count() == 1


def test_the_receiving_level_sees_who_signed_when_and_that_it_is_intact(client, proposal):
    services.sign(proposal.signer, proposal.batch)
    workflow.submit_batch(proposal.officer, proposal.batch)
    page = panel(client, proposal.intake, proposal.batch).content.decode()
    assert "Nguyên vẹn, chữ ký hợp lệ" in page and NAME in page
    assert "Thidua DEMO Root CA" in page
    assert "Ký số tờ trình" not in page  # the intake officer does not sign it
    detail = client.get(proposal.batch.get_absolute_url()).content.decode()
    assert reverse("documents:submission_signature", args=[proposal.batch.pk]) in detail
    signed = client.get(reverse("documents:submission_signed_file", args=[proposal.batch.pk]))
    assert b"".join(signed.streaming_content).startswith(b"%PDF")


def test_a_tampered_signed_submission_is_shown_as_modified(client, proposal):
    row = services.sign(proposal.signer, proposal.batch)
    workflow.submit_batch(proposal.officer, proposal.batch)
    with row.file.open("rb") as handle:
        data = handle.read()
    row.file.save("signed.pdf", ContentFile(tampered(data)), save=True)
    page = panel(client, proposal.intake, proposal.batch).content.decode()
    assert "Đã bị sửa đổi" in page and "Tệp đã bị sửa đổi sau khi ký." in page
    assert "alert-danger" in page


def test_a_missing_signature_is_shown(client, network, make_user, pki, base_salary_entered):
    proposal = Proposal(network, make_user, pki, sign=False)
    workflow.submit_batch(proposal.officer, proposal.batch)  # sent before the unit chose to sign
    IssuerSettings.objects.filter(organization=network.hue_coop).update(sign_submissions=True)
    page = panel(client, proposal.intake, proposal.batch).content.decode()
    assert "Chưa ký số" in page and "chưa có chữ ký số" in page and "alert-danger" in page


def test_the_signer_signs_through_the_local_agent_contract(client, proposal, settings):
    """The agent's session and one-time addresses work for a tờ trình as for a decision."""
    session, token = agent.open_session(proposal.signer, proposal.batch)
    assert (session.batch, session.decision) == (proposal.batch, None)
    prepared, _session = agent.take_prepared(token)
    signed = services.pades.sign_pdf(prepared, services.server_signer(proposal.signer),
                                     services.targets.of(proposal.batch).block(proposal.signer),
                                     services.config.timestamper())
    row = agent.receive_signed(token, signed)
    assert (row.method, SigningSession.objects.get().signed_submission) == ("agent", row)
    client.force_login(proposal.signer)
    page = client.get(reverse("documents:sign_submission", args=[proposal.batch.pk])
                      + f"?phien={session.pk}").content.decode()
    assert "Đã ký số tờ trình “Đề nghị tặng Giấy khen năm 2025” bằng USB token (bản 1)." in page
    response = client.post(reverse("documents:submission_agent_session",
                                   args=[proposal.batch.pk]))
    assert json.loads(response.content)["ResultUrl"].startswith(
        reverse("documents:sign_submission", args=[proposal.batch.pk]))


def test_the_setting_is_on_the_units_issuing_settings_page(client, network, make_user):
    admin = make_user(Role.SYSTEM_ADMIN, network.hue_coop)
    client.force_login(admin)
    url = reverse("nominations:issuer_settings", args=[network.hue_coop.pk])
    assert "Ký số tờ trình" in client.get(url).content.decode()
    client.post(url, {"decision_symbol": "QĐ-HTX", "signing_methods": "ANY",
                      "sign_submissions": "on"})
    assert IssuerSettings.objects.get(organization=network.hue_coop).sign_submissions


def test_the_signing_page_says_which_ways_the_unit_accepts(client, proposal):
    IssuerSettings.objects.filter(organization=proposal.network.hue_coop).update(
        signing_methods="TOKEN")
    client.force_login(proposal.signer)
    page = client.get(reverse("documents:sign_submission", args=[proposal.batch.pk]))
    assert "Đơn vị chỉ nhận tờ trình ký bằng USB token của người ký." in page.content.decode()
    refused = client.post(reverse("documents:sign_submission", args=[proposal.batch.pk]),
                          follow=True).content.decode()
    assert "chỉ nhận văn bản ký bằng USB token của người ký" in refused
    assert not SignedSubmission.objects.exists()


def test_the_dossier_package_carries_the_signed_submission_and_its_check(proposal):
    """What travels up with the dossier: the tờ trình as the cooperative's signer signed it (the
    latest version) and our validation report of it, beside the signed decisions."""
    from thidua.interchange.packages import signed_files
    assert signed_files(proposal.batch) == []  # nothing signed yet
    services.sign(proposal.signer, proposal.batch)
    row = services.sign(proposal.signer, proposal.batch)
    (pdf_path, original, role), (report_path, report, report_role) = signed_files(proposal.batch)
    with row.file.open("rb") as handle:
        assert original == handle.read()
    assert (role, report_role) == ("SIGNED_SUBMISSION", "SIGNATURE_CHECK")
    assert pdf_path == "ho-so-cap-duoi/to-trinh-12ttr-htx.pdf"
    assert report_path == "ho-so-cap-duoi/to-trinh-12ttr-htx-kiem-tra-chu-ky.json"
    checked = json.loads(report)
    assert checked["state"] == "intact" and checked["signer_name"] == NAME
