"""sitemap.xml of one site: its home, sections, articles and library documents."""
from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps.views import sitemap
from django.urls import reverse

from .models import Article, LegalDocument
from .views.common import load_site

SECTIONS = ("home", "about", "articles", "exemplars", "honour_roll", "documents", "questions",
            "gallery")


class SectionSitemap(Sitemap):
    changefreq = "daily"

    def __init__(self, site):
        self.site = site

    def items(self):
        return SECTIONS

    def location(self, item):
        return reverse(f"portal:{item}", kwargs={"site": self.site.slug})


class ArticleSitemap(Sitemap):
    changefreq = "weekly"
    limit = 5000

    def __init__(self, site):
        self.site = site

    def items(self):
        return Article.objects.published().filter(site=self.site).select_related("site")

    def lastmod(self, item):
        return item.updated_at


class DocumentSitemap(Sitemap):
    changefreq = "monthly"

    def __init__(self, site):
        self.site = site

    def items(self):
        return LegalDocument.objects.filter(site=self.site, is_published=True).select_related(
            "site")


def sitemap_view(request, site):
    site = load_site(site)
    return sitemap(request, sitemaps={"sections": SectionSitemap(site),
                                      "articles": ArticleSitemap(site),
                                      "documents": DocumentSitemap(site)})
