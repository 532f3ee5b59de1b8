"""Signing a decision (signers) and checking signatures (public: /xac-minh/)."""
from csp.decorators import csp_update
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views import View

from thidua.awards.models import Award
from thidua.nominations.models import Decision

from ..models import SealedCertificate, SignerCertificate, SigningSession
from ..verification import award_id, decision_id, decision_token, token_for
from ..views import PDF, decision_or_403, rate_limited
from . import sealing, services
from .agent_views import signable_or_403, target_or_403
from .base import SigningError
from .forms import PdfCheckForm
from .validation import check_pdf

CHECK_LIMIT = 10


def allow_agent(response):
    """The signing page alone may call the signer's local agents (CSP connect-src)."""
    agents = [url for url in (settings.THIDUA_SIGNING_AGENT_URL,
                              settings.THIDUA_DIGEST_SIGNING_AGENT_URL) if url]
    return csp_update({"connect-src": agents})(lambda: response)()


def signed_response(row, name):
    return FileResponse(row.file.open("rb"), as_attachment=True, filename=name,
                        content_type=PDF)


class SignView(LoginRequiredMixin, View):
    """The signing page of a decision or a tờ trình (``kind``): its signed versions, the
    signer's certificates, and the ways to sign that this server and the organisation offer."""

    kind = "decision"

    def context(self, request, target):
        try:
            server_method = services.server_signer(request.user).name
        except SigningError:
            server_method = ""
        phien = str(request.GET.get("phien", ""))
        session = SigningSession.objects.filter(
            pk=phien if phien.isdigit() else None, user=request.user,
            **target.session_fields()).select_related("signed", "signed_submission").first()
        row = session and (session.signed or session.signed_submission)
        return {"target": target, "document": target.document,
                "versions": target.versions(), "session": session, "session_row": row,
                "session_done": target.done_message(row, token=True) if row else "",
                "refusal": target.state_refusal(),
                "agent_url": settings.THIDUA_SIGNING_AGENT_URL,
                "digest_agent_url": settings.THIDUA_DIGEST_SIGNING_AGENT_URL,
                "certificates": SignerCertificate.objects.filter(user=request.user),
                "can_sign": request.user.has_perm(target.perm, target.document),
                "issuing": target.settings(),
                "can_configure": request.user.has_perm("nominations.manage_issuer_settings",
                                                       target.unit),
                "server_key": bool(server_method), "server_method": server_method,
                "remote_auth": settings.THIDUA_REMOTE_SIGNING_AUTH,
                "token": decision_token(target.document) if target.kind == "decision" else ""}

    def get(self, request, pk):
        target = target_or_403(request.user, self.kind, pk)
        response = render(request, "documents/signing/sign.html", self.context(request, target))
        return allow_agent(response)

    def post(self, request, pk):
        target = signable_or_403(request.user, self.kind, pk)
        if "gui_ma" in request.POST:
            return self.send_code(request, target)
        try:
            row = services.sign(request.user, target, code=request.POST.get("ma", "").strip())
        except SigningError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, target.done_message(row))
        return redirect(target.page_url())

    def send_code(self, request, target):
        try:
            services.send_signing_code(request.user, target)
        except SigningError as error:
            messages.error(request, str(error))
        else:
            messages.info(request, _("Dịch vụ ký số từ xa đã gửi mã OTP cho bạn; nhập mã rồi bấm "
                                     "ký."))
        return redirect(target.page_url())


class SignedFileView(LoginRequiredMixin, View):
    """The latest signed original of a decision or a tờ trình (``kind``), for whoever sees it."""

    kind = "decision"

    def get(self, request, pk):
        target = target_or_403(request.user, self.kind, pk)
        row = services.latest_signed(target)
        if row is None:
            raise Http404(_("Văn bản chưa được ký số."))
        return signed_response(row, target.file_name(signed=True))


class SubmissionSignatureView(LoginRequiredMixin, View):
    """The tờ trình's signature on its page (loaded by htmx; a page of its own without it): the
    latest signed version checked live — signer, time, state — or that it is missing where the
    proposing unit signs its tờ trình, and the way to the signing page for its signer."""

    def get(self, request, pk):
        target = target_or_403(request.user, "submission", pk)
        row, check = services.submission_signature(target.document)
        template = ("documents/signing/_submission.html" if request.headers.get("HX-Request")
                    else "documents/signing/submission.html")
        return render(request, template, {
            "batch": target.document, "row": row, "check": check,
            "required": target.settings().sign_submissions,
            "can_sign": request.user.has_perm(target.perm, target.document)})


