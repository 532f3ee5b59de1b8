from django.urls import path

from . import views
from .signing import agent_views
from .signing import views as signing_views

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
    path("van-ban/quyet-dinh/<int:pk>/ky-so/", signing_views.SignDecisionView.as_view(),
         name="sign_decision"),
    path("van-ban/quyet-dinh/<int:pk>/ban-ky-so.pdf", signing_views.SignedDecisionFileView.as_view(),
         name="signed_decision_file"),
    path("van-ban/quyet-dinh/<int:pk>/ky-so/phien/", agent_views.OpenSessionView.as_view(),
         name="agent_session"),
    path("ky-so/tai-ve/<str:token>/", agent_views.AgentDownloadView.as_view(),
         name="agent_download"),
    path("ky-so/gui-ve/<str:token>/", agent_views.AgentUploadView.as_view(), name="agent_upload"),
    path("van-ban/quyet-dinh/<int:pk>/ky-so/phien-ma-bam/",
         agent_views.OpenDigestSessionView.as_view(), name="digest_agent_session"),
    path("ky-so/gui-chu-ky/<str:token>/", agent_views.DigestUploadView.as_view(),
         name="digest_agent_upload"),
    path("xac-minh/kiem-tra/", signing_views.CheckPdfView.as_view(), name="verify_pdf"),
    path("xac-minh/quyet-dinh/<str:token>/", signing_views.VerifyDecisionView.as_view(),
         name="verify_decision"),
    path("xac-minh/quyet-dinh/<str:token>/ban-ky-so.pdf",
         signing_views.VerifyDecisionFileView.as_view(), name="verify_decision_file"),
    path("van-ban/quyet-dinh/<int:pk>/dong-dau-so/", signing_views.SealCertificatesView.as_view(),
         name="seal_certificates"),
    path("xac-minh/<str:token>/", signing_views.VerifyView.as_view(), name="verify"),
]
