"""Remote signing through a CSC-style service (a fake one in this process, holding the signer's
key from the test PKI): only a digest goes out, the signature that comes back is checked like
every other, and whatever goes wrong at the service is refused in Vietnamese, nothing stored,
the bearer token nowhere in a message or a log."""
import base64
import json
import logging
import os
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import Prehashed
from cryptography.hazmat.primitives.serialization import Encoding, load_pem_private_key
from django.contrib.messages import get_messages
from django.urls import reverse

from test_signing import NAME, signed_bytes
from thidua.accounts.models import Role
from thidua.documents.models import SignedDecision
from thidua.documents.signing import services, validation
from thidua.documents.signing.base import SigningError

TOKEN = "bi-mat-cua-dich-vu-ky-so"


class FakeCsc(ThreadingHTTPServer):
    """``credentials/info``, ``sendOTP``, ``authorize`` and ``signatures/signHash`` of the CSC
    API v2, signing with ``key`` and announcing ``chain``; ``mode`` makes it fail ("error",
    "garbage", "slow"). The PIN is 1234; a signHash after an authorize needs its SAD."""

    daemon_threads = True
    block_on_close = False

    def __init__(self):
        super().__init__(("127.0.0.1", 0), CscHandler)
        self.mode, self.key, self.chain, self.seen = "ok", None, [], []
        self.otp, self.sad = None, {}  # the code it sent; the SAD it gave for each digest
        threading.Thread(target=self.serve_forever, daemon=True).start()

    @property
    def url(self):
        return f"http://127.0.0.1:{self.server_port}/csc/v2"


class CscHandler(BaseHTTPRequestHandler):
    def do_POST(self):  # noqa: N802 — http.server's name
        raw = self.rfile.read(int(self.headers["Content-Length"]))
        service, body = self.server, json.loads(raw)
        service.seen.append((self.path, self.headers["Authorization"], raw))
        if self.headers["Authorization"] != f"Bearer {TOKEN}":
            return self.answer(401, {"error": "invalid_token"})
        if service.mode == "slow":  # answers nothing, after the client gave up
            return time.sleep(1.5)
        if service.mode == "error":
            return self.answer(503, {"error": "temporarily_unavailable",
                                     "error_description": "Khóa ký đang bảo trì"})
        if service.mode == "garbage":
            return self.answer(200, "<html>Đăng nhập</html>")
        if self.path.endswith("/credentials/sendOTP"):
            service.otp = "246810"
            return self.answer(200, {})
        if self.path.endswith("/credentials/authorize"):
            code = body.get("OTP") or body.get("PIN")
            if code not in (service.otp, "1234"):
                return self.answer(400, {"error": "invalid_otp",
                                         "error_description": "Mã xác thực không đúng"})
            service.sad[body["hashes"][0]] = "sad-" + code
            return self.answer(200, {"SAD": "sad-" + code})
        if self.path.endswith("/credentials/info"):
            return self.answer(200, {"cert": {"certificates": [
                base64.b64encode(cert.public_bytes(Encoding.DER)).decode()
                for cert in service.chain]}})
        encoded = body["hash" if "/v1/" in self.path else "hashes"][0]
        if service.sad and service.sad.get(encoded) != body.get("SAD"):
            return self.answer(400, {"error": "invalid_request", "error_description": "SAD"})
        digest = base64.b64decode(encoded)
        signature = service.key.sign(digest, ec.ECDSA(Prehashed(hashes.SHA256())))
        return self.answer(200, {"signatures": [base64.b64encode(signature).decode()]})

    def answer(self, status, content):
        data = content.encode() if isinstance(content, str) else json.dumps(content).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


def key_of(pki, user):
    return load_pem_private_key(pki.ca.key_path(user).read_bytes(), password=None)


def root_of(pki):
    return x509.load_pem_x509_certificate(pki.ca.root_path.read_bytes())


