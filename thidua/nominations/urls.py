from django.urls import path

from .views import batches, council, decisions, handoff, importing, issuer, opinions, public

app_name = "nominations"
urlpatterns = [
    path("", batches.BatchListView.as_view(), name="batch_list"),
    path("moi/", batches.BatchCreateView.as_view(), name="batch_create"),
    path("<int:pk>/", batches.BatchDetailView.as_view(), name="batch_detail"),
    path("<int:pk>/doi-tuong/", batches.NomineesView.as_view(), name="batch_nominees"),
    path("<int:pk>/nhap-excel/", importing.ImportView.as_view(), name="import"),
    path("<int:pk>/nhap-excel/mau/<slug:kind>/", importing.ImportTemplateView.as_view(),
         name="import_template"),
    path("<int:pk>/thao-tac/<slug:action>/", batches.BatchActionView.as_view(),
         name="batch_action"),
    path("<int:pk>/tham-dinh/", batches.AppraisalView.as_view(), name="batch_appraisal"),
    path("<int:pk>/xin-y-kien/", opinions.OpinionAskView.as_view(), name="ask_opinions"),
    path("<int:pk>/xin-y-kien/<int:request_pk>/gia-han/", opinions.OpinionExtendView.as_view(),
         name="extend_opinions"),
    path("y-kien-cac-ban/", opinions.OpinionRequestListView.as_view(), name="opinion_requests"),
    path("y-kien-cac-ban/<int:pk>/", opinions.OpinionRequestView.as_view(),
         name="opinion_request"),
    path("tep/<int:pk>/", batches.AttachmentDownloadView.as_view(), name="attachment"),
    path("hoi-dong/<int:pk>/", council.CouncilView.as_view(), name="council"),
    path("phien-hop/<int:pk>/", council.SessionView.as_view(), name="session_detail"),
    path("phien-hop/<int:pk>/ket-qua/", council.SessionTalliesView.as_view(),
         name="session_tallies"),
    path("phien-hop/<int:pk>/bien-ban/", council.MinutesView.as_view(), name="session_minutes"),
    path("<int:pk>/quyet-dinh/", decisions.DecisionCreateView.as_view(), name="decision_create"),
    path("quyet-dinh/<int:pk>/", decisions.DecisionView.as_view(), name="decision_detail"),
    path("thiet-lap-ban-hanh/<int:pk>/", issuer.IssuerSettingsView.as_view(),
         name="issuer_settings"),
    path("cong-khai/<str:token>/", public.DisclosureView.as_view(), name="disclosure"),
    path("tu-so-ket/<int:pk>/", handoff.ReviewHandoffView.as_view(), name="from_review"),
    path("tu-danh-sach/<int:pk>/", handoff.SelectionHandoffView.as_view(), name="from_selection"),
]
