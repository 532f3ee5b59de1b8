from django.urls import path

from .views import GuideView

app_name = "guide"
urlpatterns = [
    path("", GuideView.as_view(), name="mine"),
    path("<slug:slug>/", GuideView.as_view(), name="role"),
]
