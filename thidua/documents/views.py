"""Document downloads, template management, certificate printing and public verification."""
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View

from thidua.awards.models import Award
from thidua.core import throttle
from thidua.nominations.models import Decision, Nomination
from thidua.nominations.views.common import batch_or_403
from thidua.nominations.views.council import session_or_403
from thidua.organizations.models import Organization

from . import certificates, changes, services
from .forms import CertificateTemplateForm, WordTemplateForm
from .layouts import default_template
from .models import CertificatePrint, CertificateTemplate, PrintState, TemplateKind, WordTemplate
from .placeholders import PLACEHOLDERS

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PDF = "application/pdf"


def attachment(data, filename):
    content_type = DOCX if filename.endswith(".docx") else PDF
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def decision_or_403(user, pk, perm="nominations.view_decision"):
    decision = get_object_or_404(Decision.objects.select_related("issuer", "batch__proposer")
                                 .for_permission_check(), pk=pk)
    if not user.has_perm(perm, decision):
        raise PermissionDenied
    return decision


def organization_or_403(user, pk):
    organization = get_object_or_404(Organization, pk=pk)
    if not user.has_perm("documents.manage_templates", organization):
        raise PermissionDenied
    return organization


class DecisionFileView(LoginRequiredMixin, View):
    RENDERERS = {"docx": services.decision_docx, "pdf": services.decision_pdf}

    def get(self, request, pk, fmt):
        if fmt not in self.RENDERERS:
            raise Http404
        decision = decision_or_403(request.user, pk)
        name = f"quyet-dinh-{decision.number or 'du-thao'}-{decision.year}.{fmt}"
        signed = decision.signed_versions.first() if fmt == "pdf" else None
        if signed:  # once signed, the signed original is the decision's PDF
            return FileResponse(signed.file.open("rb"), as_attachment=True, filename=name,
                                content_type=PDF)
        return attachment(self.RENDERERS[fmt](decision), name)


class BatchFileView(LoginRequiredMixin, View):
    RENDERERS = {"to-trinh.docx": services.proposal_docx, "to-trinh.pdf": services.proposal_pdf,
                 "danh-sach.docx": services.annex_docx}

    def get(self, request, pk, name):
        if name not in self.RENDERERS:
            raise Http404
        batch = batch_or_403(request.user, pk)
        return attachment(self.RENDERERS[name](batch), f"{batch.pk}-{name}")


class SessionFileView(LoginRequiredMixin, View):
    RENDERERS = {"bien-ban.docx": services.minutes_docx, "bien-ban.pdf": services.minutes_pdf,
                 "kiem-phieu.docx": services.tally_docx, "kiem-phieu.pdf": services.tally_pdf}

    def get(self, request, pk, name):
        if name not in self.RENDERERS:
            raise Http404
        session = session_or_403(request, pk)
        return attachment(self.RENDERERS[name](session), f"phien-hop-{session.pk}-{name}")


class AchievementReportView(LoginRequiredMixin, View):
    def get(self, request, pk):
        item = get_object_or_404(Nomination.objects.select_related("batch__proposer")
                                 .for_permission_check(), pk=pk)
        batch_or_403(request.user, item.batch_id)
        return attachment(services.achievement_report_docx(item),
                          f"bao-cao-thanh-tich-{item.pk}.docx")


class CertificateView(LoginRequiredMixin, View):
    def get(self, request, pk):
        award = get_object_or_404(Award.objects.select_related(
            "decision__issuer", "award_type", "sealed_certificate").for_permission_check(),
            pk=pk, decision__isnull=False)
        decision_or_403(request.user, award.decision_id)
        sealed = getattr(award, "sealed_certificate", None)
        if sealed:  # once sealed, the sealed original is the certificate
            return FileResponse(sealed.file.open("rb"), as_attachment=True,
                                filename=f"bang-khen-{award.pk}-dau-so.pdf", content_type=PDF)
        return attachment(services.certificate_pdf(award), f"bang-khen-{award.pk}.pdf")


class PrintView(LoginRequiredMixin, View):
    """The decision's certificates as one PDF, made by a background job; the page polls its
    progress with htmx."""

    def get(self, request, pk):
        decision = decision_or_403(request.user, pk)
        job = CertificatePrint.objects.filter(decision=decision).first()
        template = ("documents/_print_progress.html" if request.headers.get("HX-Request")
                    else "documents/print.html")
        return render(request, template, {
            "decision": decision, "job": job,
            "can_print": request.user.has_perm("nominations.manage_decision", decision)})

    def post(self, request, pk):
        decision = decision_or_403(request.user, pk, "nominations.manage_decision")
        try:
            _job, started = changes.request_print(request.user, decision)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            if not started:
                messages.info(request, _("Đang in; vui lòng chờ."))
        return redirect("documents:print", pk)


