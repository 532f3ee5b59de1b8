"""The project's URLs plus a trivial view, the baseline of the throughput ratio (bench only)."""
from django.http import HttpResponse
from django.urls import path

from thidua.urls import urlpatterns as project_patterns


def trivial(request):
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [*project_patterns, path("bench/trivial/", trivial)]
