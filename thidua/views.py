"""The home dashboard (project level: it summarises several apps)."""
from django.contrib.auth.mixins import LoginRequiredMixin
from django.db.models import Count
from django.utils import timezone
from django.views.generic import TemplateView

from thidua.organizations.models import EmulationGroup, Organization, OrganizationKind, Person


class HomeView(LoginRequiredMixin, TemplateView):
    template_name = "core/home.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        units = Organization.objects.visible_to(user)
        by_kind = dict(units.values_list("kind").annotate(n=Count("pk")).order_by())
        kinds = [(label, by_kind.get(value, 0)) for value, label in OrganizationKind.choices
                 if by_kind.get(value)]
        people = Person.objects.visible_to(user)
        return super().get_context_data(
            unit_kinds=kinds,
            unit_total=sum(by_kind.values()),
            people_count=people[:100_001].count(),
            group_count=EmulationGroup.objects.visible_to(user).filter(
                year=timezone.localdate().year).count(),
            **kwargs,
        )
