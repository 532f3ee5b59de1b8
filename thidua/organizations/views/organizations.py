from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView

from thidua.core.excel import xlsx_response
from thidua.core.scopes import system
from thidua.core.views import FilteredListMixin, SearchPaginator

from .. import deletion, merging, scoping, services, splitting
from ..filters import OrganizationFilter
from ..forms import MergeForm, OrganizationForm, SplitForm
from ..models import Organization, Transfer
from ..scoping import current_employment_q
from . import deletion as deletion_views
from . import merged


class UnitSearchPaginator(SearchPaginator):
    capped_text = gettext_lazy("Hơn %(cap)s đơn vị khớp — hãy thu hẹp tìm kiếm")


class OrganizationListView(LoginRequiredMixin, FilteredListMixin, TemplateView):
    template_name = "organizations/organization_list.html"
    filterset_class = OrganizationFilter
    ordering = ("sort_key", "pk")
    search_paginator_class = UnitSearchPaginator

    def get_base_queryset(self):
        return Organization.objects.visible_to(self.request.user)

    def get_context_data(self, **kwargs):
        user = self.request.user  # a system administrator somewhere finds what was deleted
        restorer = user.is_superuser or any(role in deletion.RESTORERS
                                            for role, *_rest in scoping.assignments(user))
        return super().get_context_data(can_restore=restorer, **kwargs)

    def export(self, queryset):
        headers = [_("Mã đơn vị"), _("Tên đơn vị"), _("Tên viết tắt"), _("Loại hình"),
                   _("Mã số thuế"), _("Lĩnh vực"), _("Tỉnh, thành phố"), _("Xã, phường"),
                   _("Địa chỉ"), _("Ngày thành lập"), _("HTX kiểu mới"), _("Trạng thái")]
        rows = (
            (o.code, o.name, o.short_name, o.get_kind_display(), o.tax_code, o.get_sector_display(),
             o.province_name, o.ward_name, o.address, o.founding_date,
             _("Có") if o.is_new_model else "", o.get_status_display())
            for o in queryset.iterator(chunk_size=2000)
        )
        return xlsx_response("don-vi", _("Đơn vị"), headers, rows)


class OrganizationDetailView(LoginRequiredMixin, TemplateView):
    template_name = "organizations/organization_detail.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        organization = get_object_or_404(Organization, pk=self.kwargs["pk"])
        if not user.has_perm("organizations.view_organization", organization):
            raise PermissionDenied
        visible = Organization.objects.visible_to(user)
        employments, transfers, moved_on = [], [], []
        if user.has_perm("organizations.view_people_of", organization):
            employments = (organization.employments.filter(current_employment_q())
                           .select_related("person").order_by("person__sort_key")[:200])
            if organization.is_merged and organization.status_date:  # moved on by the merger
                moved_on = (organization.employments.filter(
                    end_date=organization.status_date - timedelta(days=1))
                    .select_related("person").order_by("person__sort_key")[:200])
            transfers = Transfer.objects.filter(
                Q(to_unit=organization) | Q(employment__organization=organization)).select_related(
                "employment__person", "employment__organization", "to_unit")[:20]
        predecessors = [(unit, user.has_perm("organizations.view_organization", unit))
                        for unit in organization.merged_units.order_by("status_date", "name")]
        return super().get_context_data(
            organization=organization,
            predecessors=predecessors,
            ancestors=organization.ancestors().filter(pk__in=visible.values("pk")),
            children=Organization.objects.children_of(organization).order_by("sort_key")[:500],
            child_count=organization.numchild,
            employments=employments,
            moved_on=moved_on,
            transfers=transfers,
            groups=organization.group_memberships.select_related("group").order_by("-group__year"),
            history=organization.history.select_related("history_user")[:20],
            can_edit=user.has_perm("organizations.change_organization", organization),
            can_merge=organization.is_active and user.has_perm(
                "organizations.change_organization",
                Organization.objects.get_parent(organization) or organization),
            can_split=can_split(user, organization),
            can_delete=deletion_views.can_delete_unit(user, organization),
            can_restore=bool(organization.deleted_at) and user.has_perm(
                "organizations.restore_organization", organization),
            restore_url=reverse("organizations:organization_restore", args=[organization.pk]),
            object=organization,
            split_units=organization.split_units.order_by("name"),
            can_add_person=user.has_perm("organizations.add_person", organization),
            can_see_records=user.has_perm("awards.view_records_of", organization),
            can_rate=user.has_perm("awards.rate_people_of", organization),
            last_year=timezone.localdate().year - 1,
            **kwargs,
        )


