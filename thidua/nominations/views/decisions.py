"""Decision screens: pick council-approved nominees, preview, then issue (numbered)."""
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View

from thidua.awards.citations import decision_bases
from thidua.awards.models import BaseSalary
from thidua.awards.money import award_amount, multiplier_for

from .. import workflow
from ..guards import decidable_items
from ..models import Decision
from ..workflow.decisions import symbol_for, title_for
from .common import attempt, batch_or_403


class DecisionCreateView(LoginRequiredMixin, View):
    def get(self, request, pk):
        batch = batch_or_403(request.user, pk, "nominations.decide_batch")
        return render(request, "nominations/decision_form.html", {
            "batch": batch, "items": decidable_items(batch), "symbol": symbol_for(batch.authority),
            "title": title_for(batch)})

    def post(self, request, pk):
        batch = batch_or_403(request.user, pk, "nominations.decide_batch")
        items = [i for i in decidable_items(batch) if str(i.pk) in request.POST.getlist("items")]
        decision = None

        def create():
            nonlocal decision
            decision = workflow.create_decision(
                request.user, batch, items, request.POST.get("title", "").strip()
                or title_for(batch), request.POST.get("legal_bases", ""),
                request.POST.get("signer_name", ""), request.POST.get("signer_title", ""))

        if attempt(request, create, _("Đã lập dự thảo; kiểm tra lại trước khi ban hành.")):
            return redirect(decision)
        return redirect("nominations:decision_create", pk)


class DecisionView(LoginRequiredMixin, View):
    """The draft is a preview (money computed for today); once issued it is the record. The
    money column appears only when a form on the draft carries money, or when the issued
    decision awarded money (an old decision recorded without an amount shows none)."""

    def load(self, request, pk):
        decision = get_object_or_404(Decision.objects.select_related("issuer", "batch", "signer")
                                     .for_permission_check(), pk=pk)
        if not request.user.has_perm("nominations.view_decision", decision):
            raise PermissionDenied
        return decision

    def get(self, request, pk):
        decision = self.load(request, pk)
        rows = list(decision.items.select_related("nomination__person",
                                                  "nomination__organization",
                                                  "nomination__award_type", "award"))
        salary = BaseSalary.objects.in_force(timezone.localdate())
        for row in rows:
            if decision.state == "DRAFT":
                multiplier = multiplier_for(row.nomination.award_type, row.nomination.subject_kind)
                row.carries_money = multiplier is not None
                row.money_amount = award_amount(multiplier, salary.amount if salary else 0)
            else:  # the record: money was paid or it was not
                row.carries_money = bool(row.money_amount)
        bases = decision_bases(decision.legal_bases, [row.nomination.award_type for row in rows],
                               decision.date or timezone.localdate(), decision.issuer)[1]
        return render(request, "nominations/decision.html", {
            "decision": decision, "rows": rows, "legal_bases": bases,
            "money_column": any(row.carries_money for row in rows),
            "can_manage": request.user.has_perm("nominations.manage_decision", decision),
            "can_seal": request.user.has_perm("documents.seal_certificates", decision)})

    def post(self, request, pk):
        decision = self.load(request, pk)
        if request.POST.get("action") == "issue":
            attempt(request, lambda: workflow.issue_decision(request.user, decision),
                    _("Đã ban hành quyết định."))
        else:
            attempt(request, lambda: workflow.update_decision(
                request.user, decision, title=request.POST.get("title", decision.title),
                legal_bases=request.POST.get("legal_bases", decision.legal_bases)),
                _("Đã lưu dự thảo."))
        return redirect(decision)
