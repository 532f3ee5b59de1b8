"""The project's URLs plus the background-job pages (until the project includes them)."""
from django.urls import include, path

from thidua.urls import urlpatterns as project_patterns

urlpatterns = [*project_patterns, path("cong-viec/", include("thidua.core.urls"))]
