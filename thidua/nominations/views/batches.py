"""Dossier screens: list (with "waiting for me"), create, detail with stepper and transitions,
nominees, the transition buttons, appraisal, and the permission-checked file download."""
import django_filters
from django import forms
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import TemplateView

from thidua.accounts.models import Role, User
from thidua.core.views import FilteredListMixin
from thidua.organizations.models import Organization
from thidua.organizations.scoping import organization_q

from .. import guards, opinions, workflow
from ..forms import AttachmentForm, BatchForm, ManyNomineesForm, NomineeForm
from ..models import Attachment, NominationBatch, OpinionRequest
from ..rules import INTAKE, ISSUERS, PROPOSERS, SECRETARIES
from ..states import EDITABLE_STATES, STEPPER, State, SubjectKind, Verdict
from ..workflow.intake import checklist
from ..workflow.opinions import DEFAULT_OPINION_DAYS
from ..workflow.quotas import batch_quotas
from .common import attempt, batch_or_403

# States in which the authority has not looked at the nominees: no verdict or result to show.
UNSENT = EDITABLE_STATES | {State.WITHDRAWN}
WAITING = {State.SUBMITTED, State.RECEIVED, State.IN_APPRAISAL, State.PUBLICITY, State.AT_COUNCIL}


def waiting_for(user):
    """Batches the user must act on: drafts and returns at their proposing units, and active
    batches at the authorities where they do intake, council or decisions."""
    acting = INTAKE | SECRETARIES | ISSUERS
    return (Q(state__in=EDITABLE_STATES) & organization_q(user, PROPOSERS, "proposer__")) | (
        Q(state__in=WAITING) & organization_q(user, acting, "authority__"))


class BatchFilter(django_filters.FilterSet):
    same_form_for_everyone = True  # core.templatetags.ui.filter_fields
    q = django_filters.CharFilter(label=gettext_lazy("Tìm kiếm"), field_name="title",
                                  lookup_expr="icontains")
    state = django_filters.ChoiceFilter(label=gettext_lazy("Trạng thái"), choices=State.choices)
    year = django_filters.NumberFilter(label=gettext_lazy("Năm"))
    mine = django_filters.BooleanFilter(label=gettext_lazy("Chờ tôi xử lý"), method="filter_mine",
                                        widget=forms.CheckboxInput)

    class Meta:
        model = NominationBatch
        fields = ["q", "state", "year", "mine"]

    def filter_mine(self, queryset, name, value):
        return queryset.filter(waiting_for(self.request.user)) if value else queryset


class BatchListView(LoginRequiredMixin, FilteredListMixin, TemplateView):
    template_name = "nominations/batch_list.html"
    filterset_class = BatchFilter
    ordering = ("-created_at", "-pk")

    def get_base_queryset(self):
        # the rows, the "Chờ tôi xử lý" box and the export read no more than these
        return NominationBatch.objects.visible_to(self.request.user).select_related(
            "proposer", "authority").only("title", "year", "state", "due_on", "created_at",
                                          "proposer__name", "authority__name")

    def get_context_data(self, **kwargs):
        user = self.request.user
        inbox = self.get_base_queryset().filter(waiting_for(user)).order_by("due_on", "pk")[:20]
        can_create = Organization.objects.filter(organization_q(user, PROPOSERS)).exists()
        return super().get_context_data(
            inbox=inbox, can_create=can_create,
            has_opinion_requests=OpinionRequest.objects.visible_to(user).exists(), **kwargs)

    def export(self, queryset):
        from thidua.core.excel import xlsx_response

        rows = [(b.title, b.proposer.name, b.authority.name, b.year, b.get_state_display())
                for b in queryset]
        return xlsx_response("to-trinh", _("Tờ trình"), [
            _("Trích yếu"), _("Đơn vị đề nghị"), _("Cấp xét"), _("Năm"), _("Trạng thái")], rows)


class BatchCreateView(LoginRequiredMixin, View):
    def get(self, request):
        """The empty form; asked again by htmx with ``?proposer=`` when the proposer changes."""
        form = BatchForm(user=request.user, initial={"proposer": request.GET.get("proposer")})
        return render(request, "nominations/batch_form.html", {"form": form})

    def post(self, request):
        form = BatchForm(request.POST, user=request.user)
        if form.is_valid():
            data = dict(form.cleaned_data)
            proposer, authority = data.pop("proposer"), data.pop("authority")
            batch = None

            def create():
                nonlocal batch
                batch = workflow.create_batch(request.user, proposer, authority, **data)

            if attempt(request, create, _("Đã lưu nháp tờ trình; hãy thêm người được đề nghị.")):
                return redirect("nominations:batch_nominees", batch.pk)
        return render(request, "nominations/batch_form.html", {"form": form})


