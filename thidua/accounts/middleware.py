"""Session hardening: idle sign-out, the second-factor gate and a rate limit on public forms."""
import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.crypto import salted_hmac
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from thidua.core import throttle

from . import twofactor

# Pages a signed-in but not yet verified user may still open.
SECOND_FACTOR_OPEN = {"accounts:login", "accounts:logout", "accounts:two_factor_verify",
                      "accounts:two_factor_setup", "set_language", "javascript-catalog"}
TOUCH_EVERY = 60  # seconds: the session is rewritten at most this often to record activity


class IdleTimeoutMiddleware:
    """Signs out a user who has done nothing for THIDUA_IDLE_TIMEOUT seconds."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            now, last = int(time.time()), request.session.get("last_seen")
            if last and now - last > settings.THIDUA_IDLE_TIMEOUT:
                logout(request)
                messages.info(request, _("Phiên làm việc đã hết hạn do lâu không thao tác; "
                                         "vui lòng đăng nhập lại."))
                return redirect_to_login(request.get_full_path())
            if not last or now - last >= TOUCH_EVERY:
                request.session["last_seen"] = now
        return self.get_response(request)


class SecondFactorMiddleware:
    """After the password, a user with a second factor proves it before anything else; a user
    who must have one (``twofactor.is_required``) enrols first.

    The "nothing to ask" answer is remembered in the session (which sign-in renews), so ordinary
    users cost no query per request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = request.user
        if not user.is_authenticated or user.is_verified() or request.session.get("no_2fa"):
            return None
        if request.resolver_match.view_name in SECOND_FACTOR_OPEN:
            return None
        if twofactor.is_enrolled(user):
            target = "accounts:two_factor_verify"
        elif twofactor.is_required(user):
            target = "accounts:two_factor_setup"
        else:
            request.session["no_2fa"] = True
            return None
        return redirect(f"{reverse(target)}?{urlencode({'next': request.get_full_path()})}")


class PublicPostRateLimitMiddleware:
    """At most THIDUA_PUBLIC_POST_LIMIT anonymous POSTs per client address and window: sign-in,
    password reset and the public comment and question forms. API calls authenticate with a
    token inside the view, so /api/ is left to its own authentication."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (request.method == "POST" and not request.user.is_authenticated
                and not request.path.startswith("/api/") and self.exceeded(request)):
            return render(request, "accounts/rate_limited.html", status=429)
        return self.get_response(request)

    @staticmethod
    def exceeded(request):
        window = settings.THIDUA_PUBLIC_POST_WINDOW
        client = salted_hmac("thidua.accounts.client", request.META.get("REMOTE_ADDR", ""))
        return throttle.exceeded(f"public-posts:{client.hexdigest()}",
                                 settings.THIDUA_PUBLIC_POST_LIMIT, window)
