"""Document downloads, template management, certificate printing and public verification."""
from django.core.cache import cache
from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views import View

from thidua.awards.models import Award

from .verification import award_id


def rate_limited(request, scope, limit, seconds=60):
    """True once this client address made more than ``limit`` requests in ``seconds``."""
    address = request.META.get("REMOTE_ADDR", "")
    key = f"thidua:documents:{scope}:{address}"
    cache.add(key, 0, seconds)
    try:
        return cache.incr(key) > limit
    except ValueError:  # expired between add and incr
        cache.set(key, 1, seconds)
        return False


class VerifyView(View):
    """Public, no login: is this certificate genuine and still valid?"""

    LIMIT = 30

    def get(self, request, token):
        if rate_limited(request, "verify", self.LIMIT):
            return render(request, "documents/verify_limited.html", status=429)
        pk = award_id(token)
        award = (Award.objects.select_related("award_type", "person", "organization", "decision",
                                              "revocation").filter(pk=pk).first()
                 if pk is not None else None)
        if award is None:
            raise Http404(_("Không tìm thấy bằng khen, giấy khen với mã xác minh này."))
        return render(request, "documents/verify.html", {"award": award})
