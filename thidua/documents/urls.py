from django.urls import path

from . import views

app_name = "documents"
urlpatterns = [
    path("xac-minh/<str:token>/", views.VerifyView.as_view(), name="verify"),
]
