"""Mức lương cơ sở: each row with its legal basis and validity, whether decisions with money are
held today for want of a new amount, and the form national administrators enter it with."""
from django import forms
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View

from thidua.core.widgets import DateInput

from .. import base_salary
from ..models import BaseSalary


class BaseSalaryForm(forms.ModelForm):
    class Meta:
        model = BaseSalary
        fields = ["amount", "effective_from", "legal_text", "legal_basis", "replaced_from",
                  "confirmed"]
        widgets = {"effective_from": DateInput(), "replaced_from": DateInput()}

    def clean(self):
        data = super().clean()
        if data.get("legal_text") and not data.get("legal_basis"):
            data["legal_basis"] = data["legal_text"].short_name
        return data


class BaseSalaryView(LoginRequiredMixin, View):
    template_name = "awards/base_salary.html"

    def get(self, request, form=None):
        can_manage = request.user.has_perm("legal.manage_legal_texts")
        return render(request, self.template_name, {
            "rows": BaseSalary.objects.select_related("legal_text"),
            "hold": base_salary.hold_reason(timezone.localdate()), "can_manage": can_manage,
            "form": form or (BaseSalaryForm() if can_manage else None)})

    def post(self, request):
        if not request.user.has_perm("legal.manage_legal_texts"):
            raise PermissionDenied(_("Chỉ quản trị hệ thống cấp toàn quốc được nhập mức lương "
                                     "cơ sở."))
        form = BaseSalaryForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Chưa lưu được: vui lòng sửa các lỗi được đánh dấu."))
            return self.get(request, form=form)
        try:
            base_salary.record_base_salary(request.user, form.save(commit=False))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return self.get(request, form=form)
        messages.success(request, _("Đã lưu mức lương cơ sở."))
        return redirect(request.path)
