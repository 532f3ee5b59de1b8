from django.contrib import admin

from .models import Article, Category, Comment, GalleryItem, LegalDocument, Question, Site


@admin.register(Site)
class SiteAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "hostname", "organization", "is_active"]
    search_fields = ["name", "slug", "hostname"]
    raw_id_fields = ["organization"]


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["title", "site", "kind", "status", "publish_at", "view_count"]
    list_filter = ["site", "kind", "status"]
    search_fields = ["title"]


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    list_display = ["name", "article", "status", "created_at"]
    list_filter = ["status"]


admin.site.register([Category, LegalDocument, GalleryItem, Question])
