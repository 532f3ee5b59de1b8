from django.urls import path

from . import views

app_name = "documents"
urlpatterns = [
    path("van-ban/quyet-dinh/<int:pk>/tai-ve.<fmt>", views.DecisionFileView.as_view(),
         name="decision_file"),
    path("van-ban/quyet-dinh/<int:pk>/in-bang-khen/", views.PrintView.as_view(), name="print"),
    path("van-ban/quyet-dinh/<int:pk>/in-bang-khen/tai-ve/", views.PrintDownloadView.as_view(),
         name="print_download"),
    path("van-ban/to-trinh/<int:pk>/<str:name>", views.BatchFileView.as_view(),
         name="batch_file"),
    path("van-ban/phien-hop/<int:pk>/<str:name>", views.SessionFileView.as_view(),
         name="session_file"),
    path("van-ban/bao-cao-thanh-tich/<int:pk>/", views.AchievementReportView.as_view(),
         name="achievement_report"),
    path("van-ban/bang-khen/<int:pk>/", views.CertificateView.as_view(), name="certificate"),
    path("van-ban/mau/<int:pk>/", views.WordTemplatesView.as_view(), name="word_templates"),
    path("van-ban/mau/<int:pk>/<str:kind>.docx", views.WordTemplateDownloadView.as_view(),
         name="word_template_file"),
    path("van-ban/mau-bang-khen/<int:pk>/", views.CertificateTemplatesView.as_view(),
         name="certificate_templates"),
    path("van-ban/mau-bang-khen/<int:pk>/<int:template_pk>/",
         views.CertificateTemplateEditView.as_view(), name="certificate_template"),
    path("xac-minh/<str:token>/", views.VerifyView.as_view(), name="verify"),
]
