"""The public page of a published nominee list: names, units and types only, and a comment form
with an arithmetic CAPTCHA. No login; nothing personal beyond what the law makes public."""
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views import View

from .. import captcha, workflow
from ..forms import CommentForm
from ..models import Disclosure
from ..states import Verdict
from .common import attempt


class DisclosureView(View):
    def load(self, token):
        return get_object_or_404(Disclosure.objects.select_related("batch__authority",
                                                                   "batch__proposer"), token=token)

    def render(self, disclosure, form=None):
        question, token = captcha.new_challenge()
        form = form or CommentForm()
        form.data = form.data.copy() if form.is_bound else form.data
        if form.is_bound:
            form.data["token"] = token
        else:
            form.initial["token"] = token
        rows = [(item.subject_name, (item.person.employments.filter(end_date__isnull=True)
                                     .first().organization.name if item.person_id
                                     and item.person.employments.exists() else
                                     item.batch.proposer.name), item.award_type.label)
                for item in disclosure.batch.items.filter(verdict=Verdict.ELIGIBLE)
                .select_related("person", "organization", "award_type", "batch__proposer")]
        return render(self.request, "nominations/disclosure.html", {
            "disclosure": disclosure, "batch": disclosure.batch, "rows": rows, "form": form,
            "question": question})

    def get(self, request, token):
        return self.render(self.load(token))

    def post(self, request, token):
        disclosure = self.load(token)
        form = CommentForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            if not captcha.check(data["token"], data["answer"]):
                messages.error(request, _("Kết quả phép tính chưa đúng; vui lòng thử lại."))
                return self.render(disclosure, form)
            if attempt(request, lambda: workflow.add_public_comment(
                    disclosure, data["name"], data["body"], data["contact"]),
                    _("Cảm ơn ý kiến của bạn; Thư ký Hội đồng sẽ xem xét.")):
                return redirect("nominations:disclosure", token)
        return self.render(disclosure, form)
