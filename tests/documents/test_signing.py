"""Signing a decision closes it: PAdES B-T with the visible block, checked by us before it is
stored with its validation data (B-LT); a wrong, expired, revoked or untrusted certificate, or a file other than the one
prepared, is refused in Vietnamese and nothing is stored."""
import asyncio
import io
import json
from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from pyhanko.pdf_utils.reader import PdfFileReader

from pki import tampered
from thidua.accounts.models import Role
from thidua.documents import services as documents
from thidua.documents.models import SignedDecision
from thidua.documents.signing import config, pades, services, validation
from thidua.documents.signing.base import SigningError
from thidua.documents.signing.demo_ca import DemoCA
from thidua.documents.signing.software import SoftwareSigner
from thidua.interchange.packages import signed_files

NAME = "Hồ Thị Điệp"


@pytest.fixture
def decision(commendation, pki):
    pki.enrol(commendation.signer, NAME)
    return commendation.decision()


def signed_bytes(row):
    with row.file.open("rb") as handle:
        return handle.read()


def test_signed_decision_is_the_timestamped_original_with_a_visible_block(commendation,
                                                                          decision, now):
    row = services.sign_decision(commendation.signer, decision)
    data = signed_bytes(row)
    check = validation.check_pdf(data)
    assert check.ok and check.signer_name == NAME and check.issuer == "Thidua DEMO Root CA"
    assert abs(check.signed_at - now) < timedelta(minutes=1)  # the TSA's time (B-T)
    assert (row.version, row.serial, row.signed_by) == (1, check.serial, commendation.signer)
    embedded = PdfFileReader(io.BytesIO(data)).embedded_signatures[0]
    assert embedded.sig_object["/SubFilter"] == "/ETSI.CAdES.detached"
    assert [attr["type"].native for attr in embedded.signer_info["unsigned_attrs"]] == [
        "signature_time_stamp_token"]
    x1, y1, x2, y2 = (float(v) for v in embedded.sig_field["/Rect"])
    assert x2 - x1 == pades.BOX_WIDTH and y2 > y1  # visible, above the printed name
    text = embedded.sig_field["/AP"]["/N"].get_object().data
    assert text  # the stamp's appearance stream ("Ký bởi: …", with an embedded font)


def test_the_stored_original_carries_its_validation_data(commendation, decision):
    """PAdES B-LT: after the signed revision, a document security store with the chain's
    certificates and the CA's CRL, so the signature can be checked without the CA; that
    addition is not a change, and "Kiểm tra tệp PDF" still knows the file."""
    row = services.sign_decision(commendation.signer, decision)
    data = signed_bytes(row)
    reader = PdfFileReader(io.BytesIO(data))
    dss = reader.root["/DSS"]
    assert len(dss["/Certs"]) >= 2 and len(dss["/CRLs"]) >= 1
    embedded = reader.embedded_signatures[0]
    assert len(data) > embedded.sig_object["/ByteRange"][2] + embedded.sig_object["/ByteRange"][3]
    check = validation.check_pdf(data)
    assert check.ok and services.original_for(check) == row
    assert validation.check_pdf(tampered(data)).state == validation.MODIFIED


def test_signing_again_makes_a_new_version_and_keeps_the_first(commendation, decision):
    first = services.sign_decision(commendation.signer, decision)
    second = services.sign_decision(commendation.signer, decision)
    assert [r.version for r in decision.signed_versions.all()] == [2, 1]
    assert first.sha256 != second.sha256 and validation.check_pdf(signed_bytes(first)).ok


def refused(commendation, decision, signer, message):
    with pytest.raises(SigningError, match=message):
        services.sign_decision(commendation.signer, decision, signer=signer)
    assert not SignedDecision.objects.exists()


def test_a_signature_by_another_person_is_refused(commendation, decision, pki, make_user):
    other = make_user(Role.SIGNER, commendation.network.hue)
    pki.enrol(other, "Người Khác")
    refused(commendation, decision, services.server_signer(other),
            "không phải chứng thư số đăng ký cho tài khoản của bạn")


def test_an_expired_certificate_is_refused(commendation, pki, now):
    pki.enrol(commendation.signer, NAME, starts=now - timedelta(days=400), days=365)
    refused(commendation, commendation.decision(), None, "không còn hiệu lực")


