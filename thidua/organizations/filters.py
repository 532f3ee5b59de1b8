import django_filters
from django import forms
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _

from thidua.core.widgets import AnyYesNo

from .geography import province_choices
from .models import (Employment, EmploymentCategory, EmulationGroup, EmulationGroupKind, Gender,
                     Organization, OrganizationKind, OrganizationStatus, Person, Sector)
from .scoping import current_employment_q, search_q


class SearchFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Tìm kiếm"), method="filter_search",
        widget=forms.TextInput(attrs={"placeholder": _("Tên, mã… (gõ không dấu cũng được)"),
                                      "type": "search"}),
    )

    def filter_search(self, queryset, name, value):
        return queryset.filter(search_q(value))


class OrganizationFilter(SearchFilterSet):
    same_form_for_everyone = True  # core.templatetags.ui.filter_fields
    kind = django_filters.ChoiceFilter(label=_("Loại hình"), choices=OrganizationKind.choices)
    province_code = django_filters.ChoiceFilter(label=_("Tỉnh, thành phố"), choices=province_choices)
    sector = django_filters.ChoiceFilter(label=_("Lĩnh vực"), choices=Sector.choices)
    status = django_filters.ChoiceFilter(label=_("Trạng thái"), choices=OrganizationStatus.choices)
    is_new_model = django_filters.BooleanFilter(label=_("HTX kiểu mới"), widget=AnyYesNo)
    parent = django_filters.NumberFilter(label=_("Thuộc đơn vị"), method="filter_parent",
                                         widget=forms.HiddenInput)

    class Meta:
        model = Organization
        fields = ["q", "kind", "province_code", "sector", "status", "is_new_model", "parent"]

    def filter_parent(self, queryset, name, value):
        parent = Organization.objects.filter(pk=value).only("path").first()
        if parent is None:
            return queryset.none()
        return queryset.subtree(parent)


class PersonFilter(SearchFilterSet):
    same_form_for_everyone = True  # core.templatetags.ui.filter_fields
    gender = django_filters.ChoiceFilter(label=_("Giới tính"), choices=Gender.choices)
    category = django_filters.ChoiceFilter(label=_("Đối tượng"), choices=EmploymentCategory.choices,
                                           method="filter_category")
    direct_worker = django_filters.BooleanFilter(label=_("Trực tiếp sản xuất"),
                                                 method="filter_direct_worker", widget=AnyYesNo)

    class Meta:
        model = Person
        fields = ["q", "gender", "category", "direct_worker"]

    def filter_search(self, queryset, name, value):
        return queryset.search(value)

    def filter_category(self, queryset, name, value):
        return queryset.filter(_has_current_employment(category=value))

    def filter_direct_worker(self, queryset, name, value):
        return queryset.filter(_has_current_employment(is_direct_worker=value))


def _has_current_employment(**conditions):
    employments = Employment.objects.filter(person=OuterRef("pk"), **conditions)
    return Exists(employments.filter(current_employment_q()))


class EmulationGroupFilter(SearchFilterSet):
    same_form_for_everyone = True  # core.templatetags.ui.filter_fields
    year = django_filters.NumberFilter(label=_("Năm"))
    kind = django_filters.ChoiceFilter(label=_("Loại"), choices=EmulationGroupKind.choices)

    class Meta:
        model = EmulationGroup
        fields = ["q", "year", "kind"]
