"""The exemplars a review names (sơ kết, tổng kết): chosen among those of the review's subtree.
The review itself is a movement's (``movements:review_detail``); the names are records."""
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views import View

from thidua.core.fields import LARGEST_ID
from thidua.movements.models import Review

from .. import services
from ..models import Exemplar


class ReviewExemplarsView(LoginRequiredMixin, View):
    template_name = "records/review_exemplars.html"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.review = get_object_or_404(Review.objects.select_related(
            "movement", "organization").for_permission_check(), pk=kwargs["pk"])
        if not request.user.has_perm("movements.manage_level", self.review.organization):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, pk):
        return render(request, self.template_name, {
            "review": self.review,
            "choices": Exemplar.objects.in_scope(
                Q(unit__path__startswith=self.review.organization.path)),
            "chosen": set(self.review.exemplars.values_list("pk", flat=True))})

    def post(self, request, pk):
        services.name_exemplars(request.user, self.review, [
            pk for pk in request.POST.getlist("exemplars")
            if pk.isdigit() and int(pk) <= LARGEST_ID])  # no database holds a wider id
        messages.success(request, _("Đã cập nhật điển hình được nêu."))
        return redirect("movements:review_detail", self.review.pk)
