"""The local agent's contract: a session opened by the signer on the page, a one-time download
address and a one-time upload address bound to it, ten minutes to use them; what is uploaded is
checked like every signed PDF, and the outcome is kept for the page."""
import json
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.urls import reverse

from test_signing import NAME
from thidua.accounts.models import Role
from thidua.documents.models import SignedDecision, SigningSession
from thidua.documents.signing import config, pades, services


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()


@pytest.fixture
def decision(commendation, pki):
    pki.enrol(commendation.signer, NAME)
    return commendation.decision()


def open_session(client, user, decision):
    client.force_login(user)
    response = client.post(reverse("documents:agent_session", args=[decision.pk]))
    return response.status_code, json.loads(response.content)


def path(url):
    """The address without scheme and host: the test client speaks to the app directly."""
    return "/" + url.split("://", 1)[1].split("/", 1)[1]


def test_download_once_sign_upload_once(client, commendation, decision):
    status, session = open_session(client, commendation.signer, decision)
    assert status == 200 and set(session) >= {"FileDownloadHandler", "FileUploadHandler"}
    agent = client.__class__()  # the agent has no cookies
    prepared = agent.get(path(session["FileDownloadHandler"])).content
    assert agent.get(path(session["FileDownloadHandler"])).status_code == 410
    signed = pades.sign_pdf(prepared, services.server_signer(commendation.signer),
                            services.signature_block(decision), config.timestamper())
    upload = agent.post(path(session["FileUploadHandler"]), signed,
                        content_type="application/pdf")
    assert json.loads(upload.content) == {"Status": 0, "Message": "", "Version": 1}
    assert SignedDecision.objects.get().method == "agent"
    again = agent.post(path(session["FileUploadHandler"]), signed, content_type="application/pdf")
    assert again.status_code == 400 and SignedDecision.objects.count() == 1
    page = client.get(reverse("documents:sign_decision", args=[decision.pk]),
                      {"phien": session["SessionId"]})
    assert "bằng USB token (bản 1)" in page.content.decode()
    assert "connect-src 'self' http://127.0.0.1:8987" in page["Content-Security-Policy"]


def test_garbage_is_refused_and_the_reason_kept_for_the_page(client, commendation, decision):
    _status, session = open_session(client, commendation.signer, decision)
    agent = client.__class__()
    prepared = agent.get(path(session["FileDownloadHandler"])).content
    answer = agent.post(path(session["FileUploadHandler"]), prepared + b"junk",
                        content_type="application/pdf")
    assert answer.status_code == 400 and "không có chữ ký số" in json.loads(answer.content)[
        "Message"]
    assert "không có chữ ký số" in SigningSession.objects.get().error
    assert not SignedDecision.objects.exists()


def test_addresses_expire_and_need_the_download_first(client, commendation, decision, clock,
                                                      now):
    _status, session = open_session(client, commendation.signer, decision)
    agent = client.__class__()
    early = agent.post(path(session["FileUploadHandler"]), b"%PDF", content_type="application/pdf")
    assert early.status_code == 400
    clock.move_to(now + timedelta(minutes=11))
    assert agent.get(path(session["FileDownloadHandler"])).status_code == 410
    assert agent.get("/ky-so/tai-ve/khong-co/").status_code == 410


def test_only_the_issuers_signer_opens_a_session(client, commendation, decision, make_user,
                                                 pki):
    other = make_user(Role.SIGNER, commendation.network.hanoi)
    pki.enrol(other, "Người Khác")
    client.force_login(other)
    response = client.post(reverse("documents:agent_session", args=[decision.pk]))
    assert response.status_code == 403 and not SigningSession.objects.exists()
