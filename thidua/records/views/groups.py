"""A bloc's pledge (giao ước) and score sheet: criteria, self-scoring with evidence, adjustments
with a reason, and the live ranking (htmx reloads it after every save)."""
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views import View

from thidua.movements.rules import SIGNERS
from thidua.organizations.scoping import PEOPLE_EDITORS, organization_q
from thidua.organizations.views.groups import group_or_403

from .. import scoring, services
from ..forms import (AdjustForm, CriterionForm, NewSheetForm, PledgeForm, SheetForm,
                             SignatureForm)
from ..models import Pledge, PledgeSignature, Score, ScoreCriterion, ScoreSheet
from .programmes import FIX_ERRORS, add_errors, recent_history

REFRESH = "ranking-changed"


def is_htmx(request):
    return request.headers.get("HX-Request") == "true"


class GroupPageView(LoginRequiredMixin, View):
    """A page of one bloc or cluster, seen by anyone who may see the group."""

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            self.group = group_or_403(request.user, kwargs["pk"],
                                      "organizations.view_emulationgroup")
            self.can_edit = request.user.has_perm(services.GROUP_EDIT, self.group)
        return super().dispatch(request, *args, **kwargs)

    def members(self):
        return self.group.members.order_by("sort_key", "pk")

    def members_for(self, roles):
        """Members where the user holds one of ``roles`` (the units they act for)."""
        return self.members().filter(organization_q(self.request.user, roles))


class PledgeView(GroupPageView):
    template_name = "records/pledge.html"

    def render(self, form=None, sign_form=None):
        pledge = Pledge.objects.filter(group=self.group).first()
        signatures = pledge.signatures.select_related("member", "signed_by").order_by(
            "member__sort_key") if pledge else []
        signable = self.members_for(SIGNERS).exclude(
            pk__in=[s.member_id for s in signatures]) if pledge else None
        return render(self.request, self.template_name, {
            "group": self.group, "pledge": pledge, "signatures": signatures,
            "members": self.members(), "can_edit": self.can_edit,
            "form": form or (PledgeForm(instance=pledge) if self.can_edit else None),
            "sign_form": sign_form or (SignatureForm(members=signable)
                                       if signable is not None and signable.exists() else None),
            "history": recent_history(pledge.history, PledgeSignature.history.filter(
                pledge_id=pledge.pk)) if pledge else [],
        })

    def get(self, request, pk):
        return self.render()

    def post(self, request, pk):
        pledge = Pledge.objects.filter(group=self.group).first()
        if request.POST.get("action") == "sign" and pledge:
            form = SignatureForm(request.POST, members=self.members())
            return self.submit(form, "sign_form", _("Đã ghi nhận chữ ký giao ước."),
                               lambda data: services.sign_pledge(request.user, pledge, **data))
        if not self.can_edit:
            raise PermissionDenied
        form = PledgeForm(request.POST, instance=pledge or Pledge(group=self.group))
        return self.submit(form, "form", _("Đã lưu giao ước thi đua."),
                           lambda data: services.save_pledge(request.user, form.save(False)))

    def submit(self, form, name, message, save):
        """Validate ``form``, run ``save(cleaned_data)``; errors go back on the form."""
        if form.is_valid():
            try:
                save(form.cleaned_data)
            except ValidationError as error:
                add_errors(form, error)
            else:
                messages.success(self.request, message)
                return redirect("records:pledge", pk=self.group.pk)
        messages.error(self.request, FIX_ERRORS)
        return self.render(**{name: form})


def sheet_rows(sheet, members):
    """Criteria, scores by (member, criterion) and the ranking rows for the template."""
    criteria = list(sheet.criteria.all())
    scores = {(s.member_id, s.criterion_id): s for s in Score.objects.filter(
        criterion__sheet=sheet)}
    points = {(m, c): scores[m.pk, c.pk].points for m in members for c in criteria
              if (m.pk, c.pk) in scores}
    standings = scoring.rank(members, criteria, points, sheet.tie_break)
    rows = [(standing, [scores.get((standing.member.pk, c.pk)) for c in criteria])
            for standing in standings]
    return criteria, scores, rows


class ScoreSheetView(GroupPageView):
    """The sheet page; the owning level's posts here create the sheet, change its settings and
    edit the criteria."""

    template_name = "records/score_sheet.html"

    def sheet(self):
        return ScoreSheet.objects.filter(group=self.group).first()

    def context(self, sheet, **extra):
        members = list(self.members())
        context = {"group": self.group, "sheet": sheet, "can_edit": self.can_edit, **extra}
        if sheet is None:
            if self.can_edit:
                context.setdefault("new_sheet_form", NewSheetForm(user=self.request.user,
                                                                  group=self.group))
            return context
        criteria, scores, rows = sheet_rows(sheet, members)
        context["history"] = recent_history(
            sheet.history, ScoreCriterion.history.filter(sheet_id=sheet.pk))
        scorable = set(self.members_for(PEOPLE_EDITORS)
                       .values_list("pk", flat=True))
        context.update(criteria=criteria, rows=rows, self_forms=[
            self_form(sheet, member, criteria, scores) for member in members
            if member.pk in scorable] if sheet.is_open and criteria else [])
        if self.can_edit:
            context.setdefault("criterion_form", CriterionForm())
            context.setdefault("sheet_form", SheetForm(initial={
                "tie_break": sheet.tie_break, "is_open": sheet.is_open}))
            context.setdefault("adjust_form", AdjustForm(scores=adjustable(sheet)))
        return context

    def get(self, request, pk):
        return render(request, self.template_name, self.context(self.sheet()))

    def post(self, request, pk):
        if not self.can_edit:
            raise PermissionDenied
        sheet, action = self.sheet(), request.POST.get("action")
        try:
            if action == "create" and sheet is None:
                form = NewSheetForm(request.POST, user=request.user, group=self.group)
                if not form.is_valid():
                    messages.error(request, FIX_ERRORS)
                    return render(request, self.template_name,
                                  self.context(None, new_sheet_form=form))
                services.create_score_sheet(request.user, self.group, **form.cleaned_data)
            elif action == "settings" and sheet:
                form = SheetForm(request.POST)
                if form.is_valid():
                    services.update_score_sheet(request.user, sheet, **form.cleaned_data)
            elif action == "add_criterion" and sheet:
                form = CriterionForm(request.POST)
                if not form.is_valid():
                    messages.error(request, FIX_ERRORS)
                    return render(request, self.template_name,
                                  self.context(sheet, criterion_form=form))
                services.add_criterion(request.user, sheet, **form.cleaned_data)
            elif action == "remove_criterion" and sheet:
                services.remove_criterion(request.user, get_object_or_404(
                    sheet.criteria, pk=request.POST.get("criterion")))
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("Đã cập nhật bảng chấm điểm."))
        return redirect("records:score_sheet", pk=pk)


