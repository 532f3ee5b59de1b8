from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views import View

from thidua.organizations.models import Organization
from thidua.organizations.scoping import current_employment_q
from thidua.organizations.views import merged

from .. import services
from ..models import AnnualRating, Rating


class UnitRatingsView(LoginRequiredMixin, View):
    """The year-end rating of every person working at a unit, entered on one page."""

    template_name = "awards/ratings.html"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.unit = get_object_or_404(Organization, pk=kwargs["pk"])
        if not request.user.has_perm("awards.rate_people_of", self.unit):
            return merged.refuse(request, self.unit)
        self.year = kwargs["year"]
        return super().dispatch(request, *args, **kwargs)

    def people(self):
        employments = (self.unit.employments.filter(current_employment_q())
                       .select_related("person").order_by("person__sort_key"))
        return [e.person for e in employments]

    def get(self, request, pk, year):
        people = self.people()
        current = dict(AnnualRating.objects.in_scope(Q(person__in=people)).filter(year=self.year)
                       .values_list("person_id", "rating"))
        rows = [(person, current.get(person.pk, "")) for person in people]
        return render(request, self.template_name, {
            "unit": self.unit, "year": self.year, "rows": rows, "choices": Rating.choices})

    def post(self, request, pk, year):
        valid = set(Rating.values) | {""}
        ratings = {}
        for person in self.people():
            value = request.POST.get(f"rating-{person.pk}", "")
            if value not in valid:
                messages.error(request, _("Xếp loại của %(name)s không hợp lệ.") % {"name": person})
                return redirect(request.path)
            ratings[person] = value
        changed = services.set_ratings(request.user, self.unit, self.year, ratings,
                                       request.POST.get("source", "").strip()[:200])
        messages.success(request, _("Đã lưu %(n)s thay đổi xếp loại năm %(year)s.") % {
            "n": changed, "year": self.year})
        return redirect(request.path)
