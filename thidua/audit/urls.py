from django.urls import path

from .views import AuditListView, ChainCheckView

app_name = "audit"
urlpatterns = [
    path("", AuditListView.as_view(), name="entry_list"),
    path("kiem-tra-chuoi/", ChainCheckView.as_view(), name="chain_check"),
]
