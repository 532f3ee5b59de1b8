"""In a browser: the signer clicks "Ký bằng USB token"; a fake local agent speaking the VGCA
SignService contract downloads the prepared PDF from its one-time address, signs it with the
signer's key (the token) and uploads it to the one-time upload address; the page shows the new
signed version. An agent that sends back something else is refused, with the reason on the
page, and its addresses do not work a second time. A digest-signing agent (VNPT-CA, Viettel-CA
plug-ins) gets only the document's digest and answers with a CMS, which the page uploads."""
import asyncio
import base64
import json
import urllib.error
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from threading import Thread

import pytest
from test_browser_documents import log_in
from test_browser_signing import decision  # noqa: F401  (the fixture)

from thidua.documents.models import SignedDecision
from thidua.documents.signing import config, pades, services
from thidua.documents.signing.base import SignatureBlock

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _call(request):
    try:
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 (loopback)
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


class FakeAgent:
    """The signer's local agent on a loopback port: answers the page's CORS preflight, then for
    POST /sign downloads, signs (or, as ``garbage``, appends junk) and uploads; for POST
    /sign-hash signs the digest and answers with the CMS."""

    def __init__(self, token_signer, garbage=False):
        self.token_signer, self.garbage, self.calls = token_signer, garbage, []
        agent = self

        class Handler(BaseHTTPRequestHandler):
            def cors(self):
                self.send_header("Access-Control-Allow-Origin", "*")
                self.send_header("Access-Control-Allow-Headers", "Content-Type")
                self.send_header("Access-Control-Allow-Methods", "POST, OPTIONS")

            def do_OPTIONS(self):  # noqa: N802
                self.send_response(204)
                self.cors()
                self.end_headers()

            def do_POST(self):  # noqa: N802
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                agent.calls.append(body)
                answer = agent.sign_hash(body) if self.path == "/sign-hash" else agent.sign(body)
                self.send_response(200)
                self.cors()
                self.send_header("Content-Type", "application/json")
                self.end_headers()
                self.wfile.write(answer)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        Thread(target=self.server.serve_forever, daemon=True).start()

    def sign(self, body):
        _status, prepared = _call(body["FileDownloadHandler"])
        signed = prepared + b"\n%garbage" if self.garbage else pades.sign_pdf(
            prepared, self.token_signer, SignatureBlock("CHỦ TỊCH", "Hồ Thị Điệp", "Huế"),
            config.timestamper())
        _status, answer = _call(urllib.request.Request(
            body["FileUploadHandler"], data=signed, method="POST",
            headers={"Content-Type": "application/pdf"}))
        return answer

    def sign_hash(self, body):
        cms = asyncio.run(self.token_signer.pyhanko_signer().async_sign(
            base64.b64decode(body["Hash"]), "sha256", use_pades=True))
        return json.dumps({"Signature": base64.b64encode(cms.dump()).decode()}).encode()


@pytest.fixture
def agent_for(settings, live_server):
    settings.THIDUA_SITE_URL = live_server.url
    agents = []

    def start(user, garbage=False):
        agent = FakeAgent(services.server_signer(user), garbage)
        settings.THIDUA_SIGNING_AGENT_URL = settings.THIDUA_DIGEST_SIGNING_AGENT_URL = agent.url
        agents.append(agent)
        return agent

    yield start
    for agent in agents:
        agent.server.shutdown()
        agent.server.server_close()


def sign_with_token(page, live_server, decision, button="Ký bằng USB token"):
    page.goto(f"{live_server.url}{decision.get_absolute_url()}")
    page.get_by_role("link", name="Ký số").click()
    page.get_by_role("button", name=button, exact=True).click()


def test_the_signer_signs_with_the_token_through_the_local_agent(page, live_server, decision,
                                                                  agent_for):
    agent = agent_for(decision.signer)
    log_in(page, live_server, decision.signer)
    sign_with_token(page, live_server, decision)
    page.get_by_text("Đã ký số quyết định 01/QĐ-LMHTX bằng USB token (bản 1).").wait_for(
        timeout=60_000)
    row = SignedDecision.objects.get()
    assert (row.method, row.signed_by) == ("agent", decision.signer)
    status, _body = _call(agent.calls[0]["FileDownloadHandler"])
    assert status == 410  # one-time


def test_an_agent_returning_something_else_is_refused_on_the_page(page, live_server, decision,
                                                                  agent_for):
    agent_for(decision.signer, garbage=True)
    log_in(page, live_server, decision.signer)
    sign_with_token(page, live_server, decision)
    page.get_by_text("Chữ ký không được chấp nhận").wait_for(timeout=60_000)
    assert not SignedDecision.objects.exists()


def test_the_signer_signs_with_a_digest_signing_agent(page, live_server, decision, agent_for):
    agent = agent_for(decision.signer)
    log_in(page, live_server, decision.signer)
    sign_with_token(page, live_server, decision,
                    "Ký bằng USB token qua phần mềm ký mã băm (VNPT-CA, Viettel-CA…)")
    page.get_by_text("Đã ký số quyết định 01/QĐ-LMHTX bằng USB token (bản 1).").wait_for(
        timeout=60_000)
    assert SignedDecision.objects.get().method == "agent-hash"
    assert set(agent.calls[0]) == {"SessionId", "Hash", "HashAlgorithm"}  # never the PDF
