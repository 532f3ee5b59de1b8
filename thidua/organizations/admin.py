from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import (Employment, EmulationGroup, EmulationGroupMembership, Organization, Person,
                     PersonalDataAccess)
from .scoping import search_q


# The admin is for staff granted model permissions; it lists people whole, not by unit.
ADMIN_READS = "Django admin: staff with model permissions work on the whole table"


class NormalisedSearchMixin:
    """Admin search that ignores diacritics, like the rest of the site."""

    search_fields = ["search_text"]

    def get_search_results(self, request, queryset, search_term):
        return (queryset.filter(search_q(search_term)) if search_term else queryset), False


@admin.register(Organization)
class OrganizationAdmin(NormalisedSearchMixin, SimpleHistoryAdmin):
    list_display = ["code", "name", "kind", "province_name", "status"]
    list_filter = ["kind", "status", "sector", "is_new_model"]
    readonly_fields = ["path", "depth", "numchild"]
    raw_id_fields = ["merged_into"]


class MembershipInline(admin.TabularInline):
    model = EmulationGroupMembership
    extra = 0
    raw_id_fields = ["organization"]


@admin.register(EmulationGroup)
class EmulationGroupAdmin(NormalisedSearchMixin, SimpleHistoryAdmin):
    list_display = ["name", "year", "kind", "owner"]
    list_filter = ["year", "kind"]
    inlines = [MembershipInline]
    raw_id_fields = ["owner"]

    def get_queryset(self, request):
        return super().get_queryset(request).unscoped(ADMIN_READS)


class EmploymentInline(admin.TabularInline):
    model = Employment
    extra = 0
    raw_id_fields = ["organization"]

    def get_queryset(self, request):
        return super().get_queryset(request).unscoped(ADMIN_READS)


@admin.register(Person)
class PersonAdmin(NormalisedSearchMixin, SimpleHistoryAdmin):
    """Citizen IDs are never shown here; the person page reveals them to allowed roles, logged."""

    list_display = ["full_name", "gender", "birth_date"]
    exclude = ["citizen_id_encrypted", "citizen_id_digest"]
    inlines = [EmploymentInline]

    def get_queryset(self, request):
        return super().get_queryset(request).unscoped(ADMIN_READS)


@admin.register(PersonalDataAccess)
class PersonalDataAccessAdmin(admin.ModelAdmin):
    list_display = ["accessed_at", "user", "person", "field"]
    raw_id_fields = ["user", "person"]

    def has_change_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request):
        return False
