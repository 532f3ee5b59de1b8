import hashlib

from django.contrib.auth.mixins import LoginRequiredMixin
from django.contrib.humanize.templatetags.humanize import intcomma
from django.core.cache import cache
from django.core.exceptions import EmptyResultSet
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.functional import cached_property
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy
from django.views.generic import DetailView, TemplateView

from .models import Job
from .notifications import mark_read


class CappedPaginator(Paginator):
    """Counts at most ``cap`` + 1 rows, so a list over millions of people stays fast; the page
    then says "more than 10.000" instead of an exact total.

    A list found over the cap is remembered as such for ``capped_seconds``: its count reads
    ``cap`` + 1 index entries (tens of ms for a province's people) and would only change the
    page's text if thousands of rows went away; smaller lists are always counted exactly."""

    cap = 10_000
    capped_seconds = 300
    #: What the page says over the cap; ``%(cap)s`` is the cap, grouped the locale's way.
    capped_text = gettext_lazy("Hơn %(cap)s kết quả; hãy lọc thêm để thu hẹp.")

    @cached_property
    def count(self):
        key = self._capped_key()
        if key and cache.get(key):
            return self.cap + 1
        count = self.object_list.order_by()[: self.cap + 1].count()  # counting needs no sort
        if key and count > self.cap:
            cache.set(key, True, self.capped_seconds)
        return count

    def _capped_key(self):
        try:
            sql, params = self.object_list.order_by().query.sql_with_params()
        except (AttributeError, EmptyResultSet):  # not a queryset, or a filter that matches nothing
            return None
        digest = hashlib.sha256(f"{sql}|{params!r}".encode()).hexdigest()
        return f"thidua:capped-list:{digest}"

    @property
    def is_capped(self):
        return self.count > self.cap

    @property
    def capped_message(self):
        return self.capped_text % {"cap": intcomma(self.cap)}


class SearchPaginator(CappedPaginator):
    """A search's hits: one unordered query, driven by the text index, reads (sort fields, pk) of
    at most ``cap`` + 1 hits; they are ordered here and the page is loaded by primary key.

    A search term is meant to find someone, not to browse: over ``cap`` (1,000) matches the page
    says so and asks to narrow the search, and its pages hold ``cap`` hits, no more. Reading
    1,001 hits instead of 10,001 is what keeps a search for "nguyen van" by a national user
    under 100 ms at 2,000,000 people (bench/RESULTS.md, Foundation / org_scale).

    Ordering a search's every match in SQL before cutting a page costs seconds at national scale
    (bench/RESULTS.md, p3). The order is exact up to ``cap`` hits; beyond that the pages are the
    first ``cap`` (in order) of the ``cap`` + 1 hits the index gave first. Only for ascending
    orderings of non-null fields (the view's ``ordering``), ending with ``pk``."""

    cap = 1_000
    capped_text = gettext_lazy("Hơn %(cap)s kết quả khớp — hãy thu hẹp tìm kiếm")

    @cached_property
    def _hits(self):
        fields = [name for name in self.object_list.query.order_by]
        return sorted(self.object_list.order_by().values_list(*fields)[: self.cap + 1])

    @cached_property
    def count(self):
        """The hits the pages cover: at most ``cap``."""
        return min(len(self._hits), self.cap)

    @property
    def is_capped(self):
        return len(self._hits) > self.cap

    def page(self, number):
        number = self.validate_number(number)
        start = (number - 1) * self.per_page
        pks = [row[-1] for row in self._hits[start:min(start + self.per_page, self.count)]]
        found = self.object_list.order_by().in_bulk(pks)
        return self._get_page([found[pk] for pk in pks if pk in found], number, self)


class FilteredListMixin:
    """A list page: a django-filter FilterSet over ``get_base_queryset()``, Vietnamese ordering,
    pagination, and ``?format=xlsx`` exporting every filtered row (not just the page)."""

    filterset_class = None
    paginate_by = 25
    export_limit = 100_000
    #: Paginator used when ``?q=`` searches; lists ordered by ascending keys ending in ``pk`` may
    #: set :class:`SearchPaginator`.
    search_paginator_class = CappedPaginator

    def get_filterset(self):
        return self.filterset_class(self.request.GET or None, queryset=self.get_base_queryset(),
                                    request=self.request)

    def get(self, request, *args, **kwargs):
        self.filterset = self.get_filterset()
        queryset = self.filterset.qs if self.filterset.is_bound else self.filterset.queryset
        queryset = queryset.order_by(*self.ordering)
        if request.GET.get("format") == "xlsx":
            return self.export(queryset[: self.export_limit])
        searching = bool(request.GET.get("q", "").strip())
        paginator_class = self.search_paginator_class if searching else CappedPaginator
        page = paginator_class(queryset, self.paginate_by).get_page(request.GET.get("page"))
        query = request.GET.copy()
        query.pop("page", None)
        return self.render_to_response(self.get_context_data(
            filter=self.filterset, page_obj=page, object_list=page.object_list,
            querystring=query.urlencode(),
        ))


class InboxView(LoginRequiredMixin, TemplateView):
    """The user's notifications; opening one marks it read and follows its link."""

    template_name = "core/inbox.html"

    def get_context_data(self, **kwargs):
        notifications = self.request.user.notifications.all()
        page = Paginator(notifications, 30).get_page(self.request.GET.get("page"))
        return super().get_context_data(page_obj=page, querystring="", **kwargs)

    def post(self, request):
        if "open" in request.POST:
            item = get_object_or_404(request.user.notifications, pk=request.POST["open"])
            mark_read(request.user, item.pk)
            return redirect(url_has_allowed_host_and_scheme(item.url, None) and item.url or "core:inbox")
        mark_read(request.user)
        return redirect("core:inbox")


class JobView(LoginRequiredMixin, DetailView):
    """A background job's progress: the whole page, or (htmx polling) just the progress card.
    Only the user who started the job sees it (and superusers)."""

    template_name = "core/job.html"
    context_object_name = "job"

    def get_queryset(self):
        jobs = Job.objects.all()
        return jobs if self.request.user.is_superuser else jobs.filter(
            created_by=self.request.user)

    def get_template_names(self):
        return ["core/_job.html"] if self.request.headers.get("HX-Request") else [
            self.template_name]


class JobFileView(JobView):
    def get(self, request, *args, **kwargs):
        job = self.get_object()
        if job.status != Job.Status.DONE or not job.result_file:
            raise Http404
        return FileResponse(job.result_file.open("rb"), as_attachment=True,
                            filename=job.result_file.name.rsplit("/", 1)[-1])
