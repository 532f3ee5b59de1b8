"""Excel import into a unit's subtree: the page, the upload, and the blank templates it offers."""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy
from django.views import View

from thidua.core.excel import XLSX_CONTENT_TYPE

from thidua.core.xlsx_import import ImportRejected, template_workbook

from .. import importing
from ..models import Organization


class ImportForm(forms.Form):
    kind = forms.ChoiceField(
        label=gettext_lazy("Loại dữ liệu"),
        choices=[(slug, spec.title) for slug, spec in importing.SPECS.items()],
        widget=forms.RadioSelect(attrs={"class": "form-check-input"}))
    file = forms.FileField(
        label=gettext_lazy("Tệp Excel (.xlsx)"),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx," + XLSX_CONTENT_TYPE}))


class UnitImportMixin(LoginRequiredMixin):
    """Only a network editor of the unit in the URL may import into it."""

    def dispatch(self, request, *args, **kwargs):
        self.unit = get_object_or_404(Organization, pk=kwargs["organization"])
        if request.user.is_authenticated and not request.user.has_perm(
                "organizations.import_data", self.unit):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class ImportView(UnitImportMixin, View):
    template_name = "organizations/import.html"

    def get(self, request, organization):
        return self.render(ImportForm(initial={"kind": next(iter(importing.SPECS))}))

    def post(self, request, organization):
        form = ImportForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.render(form)
        kind = form.cleaned_data["kind"]
        try:
            count = importing.import_file(kind, form.cleaned_data["file"], self.unit, request.user)
        except ImportRejected as rejected:
            return self.render(form, rejected.errors)
        messages.success(request, importing.SPECS[kind].done % {
            "count": number_format(count, force_grouping=True)})
        return redirect(self.unit)

    def render(self, form, errors=()):
        return render(self.request, self.template_name, {
            "unit": self.unit, "form": form, "errors": errors,
            "kinds": importing.SPECS.values(), "max_bytes": settings.THIDUA_IMPORT_MAX_BYTES,
        })


class ImportTemplateView(UnitImportMixin, View):
    def get(self, request, organization, kind):
        if kind not in importing.SPECS:
            raise Http404
        response = HttpResponse(template_workbook(importing.SPECS[kind].columns),
                                content_type=XLSX_CONTENT_TYPE)
        response["Content-Disposition"] = f'attachment; filename="mau-nhap-{kind}.xlsx"'
        return response
