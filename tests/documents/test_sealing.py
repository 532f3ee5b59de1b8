"""The organisation seal on a decision's certificates: the key in a PKCS#11 token (SoftHSM2,
initialised in the test's own folder), each certificate sealed once by a background job that
resumes after a crash, checked before it is stored; a tampered copy reads 'modified'; only the
issuer's signer and emulation office may start it."""
import io

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from pyhanko.pdf_utils.reader import PdfFileReader
from pypdf import PdfReader

from pki import tampered
from thidua.accounts.models import Role
from thidua.awards.models import Award
from thidua.core.models import Job
from thidua.core.tasks import _run_job
from thidua.documents import certificates
from thidua.documents.models import SealedCertificate
from thidua.documents.signing import config, demo_hsm, pades, sealing, validation
from thidua.documents.signing.base import SigningError
from thidua.documents.signing.hsm import Pkcs11Signer
from thidua.documents.verification import verification_path

needs_softhsm = pytest.mark.skipif(
    demo_hsm.softhsm_module() is None,
    reason="SoftHSM2 is not installed (Debian: apt-get install softhsm2; .ci/run installs it)")


@pytest.fixture
def hsm(tmp_path, monkeypatch):
    """SoftHSM2 pointed at a token folder of this test (SOFTHSM2_CONF)."""
    monkeypatch.setenv("SOFTHSM2_CONF", str(tmp_path / "unused.conf"))
    return demo_hsm.DemoToken(tmp_path / "softhsm", demo_hsm.softhsm_module()).prepare()


def sealed_bytes(row):
    with row.file.open("rb") as handle:
        return handle.read()


def sealed(commendation, decision, django_capture_on_commit_callbacks, user=None):
    with django_capture_on_commit_callbacks(execute=True):
        job = sealing.seal_certificates(user or commendation.signer, decision)
    job.refresh_from_db()
    return job


@needs_softhsm
def test_the_seal_configured_in_settings_signs_with_the_key_in_the_token(
        commendation, pki, hsm, settings, monkeypatch):
    decision = commendation.decision()
    hsm.seal(pki.ca, decision.issuer)  # the key made inside the token, certified by the CA
    settings.THIDUA_SEAL_PKCS11_MODULE = demo_hsm.softhsm_module()
    settings.THIDUA_SEAL_TOKEN_LABEL = demo_hsm.DEVICE_LABEL
    settings.THIDUA_SEAL_KEY_LABEL = "seal-{code}"
    monkeypatch.setenv("THIDUA_SEAL_PIN", demo_hsm.PIN)
    sealer = sealing.organisation_seal(decision.issuer)
    assert isinstance(sealer, Pkcs11Signer) and sealer.key_label == "seal-P46"
    award = decision.awards.first()
    try:
        row = sealing.seal_certificate(commendation.signer, award, sealer,
                                       config.timestamper(),
                                       sealing.SealPlaces(sealing.seal_block(decision)))
    finally:
        sealer.close()
    check = validation.check_pdf(sealed_bytes(row))
    assert check.ok and check.signer_name == decision.issuer.name == row.organisation
    assert row.method == "pkcs11" and row.serial == check.serial

    monkeypatch.setenv("THIDUA_SEAL_PIN", "000000")
    with pytest.raises(SigningError, match="Không dùng được khóa “seal-P46”"):
        sealing.organisation_seal(decision.issuer).pyhanko_signer()


@needs_softhsm
def test_a_decisions_certificates_are_sealed_and_validate(
        commendation, pki, django_capture_on_commit_callbacks):
    decision = commendation.decision()
    job = sealed(commendation, decision, django_capture_on_commit_callbacks)
    assert (job.status, job.done, job.total, job.result) == (Job.Status.DONE, 3, 3, {"sealed": 3})
    rows = SealedCertificate.objects.filter(award__decision=decision)
    assert rows.count() == 3 and {row.method for row in rows} == {"pkcs11"}
    for row in rows:
        data = sealed_bytes(row)
        check = validation.check_pdf(data)
        assert check.ok and check.signer_name == decision.issuer.name == row.organisation
        embedded = PdfFileReader(io.BytesIO(data)).embedded_signatures[0]
        assert embedded.field_name == pades.SEAL_FIELD
        assert embedded.sig_object["/Name"] == decision.issuer.name
        assert embedded.sig_field["/AP"]["/N"].get_object().data  # the visible block
        assert row.sealed_by == commendation.signer

        copy = tampered(data)
        assert validation.check_pdf(copy).state == validation.MODIFIED
    # The place found on the first certificate of the type is where each one's signer is printed,
    # and every signature after the first reserved the room the first one measured.
    sizes = set()
    for row in rows:
        data = sealed_bytes(row)
        embedded = PdfFileReader(io.BytesIO(data)).embedded_signatures[0]
        page, box = pades.signature_place(data, sealing.seal_block(decision).signer_name)
        assert [round(float(v)) for v in embedded.sig_field["/Rect"]] == [round(v) for v in box]
        sizes.add(len(embedded.sig_object["/Contents"]))
    assert len(sizes) == 1


