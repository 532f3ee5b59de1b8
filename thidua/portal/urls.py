"""Portal URLs. Included last at the site root, so every page sits under /p/<site>/; a site with its
own hostname gets the same pages at its root through ``PortalHostMiddleware``. The CAPTCHA
package's views are mounted here too (it names its URLs without a namespace)."""
from django.urls import include, path

from .feeds import AtomFeed, RssFeed
from .sitemaps import sitemap_view
from .views import files, public, sections, staff

site_patterns = [
    path("", public.HomeView.as_view(), name="home"),
    path("gioi-thieu/", sections.AboutView.as_view(), name="about"),
    path("tin-tuc/", public.ArticleListView.as_view(), name="articles"),
    path("tin-tuc/<int:pk>/", public.ArticleView.as_view(), name="article"),
    path("tin-tuc/<int:pk>/ban-in/", public.ArticlePrintView.as_view(), name="article_print"),
    path("tin-tuc/<int:pk>/binh-luan/", public.CommentView.as_view(), name="comment"),
    path("rss/", RssFeed(), name="rss"),
    path("atom/", AtomFeed(), name="atom"),
    path("sitemap.xml", sitemap_view, name="sitemap"),
    path("dien-hinh/", sections.ExemplarListView.as_view(), name="exemplars"),
    path("dien-hinh/<int:pk>/", sections.ExemplarView.as_view(), name="exemplar"),
    path("bang-vang/", sections.HonourRollView.as_view(), name="honour_roll"),
    path("van-ban/", sections.DocumentListView.as_view(), name="documents"),
    path("van-ban/<int:pk>/", sections.DocumentView.as_view(), name="document"),
    path("hoi-dap/", sections.QuestionsView.as_view(), name="questions"),
    path("hoi-dap/gui-cau-hoi/", sections.AskView.as_view(), name="ask"),
    path("thu-vien/", sections.GalleryView.as_view(), name="gallery"),
    path("thong-ke/", sections.StatisticsView.as_view(), name="statistics"),
    path("tep/<str:kind>/<int:pk>/<str:field>/", files.PublicFileView.as_view(), name="file"),
    path("bieu-trung/", files.LogoView.as_view(), name="logo"),
    path("cong-khai/<str:token>/", sections.PublicityView.as_view(), name="publicity"),
    path("quan-ly/", staff.DashboardView.as_view(), name="staff"),
    path("quan-ly/cong/", staff.SiteSettingsView.as_view(), name="staff_site"),
    path("quan-ly/tin-bai/", staff.ArticleListView.as_view(), name="staff_articles"),
    path("quan-ly/tin-bai/them/", staff.ArticleCreateView.as_view(), name="staff_article_add"),
    path("quan-ly/tin-bai/<int:pk>/", staff.ArticleUpdateView.as_view(), name="staff_article"),
    path("quan-ly/chuyen-muc/", staff.CategoryListView.as_view(), name="staff_categories"),
    path("quan-ly/chuyen-muc/them/", staff.CategoryCreateView.as_view(),
         name="staff_category_add"),
    path("quan-ly/chuyen-muc/<int:pk>/", staff.CategoryUpdateView.as_view(),
         name="staff_category"),
    path("quan-ly/van-ban/", staff.DocumentListView.as_view(), name="staff_documents"),
    path("quan-ly/van-ban/them/", staff.DocumentCreateView.as_view(), name="staff_document_add"),
    path("quan-ly/van-ban/<int:pk>/", staff.DocumentUpdateView.as_view(), name="staff_document"),
    path("quan-ly/thu-vien/", staff.GalleryListView.as_view(), name="staff_gallery"),
    path("quan-ly/thu-vien/them/", staff.GalleryCreateView.as_view(), name="staff_gallery_add"),
    path("quan-ly/thu-vien/<int:pk>/", staff.GalleryUpdateView.as_view(),
         name="staff_gallery_item"),
    path("quan-ly/binh-luan/", staff.CommentQueueView.as_view(), name="staff_comments"),
    path("quan-ly/binh-luan/<int:pk>/", staff.ModerateView.as_view(), name="staff_moderate"),
    path("quan-ly/hoi-dap/", staff.QuestionQueueView.as_view(), name="staff_questions"),
    path("quan-ly/hoi-dap/<int:pk>/", staff.AnswerView.as_view(), name="staff_answer"),
]

portal_patterns = [
    path("", staff.SiteIndexView.as_view(), name="index"),
    path("<slug:site>/", include(site_patterns)),
]

urlpatterns = [
    path("captcha/", include("captcha.urls")),
    path("p/", include((portal_patterns, "portal"))),
]
