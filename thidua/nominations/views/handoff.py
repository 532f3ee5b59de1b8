"""Turn a review's proposals or a "who qualifies" selection into a draft tờ trình."""
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views import View

from thidua.awards.models import AwardType
from thidua.movements.models import Review
from thidua.organizations.models import Organization, Person

from .. import workflow


def _finish(request, batch, refused):
    messages.success(request, _("Đã lập tờ trình nháp với %(n)s đối tượng; hãy bổ sung hồ sơ rồi "
                                "gửi.") % {"n": batch.items.count()})
    for name, reason in refused:
        messages.warning(request, _("Chưa đưa %(name)s vào: %(reason)s") % {
            "name": name, "reason": reason})
    return redirect("nominations:batch_detail", batch.pk)


class ReviewHandoffView(LoginRequiredMixin, View):
    def post(self, request, pk):
        review = get_object_or_404(Review.objects.for_permission_check(), pk=pk)
        if not request.user.has_perm("movements.manage_level", review.organization):
            raise PermissionDenied
        try:
            return _finish(request, *workflow.batch_from_review(request.user, review))
        except workflow.WorkflowError as error:
            messages.error(request, str(error))
            return redirect("movements:review_detail", review.pk)


class SelectionHandoffView(LoginRequiredMixin, View):
    """Selections arrive as "p<person pk>:<type code>" or "o<unit pk>:<type code>"."""

    def post(self, request, pk):
        unit = get_object_or_404(Organization, pk=pk)
        year = int(request.POST.get("year") or 0)
        types = {t.code: t for t in AwardType.objects.all()}
        wanted = [value.split(":", 1) for value in request.POST.getlist("selected") if ":" in value]
        people = Person.objects.visible_to(request.user).in_bulk(
            [int(s[1:]) for s, _code in wanted if s[:1] == "p" and s[1:].isdigit()])
        units = Organization.objects.visible_to(request.user).in_bulk(
            [int(s[1:]) for s, _code in wanted if s[:1] == "o" and s[1:].isdigit()])
        nominees = []
        for subject, code in wanted:
            person = people.get(int(subject[1:])) if subject[:1] == "p" else None
            organization = units.get(int(subject[1:])) if subject[:1] == "o" else None
            if (person or organization) and code in types:
                nominees.append((person, organization, types[code]))
        try:
            return _finish(request, *workflow.batch_from_selection(request.user, unit, year,
                                                                   nominees))
        except (workflow.WorkflowError, PermissionDenied) as error:
            messages.error(request, str(error) or _("Bạn không có quyền lập tờ trình cho đơn vị này."))
            return redirect("awards:qualification", unit.pk)
