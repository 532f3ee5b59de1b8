import re
from base64 import b32encode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.shortcuts import get_object_or_404, redirect, render, resolve_url
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView
from django_otp import login as otp_login
from django_otp import match_token

from . import twofactor
from .forms import TokenNameForm
from .models import ApiToken, Revocation


def next_url(request):
    """Where to go after the second factor: the asked-for page when it is ours, else home."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return resolve_url(settings.LOGIN_REDIRECT_URL)


class ProfileView(LoginRequiredMixin, TemplateView):
    """The signed-in user's roles and where each applies, two-factor status and API tokens (with
    their expiry, last use and, once revoked, when and why)."""

    template_name = "accounts/profile.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        return super().get_context_data(
            assignments=user.role_assignments.select_related("organization").order_by(
                "organization__path", "role"),
            tokens=user.api_tokens.order_by("-created_at"),
            two_factor_enrolled=twofactor.is_enrolled(user),
            two_factor_required=twofactor.is_required(user),
            token_days=settings.THIDUA_API_TOKEN_DAYS,
            **kwargs,
        )

    def post(self, request):
        if "recovery_codes" in request.POST:
            return self.new_recovery_codes(request)
        if "revoke" in request.POST:
            pk = request.POST["revoke"]  # a form posts the id; anything else is not found
            token = get_object_or_404(ApiToken, pk=pk if re.fullmatch(r"[0-9]{1,9}", pk) else None,
                                      user=request.user)
            ApiToken.objects.filter(pk=token.pk).revoke(Revocation.BY_USER)
            messages.success(request, _("Đã thu hồi mã truy cập “%(name)s”.") % {"name": token.name})
            return redirect("accounts:profile")
        form = TokenNameForm(request.POST)
        if not form.is_valid():
            messages.error(request, form.errors["name"][0])
            return redirect("accounts:profile")
        _token, key = ApiToken.issue(request.user, form.cleaned_data["name"])
        context = self.get_context_data(new_key=key)
        return self.render_to_response(context)

    def new_recovery_codes(self, request):
        """Replace the recovery codes (the old ones stop working); shown once."""
        if not (request.user.is_verified() and twofactor.is_enrolled(request.user)):
            return redirect("accounts:two_factor_setup")
        codes = twofactor.new_recovery_codes(request.user)
        return self.render_to_response(self.get_context_data(recovery_codes=codes))


class TwoFactorSetupView(LoginRequiredMixin, View):
    """Enrol a TOTP app: a QR code of a new secret, confirmed by one code from the app; then the
    recovery codes, shown once. A user who already has a second factor proves it first (the
    middleware sends them through verification), so a stolen password cannot replace it."""

    template_name = "accounts/two_factor_setup.html"

    def dispatch(self, request, *args, **kwargs):
        user = request.user
        if user.is_authenticated and not user.is_verified() and twofactor.is_enrolled(user):
            return redirect("accounts:two_factor_verify")
        return super().dispatch(request, *args, **kwargs)

    def render(self, request, error=None):
        device = twofactor.pending_device(request.user)
        return render(request, self.template_name, {
            "qr_svg": twofactor.qr_svg(device), "secret": b32encode(device.bin_key).decode(),
            "required": twofactor.is_required(request.user), "error": error,
            "next": next_url(request)})

    def get(self, request):
        return self.render(request)

    def post(self, request):
        device = twofactor.pending_device(request.user)
        codes = twofactor.confirm(request.user, device, request.POST.get("token", "").strip())
        if codes is None:
            return self.render(request, _("Mã chưa đúng. Kiểm tra giờ trên điện thoại và nhập "
                                          "mã đang hiện."))
        otp_login(request, device)
        messages.success(request, _("Đã bật xác thực hai bước."))
        return render(request, self.template_name, {"recovery_codes": codes,
                                                    "next": next_url(request)})


class TwoFactorVerifyView(LoginRequiredMixin, View):
    """The step after the password: a code from the app or one recovery code (used up)."""

    template_name = "accounts/two_factor_verify.html"

    def get(self, request):
        if request.user.is_verified():
            return redirect(next_url(request))
        return render(request, self.template_name, {"next": next_url(request)})

    def post(self, request):
        device = match_token(request.user, request.POST.get("token", "").strip())
        if device is None:
            return render(request, self.template_name, {
                "next": next_url(request),
                "error": _("Mã không đúng hoặc đã dùng. Sau nhiều lần sai, phải chờ lâu hơn "
                           "giữa các lần thử.")})
        otp_login(request, device)
        return redirect(next_url(request))

