from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from thidua.core.views import FilteredListMixin

from .. import services
from ..filters import EmulationGroupFilter
from ..forms import EmulationGroupForm, MembershipForm
from ..models import EmulationGroup, EmulationGroupMembership, Organization
from ..scoping import NETWORK_EDITORS, organization_q


def group_or_403(user, pk, perm):
    """The group (404 if absent), read to ask ``perm`` about it (403 without it)."""
    group = get_object_or_404(EmulationGroup.objects.select_related("owner")
                              .for_permission_check(), pk=pk)
    if not user.has_perm(perm, group):
        raise PermissionDenied
    return group


class GroupListView(LoginRequiredMixin, FilteredListMixin, TemplateView):
    template_name = "organizations/group_list.html"
    filterset_class = EmulationGroupFilter
    ordering = ("-year", "name", "pk")

    def get_base_queryset(self):
        return EmulationGroup.objects.visible_to(self.request.user).select_related("owner")

    def get_context_data(self, **kwargs):
        owners = Organization.objects.filter(organization_q(self.request.user, NETWORK_EDITORS))
        return super().get_context_data(can_create=owners.exists(), **kwargs)


class GroupDetailView(LoginRequiredMixin, View):
    template_name = "organizations/group_detail.html"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            self.group = group_or_403(request.user, kwargs["pk"],
                                       "organizations.view_emulationgroup")
            self.can_edit = request.user.has_perm("organizations.change_emulationgroup", self.group)
        return super().dispatch(request, *args, **kwargs)

    def render(self, form=None):
        memberships = self.group.memberships.select_related("organization").order_by(
            "role", "organization__sort_key")
        return render(self.request, self.template_name, {
            "group": self.group, "memberships": memberships, "can_edit": self.can_edit,
            "form": form or MembershipForm(organizations=Organization.objects.subtree(self.group.owner)),
            "history": self.group.history.select_related("history_user")[:10],
        })

    def get(self, request, pk):
        return self.render()

    def post(self, request, pk):
        if not self.can_edit:
            raise PermissionDenied
        action = request.POST.get("action")
        if action == "remove":
            membership = get_object_or_404(EmulationGroupMembership, group=self.group,
                                           pk=request.POST.get("membership"))
            services.remove_group_member(request.user, membership)
            messages.success(request, _("Đã bỏ %(unit)s khỏi khối, cụm.") % {
                "unit": membership.organization})
            return redirect(self.group)
        if action == "copy":
            year = self.group.year + 1
            if EmulationGroup.objects.filter(owner=self.group.owner, name=self.group.name,
                                             year=year).exists():
                messages.error(request, _("Khối, cụm này đã có cho năm %(year)s.") % {"year": year})
                return redirect(self.group)
            new_group = services.copy_group_to_year(request.user, self.group, year)
            messages.success(request, _("Đã tạo khối, cụm năm %(year)s với cùng thành viên; hãy "
                                        "chỉ định trưởng, phó khối mới.") % {"year": year})
            return redirect(new_group)
        form = MembershipForm(request.POST, organizations=Organization.objects.subtree(self.group.owner))
        if form.is_valid():
            services.set_group_member(request.user, self.group, form.cleaned_data["organization"],
                                      form.cleaned_data["role"])
            messages.success(request, _("Đã cập nhật thành viên khối, cụm."))
            return redirect(self.group)
        messages.error(request, _("Chưa lưu được: vui lòng sửa các lỗi được đánh dấu bên dưới."))
        return self.render(form)


class GroupCreateView(LoginRequiredMixin, View):
    template_name = "organizations/group_form.html"

    def owners(self):
        return Organization.objects.filter(organization_q(self.request.user, NETWORK_EDITORS))

    def get(self, request):
        form = EmulationGroupForm(owners=self.owners(), initial={"year": timezone.localdate().year})
        return render(request, self.template_name, {"form": form})

    def post(self, request):
        form = EmulationGroupForm(request.POST, owners=self.owners())
        if form.is_valid():
            group = services.create_emulation_group(request.user, form.save(commit=False))
            messages.success(request, _("Đã tạo khối, cụm thi đua."))
            return redirect(group)
        messages.error(request, _("Chưa lưu được: vui lòng sửa các lỗi được đánh dấu bên dưới."))
        return render(request, self.template_name, {"form": form})
