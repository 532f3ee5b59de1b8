"""Staff pages of a site: editors manage articles, categories, documents, the gallery and the
site's own details; moderators handle the comment queue and answer questions. Every page asks
the site's permission; nothing of another organisation's site is reachable."""
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import CreateView, FormView, ListView, TemplateView, UpdateView

from .. import services
from ..forms import AnswerForm, ArticleForm, CategoryForm, DocumentForm, GalleryItemForm, SiteForm
from ..models import (
    Article,
    Category,
    Comment,
    CommentStatus,
    GalleryItem,
    LegalDocument,
    Question,
    Site,
)


class SiteIndexView(TemplateView):
    """Every active portal, for visitors who arrive at /p/."""

    template_name = "portal/index.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(sites=Site.objects.active().select_related(
            "organization"), **kwargs)


class StaffMixin(LoginRequiredMixin):
    permission = "portal.edit_site"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.site = get_object_or_404(Site.objects.select_related("organization"),
                                      slug=kwargs["site"])
        if not request.user.has_perm(self.permission, self.site):
            raise PermissionDenied(_("Bạn không quản lý cổng thông tin này."))
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        kwargs.update(  # replaces the URL's ``site`` slug that TemplateView passes in
            site=self.site, can_edit=self.request.user.has_perm("portal.edit_site", self.site),
            can_moderate=self.request.user.has_perm("portal.moderate_site", self.site))
        return super().get_context_data(**kwargs)

    def staff_url(self, name):
        return reverse(f"portal:{name}", kwargs={"site": self.site.slug})


class DashboardView(StaffMixin, TemplateView):
    permission = "portal.manage_site"
    template_name = "portal/staff/dashboard.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            pending_comments=Comment.objects.filter(article__site=self.site,
                                                    status=CommentStatus.PENDING).count(),
            open_questions=Question.objects.filter(site=self.site, answer="").count(),
            drafts=Article.objects.filter(site=self.site).exclude(
                pk__in=Article.objects.published().values("pk")).count(), **kwargs)


class SiteContentMixin(StaffMixin):
    """List, create and edit one kind of the site's content through ``services``."""

    list_name = ""

    def get_queryset(self):
        return self.model.objects.filter(site=self.site)

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        if self.form_class in (ArticleForm, DocumentForm):
            kwargs["site"] = self.site
        return kwargs

    def save(self, form):
        form.instance.site = self.site
        return services.save_site_content(self.request.user, form.instance)

    def form_valid(self, form):
        try:
            self.object = self.save(form)
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        cache.delete(f"portal:categories:{self.site.pk}")
        messages.success(self.request, _("Đã lưu."))
        return redirect(self.staff_url(self.list_name))


class ArticleListView(StaffMixin, ListView):
    template_name = "portal/staff/article_list.html"
    paginate_by = 30

    def get_queryset(self):
        return Article.objects.filter(site=self.site).select_related("category")


class ArticleFormMixin(SiteContentMixin):
    model = Article
    form_class = ArticleForm
    template_name = "portal/staff/form.html"
    list_name = "staff_articles"

    def save(self, form):
        form.instance.site = self.site
        upload = form.files.get("cover")
        return services.save_article(self.request.user, form.instance, cover_upload=upload)


class ArticleCreateView(ArticleFormMixin, CreateView):
    pass


class ArticleUpdateView(ArticleFormMixin, UpdateView):
    pass


class CategoryListView(StaffMixin, ListView):
    template_name = "portal/staff/category_list.html"

    def get_queryset(self):
        return Category.objects.filter(site=self.site)


class CategoryFormMixin(SiteContentMixin):
    model = Category
    form_class = CategoryForm
    template_name = "portal/staff/form.html"
    list_name = "staff_categories"


class CategoryCreateView(CategoryFormMixin, CreateView):
    pass


class CategoryUpdateView(CategoryFormMixin, UpdateView):
    pass


