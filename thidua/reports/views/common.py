"""What every report page does first: bind the scope form from the query string."""
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import HttpResponse
from django.utils import timezone
from django.views import View


class ScopedView(LoginRequiredMixin, View):
    """Binds ``form_class`` from GET with defaults; ``self.form`` is valid or carries the errors
    to show (an unknown or hidden unit, a period ending before it starts …)."""

    form_class = None

    def initial(self):
        year = timezone.localdate().year
        return {"year": year, "year_from": year, "year_to": year}

    def bind(self, request, defaults=None):
        data = {**self.initial(), **(defaults or {}),
                **{k: v for k, v in request.GET.items() if v != ""}}
        self.form = self.form_class(request.user, data)
        return self.form.is_valid()


def download(content, content_type, filename):
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
