"""The audit log for system admins: a filtered list with Excel export, and the chain check."""
import django_filters
from django import forms
from django.contrib.auth.mixins import LoginRequiredMixin, PermissionRequiredMixin
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from thidua.core.excel import xlsx_response
from thidua.core.views import FilteredListMixin
from thidua.core.widgets import DateInput

from .chain import verify
from .labels import labels_of
from .models import Action, AuditEntry


class AuditFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=gettext_lazy("Đối tượng"), field_name="object_repr",
                                  lookup_expr="icontains",
                                  widget=forms.TextInput(attrs={"type": "search"}))
    action = django_filters.ChoiceFilter(label=gettext_lazy("Hành động"), choices=Action.choices)
    actor = django_filters.CharFilter(label=gettext_lazy("Tài khoản"), field_name="actor_name",
                                      lookup_expr="iexact")
    model = django_filters.CharFilter(label=gettext_lazy("Loại dữ liệu"), method="filter_model")
    object_id = django_filters.CharFilter(label=gettext_lazy("Mã đối tượng"))
    ip = django_filters.CharFilter(label=gettext_lazy("Địa chỉ IP"))
    since = django_filters.DateFilter(label=gettext_lazy("Từ ngày"), field_name="at",
                                      lookup_expr="date__gte", widget=DateInput)
    until = django_filters.DateFilter(label=gettext_lazy("Đến ngày"), field_name="at",
                                      lookup_expr="date__lte", widget=DateInput)

    class Meta:
        model = AuditEntry
        fields = ["q", "action", "actor", "model", "object_id", "ip", "since", "until"]

    def filter_model(self, queryset, name, value):
        """A model's entries, under its label (any case) or one it had before it moved."""
        condition = Q()
        for label in labels_of(value):
            condition |= Q(model__iexact=label)
        return queryset.filter(condition)


def describe_changes(changes):
    def shown(value):
        return "∅" if value is None else value

    return "; ".join(f"{name}: {shown(old)} → {shown(new)}"
                     for name, (old, new) in sorted(changes.items()))


class AuditListView(LoginRequiredMixin, PermissionRequiredMixin, FilteredListMixin, TemplateView):
    template_name = "audit/entry_list.html"
    permission_required = "audit.view_log"
    filterset_class = AuditFilter
    ordering = ("-pk",)
    paginate_by = 50

    def get_base_queryset(self):
        return AuditEntry.objects.visible_to(self.request.user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        for entry in context["object_list"]:
            entry.change_text = describe_changes(entry.changes)
        return context

    def export(self, queryset):
        headers = [_("Mã"), _("Thời điểm"), _("Tài khoản"), _("Địa chỉ IP"), _("Hành động"),
                   _("Loại dữ liệu"), _("Mã đối tượng"), _("Đối tượng"), _("Thay đổi"), _("Mã băm")]
        rows = ((e.pk, timezone.localtime(e.at).strftime("%d/%m/%Y %H:%M:%S"), e.actor_name, e.ip,
                 e.get_action_display(), e.model, e.object_id, e.object_repr,
                 describe_changes(e.changes), e.hash) for e in queryset.iterator())
        return xlsx_response("nhat-ky", _("Nhật ký kiểm toán"), headers, rows)


class ChainCheckView(LoginRequiredMixin, PermissionRequiredMixin, TemplateView):
    """Recomputes the whole chain on request: says whether the log is intact and where not."""

    template_name = "audit/chain.html"
    permission_required = "audit.view_log"

    def get_context_data(self, **kwargs):
        return super().get_context_data(verdict=verify(), **kwargs)
