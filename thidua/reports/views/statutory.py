from django.contrib import messages
from django.shortcuts import render
from django.utils import translation
from django.utils.translation import gettext as _

from thidua.core.excel import XLSX_CONTENT_TYPE

from ..forms import PeriodForm
from ..statutory import render as output
from ..statutory.definitions import FORMS
from .common import ScopedView, download

ENTERED_BY_OFFICIALS = ("0604", "0605")


class StatutoryFormView(ScopedView):
    """Biểu 0601–0605 for a scope and a period, on screen, as XLSX or as PDF (0604 and 0605
    as they stood at the end of the period). The files are the circular's form, in Vietnamese
    whatever the interface's language; the page translates the form's words."""

    form_class = PeriodForm

    def initial(self):
        return {**super().initial(), "form": "0602"}

    def get(self, request):
        if not self.bind(request):
            return render(request, "reports/statutory.html", {"form": self.form},
                          status=400 if request.GET else 200)
        data = self.form.cleaned_data
        name = f"bieu-{data['form']}-{self.form.scope.organization.code}-{data['year_from']}"
        if data["year_to"] != data["year_from"]:
            name += f"-{data['year_to']}"
        file_format = request.GET.get("format")
        if file_format in ("xlsx", "pdf"):
            with translation.override("vi"):  # the form filed is the circular's, in Vietnamese
                report = FORMS[data["form"]](self.form.scope, data["year_from"], data["year_to"])
                if file_format == "xlsx":
                    return download(output.xlsx_bytes(report), XLSX_CONTENT_TYPE, f"{name}.xlsx")
                return download(output.pdf_bytes(report), "application/pdf", f"{name}.pdf")
        report = FORMS[data["form"]](self.form.scope, data["year_from"], data["year_to"])
        if not report.total:
            messages.warning(request, _("Không có số liệu trong kỳ và phạm vi đã chọn: biểu ghi "
                                        "toàn số 0."))
            if report.number in ENTERED_BY_OFFICIALS:
                messages.info(request, _("Biểu này tính từ danh sách do đơn vị nhập ở mục “Bộ máy "
                                         "TĐKT” và “Công chức TĐKT”."))
        return render(request, "reports/statutory.html", {
            "form": self.form, "report": report, "query": request.GET.urlencode()})