class OrganizationFormView(LoginRequiredMixin, FormView):
    """Create a unit under ``parent`` or edit ``pk``."""

    template_name = "organizations/organization_form.html"
    form_class = OrganizationForm

    def dispatch(self, request, *args, **kwargs):
        if "pk" in kwargs:
            self.object = get_object_or_404(Organization, pk=kwargs["pk"])
            self.parent = None
            perm, target = "organizations.change_organization", self.object
        else:
            self.object = None
            self.parent = get_object_or_404(Organization, pk=kwargs["parent"])
            perm, target = "organizations.add_organization", self.parent
        if request.user.is_authenticated and not request.user.has_perm(perm, target):
            return merged.refuse(request, target)
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.object}

    def get_context_data(self, **kwargs):
        return super().get_context_data(object=self.object, parent=self.parent, **kwargs)

    def form_valid(self, form):
        if self.object:
            organization = services.update_organization(self.request.user, form.save(commit=False))
            messages.success(self.request, _("Đã lưu thông tin đơn vị."))
        else:
            organization = services.create_organization(self.request.user, self.parent,
                                                        form.save(commit=False))
            messages.success(self.request, _("Đã thêm đơn vị mới."))
        return redirect(organization)

    def form_invalid(self, form):
        messages.error(self.request, _("Chưa lưu được: vui lòng sửa các lỗi được đánh dấu bên dưới."))
        return super().form_invalid(form)


class MergeView(LoginRequiredMixin, FormView):
    """Merge the unit into another one (``merging.merge_unit``), for who edits the network
    where the unit sits."""

    template_name = "organizations/merge_form.html"
    form_class = MergeForm

    def dispatch(self, request, *args, **kwargs):
        self.object = get_object_or_404(Organization, pk=kwargs["pk"])
        where = Organization.objects.get_parent(self.object) or self.object
        if request.user.is_authenticated and not request.user.has_perm(
                "organizations.change_organization", where):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "absorbed": self.object,
                "successors": Organization.objects.visible_to(self.request.user)}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            object=self.object, child_count=Organization.objects.children_of(self.object).count(),
            **kwargs)

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            with system("a merger moves every employment of the absorbed unit (merge_unit "
                        "checks the permission)"):
                moved = merging.merge_unit(self.request.user, self.object, data["successor"],
                                           data["day"], data["accounts"])
        except PermissionDenied as refusal:
            form.add_error("successor", str(refusal))
            return self.form_invalid(form)
        messages.success(self.request, _(
            "Đã sáp nhập %(old)s vào %(new)s; %(count)s đơn vị trực thuộc đã chuyển sang.") % {
            "old": self.object.name, "new": data["successor"].name, "count": moved})
        return redirect(data["successor"])


def can_split(user, unit):
    """Whether ``user`` may split new units off ``unit``: edits the network at the unit and
    where the new units go (its parent); never the root."""
    parent = Organization.objects.get_parent(unit)
    return (parent is not None and user.has_perm("organizations.change_organization", unit)
            and user.has_perm("organizations.add_organization", parent))


class SplitView(LoginRequiredMixin, FormView):
    """Split new units off the unit (``splitting.split_unit``), choosing who goes where."""

    template_name = "organizations/split_form.html"
    form_class = SplitForm
    MAX_PEOPLE = 300

    def dispatch(self, request, *args, **kwargs):
        self.object = get_object_or_404(Organization, pk=kwargs["pk"])
        if request.user.is_authenticated and not can_split(request.user, self.object):
            return merged.refuse(request, self.object)
        return super().dispatch(request, *args, **kwargs)

    def employments(self):
        day = timezone.localdate()
        return (splitting.running_at(self.object, day).select_related("person")
                .order_by("person__sort_key", "pk")[:self.MAX_PEOPLE])

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "unit": self.object,
                "employments": self.employments()}

    def get_context_data(self, **kwargs):
        return super().get_context_data(object=self.object, **kwargs)

    def form_valid(self, form):
        data = form.cleaned_data
        created = splitting.split_unit(self.request.user, self.object, data["new_units"],
                                       data["day"], data["moves"])
        messages.success(self.request, _(
            "Đã tách %(new)s từ %(old)s; %(count)s người chuyển sang đơn vị mới.") % {
            "new": ", ".join(unit.name for unit in created), "old": self.object.name,
            "count": len(data["moves"])})
        return redirect(self.object)

    def form_invalid(self, form):
        messages.error(self.request, _("Chưa chia tách được: vui lòng sửa các lỗi được đánh dấu "
                                       "bên dưới."))
        return super().form_invalid(form)
