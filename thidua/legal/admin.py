from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import LegalBasis, LegalText, OwnBasis, Regime, RegimeRule


@admin.register(LegalText)
class LegalTextAdmin(SimpleHistoryAdmin):
    list_display = ["short_name", "number", "kind", "effective_from", "effective_to", "confirmed"]
    list_filter = ["kind", "confirmed"]
    search_fields = ["key", "number", "title", "short_name"]


@admin.register(LegalBasis)
class LegalBasisAdmin(SimpleHistoryAdmin):
    list_display = ["label", "topic", "subject", "legal_text", "article", "valid_from", "valid_to"]
    list_filter = ["topic", "legal_text"]
    search_fields = ["label", "subject", "article"]


@admin.register(OwnBasis)
class OwnBasisAdmin(SimpleHistoryAdmin):
    list_display = ["organization", "kind", "wording", "valid_from", "valid_to"]
    list_filter = ["kind"]
    raw_id_fields = ["organization"]


class RegimeRuleInline(admin.TabularInline):
    model = RegimeRule
    extra = 0


@admin.register(Regime)
class RegimeAdmin(SimpleHistoryAdmin):
    list_display = ["name", "engine", "valid_from", "valid_to", "confirmed"]
    list_filter = ["confirmed", "engine"]
    inlines = [RegimeRuleInline]
