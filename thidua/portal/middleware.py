"""A site with its own hostname answers at the root of that host: the middleware maps
``https://<hostname>/tin-tuc/`` onto ``/p/<slug>/tin-tuc/``, so one set of URLs and views
serves both ways. Paths of another site's slug on that host are refused (404)."""
from django.core.cache import cache
from django.http import Http404

from .models import Site

HOST_CACHE_SECONDS = 300
PASS_THROUGH = ("/static/", "/media/", "/captcha/", "/i18n/")


def site_for_host(host):
    key = f"portal:host:{host}"
    slug = cache.get(key)
    if slug is None:
        slug = Site.objects.active().filter(hostname=host).values_list("slug", flat=True).first()
        cache.set(key, slug or "", HOST_CACHE_SECONDS)
    return slug or None


class PortalHostMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        host = request.get_host().split(":")[0].lower()
        slug = site_for_host(host)
        if slug is not None:
            request.portal_host_slug = slug
            path = request.path_info
            if path.startswith("/p/"):
                if not path.startswith(f"/p/{slug}/"):
                    raise Http404("Trang này thuộc một cổng thông tin khác.")
            elif not path.startswith(PASS_THROUGH):
                request.path_info = f"/p/{slug}{path}"
        return self.get_response(request)