def test_a_revoked_certificate_is_refused(commendation, decision, pki):
    pki.revoke(pki.enrol(commendation.signer, NAME))  # the key the server now holds
    refused(commendation, decision, None, "đã bị thu hồi")


def test_a_certificate_from_an_untrusted_ca_is_refused(commendation, decision, tmp_path):
    stranger = DemoCA.create(tmp_path / "la")
    stranger.issue(commendation.signer, NAME)
    signer = SoftwareSigner(stranger.key_path(commendation.signer),
                            stranger.cert_path(commendation.signer), [stranger.root_path])
    refused(commendation, decision, signer, "được tin cậy")


def test_a_change_after_signing_is_detected(commendation, decision):
    data = signed_bytes(services.sign_decision(commendation.signer, decision))
    check = validation.check_pdf(tampered(data))
    assert check.state == validation.MODIFIED and check.reason == "Tệp đã bị sửa đổi sau khi ký."
    flipped = bytearray(data)
    flipped[200] ^= 1  # inside the signed bytes
    assert validation.check_pdf(bytes(flipped)).state == validation.BROKEN


@pytest.mark.parametrize("returned", ["garbage", "another file", "unsigned"])
def test_what_comes_back_must_be_the_prepared_pdf_signed(commendation, decision, returned):
    prepared = services.prepared_pdf(commendation.signer, decision)
    data = {"garbage": prepared + b"not a signature",
            "another file": documents.proposal_pdf(commendation.batch),
            "unsigned": prepared}[returned]
    with pytest.raises(SigningError):
        services.store_signed_decision(commendation.signer, decision, prepared, data, "agent")
    assert not SignedDecision.objects.exists()


def test_only_a_signer_of_the_issuer_signs(commendation, decision, pki, make_user):
    for user in (make_user(Role.EC_OFFICER, commendation.network.hue),
                 make_user(Role.SIGNER, commendation.network.hanoi)):
        pki.enrol(user, "Người Khác")
        with pytest.raises(PermissionDenied):
            services.sign_decision(user, decision)
    assert not SignedDecision.objects.exists()


def test_a_draft_is_not_signed(commendation, pki):
    pki.enrol(commendation.signer, NAME)
    with pytest.raises(SigningError, match="đã ban hành"):
        services.sign_decision(commendation.signer, commendation.decision(issue=False))


def test_a_signer_without_a_recorded_certificate_is_told_so(commendation):
    with pytest.raises(SigningError, match="chưa đăng ký chứng thư số"):
        services.sign_decision(commendation.signer, commendation.decision())


def test_signing_and_checking_inside_a_running_event_loop(commendation, decision):
    """pyHanko's synchronous calls start their own event loop: the demo signs while a Playwright
    test's loop runs in the same thread, so the calls move to a thread of their own there."""
    prepared = services.prepared_pdf(commendation.signer, decision)
    signer = services.server_signer(commendation.signer)
    block, timestamper = services.signature_block(decision), config.timestamper()

    async def inside_a_loop():
        signed = pades.sign_pdf(prepared, signer, block, timestamper)
        return validation.check_pdf(signed)

    assert asyncio.run(inside_a_loop()).ok


def test_the_dossier_package_carries_the_signed_original_and_its_check(commendation, decision):
    """What the interchange package puts beside the tờ trình: the latest signed original of
    each decision made on the batch, and our validation report of it."""
    services.sign_decision(commendation.signer, decision)
    row = services.sign_decision(commendation.signer, decision)  # version 2 is the one sent
    (pdf_path, pdf, pdf_role), (report_path, report, report_role) = signed_files(decision.batch)
    assert pdf_path.startswith("quyet-dinh/") and pdf_path.endswith(".pdf")
    assert (pdf, pdf_role, report_role) == (signed_bytes(row), "SIGNED_DECISION",
                                            "SIGNATURE_CHECK")
    checked = json.loads(report)
    assert checked["state"] == "intact" and checked["serial"] == row.serial
    assert checked["signer_name"] == NAME and checked["signed_revision_sha256"] == row.sha256
    assert report_path == pdf_path.replace(".pdf", "-kiem-tra-chu-ky.json")