class BatchDetailView(LoginRequiredMixin, View):
    def get(self, request, pk):
        batch = batch_or_403(request.user, pk)
        user = request.user
        index = STEPPER.index(batch.state) if batch.state in STEPPER else -1
        gates = guards.for_batch(user, batch)
        context = {
            "batch": batch, "stepper": [(s, s.label, i < index, i == index)
                                        for i, s in enumerate(STEPPER)],
            "items": batch.items.select_related("person", "organization", "award_type"),
            "attachments": batch.attachments.select_related("item"),
            "transitions": batch.transitions.select_related("actor"),
            "gates": gates, "gates_offered": any(g.offered for g in gates.values()),
            "under_review": batch.state not in UNSENT,
            "can_package": batch.state == State.FORWARDED
            and user.has_perm("nominations.decide_batch", batch),
            "checklist": checklist(batch), "upload_form": AttachmentForm(batch=batch),
            "appraisers": appraisers(batch) if gates["assign_appraiser"].offered else (),
            "forwardable": guards.forwardable_items(batch) if gates["forward"].offered else (),
            "parents": batch.authority.ancestors(),
            "forwarded": batch.forwarded_batches.all(),
            "signature_panel": guards.signing_required(batch)
            or batch.signed_submissions.exists(),
        }
        return render(request, "nominations/batch_detail.html", context)


def appraisers(batch):
    """Who may be given the dossier to appraise: the deciding unit's own intake staff, its
    appraisers first (so preselected). Only a unit with no intake staff of its own is offered the
    staff of the units above whose role reaches down to it (a Huế dossier offered the national
    officers beside Huế's own)."""
    staff = User.objects.filter(role_assignments__role__in=INTAKE,
                                role_assignments__organization=batch.authority)
    if not staff.exists():
        staff = User.objects.filter(
            role_assignments__role__in=INTAKE, role_assignments__include_descendants=True,
            role_assignments__organization__in=batch.authority.ancestors())
    return staff.annotate(appraises=Count("role_assignments", filter=Q(
        role_assignments__role=Role.APPRAISER))).order_by(
        "-appraises", "last_name", "first_name", "username").distinct()


class NomineesView(LoginRequiredMixin, View):
    """Step 2 of the dossier: nominees one by one or many at once from the unit's list."""

    def setup_batch(self, request, pk):
        batch = batch_or_403(request.user, pk, "nominations.edit_batch")
        return batch

    def render(self, batch, one=None, many=None):
        return render(self.request, "nominations/nominees.html", {
            "batch": batch, "one": one or NomineeForm(batch=batch),
            "many": many or ManyNomineesForm(batch=batch),
            "items": batch.items.select_related("person", "organization", "award_type")})

    def get(self, request, pk):
        return self.render(self.setup_batch(request, pk))

    def post(self, request, pk):
        batch = self.setup_batch(request, pk)
        if "remove" in request.POST:
            item = get_object_or_404(batch.items, pk=request.POST["remove"])
            attempt(request, lambda: workflow.remove_nomination(request.user, item), _("Đã bỏ."))
            return redirect("nominations:batch_nominees", pk)
        if request.POST.get("form") == "many":
            many = ManyNomineesForm(request.POST, batch=batch)
            if many.is_valid():
                data = many.cleaned_data
                for person in data["people"]:
                    attempt(request, lambda p=person: workflow.add_nomination(
                        request.user, batch, SubjectKind.INDIVIDUAL, data["award_type"], person=p,
                        achievement=data["achievement"]), _("Đã thêm %(name)s.") % {"name": person})
                return redirect("nominations:batch_nominees", pk)
            return self.render(batch, many=many)
        one = NomineeForm(request.POST, batch=batch)
        if one.is_valid():
            data = one.cleaned_data
            if attempt(request, lambda: workflow.add_nomination(
                    request.user, batch, data["subject_kind"], data["award_type"],
                    person=data["person"], organization=data["organization"],
                    achievement=data["achievement"], household_name=data["household_name"]),
                    _("Đã thêm vào tờ trình.")):
                return redirect("nominations:batch_nominees", pk)
        return self.render(batch, one=one)


def _text(request, name):
    return request.POST.get(name, "").strip()