@pytest.fixture
def csc(settings):
    service = FakeCsc()
    settings.THIDUA_REMOTE_SIGNING_URL = service.url
    settings.THIDUA_REMOTE_SIGNING_TOKEN = TOKEN
    settings.THIDUA_REMOTE_SIGNING_TIMEOUT = 5
    yield service
    service.shutdown()
    service.server_close()


@pytest.fixture
def decision(commendation, pki, csc):
    cert = pki.enrol(commendation.signer, NAME)
    csc.key, csc.chain = key_of(pki, commendation.signer), [cert, root_of(pki)]
    return commendation.decision()


def refused(commendation, decision, caplog, *words):
    caplog.set_level(logging.DEBUG)
    with pytest.raises(SigningError) as error:
        services.sign_decision(commendation.signer, decision)
    assert all(word in str(error.value) for word in words), str(error.value)
    assert TOKEN not in str(error.value) and TOKEN not in caplog.text
    assert not SignedDecision.objects.exists()


def test_remote_signature_validates_and_only_a_digest_went_out(commendation, decision, csc,
                                                               caplog):
    caplog.set_level(logging.DEBUG)
    row = services.sign_decision(commendation.signer, decision)
    check = validation.check_pdf(signed_bytes(row))
    assert check.ok and check.signer_name == NAME and row.method == "remote"
    assert [path for path, _auth, _raw in csc.seen] == [
        "/csc/v2/credentials/info", "/csc/v2/signatures/signHash"]
    assert {auth for _path, auth, _raw in csc.seen} == {f"Bearer {TOKEN}"}
    sign_hash = json.loads(csc.seen[1][2])
    assert sign_hash["credentialID"] == commendation.signer.get_username()
    assert len(base64.b64decode(sign_hash["hashes"][0])) == 32 and len(csc.seen[1][2]) < 500
    assert TOKEN not in caplog.text


def test_api_v1_field_names(commendation, decision, csc, settings):
    settings.THIDUA_REMOTE_SIGNING_URL = csc.url.replace("/v2", "/v1")
    services.sign_decision(commendation.signer, decision)
    body = json.loads(csc.seen[-1][2])
    assert csc.seen[-1][0] == "/csc/v1/signatures/signHash"
    assert set(body) >= {"hash", "hashAlgo", "signAlgo"} and "hashes" not in body


def test_certificate_of_another_person_is_refused(commendation, decision, csc, pki, make_user,
                                                  caplog):
    other = make_user(Role.SIGNER, commendation.network.hanoi)
    csc.chain, csc.key = [pki.enrol(other, "Người Khác"), root_of(pki)], key_of(pki, other)
    refused(commendation, decision, caplog, "Người Khác", "không phải chứng thư số đăng ký")


def test_signature_by_another_key_than_the_certificate_is_refused(commendation, decision, csc,
                                                                  caplog):
    csc.key = ec.generate_private_key(ec.SECP256R1())
    refused(commendation, decision, caplog, "không khớp chứng thư số")


@pytest.mark.parametrize(("mode", "words"), [
    ("error", ("từ chối", "HTTP 503", "Khóa ký đang bảo trì")),
    ("garbage", ("không đúng định dạng", "credentials/info")),
])
def test_service_errors_are_refused_with_the_reason(commendation, decision, csc, caplog, mode,
                                                    words):
    csc.mode = mode
    refused(commendation, decision, caplog, *words)


def test_service_timeout_is_refused(commendation, decision, csc, caplog, settings):
    csc.mode, settings.THIDUA_REMOTE_SIGNING_TIMEOUT = "slow", 0.3
    refused(commendation, decision, caplog, "không trả lời trong 0.3 giây")


def test_service_down_is_refused(commendation, decision, csc, caplog, settings):
    csc.shutdown()
    csc.server_close()
    refused(commendation, decision, caplog, "Không kết nối được dịch vụ ký số từ xa")