def adjustable(sheet):
    return Score.objects.filter(criterion__sheet=sheet).select_related(
        "member", "criterion").order_by("member__sort_key", "criterion__order", "criterion__pk")


def self_form(sheet, member, criteria, scores, posted=None, errors=(), saved=False):
    """What the self-score partial shows for one member: a row per criterion."""
    rows = []
    for criterion in criteria:
        score = scores.get((member.pk, criterion.pk))
        if posted is not None:
            value = posted.get(f"points_{criterion.pk}", "")
            evidence = posted.get(f"evidence_{criterion.pk}", "")
        else:
            value = "" if score is None else score.self_points
            evidence = "" if score is None else score.evidence
        rows.append({"criterion": criterion, "value": value, "evidence": evidence,
                     "score": score})
    total = sum(row["score"].points for row in rows if row["score"] is not None)
    unscored = [row["criterion"].name for row in rows if row["score"] is None]
    return {"sheet": sheet, "member": member, "rows": rows, "errors": errors, "saved": saved,
            "total": total, "unscored": unscored}


def _partial(request, template, context, changed):
    response = render(request, template, context)
    if changed:
        response["HX-Trigger"] = REFRESH
    return response


class SelfScoreView(ScoreSheetView):
    """A member unit saves its self-scores (all criteria at once; one bad value saves nothing and
    the form comes back with what was typed; a criterion left empty is not scored yet)."""

    http_method_names = ["post"]

    def post(self, request, pk, member):
        unit = get_object_or_404(self.members(), pk=member)
        sheet = get_object_or_404(ScoreSheet, group=self.group)
        criteria = list(sheet.criteria.all())
        entries = {c: (request.POST.get(f"points_{c.pk}", ""),
                       request.POST.get(f"evidence_{c.pk}", "")) for c in criteria}
        try:
            services.self_score(request.user, sheet, unit, entries)
        except ValidationError as error:
            scores = {(s.member_id, s.criterion_id): s for s in Score.objects.filter(
                criterion__sheet=sheet, member=unit)}
            form = self_form(sheet, unit, criteria, scores, request.POST, error.messages)
            if not is_htmx(request):  # the whole page again, with what was typed
                messages.error(request, FIX_ERRORS)
                page = self.context(sheet)
                page["self_forms"] = [form if f["member"].pk == unit.pk else f
                                      for f in page["self_forms"]]
                return render(request, self.template_name, page)
            return _partial(request, "records/_self_score.html", form, False)
        scores = {(s.member_id, s.criterion_id): s for s in Score.objects.filter(
            criterion__sheet=sheet, member=unit)}
        if not is_htmx(request):
            messages.success(request, _("Đã lưu điểm tự chấm."))
            return redirect("records:score_sheet", pk=pk)
        return _partial(request, "records/_self_score.html",
                        self_form(sheet, unit, criteria, scores, saved=True), True)


class AdjustScoreView(GroupPageView):
    """The owning level adjusts one score with a reason (htmx: returns the form)."""

    def post(self, request, pk):
        if not self.can_edit:
            raise PermissionDenied
        sheet = get_object_or_404(ScoreSheet, group=self.group)
        form = AdjustForm(request.POST, scores=adjustable(sheet))
        changed = False
        if form.is_valid():
            score = get_object_or_404(adjustable(sheet), pk=form.cleaned_data["score"])
            try:
                services.adjust_score(request.user, score, form.cleaned_data["points"],
                                      form.cleaned_data["reason"])
                changed = True
            except ValidationError as error:
                add_errors(form, error)
        if not is_htmx(request):
            if changed:
                messages.success(request, _("Đã điều chỉnh điểm."))
            else:
                for message in [e for errors in form.errors.values() for e in errors]:
                    messages.error(request, message)
            return redirect("records:score_sheet", pk=pk)
        if changed:
            form = AdjustForm(scores=adjustable(sheet))
        return _partial(request, "records/_adjust.html",
                        {"group": self.group, "adjust_form": form, "adjusted": changed}, changed)


class RankingView(GroupPageView):
    """The ranking table alone, for htmx to reload."""

    def get(self, request, pk):
        sheet = get_object_or_404(ScoreSheet, group=self.group)
        criteria, _scores, rows = sheet_rows(sheet, list(self.members()))
        return render(request, "records/_ranking.html",
                      {"sheet": sheet, "criteria": criteria, "rows": rows})

