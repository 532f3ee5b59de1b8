from django.urls import path

from .views import ec_staff
from .views.adhoc import AdhocReportView
from .views.dashboard import AnnualReportView, DashboardView
from .views.statutory import StatutoryFormView

app_name = "reports"
urlpatterns = [
    path("", DashboardView.as_view(), name="dashboard"),
    path("bieu-thong-ke/", StatutoryFormView.as_view(), name="statutory"),
    path("tu-chon/", AdhocReportView.as_view(), name="adhoc"),
    path("tong-ket/", AnnualReportView.as_view(), name="annual"),
    # The E&C apparatus officials enter for Biểu 0604 and 0605.
    path("bo-may/", ec_staff.DepartmentListView.as_view(), name="ec_department_list"),
    path("bo-may/them/", ec_staff.DepartmentFormView.as_view(), name="ec_department_create"),
    path("bo-may/<int:pk>/sua/", ec_staff.DepartmentFormView.as_view(), name="ec_department_edit"),
    path("bo-may/<int:pk>/xoa/", ec_staff.DepartmentDeleteView.as_view(),
         name="ec_department_delete"),
    path("can-bo/", ec_staff.StaffListView.as_view(), name="ec_staff_list"),
    path("can-bo/them/", ec_staff.StaffFormView.as_view(), name="ec_staff_create"),
    path("can-bo/nhap-excel/", ec_staff.StaffImportStartView.as_view(),
         name="ec_staff_import_start"),
    path("can-bo/nhap-excel/<int:pk>/", ec_staff.StaffImportView.as_view(),
         name="ec_staff_import"),
    path("can-bo/nhap-excel/<int:pk>/mau/<slug:kind>/", ec_staff.StaffImportTemplateView.as_view(),
         name="ec_staff_import_template"),
    path("can-bo/<int:pk>/sua/", ec_staff.StaffFormView.as_view(), name="ec_staff_edit"),
    path("can-bo/<int:pk>/xoa/", ec_staff.StaffDeleteView.as_view(), name="ec_staff_delete"),
]
