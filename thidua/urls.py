from django.contrib import admin
from django.urls import include, path

from thidua.api.urls import api
from thidua.core.views import InboxView
from thidua.views import HomeView

core_patterns = ([
    path("", HomeView.as_view(), name="home"),
    path("thong-bao/", InboxView.as_view(), name="inbox"),
], "core")

urlpatterns = [
    path("", include(core_patterns)),
    path("", include("thidua.accounts.urls")),
    path("", include("thidua.organizations.urls")),
    path("phong-trao/", include("thidua.movements.urls")),
    path("phong-trao/", include("thidua.records.urls")),
    path("khen-thuong/", include("thidua.awards.urls")),
    path("ho-so/", include("thidua.nominations.urls")),
    path("", include("thidua.documents.urls")),
    path("bao-cao/", include("thidua.reports.urls")),
    path("lien-thong/", include("thidua.interchange.urls")),
    path("nhat-ky/", include("thidua.audit.urls")),
    path("huong-dan/", include("thidua.guide.urls")),
    path("cong-viec/", include("thidua.core.urls")),
    path("", include("thidua.portal.urls")),
    path("api/v1/", api.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("quan-tri/", admin.site.urls),
]
