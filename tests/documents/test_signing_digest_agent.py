"""A token agent that signs a digest (VNPT-CA, Viettel-CA plug-ins): the server prepares the
field and hands out the document's digest, the agent returns a CMS, the server timestamps it,
embeds it and checks the result like every signed PDF."""
import asyncio
import base64
import io
import json

import pytest
from django.test import Client
from django.urls import reverse
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import signers

from test_signing import NAME
from test_signing_agent import path
from thidua.accounts.models import Role
from thidua.documents.models import SignedDecision, SigningSession
from thidua.documents.signing import config, validation


@pytest.fixture
def decision(commendation, pki):
    pki.enrol(commendation.signer, NAME)
    return commendation.decision()


def token_of(user):
    """What the signer's token holds: their key and certificate from the demo CA."""
    ca = config.demo_ca()
    return signers.SimpleSigner.load(str(ca.key_path(user)), str(ca.cert_path(user)),
                                     ca_chain_files=(str(ca.root_path),))


def agent_signs(user, digest):
    """The agent's answer: a CMS over the digest, made with the token, base64."""
    cms = asyncio.run(token_of(user).async_sign(base64.b64decode(digest), "sha256",
                                                use_pades=True))
    return base64.b64encode(cms.dump()).decode()


def open_session(client, user, decision):
    client.force_login(user)
    response = client.post(reverse("documents:digest_agent_session", args=[decision.pk]))
    return response.status_code, json.loads(response.content)


def upload(session, signature):
    """The page posts the agent's answer to the one-time address (no cookies needed)."""
    return Client().post(path(session["UploadHandler"]), json.dumps({"Signature": signature}),
                         content_type="application/json")


def test_the_agent_signs_the_digest_and_the_server_embeds_and_timestamps_it(client, commendation,
                                                                            decision):
    status, session = open_session(client, commendation.signer, decision)
    assert status == 200 and session["HashAlgorithm"] == "SHA256"
    answer = upload(session, agent_signs(commendation.signer, session["Hash"]))
    assert json.loads(answer.content) == {"Status": 0, "Message": "", "Version": 1}
    row = SignedDecision.objects.get()
    assert row.method == "agent-hash" and row.signer_name == NAME
    with row.file.open("rb") as handle:
        signed = handle.read()
    check = validation.check_pdf(signed)
    assert check.ok, check.reason
    embedded = PdfFileReader(io.BytesIO(signed)).embedded_signatures[-1]
    unsigned = [attr["type"].native for attr in embedded.signer_info["unsigned_attrs"]]
    assert unsigned == ["signature_time_stamp_token"]  # PAdES B-T: our TSA's token
    assert upload(session, agent_signs(commendation.signer, session["Hash"])).status_code == 400
    page = client.get(reverse("documents:sign_decision", args=[decision.pk]),
                      {"phien": session["SessionId"]})
    text = page.content.decode()
    assert "bằng USB token (bản 1)" in text
    assert "http://127.0.0.1:8988" in page["Content-Security-Policy"]


@pytest.mark.parametrize("returned", ["không phải base64", base64.b64encode(b"rac").decode(), ""])
def test_garbage_is_refused_and_the_reason_kept_for_the_page(client, commendation, decision,
                                                             returned):
    _status, session = open_session(client, commendation.signer, decision)
    answer = upload(session, returned)
    assert answer.status_code == 400 and not SignedDecision.objects.exists()
    message = json.loads(answer.content)["Message"]
    assert SigningSession.objects.get().error == message
    assert message == "Phần mềm ký số trả về dữ liệu không phải chữ ký số (CMS); chưa ký."


def test_a_signature_over_another_digest_or_by_another_person_is_refused(
        client, commendation, decision, pki, make_user):
    _status, session = open_session(client, commendation.signer, decision)
    other = base64.b64encode(bytes(32)).decode()
    answer = upload(session, agent_signs(commendation.signer, other))
    assert answer.status_code == 400 and not SignedDecision.objects.exists()
    stranger = make_user(Role.SIGNER, commendation.network.hue)
    pki.enrol(stranger, "Người Khác")
    _status, session = open_session(client, commendation.signer, decision)
    answer = upload(session, agent_signs(stranger, session["Hash"]))
    assert answer.status_code == 400 and "không phải chứng thư số đăng ký" in json.loads(
        answer.content)["Message"]
