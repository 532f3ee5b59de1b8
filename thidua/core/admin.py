from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import CalendarException, Job


@admin.register(CalendarException)
class CalendarExceptionAdmin(SimpleHistoryAdmin):
    list_display = ["date", "is_working_day", "note"]
    list_filter = ["is_working_day"]
    date_hierarchy = "date"


@admin.register(Job)
class JobAdmin(admin.ModelAdmin):
    list_display = ["title", "status", "done", "total", "attempts", "created_by", "created_at"]
    list_filter = ["status"]
    readonly_fields = [field.name for field in Job._meta.fields]
