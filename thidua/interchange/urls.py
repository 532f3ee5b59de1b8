from django.urls import path

from . import views

app_name = "interchange"
urlpatterns = [
    path("", views.IntakeStartView.as_view(), name="start"),
    path("tiep-nhan/<int:pk>/", views.IntakeReviewView.as_view(), name="intake_review"),
    path("goi-ho-so/<int:pk>/", views.PackageView.as_view(), name="package"),
    path("goi-ho-so/<int:pk>/tai-ve/", views.PackageDownloadView.as_view(),
         name="package_download"),
]
