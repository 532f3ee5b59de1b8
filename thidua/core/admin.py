from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import CalendarException


@admin.register(CalendarException)
class CalendarExceptionAdmin(SimpleHistoryAdmin):
    list_display = ["date", "is_working_day", "note"]
    list_filter = ["is_working_day"]
    date_hierarchy = "date"
