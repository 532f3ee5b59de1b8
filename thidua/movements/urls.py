"""Movements' pages: launch and cascade, registrations, periodic reports and reviews (the records'
pages share the /phong-trao/ prefix: ``records.urls``)."""
from django.urls import path

from .views import movements, registrations, reports, reviews

app_name = "movements"

urlpatterns = [
    path("", movements.MovementListView.as_view(), name="movement_list"),
    path("moi/", movements.MovementFormView.as_view(), name="movement_create"),
    path("<int:pk>/", movements.MovementDetailView.as_view(), name="movement_detail"),
    path("<int:pk>/sua/", movements.MovementFormView.as_view(), name="movement_edit"),
    path("<int:pk>/thao-tac/", movements.MovementActionView.as_view(), name="movement_action"),
    path("van-ban/<int:pk>/", movements.DocumentDownloadView.as_view(), name="document"),
    path("don-vi/<int:unit>/", movements.UnitMovementsView.as_view(), name="unit_movements"),
    path("<int:pk>/dang-ky/", registrations.RegistrationOverviewView.as_view(),
         name="registration_overview"),
    path("<int:pk>/dang-ky/<int:unit>/", registrations.RegistrationView.as_view(),
         name="registration"),
    path("<int:pk>/so-ket-tong-ket/", reviews.ReviewCreateView.as_view(), name="review_create"),
    path("so-ket-tong-ket/<int:pk>/", reviews.ReviewDetailView.as_view(), name="review_detail"),
    path("bao-cao/cap/<int:unit>/", reports.SchedulesView.as_view(), name="schedules"),
    path("bao-cao/ky/<int:pk>/", reports.ComplianceView.as_view(), name="compliance"),
    path("bao-cao/ky/<int:pk>/nop/<int:unit>/", reports.ReportSubmitView.as_view(),
         name="report_submit"),
    path("bao-cao/don-vi/<int:unit>/", reports.UnitReportsView.as_view(), name="unit_reports"),
]
