"""Department appraisal pages: the appraiser asks departments (from the appraisal page), a
department reads what was sent to it and answers each nominee."""
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from .. import workflow
from ..models import Attachment, OpinionRequest
from ..opinions import answered_for, departments_of
from ..states import Opinion
from .common import attempt, batch_or_403


def _days(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


class OpinionAskView(LoginRequiredMixin, View):
    """The appraisal page's "Xin ý kiến các ban" form."""

    def post(self, request, pk):
        batch = batch_or_403(request.user, pk, "nominations.intake_batch")
        chosen = {_days(value) for value in request.POST.getlist("departments")}
        departments = [d for d in departments_of(batch.authority) if d.pk in chosen]
        attempt(request, lambda: workflow.request_department_opinions(
            request.user, batch, departments, _days(request.POST.get("days")),
            request.POST.get("note", "")), _("Đã gửi đề nghị cho ý kiến tới %(count)s ban.") % {
                "count": len(departments)})
        return redirect("nominations:batch_appraisal", pk)


class OpinionExtendView(LoginRequiredMixin, View):
    """The appraisal page's "Gia hạn" form on a department that still owes opinions."""

    def post(self, request, pk, request_pk):
        batch = batch_or_403(request.user, pk, "nominations.intake_batch")
        opinion_request = get_object_or_404(batch.opinion_requests.select_related("department"),
                                            pk=request_pk)
        attempt(request, lambda: workflow.extend_opinion_deadline(
            request.user, opinion_request, _days(request.POST.get("days"))),
            _("Đã gia hạn cho %(unit)s và nhắc ban.") % {"unit": opinion_request.department})
        return redirect("nominations:batch_appraisal", pk)


class OpinionRequestListView(LoginRequiredMixin, TemplateView):
    """Requests sent to the user's departments (and, for the level's officers, those it sent)."""

    template_name = "nominations/opinion_request_list.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        requests = list(OpinionRequest.objects.visible_to(user).select_related(
            "department", "batch__proposer").annotate(
            asked=Count("opinions"),
            answered=Count("opinions", filter=~Q(opinions__value=Opinion.PENDING)),
        ).order_by("-requested_at", "-pk")[:200])
        mine = answered_for(user)
        for request in requests:
            request.mine = request.department_id in mine
        return super().get_context_data(requests=requests, **kwargs)


class OpinionRequestView(LoginRequiredMixin, View):
    """What one department was asked, and its answer on each nominee."""

    def request_or_403(self, pk):
        request = get_object_or_404(OpinionRequest.objects.select_related(
            "department", "batch__proposer", "batch__authority").for_permission_check(), pk=pk)
        if not self.request.user.has_perm("nominations.view_opinion_request", request):
            raise PermissionDenied
        return request

    def get(self, request, pk):
        opinion_request = self.request_or_403(pk)
        return render(request, "nominations/opinion_request.html", {
            "opinion_request": opinion_request, "batch": opinion_request.batch,
            "opinions": opinion_request.opinions.select_related(
                "item__person", "item__organization", "item__award_type", "answered_by")
            .prefetch_related("item__attachments"),
            "batch_files": Attachment.objects.filter(batch=opinion_request.batch, item=None),
            "can_answer": request.user.has_perm("nominations.answer_opinion", opinion_request)
            and opinion_request.batch.state == "IN_APPRAISAL",
            "answers": Opinion.choices[1:]})

    def post(self, request, pk):
        opinion_request = self.request_or_403(pk)
        opinion = get_object_or_404(opinion_request.opinions.select_related("item"),
                                    pk=_days(request.POST.get("opinion")))
        attempt(request, lambda: workflow.give_department_opinion(
            request.user, opinion, request.POST.get("value"), request.POST.get("comment", "")),
            _("Đã ghi ý kiến về %(name)s.") % {"name": opinion.item.subject_name})
        return redirect("nominations:opinion_request", pk)