def test_wrong_token_is_refused(commendation, decision, csc, caplog, settings):
    settings.THIDUA_REMOTE_SIGNING_TOKEN = "sai"
    refused(commendation, decision, caplog, "HTTP 401", "invalid_token")


def test_signing_page_signs_remotely_and_shows_refusals(client, commendation, decision, csc):
    client.force_login(commendation.signer)
    url = reverse("documents:sign_decision", args=[decision.pk])
    assert "Ký số qua dịch vụ ký số từ xa" in client.get(url).content.decode()
    csc.mode = "error"
    response = client.post(url)
    assert response.status_code == 302 and not SignedDecision.objects.exists()
    assert "Khóa ký đang bảo trì" in str(list(get_messages(response.wsgi_request))[0])
    csc.mode = "ok"
    client.post(url)
    assert SignedDecision.objects.get().method == "remote"


def test_explicit_authorisation_by_a_one_time_code(client, commendation, decision, csc,
                                                   settings):
    """SCAL2: the signer asks for the code, types it, and the signature is authorised for
    that one digest; a wrong code is refused in Vietnamese and nothing is stored."""
    settings.THIDUA_REMOTE_SIGNING_AUTH = "otp"
    client.force_login(commendation.signer)
    url = reverse("documents:sign_decision", args=[decision.pk])
    page = client.get(url).content.decode()
    assert "Gửi mã OTP cho tôi" in page and 'autocomplete="one-time-code"' in page
    client.post(url, {"ma": ""})
    assert not SignedDecision.objects.exists()
    response = client.post(url, {"gui_ma": "1"})
    assert "đã gửi mã OTP" in str(list(get_messages(response.wsgi_request))[-1])
    response = client.post(url, {"ma": "000000"})
    assert "Mã xác thực không đúng" in str(list(get_messages(response.wsgi_request))[-1])
    assert not SignedDecision.objects.exists()
    client.post(url, {"ma": csc.otp})
    assert SignedDecision.objects.get().method == "remote"
    paths = [path.rsplit("/", 2)[-2:] for path, _auth, _raw in csc.seen]
    assert paths[-2:] == [["credentials", "authorize"], ["signatures", "signHash"]]
    authorize = json.loads(csc.seen[-2][2])
    assert authorize["numSignatures"] == 1 and authorize["OTP"] == csc.otp
    assert json.loads(csc.seen[-1][2])["SAD"] == "sad-" + csc.otp


def test_explicit_authorisation_by_the_keys_pin(commendation, decision, csc, settings, caplog):
    settings.THIDUA_REMOTE_SIGNING_AUTH = "pin"
    refused(commendation, decision, caplog, "Nhập mã PIN của khóa ký")
    with pytest.raises(SigningError):
        services.send_signing_code(commendation.signer, decision)  # no code to send
    row = services.sign_decision(commendation.signer, decision, code="1234")
    assert json.loads(csc.seen[-2][2])["PIN"] == "1234" and row.version == 1


def test_production_refuses_a_service_without_https(tmp_path):
    def start(url):
        env = {**os.environ, "THIDUA_ENV": "production", "DEBUG": "false",
               "CAPTCHA_TEST_MODE": "false", "SECRET_KEY": "s" * 60,
               "FIELD_ENCRYPTION_KEY": "f" * 60, "ALLOWED_HOSTS": "thidua.example",
               "THIDUA_VAR_DIR": str(tmp_path), "DJANGO_SETTINGS_MODULE": "thidua.settings",
               "THIDUA_REMOTE_SIGNING_URL": url}
        return subprocess.run([sys.executable, "-c", "import django; django.setup()"], env=env,
                              capture_output=True, text=True, timeout=120)
    refused = start("http://ky-so.example.vn/csc/v2")
    assert refused.returncode != 0 and "THIDUA_REMOTE_SIGNING_URL" in refused.stderr
    assert start("https://ky-so.example.vn/csc/v2").returncode == 0
