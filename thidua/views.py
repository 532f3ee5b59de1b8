"""The home page, “Việc của tôi” (project level: it summarises several apps): what waits for the
user now (``worklist``), their latest notifications, and the key figures of their scope."""
from django.contrib.auth.mixins import LoginRequiredMixin
from django.db.models import Count
from django.utils import timezone
from django.views.generic import TemplateView

from thidua.organizations.models import EmulationGroup, Organization, OrganizationKind, Person
from thidua.worklist import my_work

RECENT_NOTIFICATIONS = 5


class HomeView(LoginRequiredMixin, TemplateView):
    template_name = "core/home.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        today = timezone.localdate()
        units = Organization.objects.visible_to(user)
        by_kind = dict(units.values_list("kind").annotate(n=Count("pk")).order_by())
        kinds = [(label, by_kind.get(value, 0)) for value, label in OrganizationKind.choices
                 if by_kind.get(value)]
        people = Person.objects.visible_to(user)
        return super().get_context_data(
            work=my_work(user, today), today=today,
            notifications=user.notifications.all()[:RECENT_NOTIFICATIONS],
            unit_kinds=kinds,
            unit_total=sum(by_kind.values()),
            people_count=people[:100_001].count(),
            group_count=EmulationGroup.objects.visible_to(user).filter(year=today.year).count(),
            **kwargs,
        )
