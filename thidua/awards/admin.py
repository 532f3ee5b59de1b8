"""The award catalogue in the Django admin, versioned: a rule in force is never changed in place.

Editing a version whose period has started may only touch its name, order, active flag and end
date; any other change is refused with a pointer to "Lưu thành bản mới" (save as new), which
creates the next version and ends the previous one the day before the new one starts. Every
change is kept by django-simple-history ("Lịch sử" on each row).
"""
from datetime import timedelta

from django import forms
from django.contrib import admin
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from .catalogue import TYPES
from .models import AwardQuota, AwardType, BaseSalary, ConferralPower, Issuer


class AwardTypeForm(forms.ModelForm):
    class Meta:
        model = AwardType
        fields = "__all__"

    def clean(self):
        data = super().clean()
        version = self.instance
        if "_saveasnew" in self.data:
            if not data.get("valid_from"):
                raise forms.ValidationError({"valid_from": _(
                    "Phiên bản mới cần ngày áp dụng.")})
            version.closes_previous = True
            return data
        if not version.pk:
            return data
        started = version.valid_from is None or version.valid_from <= timezone.localdate()
        changed = [name for name in AwardType.RULE_FIELDS  # the instance still holds the old
                   if name in data and data[name] != getattr(version, name)]
        if started and changed:
            labels = ", ".join(str(AwardType._meta.get_field(name).verbose_name)
                               for name in changed)
            raise forms.ValidationError(_(
                "Phiên bản này đang có hiệu lực nên không sửa được quy tắc (%(fields)s). Hãy nhập "
                "ngày áp dụng mới và chọn “Lưu thành bản mới”: phiên bản cũ sẽ hết hiệu lực từ "
                "ngày hôm trước.") % {"fields": labels})
        return data


@admin.register(AwardType)
class AwardTypeAdmin(SimpleHistoryAdmin):
    form = AwardTypeForm
    save_as = True
    list_display = ["code", "name", "name_en", "category", "authority_level", "valid_from",
                    "valid_to", "is_active", "machine_checked"]
    list_filter = ["category", "subject_kind", "authority_level", "is_active"]
    search_fields = ["code", "name", "name_en", "abbreviation", "abbreviation_en"]

    @admin.display(description=_("kiểm tra tự động"), boolean=True)
    def machine_checked(self, obj):
        """Whether the eligibility engine checks the type by machine for some subject, as the
        catalogue declares it (``awards/catalogue.py``); unknown for a code it does not
        declare."""
        kind = TYPES.get(obj.code)
        return None if kind is None else kind.machine_checked

    @transaction.atomic
    def save_model(self, request, obj, form, change):
        """Saving as new: the previous version of the code ends the day before this one starts."""
        if "_saveasnew" in request.POST and obj.valid_from:
            for previous in AwardType.objects.filter(
                    code=obj.code, valid_from__lt=obj.valid_from, valid_to__isnull=True) | \
                    AwardType.objects.filter(code=obj.code, valid_from__isnull=True,
                                             valid_to__isnull=True):
                previous.valid_to = obj.valid_from - timedelta(days=1)
                previous.save(update_fields=["valid_to"])  # through save: history keeps it
        super().save_model(request, obj, form, change)


@admin.register(AwardQuota)
class AwardQuotaAdmin(SimpleHistoryAdmin):
    list_display = ["organization", "award_type", "subject_kind", "basis", "percent", "max_count",
                    "year_from", "year_to"]
    list_filter = ["basis", "subject_kind"]
    autocomplete_fields = ["organization"]
    search_fields = ["organization__name", "award_type__code"]


@admin.register(BaseSalary)
class BaseSalaryAdmin(SimpleHistoryAdmin):
    list_display = ["amount", "effective_from", "legal_text", "legal_basis", "replaced_from",
                    "confirmed"]


@admin.register(Issuer)
class IssuerAdmin(SimpleHistoryAdmin):
    list_display = ["name", "kind", "organization", "valid_from", "valid_to"]
    list_filter = ["kind"]
    search_fields = ["name"]
    raw_id_fields = ["organization"]


@admin.register(ConferralPower)
class ConferralPowerAdmin(SimpleHistoryAdmin):
    list_display = ["issuer_kind", "award_code", "valid_from", "valid_to", "legal_text", "article",
                    "confirmed"]
    list_filter = ["issuer_kind", "award_code", "confirmed"]
