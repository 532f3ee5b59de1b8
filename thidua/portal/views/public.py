"""Home, news and announcements, an article with its comments, its print view, and the
comment form (loaded apart so that the article page itself can be cached)."""
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.generic import DetailView, FormView, ListView, TemplateView

from thidua.core.text import normalize

from .. import honour, services
from ..forms import CommentForm
from ..models import Article, ArticleKind, Category, CommentStatus, GalleryItem, LegalDocument
from .common import CachedPageMixin, SiteMixin, client_address
from .sections import open_disclosures, public_exemplars


class HomeView(CachedPageMixin, TemplateView):
    template_name = "portal/home.html"

    def get_context_data(self, **kwargs):
        articles = Article.objects.published().filter(site=self.site).select_related("category")
        return super().get_context_data(
            featured=list(articles.filter(is_featured=True)[:4]),
            honours=list(honour.roll(self.site)[:6]),
            news=list(articles.filter(kind=ArticleKind.NEWS)[:8]),
            announcements=list(articles.filter(kind=ArticleKind.ANNOUNCEMENT)[:6]),
            photos=list(GalleryItem.objects.filter(site=self.site, is_featured=True)[:6]),
            exemplars=list(public_exemplars(self.site).select_related("unit")[:3]),
            documents=list(LegalDocument.objects.filter(site=self.site, is_published=True)[:5]),
            disclosures=list(open_disclosures(self.site)[:6]),
            **kwargs)


class ArticleListView(CachedPageMixin, ListView):
    template_name = "portal/article_list.html"
    paginate_by = 10

    def get_queryset(self):
        articles = Article.objects.published().filter(site=self.site).select_related("category")
        params = self.request.GET
        if params.get("loai") in ArticleKind.values:
            articles = articles.filter(kind=params["loai"])
        self.category = Category.objects.filter(site=self.site,
                                                slug=params.get("chuyen-muc", "")).first()
        if self.category:
            articles = articles.filter(category=self.category)
        for term in normalize(params.get("q", "")).split():
            articles = articles.filter(search_text__contains=term)
        return articles

    def get_context_data(self, **kwargs):
        return super().get_context_data(category=self.category, query=self.request.GET.get("q", ""),
                                        kind=self.request.GET.get("loai", ""),
                                        kinds=ArticleKind.choices, **kwargs)


class ArticleMixin:
    def get_object(self, queryset=None):
        article = get_object_or_404(Article.objects.select_related("category", "site"),
                                    pk=self.kwargs["pk"], site=self.site)
        if not article.is_public and not self.request.user.has_perm("portal.edit_site",
                                                                    self.site):
            raise Http404(_("Tin bài chưa được đăng hoặc không tồn tại."))
        return article


class ArticleView(ArticleMixin, CachedPageMixin, DetailView):
    template_name = "portal/article.html"
    context_object_name = "article"

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        services.count_view(self.object.pk)
        return response

    def after_cached_hit(self):
        services.count_view(self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        article = self.object
        related = Article.objects.published().filter(site=self.site).exclude(pk=article.pk)
        related = related.filter(category=article.category) if article.category_id else \
            related.filter(kind=article.kind)
        return super().get_context_data(
            related=list(related[:4]),
            comments=list(article.comments.filter(status=CommentStatus.APPROVED)),
            **kwargs)


class ArticlePrintView(ArticleMixin, SiteMixin, DetailView):
    template_name = "portal/article_print.html"
    context_object_name = "article"
    count_visit = False


class CommentView(SiteMixin, FormView):
    """GET: the form (an htmx fragment inside the article, or a page of its own without
    JavaScript). POST: a pending comment, then back to the article with a message."""

    form_class = CommentForm
    count_visit = False

    def dispatch(self, request, *args, **kwargs):
        self.article = get_object_or_404(Article.objects.published(), pk=kwargs["pk"],
                                         site=self.site)
        return super().dispatch(request, *args, **kwargs)

    def get_template_names(self):
        if self.request.headers.get("HX-Request"):
            return ["portal/_comment_form.html"]
        return ["portal/comment_page.html"]

    def get_context_data(self, **kwargs):
        return super().get_context_data(article=self.article, **kwargs)

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            services.post_comment(self.article, data["name"], data["email"], data["body"],
                                  client_address(self.request))
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(self.request, _("Cảm ơn bạn; ý kiến sẽ hiển thị sau khi được duyệt."))
        return redirect(self.article.get_absolute_url())

