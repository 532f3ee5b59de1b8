"""The local agent's side of signing: the page opens a session (signer, CSRF-protected); the
agent downloads and uploads with the session's one-time addresses (no cookies: the token is the
credential). A digest-signing agent gets the digest with the session instead of a download
address, and the page uploads the CMS it returns."""
import json

from django.conf import settings
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse, JsonResponse
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.csrf import csrf_exempt

from thidua.nominations.views.common import batch_or_403

from ..views import PDF, decision_or_403
from . import agent, digest_agent, targets
from .base import SigningError

LOOKUPS = {"decision": decision_or_403, "submission": batch_or_403}


def absolute(path):
    return settings.THIDUA_SITE_URL.rstrip("/") + path


def target_or_403(user, kind, pk):
    """The ``Target`` of kind ``kind`` ("decision", "submission") the user may see, or 403."""
    return targets.of(LOOKUPS[kind](user, pk))


def signable_or_403(user, kind, pk):
    target = target_or_403(user, kind, pk)
    if not user.has_perm(target.perm, target.document):
        raise PermissionDenied
    return target


class OpenSessionView(LoginRequiredMixin, View):
    kind = "decision"

    def post(self, request, pk):
        target = signable_or_403(request.user, self.kind, pk)
        try:
            session, token = agent.open_session(request.user, target)
        except SigningError as error:
            return JsonResponse({"error": str(error)}, status=400)
        return JsonResponse({
            "SessionId": session.pk,
            "FileName": target.file_name(),
            "FileDownloadHandler": absolute(reverse("documents:agent_download", args=[token])),
            "FileUploadHandler": absolute(reverse("documents:agent_upload", args=[token])),
            "ResultUrl": target.page_url() + f"?phien={session.pk}"})


class AgentDownloadView(View):
    def get(self, request, token):
        try:
            data, _session = agent.take_prepared(token)
        except SigningError as error:
            return JsonResponse({"Status": 1, "Message": str(error)}, status=410)
        return HttpResponse(data, content_type=PDF)


@method_decorator(csrf_exempt, name="dispatch")
class AgentUploadView(View):
    def post(self, request, token):
        data = request.FILES["file"].read() if "file" in request.FILES else request.body
        if len(data) > settings.THIDUA_UPLOAD_MAX_BYTES:
            return JsonResponse({"Status": 1, "Message": _("Tệp quá lớn.")}, status=413)
        try:
            row = agent.receive_signed(token, data)
        except SigningError as error:
            return JsonResponse({"Status": 1, "Message": str(error)}, status=400)
        return JsonResponse({"Status": 0, "Message": "", "Version": row.version})


class OpenDigestSessionView(LoginRequiredMixin, View):
    kind = "decision"

    def post(self, request, pk):
        target = signable_or_403(request.user, self.kind, pk)
        try:
            session, token, digest = digest_agent.open_session(request.user, target)
        except SigningError as error:
            return JsonResponse({"error": str(error)}, status=400)
        return JsonResponse({
            "SessionId": session.pk, "Hash": digest, "HashAlgorithm": "SHA256",
            "UploadHandler": absolute(reverse("documents:digest_agent_upload", args=[token])),
            "ResultUrl": target.page_url() + f"?phien={session.pk}"})


@method_decorator(csrf_exempt, name="dispatch")
class DigestUploadView(View):
    """The CMS the agent returned, posted by the signing page as {"Signature": base64}."""

    def post(self, request, token):
        if len(request.body) > settings.THIDUA_UPLOAD_MAX_BYTES:
            return JsonResponse({"Status": 1, "Message": _("Tệp quá lớn.")}, status=413)
        try:
            signature = json.loads(request.body).get("Signature", "")
        except (ValueError, AttributeError):
            signature = ""
        try:
            row = digest_agent.receive_signature(token, signature)
        except SigningError as error:
            return JsonResponse({"Status": 1, "Message": str(error)}, status=400)
        return JsonResponse({"Status": 0, "Message": "", "Version": row.version})