def public_decision(token):
    pk = decision_id(token)
    decision = Decision.objects.public().select_related("issuer").filter(pk=pk).first() \
        if pk is not None else None
    row = services.latest_signed(decision) if decision else None
    if row is None:
        raise Http404(_("Không tìm thấy quyết định đã ký số với mã xác minh này."))
    return decision, row


class VerifyDecisionView(View):
    """Public: is this decision signed, by whom, when, and is the stored original intact and
    trusted today (checked live, so a revoked certificate shows)."""

    def get(self, request, token):
        if rate_limited(request, "verify", 30):
            return render(request, "documents/verify_limited.html", status=429)
        decision, row = public_decision(token)
        with row.file.open("rb") as handle:
            check = check_pdf(handle.read())
        return render(request, "documents/signing/verify_decision.html", {
            "decision": decision, "row": row, "check": check, "token": token})


class VerifyDecisionFileView(View):
    def get(self, request, token):
        if rate_limited(request, "verify", 30):
            return render(request, "documents/verify_limited.html", status=429)
        decision, row = public_decision(token)
        return signed_response(row, f"quyet-dinh-{decision.number}-{decision.year}-ky-so.pdf")


class CheckPdfView(View):
    """Public "Kiểm tra tệp PDF": is an uploaded file one of our signed decisions or of our
    certificates sealed with the organisation seal, unchanged, and signed by whom."""

    def get(self, request):
        return render(request, "documents/signing/check.html", {"form": PdfCheckForm()})

    def post(self, request):
        if rate_limited(request, "check-pdf", CHECK_LIMIT):
            return render(request, "documents/verify_limited.html", status=429)
        form = PdfCheckForm(request.POST, request.FILES)
        if not form.is_valid():
            return render(request, "documents/signing/check.html", {"form": form}, status=400)
        check = check_pdf(form.cleaned_data["file"])
        original = services.original_for(check)
        sealed = sealing.sealed_original_for(check) if original is None else None
        return render(request, "documents/signing/check.html", {
            "form": PdfCheckForm(), "check": check, "original": original, "sealed": sealed,
            "token": decision_token(original.decision) if original else "",
            "award_token": token_for(sealed.award) if sealed else ""})


class VerifyView(View):
    """Public, no login: is this certificate genuine and still valid, and is its sealed
    original intact (checked live)? Shows no birth date or identity number."""

    LIMIT = 30

    def get(self, request, token):
        if rate_limited(request, "verify", self.LIMIT):
            return render(request, "documents/verify_limited.html", status=429)
        pk = award_id(token)
        award = (Award.objects.unscoped("public check of a certificate by its signed token")
                 .select_related("award_type", "person", "organization")
                 .filter(pk=pk).first() if pk is not None else None)
        if award is None:
            raise Http404(_("Không tìm thấy khen thưởng với mã xác minh này."))
        revocation = getattr(award, "revocation", None) if award.status == "REVOKED" else None
        signed = award.decision.signed_versions.first() if award.decision_id else None
        seal, seal_check = sealing.seal_check(award)
        return render(request, "documents/verify.html", {
            "award": award, "revocation": revocation, "seal": seal, "seal_check": seal_check,
            "decision_token": decision_token(award.decision) if signed else ""})


class SealCertificatesView(LoginRequiredMixin, View):
    """The decision page's seal panel (loaded by htmx; a page of its own without it): how many
    of the decision's certificates carry the organisation seal, the progress of the sealing
    this user started, and "Đóng dấu số giấy khen" for whoever may seal."""

    def get(self, request, pk):
        decision = decision_or_403(request.user, pk)
        template = ("documents/signing/_seal.html" if request.headers.get("HX-Request")
                    else "documents/signing/seal.html")
        return render(request, template, {
            "decision": decision, "job": sealing.jobs_of(decision).filter(
                created_by=request.user).first(),
            "sealed": SealedCertificate.objects.filter(award__decision=decision).count(),
            "total": decision.awards.count(),
            "can_seal": request.user.has_perm("documents.seal_certificates", decision)})

    def post(self, request, pk):
        decision = decision_or_403(request.user, pk, "documents.seal_certificates")
        try:
            sealing.seal_certificates(request.user, decision)
        except SigningError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Đang đóng dấu số giấy khen của quyết định %(ref)s.") % {
                "ref": decision.reference})
        return redirect(decision)
