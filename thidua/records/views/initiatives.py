"""Initiatives (sáng kiến): list with filters and Excel export, create and edit; which award used
an initiative is shown, never edited here (the awards registry sets it)."""
import django_filters
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from thidua.core.excel import xlsx_response
from thidua.core.views import FilteredListMixin

from .. import services
from ..forms import InitiativeForm
from ..models import Initiative, InitiativeKind, InitiativeScope
from .exemplars import RecordFilterSet
from .programmes import RecordFormView, RecordListView


class InitiativeFilter(RecordFilterSet):
    kind = django_filters.ChoiceFilter(label=gettext_lazy("Loại"), choices=InitiativeKind.choices)
    scope = django_filters.ChoiceFilter(label=gettext_lazy("Phạm vi ảnh hưởng"),
                                        choices=InitiativeScope.choices)
    year = django_filters.NumberFilter(label=gettext_lazy("Năm công nhận"))
    text_fields = ()
    search_fields = ("search_text",)

    class Meta:
        model = Initiative
        fields = ["q", "kind", "scope", "year", "unit"]


class InitiativeListView(FilteredListMixin, RecordListView):
    template_name = "records/initiative_list.html"
    filterset_class = InitiativeFilter
    ordering = ("-year", "title", "pk")

    def get_base_queryset(self):
        return Initiative.objects.visible_to(self.request.user).select_related(
            "unit", "used_for__award_type").prefetch_related("authors")

    def get_context_data(self, **kwargs):
        user = self.request.user
        kwargs["editable"] = {i.pk for i in kwargs.get("object_list", ())
                              if user.has_perm("movements.manage_level", i.unit)}
        return super().get_context_data(**kwargs)

    def export(self, queryset):
        rows = ((i.title, i.get_kind_display(), ", ".join(a.full_name for a in i.authors.all()),
                 i.unit.name, i.get_scope_display(), i.year, i.recognised_by, i.recognised_on,
                 i.decision_reference, str(i.used_for or "")) for i in queryset)
        headers = [_("Tên sáng kiến, đề tài"), _("Loại"), _("Tác giả"), _("Đơn vị áp dụng"),
                   _("Phạm vi ảnh hưởng"), _("Năm công nhận"), _("Cấp công nhận"),
                   _("Ngày công nhận"), _("Số quyết định"), _("Đã dùng để xét khen thưởng")]
        return xlsx_response("sang-kien", _("Sáng kiến"), headers, rows)


class InitiativeFormView(RecordFormView):
    model = Initiative
    form_class = InitiativeForm
    unit_field = "unit"
    titles = (gettext_lazy("Thêm sáng kiến"), gettext_lazy("Sửa sáng kiến"))
    saved_message = gettext_lazy("Đã lưu sáng kiến.")
    list_name = "records:initiative_list"

    def detail_url(self, obj):
        return reverse(self.list_name)

    def readonly(self):
        if self.object is None:
            return []
        return [(Initiative._meta.get_field("used_for").verbose_name,
                 self.object.used_for or _("Chưa dùng để xét khen thưởng"))]

    def save(self, form):
        return services.save_initiative(self.request.user, form.save(commit=False),
                                        list(form.cleaned_data["authors"]))
