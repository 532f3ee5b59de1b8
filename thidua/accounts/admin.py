from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from simple_history.admin import SimpleHistoryAdmin

from .models import ApiToken, RoleAssignment, User


class RoleAssignmentInline(admin.TabularInline):
    model = RoleAssignment
    extra = 0
    raw_id_fields = ["organization"]


@admin.register(User)
class ThiduaUserAdmin(UserAdmin, SimpleHistoryAdmin):
    inlines = [RoleAssignmentInline]
    list_display = ["username", "first_name", "last_name", "email", "is_active", "is_demo"]
    list_filter = ["is_active", "is_demo", "is_superuser", "role_assignments__role"]
    fieldsets = UserAdmin.fieldsets + ((None, {"fields": ["is_demo"]}),)


@admin.register(RoleAssignment)
class RoleAssignmentAdmin(SimpleHistoryAdmin):
    list_display = ["user", "role", "organization", "include_descendants"]
    list_filter = ["role", "include_descendants"]
    search_fields = ["user__username", "organization__name", "organization__code"]
    raw_id_fields = ["user", "organization"]


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ["name", "user", "prefix", "created_at", "expires_at", "last_used_at",
                    "revoked_at", "revoked_reason"]
    readonly_fields = ["prefix", "created_at", "last_used_at", "revoked_at", "revoked_reason"]
    search_fields = ["name", "user__username"]
