from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from .models import ApiToken


class ProfileView(LoginRequiredMixin, TemplateView):
    """The signed-in user's roles and where each applies, and their API tokens."""

    template_name = "accounts/profile.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        return super().get_context_data(
            assignments=user.role_assignments.select_related("organization").order_by(
                "organization__path", "role"),
            tokens=user.api_tokens.order_by("-created_at"),
            **kwargs,
        )

    def post(self, request):
        if "revoke" in request.POST:
            token = get_object_or_404(ApiToken, pk=request.POST["revoke"], user=request.user)
            token.delete()
            messages.success(request, _("Đã thu hồi mã truy cập “%(name)s”.") % {"name": token.name})
            return redirect("accounts:profile")
        name = request.POST.get("name", "").strip()[:100]
        if not name:
            messages.error(request, _("Hãy đặt tên gợi nhớ cho mã truy cập (ví dụ: Báo cáo tỉnh)."))
            return redirect("accounts:profile")
        _token, key = ApiToken.issue(request.user, name)
        context = self.get_context_data(new_key=key)
        return self.render_to_response(context)
