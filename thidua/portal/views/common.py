"""What every public portal page shares: the site from the URL, the visit count, the cached page
for anonymous readers and the layout's context (menu, counter, footer)."""
import hashlib

from django.conf import settings
from django.core.cache import cache
from django.http import Http404, HttpResponse
from django.utils.translation import get_language

from .. import stats
from ..models import Category, Site

SITE_CACHE_SECONDS = 60


def load_site(slug):
    key = f"portal:site:{slug}"
    site = cache.get(key)
    if site is None:
        site = Site.objects.active().select_related("organization").filter(slug=slug).first()
        if site is None:
            raise Http404("Không có cổng thông tin này.")
        cache.set(key, site, SITE_CACHE_SECONDS)
    return site


def client_address(request):
    return request.META.get("REMOTE_ADDR", "")


class SiteMixin:
    """Resolves ``self.site``, counts the visit and puts the layout's context in place."""

    count_visit = True

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.site = load_site(kwargs["site"])

    def dispatch(self, request, *args, **kwargs):
        if self.count_visit and request.method == "GET":
            stats.record_visit(self.site, client_address(request),
                               request.META.get("HTTP_USER_AGENT", ""))
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["site"] = self.site
        if not self.request.headers.get("HX-Request"):  # a fragment has no layout to fill
            context.update(site_context(self.site))
        return context


def site_context(site):
    categories = cache.get_or_set(f"portal:categories:{site.pk}",
                                  lambda: list(Category.objects.filter(site=site)),
                                  SITE_CACHE_SECONDS)
    return {"site": site, "categories": categories, "counters": stats.counters(site)}


class CachedPageMixin(SiteMixin):
    """Anonymous GETs are served from the cache for ``settings.THIDUA_PORTAL_PAGE_SECONDS``.
    Pages with a pending message (after a post) or a signed-in user are rendered fresh."""

    def dispatch(self, request, *args, **kwargs):
        cacheable = (request.method == "GET" and not request.user.is_authenticated
                     and "messages" not in request.COOKIES)
        if not cacheable:
            return super().dispatch(request, *args, **kwargs)
        digest = hashlib.sha256(request.get_full_path().encode()).hexdigest()[:32]
        key = f"portal:page:{self.site.pk}:{get_language()}:{digest}"
        content = cache.get(key)
        if content is not None:
            if self.count_visit:
                stats.record_visit(self.site, client_address(request),
                                   request.META.get("HTTP_USER_AGENT", ""))
            self.after_cached_hit()
            return HttpResponse(content)
        response = super().dispatch(request, *args, **kwargs)
        if response.status_code == 200 and hasattr(response, "render"):
            response.render()
            cache.set(key, response.content, settings.THIDUA_PORTAL_PAGE_SECONDS)
        return response

    def after_cached_hit(self):
        """Work a cached page still needs (the article's view count)."""
