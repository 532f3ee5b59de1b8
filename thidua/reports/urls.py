from django.urls import path

from .views.adhoc import AdhocReportView
from .views.dashboard import AnnualReportView, DashboardView
from .views.statutory import StatutoryFormView

app_name = "reports"
urlpatterns = [
    path("", DashboardView.as_view(), name="dashboard"),
    path("bieu-thong-ke/", StatutoryFormView.as_view(), name="statutory"),
    path("tu-chon/", AdhocReportView.as_view(), name="adhoc"),
    path("tong-ket/", AnnualReportView.as_view(), name="annual"),
]
