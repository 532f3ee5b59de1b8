from django.urls import path

from .views import groups, importing, organizations, people, transfers

app_name = "organizations"
urlpatterns = [
    path("don-vi/", organizations.OrganizationListView.as_view(), name="organization_list"),
    path("don-vi/<int:pk>/", organizations.OrganizationDetailView.as_view(),
         name="organization_detail"),
    path("don-vi/<int:pk>/sua/", organizations.OrganizationFormView.as_view(),
         name="organization_edit"),
    path("don-vi/<int:pk>/sap-nhap/", organizations.MergeView.as_view(), name="organization_merge"),
    path("don-vi/<int:pk>/chia-tach/", organizations.SplitView.as_view(), name="organization_split"),
    path("don-vi/<int:parent>/them-don-vi/", organizations.OrganizationFormView.as_view(),
         name="organization_create"),
    path("don-vi/<int:organization>/them-ca-nhan/", people.PersonCreateView.as_view(),
         name="person_create"),
    path("don-vi/<int:organization>/nhap-excel/", importing.ImportView.as_view(),
         name="import"),
    path("don-vi/<int:organization>/nhap-excel/mau/<slug:kind>/", importing.ImportTemplateView.as_view(), name="import_template"),
    path("ca-nhan/", people.PersonListView.as_view(), name="person_list"),
    path("ca-nhan/<int:pk>/", people.PersonDetailView.as_view(), name="person_detail"),
    path("ca-nhan/<int:pk>/sua/", people.PersonEditView.as_view(), name="person_edit"),
    path("ca-nhan/<int:pk>/cong-tac/", people.EmploymentCreateView.as_view(),
         name="employment_create"),
    path("ca-nhan/<int:pk>/chuyen-don-vi/", transfers.TransferRequestView.as_view(),
         name="transfer_request"),
    path("dieu-chuyen/<int:pk>/", transfers.TransferDetailView.as_view(), name="transfer_detail"),
    path("dieu-chuyen/<int:pk>/<slug:action>/", transfers.TransferActionView.as_view(),
         name="transfer_action"),
    path("ca-nhan/<int:pk>/cccd/", people.RevealCitizenIdView.as_view(), name="reveal_citizen_id"),
    path("khoi-cum/", groups.GroupListView.as_view(), name="group_list"),
    path("khoi-cum/them/", groups.GroupCreateView.as_view(), name="group_create"),
    path("khoi-cum/<int:pk>/", groups.GroupDetailView.as_view(), name="group_detail"),
]
