"""Thiết lập ban hành quyết định: a unit's system administrators set the symbol, place, signer's
title and the ways of signing its decisions."""
from django import forms
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views import View

from thidua.organizations.models import Organization

from ..models import IssuerSettings
from ..workflow.decisions import issuer_settings, save_issuer_settings


class IssuerSettingsForm(forms.ModelForm):
    class Meta:
        model = IssuerSettings
        fields = ["decision_symbol", "place_name", "signer_title", "signing_methods",
                  "sign_submissions"]
        # Two lines for "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH": a one-line input would drop the break.
        widgets = {"signing_methods": forms.RadioSelect,
                   "signer_title": forms.Textarea(attrs={"rows": 2})}


class IssuerSettingsView(LoginRequiredMixin, View):
    template_name = "nominations/issuer_settings.html"

    def unit(self, request, pk):
        unit = get_object_or_404(Organization.objects.visible_to(request.user), pk=pk)
        if not request.user.has_perm("nominations.manage_issuer_settings", unit):
            raise PermissionDenied
        return unit

    def get(self, request, pk):
        unit = self.unit(request, pk)
        return self.show(request, unit, IssuerSettingsForm(instance=issuer_settings(unit)))

    def post(self, request, pk):
        unit = self.unit(request, pk)
        form = IssuerSettingsForm(request.POST, instance=issuer_settings(unit))
        if not form.is_valid():
            return self.show(request, unit, form)
        save_issuer_settings(request.user, form.instance)
        messages.success(request, _("Đã lưu thiết lập ban hành quyết định của %(unit)s.") % {
            "unit": unit})
        return redirect("nominations:issuer_settings", unit.pk)

    def show(self, request, unit, form):
        return render(request, self.template_name, {"unit": unit, "form": form})
