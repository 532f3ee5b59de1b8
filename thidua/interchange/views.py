"""Intake pages (upload Word files or a package, review, commit) and the package page of a
forwarded batch. Views are thin: reading, committing and packaging live in their modules."""
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views import View

from thidua.awards.models import Award
from thidua.nominations.models import NominationBatch
from thidua.nominations.rules import PROPOSERS
from thidua.organizations.models import Organization
from thidua.organizations.scoping import organization_q

from . import packages
from .commit import commit_intake, discard_intake
from .forms import IntakeFilesForm, PackageForm, ReviewForm
from .intake import IntakeRejected, read_files
from .models import Intake, Status
from .receiving import read_package

ZIP = "application/zip"


def may_propose(user):
    return Organization.objects.filter(organization_q(user, PROPOSERS)).exists()


class IntakeStartView(LoginRequiredMixin, View):
    """Upload a lower unit's Word files, or receive a package; the open intakes below."""

    template_name = "interchange/start.html"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not may_propose(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def render(self, word=None, package=None, errors=()):
        intakes = Intake.objects.visible_to(self.request.user).select_related(
            "proposer", "batch")[:30]
        return render(self.request, self.template_name, {
            "word": word or IntakeFilesForm(user=self.request.user),
            "package": package or PackageForm(), "errors": errors, "intakes": intakes})

    def get(self, request):
        return self.render()

    def post(self, request):
        if "package" in request.FILES:
            form = PackageForm(request.POST, request.FILES)
            if not form.is_valid():
                return self.render(package=form)
            read = lambda: read_package(request.user, form.cleaned_data["package"])
            return self.attempt(read, package=form)
        form = IntakeFilesForm(request.POST, request.FILES, user=request.user)
        if not form.is_valid():
            return self.render(word=form)
        data = form.cleaned_data
        return self.attempt(lambda: read_files(request.user, data["files"], data["proposer"]),
                            word=form)

    def attempt(self, read, **forms):
        try:
            intake = read()
        except IntakeRejected as rejected:
            return self.render(errors=rejected.messages, **forms)
        messages.success(self.request, _("Đã đọc %(count)s dòng; hãy rà soát trước khi tạo tờ "
                                         "trình.") % {"count": len(intake.rows)})
        return redirect(intake)


def in_registry(intake):
    """The past awards read from reports, each marked ``recorded`` when the registry already
    holds that award of that year for the matched person (so it is not offered again)."""
    marked = []
    for past in intake.past_awards:
        row = intake.rows[past["row"]] if past.get("row") is not None else None
        person = row and row["match"]["status"] == "matched" and row["match"]["id"]
        recorded = bool(person) and Award.objects.filter(
            person_id=person, award_type__code=past["award"], year=past["year"]).exists()
        marked.append(dict(past, recorded=recorded))
    return marked


def intake_or_403(user, pk):
    intake = get_object_or_404(Intake.objects.select_related("proposer", "authority", "batch")
                               .for_permission_check(), pk=pk)
    if not user.has_perm("nominations.propose_for", intake.proposer):
        raise PermissionDenied
    return intake


class IntakeReviewView(LoginRequiredMixin, View):
    """Every row read, its match and its problems; committing creates the batch or nothing."""

    def render(self, intake, form, errors=()):
        return render(self.request, "interchange/review.html", {
            "intake": intake, "form": form, "errors": errors, "files": intake.files.all(),
            "past_awards": in_registry(intake) if intake.status == Status.OPEN else [],
            "blocking": sum(1 for row in intake.rows for p in row["problems"]
                            if p["level"] == "error")})

    def get(self, request, pk):
        intake = intake_or_403(request.user, pk)
        return self.render(intake, ReviewForm(intake=intake))

    def post(self, request, pk):
        intake = intake_or_403(request.user, pk)
        if "discard" in request.POST:
            try:
                discard_intake(request.user, intake)
            except IntakeRejected as rejected:
                return self.render(intake, ReviewForm(intake=intake), rejected.messages)
            messages.success(request, _("Đã hủy hồ sơ tiếp nhận."))
            return redirect("interchange:start")
        form = ReviewForm(request.POST, intake=intake)
        if not form.is_valid():
            return self.render(intake, form)
        try:
            batch = commit_intake(request.user, intake, form.review())
        except IntakeRejected as rejected:
            return self.render(intake, form, rejected.messages)
        messages.success(request, _("Đã tạo tờ trình với %(count)s đối tượng.") % {
            "count": batch.items.count()})
        return redirect(batch)


def batch_for_package(user, pk):
    batch = get_object_or_404(NominationBatch.objects.select_related("proposer", "authority")
                              .for_permission_check(), pk=pk)
    if not packages.can_export(user, batch):
        raise PermissionDenied
    return batch


class PackageView(LoginRequiredMixin, View):
    def get(self, request, pk):
        batch = batch_for_package(request.user, pk)
        rows, missing = packages.checklist(batch)
        return render(request, "interchange/package.html", {
            "batch": batch, "checklist": rows, "missing": missing,
            "items": packages.forwarded_items(batch)})


class PackageDownloadView(LoginRequiredMixin, View):
    def get(self, request, pk):
        batch = batch_for_package(request.user, pk)
        try:
            name, data = packages.build_package(request.user, batch)
        except packages.PackageIncomplete as incomplete:
            for message in incomplete.messages:
                messages.error(request, message)
            return redirect("interchange:package", batch.pk)
        response = HttpResponse(data, content_type=ZIP)
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response
