"""The Excel import pages every app uses: choose the kind, download its blank template, upload,
review the preview, confirm.

Uploading checks every row and writes nothing. A file with errors comes back on the upload page
with the errors and the rows they are on. The rows of a clean file are kept (``core.staging``) and
its preview shown, row by row with what will be done; "Xác nhận nhập" checks those rows again
against the database and writes them in one transaction. A subclass names its ``specs`` (slug → Spec class), the ``permission`` needed at
the unit, the URL name of its template download, and how to find the unit from the URL
(``get_unit``); an import into something other than a unit (a tờ trình) overrides
``has_import_permission``, ``make_spec`` and the page hooks."""
from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from . import staging
from .excel import XLSX_CONTENT_TYPE, template_workbook
from .xlsx_import import commit, preview
from .xlsx_sheet import ImportRejected, Table, read_upload


class ImportForm(forms.Form):
    kind = forms.ChoiceField(label=gettext_lazy("Loại dữ liệu"),
                             widget=forms.RadioSelect(attrs={"class": "form-check-input"}))
    file = forms.FileField(
        label=gettext_lazy("Tệp Excel (.xlsx)"),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx," + XLSX_CONTENT_TYPE}))

    def __init__(self, *args, specs, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [(slug, spec.title) for slug, spec in specs.items()]


class ConfirmForm(forms.Form):
    """The preview's buttons: the kind and the signed key of the staged file."""

    kind = forms.ChoiceField(widget=forms.HiddenInput)
    key = forms.CharField(widget=forms.HiddenInput, max_length=500)

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
        if not self.has_import_permission():
            return self.refused()
        return super().dispatch(request, *args, **kwargs)

    def has_import_permission(self):
        return self.request.user.has_perm(self.permission, self.unit)

    def refused(self):
        """The answer to a user who may not import here: 403 (a subclass may say why)."""
        raise PermissionDenied

    def template_url_args(self):
        """URL arguments before the kind slug of the template download."""
        return [self.unit.pk]


class ImportView(UnitImportMixin, View):
    template_name = "core/import.html"
    preview_template_name = "core/import_preview.html"
    template_url_name = ""
    intro = ""

    def get(self, request, **kwargs):
        return self.render(ImportForm(specs=self.specs, initial={"kind": next(iter(self.specs))}))

    def post(self, request, **kwargs):
        if "key" in request.POST:
            return self.confirm()
        form = ImportForm(request.POST, request.FILES, specs=self.specs)
        if not form.is_valid():
            return self.render(form)
        kind = form.cleaned_data["kind"]
        try:
            data = read_upload(form.cleaned_data["file"])
            checked = preview(self.make_spec(kind), data)
        except ImportRejected as rejected:
            return self.render(form, rejected.errors)
        if not checked.ok:
            return self.render(form, checked.errors, checked)
        key = staging.stage(request.user, checked.table.dumps(), self.purpose(kind))
        return render(request, self.preview_template_name, self.context(
            preview=checked, spec=self.specs[kind],
            confirm=ConfirmForm(specs=self.specs, initial={"kind": kind, "key": key})))

    def confirm(self):
        request = self.request
        form = ConfirmForm(request.POST, specs=self.specs)
        if not form.is_valid():
            return self.expired()
        kind, key = form.cleaned_data["kind"], form.cleaned_data["key"]
        purpose = self.purpose(kind)
        if "cancel" in request.POST:
            staging.discard(request.user, key, purpose)
            messages.info(request, _("Đã hủy, chưa nhập dòng nào."))
            return redirect(request.path)
        spec = self.make_spec(kind)
        try:
            table = Table.loads(staging.load(request.user, key, purpose), spec.columns)
        except (staging.Expired, ValueError):  # ValueError: a file staged in an older format
            return self.expired(kind)
        try:
            count = commit(spec, table)
        except ImportRejected as rejected:
            return self.render(ImportForm(specs=self.specs, initial={"kind": kind}),
                               rejected.errors)
        finally:
            staging.discard(request.user, key, purpose)
        messages.success(request, self.specs[kind].done % {
            "count": number_format(count, force_grouping=True)})
        return redirect(self.get_success_url())

    def expired(self, kind=None):
        return self.render(ImportForm(specs=self.specs, initial={
            "kind": kind or next(iter(self.specs))}), [_(
                "Bản xem trước đã hết hạn hoặc không còn hợp lệ; hãy tải tệp lên lại.")])

    def make_spec(self, kind):
        return self.specs[kind](self.unit, self.request.user)

    def purpose(self, kind):
        """What a staged file may be confirmed for: this page and this kind."""
        return f"{self.request.path}#{kind}"

    def get_success_url(self):
        return self.unit.get_absolute_url()

    def get_heading(self):
        return _("Nhập dữ liệu từ Excel vào %(unit)s") % {"unit": self.unit.name}

    def get_breadcrumbs(self):
        return [(_("Đơn vị"), reverse("organizations:organization_list")),
                (self.unit.short_name or self.unit.name, self.unit.get_absolute_url())]

    def context(self, **extra):
        kinds = [(spec, reverse(self.template_url_name, args=[*self.template_url_args(), slug]))
                 for slug, spec in self.specs.items()]
        return {"heading": self.get_heading(), "breadcrumbs": self.get_breadcrumbs(),
                "back_url": self.get_success_url(), "intro": self.intro, "kinds": kinds,
                "max_bytes": settings.THIDUA_IMPORT_MAX_BYTES, **extra}

    def render(self, form, errors=(), checked=None):
        return render(self.request, self.template_name, self.context(
            form=form, errors=errors, preview=checked))


class ImportTemplateView(UnitImportMixin, View):
    def get(self, request, kind, **kwargs):
        if kind not in self.specs:
            raise Http404
        response = HttpResponse(template_workbook(self.specs[kind].columns),
                                content_type=XLSX_CONTENT_TYPE)
        response["Content-Disposition"] = f'attachment; filename="mau-nhap-{kind}.xlsx"'
        return response
