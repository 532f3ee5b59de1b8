from django.contrib import admin

from .models import DepartmentField


@admin.register(DepartmentField)
class DepartmentFieldAdmin(admin.ModelAdmin):
    """Each department's field (which nominees it is asked about), set by the administrators."""

    list_display = ["department", "subject_kind"]
    list_filter = ["subject_kind"]
    raw_id_fields = ["department"]
    filter_horizontal = ["award_types"]
