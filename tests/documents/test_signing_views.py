"""The signing page (signers of the issuer only), the signed original as the decision's PDF, and
the public checks: /xac-minh/quyet-dinh/<mã>/ and "Kiểm tra tệp PDF"."""
import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from test_signing import NAME, signed_bytes, tampered
from thidua.accounts.models import Role
from thidua.documents.models import SignedDecision
from thidua.documents.signing import services
from thidua.documents.verification import decision_token, token_for


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()


@pytest.fixture
def decision(commendation, pki):
    pki.enrol(commendation.signer, NAME)
    return commendation.decision()


def test_the_signer_signs_from_the_page_and_the_pdf_becomes_the_signed_original(
        client, commendation, decision):
    client.force_login(commendation.signer)
    page = client.get(reverse("documents:sign_decision", args=[decision.pk]))
    assert "Ký số bằng khóa của máy chủ (bản trình diễn)" in page.content.decode()
    response = client.post(reverse("documents:sign_decision", args=[decision.pk]), follow=True)
    assert "Đã ký số quyết định 01/QĐ-LMHTX (bản 1)." in response.content.decode()
    row = SignedDecision.objects.get()
    download = client.get(reverse("documents:decision_file", args=[decision.pk, "pdf"]))
    assert b"".join(download.streaming_content) == signed_bytes(row)


def test_other_roles_and_units_cannot_sign(client, commendation, decision, make_user):
    for user in (make_user(Role.EC_OFFICER, commendation.network.hue),
                 make_user(Role.SIGNER, commendation.network.hanoi)):
        client.force_login(user)
        assert client.post(reverse("documents:sign_decision", args=[decision.pk])).status_code \
            == 403
    assert not SignedDecision.objects.exists()


def test_a_refusal_is_a_vietnamese_message_not_an_error(client, commendation):
    draft = commendation.decision(issue=False)
    client.force_login(commendation.signer)
    response = client.post(reverse("documents:sign_decision", args=[draft.pk]), follow=True)
    assert "Chỉ ký số quyết định đã ban hành" in response.content.decode()


def test_the_public_page_shows_who_signed_when_and_offers_the_original(client, commendation,
                                                                       decision):
    row = services.sign_decision(commendation.signer, decision)
    token = decision_token(decision)
    page = client.get(reverse("documents:verify_decision", args=[token])).content.decode()
    for text in ("Nguyên vẹn, chữ ký hợp lệ", NAME, "Thidua DEMO Root CA", row.serial,
                 row.signed_at.strftime("%d/%m/%Y")):
        assert text in page
    file = client.get(reverse("documents:verify_decision_file", args=[token]))
    assert b"".join(file.streaming_content) == signed_bytes(row)
    award = decision.awards.first()
    assert reverse("documents:verify_decision", args=[token]) in client.get(
        reverse("documents:verify", args=[token_for(award)])).content.decode()
    assert client.get(reverse("documents:verify_decision", args=["gia-mao.1"])).status_code == 404


def test_the_page_checks_live_and_shows_a_certificate_revoked_since(client, commendation, pki):
    cert = pki.enrol(commendation.signer, NAME)
    decision = commendation.decision()
    services.sign_decision(commendation.signer, decision)
    pki.revoke(cert)
    page = client.get(reverse("documents:verify_decision", args=[decision_token(decision)]))
    assert "Chứng thư số của người ký đã bị thu hồi." in page.content.decode()


def check(client, data, name="quyet-dinh.pdf"):
    return client.post(reverse("documents:verify_pdf"),
                       {"file": SimpleUploadedFile(name, data, "application/pdf")})


def test_an_uploaded_copy_is_matched_to_the_registry_or_reported_modified(client, commendation,
                                                                          decision):
    data = signed_bytes(services.sign_decision(commendation.signer, decision))
    original = check(client, data).content.decode()
    assert "Phần đã ký là bản gốc của quyết định số 01/QĐ-LMHTX" in original
    changed = check(client, tampered(data)).content.decode()
    assert "Đã bị sửa đổi" in changed and "Tệp đã bị sửa đổi sau khi ký." in changed
    unsigned = check(client, services.prepared_pdf(commendation.signer, decision))
    assert "Tệp PDF không có chữ ký số." in unsigned.content.decode()
    garbage = check(client, b"hello", "x.pdf")
    assert garbage.status_code == 400 and "Tệp không phải là PDF." in garbage.content.decode()
