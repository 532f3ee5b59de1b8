"""The Excel import page every app uses: choose the kind, download its blank template, upload.

A subclass names its ``specs`` (slug → Spec class), the ``permission`` needed at the unit, the URL
name of its template download, and how to find the unit from the URL (``get_unit``)."""
from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy
from django.views import View

from .excel import XLSX_CONTENT_TYPE
from .xlsx_import import ImportRejected, run_import, template_workbook


class ImportForm(forms.Form):
    kind = forms.ChoiceField(label=gettext_lazy("Loại dữ liệu"),
                             widget=forms.RadioSelect(attrs={"class": "form-check-input"}))
    file = forms.FileField(
        label=gettext_lazy("Tệp Excel (.xlsx)"),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx," + XLSX_CONTENT_TYPE}))

    def __init__(self, *args, specs, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [(slug, spec.title) for slug, spec in specs.items()]


class UnitImportMixin(LoginRequiredMixin):
    specs = {}
    permission = ""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.unit = self.get_unit(**kwargs)
        if not request.user.has_perm(self.permission, self.unit):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class ImportView(UnitImportMixin, View):
    template_name = "core/import.html"
    template_url_name = ""
    intro = ""

    def get(self, request, **kwargs):
        return self.render(ImportForm(specs=self.specs, initial={"kind": next(iter(self.specs))}))

    def post(self, request, **kwargs):
        form = ImportForm(request.POST, request.FILES, specs=self.specs)
        if not form.is_valid():
            return self.render(form)
        spec = self.specs[form.cleaned_data["kind"]]
        try:
            count = run_import(spec(self.unit, request.user), form.cleaned_data["file"])
        except ImportRejected as rejected:
            return self.render(form, rejected.errors)
        messages.success(request, spec.done % {"count": number_format(count, force_grouping=True)})
        return redirect(self.get_success_url())

    def get_success_url(self):
        return self.unit.get_absolute_url()

    def render(self, form, errors=()):
        return render(self.request, self.template_name, {
            "unit": self.unit, "form": form, "errors": errors, "intro": self.intro,
            "kinds": self.specs.values(), "template_url_name": self.template_url_name,
            "max_bytes": settings.THIDUA_IMPORT_MAX_BYTES,
        })


class ImportTemplateView(UnitImportMixin, View):
    def get(self, request, kind, **kwargs):
        if kind not in self.specs:
            raise Http404
        response = HttpResponse(template_workbook(self.specs[kind].columns),
                                content_type=XLSX_CONTENT_TYPE)
        response["Content-Disposition"] = f'attachment; filename="mau-nhap-{kind}.xlsx"'
        return response