def test_the_seal_block_names_the_organisation_and_the_minute(now):
    text = pades.SEAL_TEXT % {"organisation": "Liên minh Hợp tác xã thành phố Huế",
                              "time": "06/12/2026 13:05 +0700"}
    page = PdfReader(pades.seal_block_file(text).name).pages[0]
    assert [round(float(v)) for v in page.mediabox] == [0, 0, pades.BOX_WIDTH, pades.BOX_HEIGHT]
    printed = " ".join(page.extract_text().split())
    assert "Ký bởi: Liên minh Hợp tác xã thành phố Huế" in printed
    assert "Thời gian ký: 06/12/2026 13:05 +0700" in printed
    assert pades.seal_block_file(text) is pades.seal_block_file(text)  # drawn once


def test_without_softhsm_the_demo_seals_with_a_key_file(
        commendation, pki, monkeypatch, django_capture_on_commit_callbacks):
    monkeypatch.setattr(demo_hsm, "softhsm_module", lambda: None)
    decision = commendation.decision()
    job = sealed(commendation, decision, django_capture_on_commit_callbacks)
    assert job.status == Job.Status.DONE
    assert set(SealedCertificate.objects.values_list("method", flat=True)) == {"software"}
    assert all(validation.check_pdf(sealed_bytes(row)).ok
               for row in SealedCertificate.objects.all())


def test_a_user_of_another_unit_cannot_start_the_sealing(commendation, pki, make_user):
    decision = commendation.decision()
    for outsider in (make_user(Role.EC_OFFICER, commendation.network.hanoi),
                     make_user(Role.UNIT_REPORTER, commendation.network.hue),
                     make_user(Role.EC_OFFICER, commendation.network.hue_coop)):
        with pytest.raises(PermissionDenied):
            sealing.seal_certificates(outsider, decision)
    assert not Job.objects.exists() and not SealedCertificate.objects.exists()


def test_a_draft_decision_is_not_sealed(commendation, pki):
    with pytest.raises(SigningError, match="đã ban hành"):
        sealing.seal_certificates(commendation.signer, commendation.decision(issue=False))


def test_a_crashed_sealing_resumes_and_seals_each_certificate_once(
        commendation, pki, monkeypatch, django_capture_on_commit_callbacks):
    decision = commendation.decision()
    awards = list(decision.awards.order_by("decision_item__pk"))
    real = sealing.seal_certificate

    def crash_on_second(user, award, *args):
        if award == awards[1]:
            raise RuntimeError("worker lost")
        return real(user, award, *args)

    monkeypatch.setattr(sealing, "seal_certificate", crash_on_second)
    job = sealed(commendation, decision, django_capture_on_commit_callbacks)
    assert (job.status, job.done) == (Job.Status.FAILED, 1) and "worker lost" in job.error
    first = SealedCertificate.objects.get()
    assert first.award == awards[0]
    digest = first.sha256

    monkeypatch.setattr(sealing, "seal_certificate", real)
    Job.objects.filter(pk=job.pk).update(status=Job.Status.PENDING)  # the message redelivered
    _run_job(job.pk)
    job.refresh_from_db()
    assert (job.status, job.done, job.percent) == (Job.Status.DONE, 3, 100)
    assert SealedCertificate.objects.count() == 3
    assert SealedCertificate.objects.get(award=awards[0]).sha256 == digest  # not sealed again

    again = sealed(commendation, decision, django_capture_on_commit_callbacks)
    assert again.pk != job.pk and again.result == {"sealed": 3}
    assert SealedCertificate.objects.count() == 3
    assert SealedCertificate.objects.get(award=awards[0]).sha256 == digest


