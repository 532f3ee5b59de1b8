from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from thidua.core.excel import xlsx_response

from .. import adhoc, services
from ..forms import AdhocForm, SaveReportForm
from ..models import SavedReport
from .common import ScopedView


class AdhocReportView(ScopedView):
    """Pick a source, dimensions, a measure and filters; run, export, save and share."""

    form_class = AdhocForm

    def initial(self):
        return {**super().initial(), "source": "awards", "rows": "award_type", "measure": "count"}

    def get(self, request):
        saved, defaults = None, {}
        if request.GET.get("saved", "").isdigit():
            saved = get_object_or_404(SavedReport.objects.visible_to(request.user),
                                      pk=request.GET["saved"])
            defaults = {key: value for key, value in
                        {"source": saved.source, **saved.definition}.items() if value is not None}
        valid = self.bind(request, defaults)
        result = None
        if valid and ("source" in request.GET or saved):
            result = adhoc.run(self.form.cleaned_data["source"], self.form.scope,
                               self.form.definition())
            if request.GET.get("format") == "xlsx":
                return xlsx_response("bao-cao-tu-chon", _("Báo cáo tự chọn"), result.headers,
                                     result.table_rows())
        return self.render(saved, result, SaveReportForm(request.user))

    def post(self, request):
        valid = self.bind(request)
        save_form = SaveReportForm(request.user, request.POST)
        if valid and save_form.is_valid():
            report = services.save_report(request.user, save_form.save(commit=False),
                                          self.form.cleaned_data["source"],
                                          self.form.definition())
            messages.success(request, _("Đã lưu báo cáo “%(name)s”.") % {"name": report.name})
            return redirect(f"{request.path}?saved={report.pk}")
        messages.error(request, _("Chưa lưu được: vui lòng sửa các lỗi được đánh dấu."))
        return self.render(None, None, save_form, status=400)

    def render(self, saved, result, save_form, status=200):
        return render(self.request, "reports/adhoc.html", {
            "form": self.form, "result": result, "saved": saved, "save_form": save_form,
            "saved_reports": SavedReport.objects.visible_to(self.request.user),
            "query": self.request.GET.urlencode()}, status=status)
