"""The E&C departments and staff (Biểu 0604–0605) in the Django admin, with their history
("Lịch sử" on each row); officials enter them on /bao-cao/bo-may/ and /bao-cao/can-bo/."""
from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import ECDepartment, ECStaffMember


@admin.register(ECDepartment)
class ECDepartmentAdmin(SimpleHistoryAdmin):
    list_display = ["name", "organization", "level", "start_year", "end_year"]
    list_filter = ["level"]
    list_select_related = ["organization"]
    search_fields = ["name", "organization__name"]
    raw_id_fields = ["organization"]


@admin.register(ECStaffMember)
class ECStaffMemberAdmin(SimpleHistoryAdmin):
    list_display = ["full_name", "organization", "gender", "birth_year", "training_level",
                    "ec_since_year", "start_year", "end_year"]
    list_filter = ["training_level", "gender"]
    list_select_related = ["organization"]
    search_fields = ["full_name", "organization__name"]
    raw_id_fields = ["organization", "person"]
