from django.urls import path

from .views import bases, eligible, importing, issuers, qualification, ratings, records, salary

app_name = "awards"
urlpatterns = [
    path("tham-quyen/", issuers.PowersView.as_view(), name="powers"),
    path("can-cu-phap-ly/", bases.LegalBasesView.as_view(), name="legal_bases"),
    path("luong-co-so/", salary.BaseSalaryView.as_view(), name="base_salary"),
    path("co-quan-quyet-dinh/", issuers.IssuerReviewView.as_view(), name="issuer_review"),
    path("don-vi/<int:pk>/ai-du-dieu-kien/", qualification.QualificationView.as_view(),
         name="qualification"),
    path("don-vi/<int:pk>/du-dieu-kien/", eligible.EligibleListView.as_view(), name="eligible"),
    path("don-vi/<int:pk>/xep-loai/<int:year>/", ratings.UnitRatingsView.as_view(), name="ratings"),
    path("don-vi/<int:pk>/", records.UnitRecordView.as_view(), name="unit_record"),
    path("ca-nhan/<int:pk>/", records.PersonRecordView.as_view(), name="person_record"),
    path("don-vi/<int:pk>/nhap-excel/", importing.ImportView.as_view(), name="import"),
    path("don-vi/<int:pk>/nhap-excel/mau/<slug:kind>/", importing.ImportTemplateView.as_view(),
         name="import_template"),
]
