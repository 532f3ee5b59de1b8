from django.contrib import messages
from django.db.models import Q
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View

from thidua.organizations.models import Organization, Person

from .. import services
from ..forms import ProposalForm, ReviewForm
from ..models import Movement, RegistrationItem, Review, ReviewKind


class ReviewCreateView(LoginRequiredMixin, View):
    """Hold a mid-term or final review at a level: figures pre-filled from the reports."""

    template_name = "movements/review_form.html"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.movement = get_object_or_404(Movement.objects.visible_to(request.user), pk=kwargs["pk"])
        self.level = get_object_or_404(Organization, pk=request.GET.get("unit")
                                       or self.movement.launched_by_id)
        if not request.user.has_perm("movements.manage_level", self.level):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, pk):
        kind = request.GET.get("kind", ReviewKind.MIDTERM)
        until = self.movement.midterm_review_date if kind == ReviewKind.MIDTERM else None
        initial = {"kind": kind, "held_on": timezone.localdate(),
                   **services.aggregate_reports(self.movement, self.level, until)}
        return self.render(ReviewForm(initial=initial))

    def post(self, request, pk):
        form = ReviewForm(request.POST, instance=Review(movement=self.movement,
                                                        organization=self.level))
        if form.is_valid():
            try:
                review = services.save_review(request.user, form.save(commit=False))
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("Đã ghi nhận %(kind)s.") % {
                    "kind": review.get_kind_display().lower()})
                return redirect("movements:review_detail", review.pk)
        messages.error(request, _("Chưa lưu được: vui lòng sửa các lỗi được đánh dấu bên dưới."))
        return self.render(form)

    def render(self, form):
        return render(self.request, self.template_name, {
            "form": form, "movement": self.movement, "level": self.level})


class ReviewDetailView(LoginRequiredMixin, View):
    """A review's record, the exemplars it names (chosen on the records' page
    ``records:review_exemplars``) and the commendations it proposes."""

    template_name = "movements/review_detail.html"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.review = get_object_or_404(Review.objects.select_related(
            "movement", "organization").for_permission_check(), pk=kwargs["pk"])
        if not request.user.has_perm("movements.follow_level", self.review.organization):
            raise PermissionDenied
        self.can_manage = request.user.has_perm("movements.manage_level", self.review.organization)
        return super().dispatch(request, *args, **kwargs)

    def proposal_form(self, data=None):
        level = self.review.organization
        registered = RegistrationItem.objects.filter(
            registration__movement=self.review.movement,
            registration__unit__path__startswith=level.path).values("person")
        # ``exemplars``: the people found as exemplars (records.Exemplar.person) in the subtree.
        exemplary = Person.objects.filter(exemplars__unit__path__startswith=level.path).values("pk")
        people = Person.objects.in_scope(Q(pk__in=registered) | Q(pk__in=exemplary)).order_by(
            "sort_key")
        return ProposalForm(data, people=people,
                            units=Organization.objects.subtree(level, include_self=True))

    def get(self, request, pk):
        return self.render(self.proposal_form())

    def post(self, request, pk):
        if not self.can_manage:
            raise PermissionDenied
        form = self.proposal_form(request.POST)
        if form.is_valid():
            services.save_review(request.user, self.review, [form.save(commit=False)])
            messages.success(request, _("Đã thêm đề nghị khen thưởng."))
            return redirect(request.path)
        messages.error(request, _("Chưa lưu được: vui lòng sửa các lỗi được đánh dấu bên dưới."))
        return self.render(form)

    def render(self, form):
        return render(self.request, self.template_name, {
            "review": self.review, "form": form, "can_manage": self.can_manage,
            "proposals": self.review.proposals.select_related("person", "organization",
                                                             "award_type")})
