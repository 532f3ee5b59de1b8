from django.http import Http404
from django.shortcuts import render

from thidua.core.excel import xlsx_response

from .. import annual, dashboard
from ..forms import ScopeForm
from ..summaries import last_refreshed
from .common import ScopedView, download

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


class DashboardView(ScopedView):
    form_class = ScopeForm

    def get(self, request):
        if not self.bind(request):
            return render(request, "reports/dashboard.html", {"form": self.form, "charts": []},
                          status=400 if request.GET else 200)
        scope, year = self.form.scope, self.form.cleaned_data["year"]
        page = dashboard.page(scope, year)
        charts = page.charts
        key = request.GET.get("chart")
        if key and request.GET.get("format") == "xlsx":
            chart = next((c for c in charts if c.key == key), None)
            if chart is None:
                raise Http404
            return xlsx_response(f"bieu-do-{chart.key}-{year}", str(chart.title)[:31],
                                 chart.headers, chart.table_rows())
        return render(request, "reports/dashboard.html", {
            "form": self.form, "scope": scope, "year": year, "charts": charts,
            "chart_data": [chart.as_json() for chart in charts],
            "refreshed_at": last_refreshed(range(year - dashboard.YEARS_SHOWN + 1, year + 1)),
            "activity_at": page.activity_at,
            "activity_minutes": dashboard.ACTIVITY_CACHE_SECONDS // 60,
            "query": request.GET.urlencode()})


class AnnualReportView(ScopedView):
    """The year's summary report draft as DOCX for the chosen unit."""

    form_class = ScopeForm

    def get(self, request):
        if not self.bind(request):
            return render(request, "reports/dashboard.html", {"form": self.form, "charts": []},
                          status=400)
        scope, year = self.form.scope, self.form.cleaned_data["year"]
        return download(annual.docx_bytes(scope, year), DOCX_TYPE,
                        f"bao-cao-tong-ket-{scope.organization.code}-{year}.docx")
