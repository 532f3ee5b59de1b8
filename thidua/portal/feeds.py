"""RSS 2.0 and Atom feeds of a site's latest published articles."""
from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from .models import Article
from .views.common import load_site

FEED_SIZE = 30


class RssFeed(Feed):
    def get_object(self, request, site):
        return load_site(site)

    def title(self, site):
        return site.name

    def link(self, site):
        return site.get_absolute_url()

    def description(self, site):
        return _("Tin tức, thông báo mới của %(site)s") % {"site": site.name}

    def items(self, site):
        return Article.objects.published().filter(site=site).select_related("site")[:FEED_SIZE]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_pubdate(self, item):
        return item.publish_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_author_name(self, item):
        return item.byline or None


class AtomFeed(RssFeed):
    feed_type = Atom1Feed
    subtitle = RssFeed.description
