"""Căn cứ pháp lý đang áp dụng: on a chosen date, the texts in force, the bases a decision and a
tờ trình of the chosen unit cite, the catalogue's bases, the texts behind each document form,
procedure step and statistical form, and the unit's own charter and regulation (its system
administrators add them here)."""
from django import forms
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from thidua.core.widgets import DateInput
from thidua.legal import citing, services
from thidua.legal.models import BasisTopic, DocumentKind, OwnBasis, Regime
from thidua.organizations.models import Organization
from thidua.organizations.scoping import assignments

from ..models import AwardType
from .issuers import chosen_day


class OwnBasisForm(forms.ModelForm):
    class Meta:
        model = OwnBasis
        fields = ["kind", "wording", "valid_from", "valid_to"]
        widgets = {"valid_from": DateInput(), "valid_to": DateInput(),
                   "wording": forms.Textarea(attrs={"rows": 2})}


class UnitForm(forms.Form):
    unit = forms.ModelChoiceField(label=gettext_lazy("Đơn vị ban hành"), queryset=None,
                                  required=False, empty_label=None)

    def __init__(self, user, *args, **kwargs):
        super().__init__(*args, **kwargs)
        ids = {org_id for _role, org_id, _path, _subtree in assignments(user)}
        self.fields["unit"].queryset = Organization.objects.filter(pk__in=ids).order_by("path")


def chosen_unit(request):
    form = UnitForm(request.user, request.GET or None)
    units = form.fields["unit"].queryset
    unit = form.cleaned_data["unit"] if form.is_valid() else None
    return form, unit or units.first()


class LegalBasesView(LoginRequiredMixin, View):
    template_name = "awards/legal_bases.html"

    def get(self, request, form=None):
        day_form, day = chosen_day(request)
        unit_form, unit = chosen_unit(request)
        can_manage = bool(unit) and request.user.has_perm("legal.manage_own_bases", unit)
        can_set_issuing = bool(unit) and request.user.has_perm(
            "nominations.manage_issuer_settings", unit)
        register = citing.bases_in_force(day)
        return render(request, self.template_name, {
            "day_form": day_form, "day": day, "unit_form": unit_form, "unit": unit,
            "decision_bases": citing.issuing_bases(day, unit, DocumentKind.DECISION),
            "proposal_bases": citing.issuing_bases(day, unit, DocumentKind.PROPOSAL),
            "texts": citing.texts_in_force(day), "pending": citing.awaiting_confirmation(),
            "award_types": AwardType.objects.in_force(day).select_related("legal_text"),
            "topics": [(label, [row for row in register if row.topic == value])
                       for value, label in BasisTopic.choices if value != BasisTopic.ISSUING],
            "own_bases": unit.own_bases.all() if unit else (),
            "regime": Regime.objects.in_force(day).prefetch_related("rules").first(),
            "can_manage": can_manage, "can_set_issuing": can_set_issuing,
            "form": form or (OwnBasisForm() if can_manage else None)})

    def post(self, request):
        unit_form = UnitForm(request.user, request.GET)
        if not unit_form.is_valid() or not unit_form.cleaned_data["unit"]:
            raise PermissionDenied(_("Chọn một đơn vị bạn quản trị."))
        unit = unit_form.cleaned_data["unit"]
        if not request.user.has_perm("legal.manage_own_bases", unit):
            raise PermissionDenied(_("Chỉ quản trị hệ thống của đơn vị được ghi căn cứ riêng."))
        form = OwnBasisForm(request.POST, instance=OwnBasis(organization=unit))
        if not form.is_valid():
            messages.error(request, _("Chưa lưu được: vui lòng sửa các lỗi được đánh dấu."))
            return self.get(request, form=form)
        try:
            services.save_own_basis(request.user, form.save(commit=False))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return self.get(request, form=form)
        messages.success(request, _("Đã lưu căn cứ riêng của đơn vị."))
        return redirect(request.get_full_path())