class DocumentListView(StaffMixin, ListView):
    template_name = "portal/staff/document_list.html"
    paginate_by = 30

    def get_queryset(self):
        return LegalDocument.objects.filter(site=self.site).select_related("replaced_by")


class DocumentFormMixin(SiteContentMixin):
    model = LegalDocument
    form_class = DocumentForm
    template_name = "portal/staff/form.html"
    list_name = "staff_documents"


class DocumentCreateView(DocumentFormMixin, CreateView):
    pass


class DocumentUpdateView(DocumentFormMixin, UpdateView):
    pass


class GalleryListView(StaffMixin, ListView):
    template_name = "portal/staff/gallery_list.html"
    paginate_by = 30

    def get_queryset(self):
        return GalleryItem.objects.filter(site=self.site)


class GalleryFormMixin(SiteContentMixin):
    model = GalleryItem
    form_class = GalleryItemForm
    template_name = "portal/staff/form.html"
    list_name = "staff_gallery"

    def save(self, form):
        form.instance.site = self.site
        return services.save_gallery_item(self.request.user, form.instance,
                                          image_upload=form.files.get("image"))


class GalleryCreateView(GalleryFormMixin, CreateView):
    pass


class GalleryUpdateView(GalleryFormMixin, UpdateView):
    pass


class SiteSettingsView(SiteContentMixin, UpdateView):
    model = Site
    form_class = SiteForm
    template_name = "portal/staff/form.html"
    list_name = "staff"

    def get_object(self, queryset=None):
        return self.site

    def save(self, form):
        site = services.save_site_content(self.request.user, form.instance,
                                          logo_upload=form.files.get("logo"))
        cache.delete(f"portal:site:{site.slug}")
        return site


class CommentQueueView(StaffMixin, ListView):
    permission = "portal.moderate_site"
    template_name = "portal/staff/comments.html"
    paginate_by = 30

    def get_queryset(self):
        self.status = self.request.GET.get("trang-thai", CommentStatus.PENDING)
        if self.status not in CommentStatus.values:
            self.status = CommentStatus.PENDING
        return Comment.objects.filter(article__site=self.site, status=self.status).select_related(
            "article", "moderated_by")

    def get_context_data(self, **kwargs):
        return super().get_context_data(status=self.status, statuses=CommentStatus.choices,
                                         **kwargs)


class ModerateView(StaffMixin, View):
    permission = "portal.moderate_site"

    def post(self, request, site, pk):
        comment = get_object_or_404(Comment.objects.select_related("article__site"), pk=pk,
                                    article__site=self.site)
        try:
            services.moderate_comment(request.user, comment, request.POST.get("status", ""))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Bình luận của %(name)s: %(status)s.") % {
                "name": comment.name, "status": comment.get_status_display()})
        return redirect(f"{self.staff_url('staff_comments')}?trang-thai="
                        f"{request.POST.get('from', CommentStatus.PENDING)}")


class QuestionQueueView(StaffMixin, ListView):
    permission = "portal.moderate_site"
    template_name = "portal/staff/questions.html"
    paginate_by = 30

    def get_queryset(self):
        return Question.objects.filter(site=self.site).order_by("answered_at", "-created_at")


class AnswerView(StaffMixin, FormView):
    permission = "portal.moderate_site"
    template_name = "portal/staff/answer.html"
    form_class = AnswerForm

    def get_question(self):
        return get_object_or_404(Question, pk=self.kwargs["pk"], site=self.site)

    def get_initial(self):
        question = self.get_question()
        return {"answer": question.answer, "publish": question.is_published,
                "is_faq": question.is_faq}

    def get_context_data(self, **kwargs):
        return super().get_context_data(question=self.get_question(), **kwargs)

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            services.answer_question(self.request.user, self.get_question(), data["answer"],
                                     data["publish"], data["is_faq"])
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(self.request, _("Đã lưu câu trả lời."))
        return redirect(self.staff_url("staff_questions"))