class PrintDownloadView(LoginRequiredMixin, View):
    def get(self, request, pk):
        decision = decision_or_403(request.user, pk)
        job = get_object_or_404(CertificatePrint, decision=decision, state=PrintState.DONE)
        return FileResponse(job.file.open("rb"), as_attachment=True,
                            filename=f"bang-khen-quyet-dinh-{decision.pk}.pdf",
                            content_type=PDF)


class WordTemplatesView(LoginRequiredMixin, View):
    """An organisation's own .docx templates: the placeholders they may use, the default
    template to start from, upload (checked) and removal."""

    def context(self, organization, form=None):
        own = {t.kind: t for t in WordTemplate.objects.filter(organization=organization)}
        kinds = [{"kind": kind, "label": label, "own": own.get(kind),
                  "placeholders": sorted(PLACEHOLDERS[kind].items())}
                 for kind, label in TemplateKind.choices]
        return {"organization": organization, "kinds": kinds, "form": form or WordTemplateForm()}

    def get(self, request, pk):
        organization = organization_or_403(request.user, pk)
        return render(request, "documents/word_templates.html", self.context(organization))

    def post(self, request, pk):
        organization = organization_or_403(request.user, pk)
        if request.POST.get("action") == "delete":
            changes.delete_word_template(request.user, organization, request.POST.get("kind"))
            messages.success(request, _("Đã xóa mẫu riêng; văn bản dùng lại mẫu mặc định."))
            return redirect("documents:word_templates", pk)
        form = WordTemplateForm(request.POST, request.FILES)
        if not form.is_valid():
            return render(request, "documents/word_templates.html",
                          self.context(organization, form), status=400)
        upload = form.cleaned_data["file"]
        changes.save_word_template(request.user, organization, form.cleaned_data["kind"], upload)
        messages.success(request, _("Đã lưu mẫu “%(name)s”.") % {"name": upload.name})
        return redirect("documents:word_templates", pk)


class WordTemplateDownloadView(LoginRequiredMixin, View):
    def get(self, request, pk, kind):
        if kind not in TemplateKind.values:
            raise Http404
        organization = organization_or_403(request.user, pk)
        own = WordTemplate.objects.filter(organization=organization, kind=kind).first()
        if own and request.GET.get("mac-dinh") is None:
            with own.file.open("rb") as handle:
                return attachment(handle.read(), f"mau-{kind}.docx")
        return attachment(default_template(kind), f"mau-mac-dinh-{kind}.docx")


class CertificateTemplatesView(LoginRequiredMixin, View):
    def get(self, request, pk):
        organization = organization_or_403(request.user, pk)
        return render(request, "documents/certificate_templates.html", {
            "organization": organization,
            "templates": CertificateTemplate.objects.filter(organization=organization)
            .select_related("award_type")})


class CertificateTemplateEditView(LoginRequiredMixin, View):
    """Create (template pk 0) or edit a certificate layout; a test print checks the calibration."""

    def load(self, request, pk, template_pk):
        organization = organization_or_403(request.user, pk)
        if template_pk:
            return get_object_or_404(CertificateTemplate, pk=template_pk,
                                     organization=organization)
        return CertificateTemplate(organization=organization)

    def get(self, request, pk, template_pk):
        template = self.load(request, pk, template_pk)
        if request.GET.get("thu") is not None and template.pk:
            return attachment(certificates.calibration_pdf(template),
                              f"in-thu-mau-{template.pk}.pdf")
        return render(request, "documents/certificate_template_form.html", {
            "organization": template.organization, "template": template,
            "form": CertificateTemplateForm(instance=template)})

    def post(self, request, pk, template_pk):
        template = self.load(request, pk, template_pk)
        form = CertificateTemplateForm(request.POST, request.FILES, instance=template)
        if not form.is_valid():
            return render(request, "documents/certificate_template_form.html", {
                "organization": template.organization, "template": template, "form": form},
                status=400)
        template = changes.save_certificate_template(request.user, form.save(commit=False))
        messages.success(request, _("Đã lưu mẫu in. Hãy in thử để kiểm tra vị trí trên phôi."))
        return redirect(reverse("documents:certificate_template", args=[pk, template.pk]))


def rate_limited(request, scope, limit, seconds=60):
    """True once this client address made more than ``limit`` requests in ``seconds``."""
    return throttle.exceeded(f"thidua:documents:{scope}:{request.META.get('REMOTE_ADDR', '')}",
                             limit, seconds)
