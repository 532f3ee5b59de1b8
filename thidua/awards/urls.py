from django.urls import path

from .views import importing, qualification, ratings, records

app_name = "awards"
urlpatterns = [
    path("don-vi/<int:pk>/ai-du-dieu-kien/", qualification.QualificationView.as_view(),
         name="qualification"),
    path("don-vi/<int:pk>/xep-loai/<int:year>/", ratings.UnitRatingsView.as_view(), name="ratings"),
    path("don-vi/<int:pk>/", records.UnitRecordView.as_view(), name="unit_record"),
    path("ca-nhan/<int:pk>/", records.PersonRecordView.as_view(), name="person_record"),
    path("don-vi/<int:pk>/nhap-excel/", importing.ImportView.as_view(), name="import"),
    path("don-vi/<int:pk>/nhap-excel/mau/<slug:kind>/", importing.ImportTemplateView.as_view(),
         name="import_template"),
]
