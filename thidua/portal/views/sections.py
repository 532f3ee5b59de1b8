"""The site's other sections: about, exemplars, the honour roll, the documents library, Q&A,
the gallery, statistics and the nominee publicity lists of the site's organisation."""
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import DetailView, FormView, ListView, TemplateView

from thidua.awards.models import AwardType
from thidua.core.text import normalize
from thidua.nominations.models import Disclosure
from thidua.nominations.states import Verdict
from thidua.organizations.models import Organization
from thidua.records.models import Exemplar

from .. import honour, services, stats
from ..forms import PublicityCommentForm, QuestionForm
from ..models import DocumentGroup, DocumentStatus, GalleryItem, LegalDocument, Question
from .common import CachedPageMixin, SiteMixin, client_address

HONOUR_PAGE = 25


def public_exemplars(site):
    """Exemplars of the site's subtree once honoured: found or nurtured ones are not public yet."""
    return Exemplar.objects.public(site.organization).order_by("-honoured_on", "-pk")


def open_disclosures(site):
    """Nominee lists of the site's subtree open for comment today, closing soonest first: the
    public finds them from the home page (before, only the officers' link led to them)."""
    today = timezone.localdate()
    return Disclosure.objects.filter(
        batch__authority__path__startswith=site.organization.path,
        starts_on__lte=today, ends_on__gte=today,
    ).select_related("batch__authority").order_by("ends_on", "pk")


def int_param(params, name):
    value = params.get(name, "")
    return int(value) if value.isdigit() else None


class AboutView(CachedPageMixin, TemplateView):
    template_name = "portal/about.html"


class ExemplarListView(CachedPageMixin, ListView):
    template_name = "portal/exemplar_list.html"
    paginate_by = 12

    def get_queryset(self):
        exemplars = public_exemplars(self.site).select_related("unit", "person")
        if self.request.GET.get("loai") == "kieu-moi":
            exemplars = exemplars.filter(is_new_model=True)
        return exemplars


class ExemplarView(CachedPageMixin, DetailView):
    template_name = "portal/exemplar.html"
    context_object_name = "exemplar"

    def get_object(self, queryset=None):
        return get_object_or_404(public_exemplars(self.site).select_related("unit", "person",
                                                                            "movement"),
                                 pk=self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        entries = honour.roll(self.site).filter(award__in=self.object.awards.all())
        return super().get_context_data(entries=list(entries), **kwargs)


class HonourRollView(CachedPageMixin, TemplateView):
    """Filters by year, type, province and unit, unaccented name search by word start; pages
    without a total count (a count over millions of rows is what would make the page slow)."""

    template_name = "portal/honour_roll.html"

    def get_context_data(self, **kwargs):
        params = self.request.GET
        root = self.site.organization
        units = Organization.objects.children_of(root).only("pk", "name", "code")
        unit = units.filter(code=params.get("don-vi", "")).first() if params.get("don-vi") \
            else None
        award_type = AwardType.objects.filter(pk=int_param(params, "loai") or 0).first()
        page = max(int_param(params, "trang") or 1, 1)
        rows = honour.search_page(self.site, (page - 1) * HONOUR_PAGE, HONOUR_PAGE + 1,
                                  query=params.get("q", ""), year=int_param(params, "nam"),
                                  award_type=award_type, province=int_param(params, "tinh"),
                                  unit=unit)
        query = params.copy()
        query.pop("trang", None)
        return super().get_context_data(
            entries=rows[:HONOUR_PAGE], page=page, has_next=len(rows) > HONOUR_PAGE,
            query_string=query.urlencode(), params=params, units=units,
            award_types=AwardType.objects.filter(is_active=True),
            years=range(timezone.localdate().year, 1994, -1), **kwargs)


class DocumentListView(CachedPageMixin, ListView):
    template_name = "portal/document_list.html"
    paginate_by = 20

    def get_queryset(self):
        params = self.request.GET
        documents = LegalDocument.objects.filter(site=self.site, is_published=True)
        if params.get("nhom") in DocumentGroup.values:
            documents = documents.filter(group=params["nhom"])
        if params.get("hieu-luc") in DocumentStatus.values:
            documents = documents.with_status(params["hieu-luc"])
        if int_param(params, "nam"):
            documents = documents.filter(issued_on__year=int_param(params, "nam"))
        for term in normalize(params.get("q", "")).split():
            documents = documents.filter(search_text__contains=term)
        return documents.select_related("replaced_by")

    def get_context_data(self, **kwargs):
        return super().get_context_data(groups=DocumentGroup.choices,
                                         statuses=DocumentStatus.choices,
                                         params=self.request.GET, **kwargs)


class DocumentView(CachedPageMixin, DetailView):
    template_name = "portal/document.html"
    context_object_name = "document"

    def get_object(self, queryset=None):
        return get_object_or_404(LegalDocument.objects.select_related("replaced_by"),
                                 site=self.site, is_published=True, pk=self.kwargs["pk"])


class QuestionsView(CachedPageMixin, TemplateView):
    template_name = "portal/questions.html"

    def get_context_data(self, **kwargs):
        published = Question.objects.published().filter(site=self.site)
        return super().get_context_data(faq=list(published.filter(is_faq=True)),
                                        answered=list(published.filter(is_faq=False)[:30]),
                                        **kwargs)


class AskView(SiteMixin, FormView):
    template_name = "portal/ask.html"
    form_class = QuestionForm
    count_visit = False

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            services.ask_question(self.site, data["name"], data["email"],
                                  data["organization_name"], data["body"],
                                  client_address(self.request))
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(self.request, _("Đã nhận câu hỏi; bộ phận tư vấn hỗ trợ sẽ trả lời."))
        return redirect("portal:questions", site=self.site.slug)


class GalleryView(CachedPageMixin, ListView):
    template_name = "portal/gallery.html"
    paginate_by = 24

    def get_queryset(self):
        return GalleryItem.objects.filter(site=self.site)


class StatisticsView(CachedPageMixin, TemplateView):
    template_name = "portal/statistics.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(months=stats.by_month(self.site), **kwargs)


class PublicityView(SiteMixin, FormView):
    """A nominee list published by the site's organisation or a unit below it, with the portal's
    comment form; comments go to the council secretary through the pipeline."""

    template_name = "portal/publicity.html"
    form_class = PublicityCommentForm

    def dispatch(self, request, *args, **kwargs):
        self.disclosure = get_object_or_404(
            Disclosure.objects.select_related("batch__authority"), token=kwargs["token"])
        if not self.disclosure.batch.authority.is_within(self.site.organization):
            raise Http404(_("Danh sách này không thuộc cổng thông tin này."))
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        items = (self.disclosure.batch.items.filter(verdict=Verdict.ELIGIBLE)
                 .select_related("person", "organization", "award_type"))
        return super().get_context_data(disclosure=self.disclosure, batch=self.disclosure.batch,
                                        items=items, **kwargs)

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            services.post_publicity_comment(self.disclosure, data["name"], data["body"],
                                            data["contact"], client_address(self.request))
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(self.request, _("Cảm ơn ý kiến của bạn; Thư ký Hội đồng sẽ xem xét."))
        return redirect("portal:publicity", site=self.site.slug, token=self.disclosure.token)