def test_the_decision_page_offers_the_sealing_and_shows_its_progress(
        client, commendation, pki, make_user, django_capture_on_commit_callbacks):
    decision = commendation.decision()
    panel = reverse("documents:seal_certificates", args=[decision.pk])
    viewer = make_user(Role.VIEWER, commendation.network.hue)
    client.force_login(viewer)
    assert panel not in client.get(decision.get_absolute_url()).content.decode()
    assert client.post(panel).status_code == 403
    fragment = client.get(panel, headers={"HX-Request": "true"}).content.decode()
    assert "Đã đóng dấu số 0/3 giấy khen." in fragment and "<form" not in fragment

    client.force_login(commendation.signer)
    assert f'hx-get="{panel}"' in client.get(decision.get_absolute_url()).content.decode()
    fragment = client.get(panel, headers={"HX-Request": "true"}).content.decode()
    assert "<html" not in fragment and "Đóng dấu số giấy khen</button>" in fragment
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(panel, follow=True)
    assert response.redirect_chain[-1][0] == decision.get_absolute_url()
    assert "Đang đóng dấu số giấy khen của quyết định" in response.content.decode()
    fragment = client.get(panel, headers={"HX-Request": "true"}).content.decode()
    assert "Đã đóng dấu số 3/3 giấy khen." in fragment and 'value="100"' in fragment
    assert "</button>" not in fragment  # nothing left to seal
    award = decision.awards.first()
    download = client.get(reverse("documents:certificate", args=[award.pk]))
    assert b"".join(download.streaming_content) == sealed_bytes(award.sealed_certificate)

    client.force_login(make_user(Role.EC_OFFICER, commendation.network.hanoi))
    assert client.post(panel).status_code == 403


def test_the_verification_page_shows_the_seal_and_a_tampered_original(
        client, commendation, pki, django_capture_on_commit_callbacks):
    decision = commendation.decision()
    sealed(commendation, decision, django_capture_on_commit_callbacks)
    award = decision.awards.first()
    page = client.get(verification_path(award)).content.decode()
    assert "Giấy khen có dấu số của cơ quan" in page
    assert f"Ký bởi: {decision.issuer.name}" in page and "còn nguyên vẹn" in page
    row = award.sealed_certificate
    data = tampered(sealed_bytes(row))
    with row.file.open("wb") as handle:
        handle.write(data)
    page = client.get(verification_path(award)).content.decode()
    assert "Dấu số trên giấy khen không hợp lệ" in page
    assert "Tệp đã bị sửa đổi sau khi ký." in page


def test_an_uploaded_sealed_certificate_is_known_or_reported_modified(
        client, commendation, pki, monkeypatch, django_capture_on_commit_callbacks):
    """"Kiểm tra tệp PDF" knows a sealed certificate: ours, which award and person, the seal's
    state; a copy changed after sealing reads modified (still naming the certificate it was);
    a certificate printed without the seal is not ours."""
    monkeypatch.setattr(demo_hsm, "softhsm_module", lambda: None)  # the key file: any machine
    decision = commendation.decision()
    sealed(commendation, decision, django_capture_on_commit_callbacks)
    award = decision.awards.get(person=commendation.network.hue_person)
    data = sealed_bytes(award.sealed_certificate)

    def check(data):
        return client.post(reverse("documents:verify_pdf"), {
            "file": SimpleUploadedFile("giay-khen.pdf", data, "application/pdf")}
        ).content.decode()

    page = check(data)
    assert "Nguyên vẹn, chữ ký hợp lệ" in page
    assert (f"Phần đã ký là bản gốc Giấy khen tặng Nguyễn Văn Điệp theo quyết định số "
            f"{award.decision_number} ngày 05/01/2026, đóng dấu số của "
            f"{decision.issuer.name}.") in page
    assert verification_path(award) in page
    assert decision.issuer.name in page  # "Ký bởi": the organisation
    changed = check(tampered(data))
    assert "Đã bị sửa đổi" in changed and "Tệp đã bị sửa đổi sau khi ký." in changed
    assert "Phần đã ký là bản gốc Giấy khen tặng Nguyễn Văn Điệp" in changed
    unsealed = check(certificates.certificate_pdf(award))
    assert "Tệp PDF không có chữ ký số." in unsealed and "Phần đã ký là bản gốc" not in unsealed


def test_a_revoked_award_is_said_so_when_its_certificate_is_checked(
        client, commendation, pki, monkeypatch, django_capture_on_commit_callbacks):
    monkeypatch.setattr(demo_hsm, "softhsm_module", lambda: None)
    decision = commendation.decision()
    sealed(commendation, decision, django_capture_on_commit_callbacks)
    award = decision.awards.first()
    Award.objects.unscoped("test").filter(pk=award.pk).update(status="REVOKED")
    page = client.post(reverse("documents:verify_pdf"), {"file": SimpleUploadedFile(
        "giay-khen.pdf", sealed_bytes(award.sealed_certificate), "application/pdf")})
    assert "Khen thưởng này đã bị thu hồi." in page.content.decode()
