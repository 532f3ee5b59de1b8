"""Background job pages (namespace ``jobs``), included by the project under ``cong-viec/``."""
from django.urls import path

from .views import JobFileView, JobView

app_name = "jobs"
urlpatterns = [
    path("<int:pk>/", JobView.as_view(), name="detail"),
    path("<int:pk>/tep/", JobFileView.as_view(), name="file"),
]