class BatchActionView(LoginRequiredMixin, View):
    """One POST endpoint per button; each calls exactly one workflow function."""

    def post(self, request, pk, action):
        batch = batch_or_403(request.user, pk)
        user, post = request.user, request.POST
        items = lambda: list(batch.items.filter(pk__in=post.getlist("items")))  # noqa: E731
        actions = {
            "gui": (lambda: workflow.submit_batch(user, batch), _("Đã gửi tờ trình.")),
            "rut": (lambda: workflow.withdraw_batch(user, batch, _text(request, "reason")),
                    _("Đã rút tờ trình.")),
            "tiep-nhan": (lambda: workflow.receive_batch(user, batch), _("Đã tiếp nhận.")),
            "tra-lai": (lambda: workflow.return_for_correction(
                user, batch, _text(request, "reason"), int(post.get("days") or 0) or None),
                _("Đã trả lại để bổ sung.")),
            "giao-tham-dinh": (lambda: workflow.start_appraisal(
                user, batch, User.objects.filter(pk=post.get("appraiser") or 0).first()),
                _("Đã giao thẩm định.")),
            "cong-khai": (lambda: workflow.open_publicity(user, batch), _("Đã công khai danh sách.")),
            "hoi-dong": (lambda: workflow.send_to_council(user, batch), _("Đã đưa ra Hội đồng.")),
            "tu-choi": (lambda: workflow.reject_batch(user, batch, _text(request, "reason")),
                        _("Đã ghi nhận không chấp thuận.")),
            "trinh-cap-tren": (lambda: workflow.forward_to(
                user, batch, items(), parent=Organization.objects.filter(
                    pk=post.get("parent") or 0).first(),
                external_authority=_text(request, "external_authority"),
                external_reference=_text(request, "external_reference")),
                _("Đã trình cấp trên.")),
            "ket-qua-ngoai": (lambda: workflow.record_external_outcome(
                user, batch, _text(request, "outcome")), _("Đã ghi kết quả.")),
            "tai-len": (lambda: self.upload(batch), _("Đã tải tệp lên.")),
        }
        if action not in actions:
            raise PermissionDenied
        call, success = actions[action]
        attempt(request, call, success)
        return redirect(batch)

    def upload(self, batch):
        form = AttachmentForm(self.request.POST, self.request.FILES, batch=batch)
        if not form.is_valid():
            raise workflow.WorkflowError(" ".join(e for errs in form.errors.values() for e in errs))
        data = form.cleaned_data
        workflow.add_attachment(self.request.user, batch, data["kind"], data["file"], data["item"])


class AppraisalView(LoginRequiredMixin, View):
    """Each nominee with the engine's verdict beside the appraiser's choice."""

    def get(self, request, pk):
        batch = batch_or_403(request.user, pk, "nominations.intake_batch")
        requests, by_item = opinions.progress(batch)
        items = list(batch.items.select_related("person", "organization", "award_type"))
        for item in items:
            item.progress = by_item.get(item.pk)
        ask = guards.request_opinions(request.user, batch)
        asked = {summary.request.department_id for summary in requests}
        departments = [(department, opinions.describe_field(opinions.field_of(department)))
                       for department in opinions.departments_of(batch.authority)
                       if department.pk not in asked] if ask.open else ()
        return render(request, "nominations/appraisal.html", {
            "batch": batch, "items": items, "verdicts": Verdict.choices[1:],
            "quotas": batch_quotas(batch), "requests": requests, "ask": ask,
            "departments": departments, "default_days": DEFAULT_OPINION_DAYS})

    def post(self, request, pk):
        batch = batch_or_403(request.user, pk, "nominations.intake_batch")
        item = get_object_or_404(batch.items, pk=request.POST.get("item"))
        attempt(request, lambda: workflow.appraise_item(
            request.user, item, request.POST.get("verdict"), _text(request, "reason"),
            _text(request, "override_reason"), confirm_missing=bool(
                request.POST.get("confirm_missing"))), _("Đã ghi kết quả thẩm định %(name)s.") % {
                "name": item.subject_name})
        return redirect("nominations:batch_appraisal", pk)


class AttachmentDownloadView(LoginRequiredMixin, View):
    def get(self, request, pk):
        attachment = get_object_or_404(Attachment.objects.select_related("batch"), pk=pk)
        if not (request.user.has_perm("nominations.view_batch", attachment.batch)
                or opinions.sent_to_department(request.user, attachment)):
            raise PermissionDenied
        if not attachment.file.storage.exists(attachment.file.name):
            messages.error(request, _("Không tìm thấy tệp trên máy chủ."))
            return redirect(attachment.batch)
        return FileResponse(attachment.file.open("rb"), as_attachment=True,
                            filename=attachment.original_name,
                            content_type=attachment.content_type)
