from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.generic import TemplateView


class CappedPaginator(Paginator):
    """Counts at most ``cap`` + 1 rows, so a list over millions of people stays fast; the page
    then says "more than 10.000" instead of an exact total."""

    cap = 10_000

    @cached_property
    def count(self):
        return self.object_list.order_by()[: self.cap + 1].count()  # counting needs no sort

    @property
    def is_capped(self):
        return self.count > self.cap


class FilteredListMixin:
    """A list page: a django-filter FilterSet over ``get_base_queryset()``, Vietnamese ordering,
    pagination, and ``?format=xlsx`` exporting every filtered row (not just the page)."""

    filterset_class = None
    paginate_by = 25
    export_limit = 100_000

    def get_filterset(self):
        return self.filterset_class(self.request.GET or None, queryset=self.get_base_queryset(),
                                    request=self.request)

    def get(self, request, *args, **kwargs):
        self.filterset = self.get_filterset()
        queryset = self.filterset.qs if self.filterset.is_bound else self.filterset.queryset
        queryset = queryset.order_by(*self.ordering)
        if request.GET.get("format") == "xlsx":
            return self.export(queryset[: self.export_limit])
        page = CappedPaginator(queryset, self.paginate_by).get_page(request.GET.get("page"))
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
        unread = request.user.notifications.filter(read_at__isnull=True)
        if "open" in request.POST:
            item = get_object_or_404(request.user.notifications, pk=request.POST["open"])
            unread.filter(pk=item.pk).update(read_at=timezone.now())
            return redirect(url_has_allowed_host_and_scheme(item.url, None) and item.url or "core:inbox")
        unread.update(read_at=timezone.now())
        return redirect("core:inbox")
