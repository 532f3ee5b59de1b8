"""The home page, “Việc của tôi” (project level: it summarises several apps): what waits for the
user now (``worklist``), their latest notifications, and the key figures of their scope."""
from django.contrib.auth.mixins import LoginRequiredMixin
from django.db.models import Count
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import get_language
from django.views.generic import TemplateView

from thidua.core.notifications import unread_count
from thidua.core.user_cache import remembered
from thidua.organizations.models import EmulationGroup, Organization, OrganizationKind, Person
from thidua.worklist import my_work

RECENT_NOTIFICATIONS = 5


def summary(user, today):
    """What the home page shows of ``user``'s work and scope on ``today`` (about twenty
    queries)."""
    units = Organization.objects.visible_to(user)
    by_kind = dict(units.values_list("kind").annotate(n=Count("pk")).order_by())
    return {
        "work": my_work(user, today),
        "notifications": user.notifications.all()[:RECENT_NOTIFICATIONS],
        "unit_kinds": [(label, by_kind[value]) for value, label in OrganizationKind.choices
                       if by_kind.get(value)],
        "unit_total": sum(by_kind.values()),
        "people_count": Person.objects.visible_to(user)[:100_001].count(),
        "group_count": EmulationGroup.objects.visible_to(user).filter(year=today.year).count(),
        "unread_notifications": unread_count(user),
        "today": today,
    }


class HomeView(LoginRequiredMixin, TemplateView):
    template_name = "core/home.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        today = timezone.localdate()
        # The page below its header, rendered once and kept as HTML (``user_cache``: a minute at
        # most, dropped when the user acts or is notified). It holds no form, so no CSRF token.
        body = remembered(user, "home", lambda: render_to_string(
            "core/_home_body.html", summary(user, today)), variant=(today, get_language()))
        return super().get_context_data(body=body, **kwargs)
