"""Records: bloc pledges and score sheets, cooperation programmes, exemplars (and those a review
names), initiatives, inspections and events. Mounted under /phong-trao/ beside the movements' own
pages, so the paths are those they had when records were part of movements."""
from django.urls import path

from .views import (events, exemplars, groups, importing, initiatives, inspections, programmes,
                    reviews)

app_name = "records"

urlpatterns = [
    # Blocs and clusters (the group's own page lives in organizations).
    path("khoi/<int:pk>/giao-uoc/", groups.PledgeView.as_view(), name="pledge"),
    path("khoi/<int:pk>/bang-diem/", groups.ScoreSheetView.as_view(), name="score_sheet"),
    path("khoi/<int:pk>/bang-diem/xep-hang/", groups.RankingView.as_view(), name="score_ranking"),
    path("khoi/<int:pk>/bang-diem/tu-cham/<int:member>/", groups.SelfScoreView.as_view(),
         name="score_self"),
    path("khoi/<int:pk>/bang-diem/dieu-chinh/", groups.AdjustScoreView.as_view(),
         name="score_adjust"),
    # Cooperation programmes and their yearly targets.
    path("chuong-trinh/", programmes.ProgrammeListView.as_view(), name="programme_list"),
    path("chuong-trinh/them/", programmes.ProgrammeFormView.as_view(), name="programme_create"),
    path("chuong-trinh/<int:pk>/", programmes.ProgrammeDetailView.as_view(),
         name="programme_detail"),
    path("chuong-trinh/<int:pk>/sua/", programmes.ProgrammeFormView.as_view(),
         name="programme_edit"),
    path("chuong-trinh/<int:programme>/chi-tieu/them/", programmes.TargetFormView.as_view(),
         name="target_create"),
    path("chuong-trinh/chi-tieu/<int:pk>/sua/", programmes.TargetFormView.as_view(),
         name="target_edit"),
    # Exemplars and initiatives.
    path("dien-hinh/", exemplars.ExemplarListView.as_view(), name="exemplar_list"),
    path("dien-hinh/them/", exemplars.ExemplarFormView.as_view(), name="exemplar_create"),
    path("dien-hinh/<int:pk>/", exemplars.ExemplarDetailView.as_view(), name="exemplar_detail"),
    path("dien-hinh/<int:pk>/sua/", exemplars.ExemplarFormView.as_view(), name="exemplar_edit"),
    path("nguoi-cua-don-vi/", exemplars.PeopleOptionsView.as_view(),
         name="people_options"),
    path("sang-kien/", initiatives.InitiativeListView.as_view(), name="initiative_list"),
    path("sang-kien/them/", initiatives.InitiativeFormView.as_view(), name="initiative_create"),
    path("sang-kien/nhap-excel/", importing.ImportStartView.as_view(),
         name="initiative_import_start"),
    path("sang-kien/nhap-excel/<int:pk>/", importing.ImportView.as_view(),
         name="initiative_import"),
    path("sang-kien/nhap-excel/<int:pk>/mau/<slug:kind>/", importing.ImportTemplateView.as_view(),
         name="initiative_import_template"),
    path("sang-kien/<int:pk>/sua/", initiatives.InitiativeFormView.as_view(),
         name="initiative_edit"),
    # Inspections, events and the exemplars a review names.
    path("kiem-tra/", inspections.InspectionListView.as_view(), name="inspection_list"),
    path("kiem-tra/them/", inspections.InspectionFormView.as_view(), name="inspection_create"),
    path("kiem-tra/<int:pk>/", inspections.InspectionDetailView.as_view(),
         name="inspection_detail"),
    path("kiem-tra/<int:pk>/sua/", inspections.InspectionFormView.as_view(),
         name="inspection_edit"),
    path("su-kien/", events.EventListView.as_view(), name="event_list"),
    path("su-kien/them/", events.EventFormView.as_view(), name="event_create"),
    path("su-kien/<int:pk>/", events.EventDetailView.as_view(), name="event_detail"),
    path("su-kien/<int:pk>/sua/", events.EventFormView.as_view(), name="event_edit"),
    path("so-ket-tong-ket/<int:pk>/dien-hinh/", reviews.ReviewExemplarsView.as_view(),
         name="review_exemplars"),
]
