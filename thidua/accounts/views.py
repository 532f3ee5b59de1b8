from django.contrib.auth.mixins import LoginRequiredMixin
from django.views.generic import TemplateView


class ProfileView(LoginRequiredMixin, TemplateView):
    """The signed-in user's roles and where each applies."""

    template_name = "accounts/profile.html"

    def get_context_data(self, **kwargs):
        assignments = self.request.user.role_assignments.select_related("organization").order_by(
            "organization__path", "role")
        return super().get_context_data(assignments=assignments, **kwargs)
