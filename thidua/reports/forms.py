"""Scope, period and ad-hoc report forms, and the E&C department and staff records; every
message is shown beside the form, never a 500."""
from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from thidua.organizations import scoping
from thidua.organizations.models import Organization, OrganizationKind, Person

from . import adhoc
from .models import REPORTING_KINDS, ECDepartment, ECStaffMember, ReportSource, SavedReport
from .scope import ScopeError, resolve, scope_choices
from .statutory.definitions import FORMS

MIN_YEAR, MAX_YEAR = 1990, 2100


class ScopeForm(forms.Form):
    """A unit the user may see (default: their own top unit) and a year."""

    unit = forms.CharField(label=_("Đơn vị"), required=False, widget=forms.Select)
    year = forms.IntegerField(label=_("Năm"), min_value=MIN_YEAR, max_value=MAX_YEAR,
                              required=False)

    def __init__(self, user, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["unit"].widget.choices = scope_choices(user)

    def clean_unit(self):
        """Any unit the user may see, offered in the list or typed into the address."""
        try:
            self.scope = resolve(self.user, self.cleaned_data.get("unit"))
        except ScopeError as error:
            raise forms.ValidationError(str(error)) from None
        return self.scope.organization.pk

    def clean_year(self):
        return self.cleaned_data.get("year") or timezone.localdate().year


class PeriodForm(ScopeForm):
    """A scope and a period of whole years (a statutory form covers one or several years)."""

    year = None
    form = forms.ChoiceField(label=_("Biểu"), choices=[(k, f"Biểu {k}") for k in FORMS])
    year_from = forms.IntegerField(label=_("Từ năm"), min_value=MIN_YEAR, max_value=MAX_YEAR)
    year_to = forms.IntegerField(label=_("Đến năm"), min_value=MIN_YEAR, max_value=MAX_YEAR)

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("year_from"), cleaned.get("year_to")
        if start and end and end < start:
            raise forms.ValidationError(_("Năm kết thúc phải bằng hoặc sau năm bắt đầu."))
        if start and end and end - start > 10:
            raise forms.ValidationError(_("Kỳ báo cáo dài nhất là 10 năm."))
        return cleaned


class AdhocForm(ScopeForm):
    """Dimensions, a measure and filters over one source; see ``adhoc`` for what each means."""

    year = None
    source = forms.ChoiceField(label=_("Nguồn số liệu"), choices=ReportSource.choices)
    rows = forms.ChoiceField(label=_("Hàng theo"))
    columns = forms.ChoiceField(label=_("Cột theo"), required=False)
    measure = forms.ChoiceField(label=_("Số đo"))
    year_from = forms.IntegerField(label=_("Từ năm"), min_value=MIN_YEAR, max_value=MAX_YEAR)
    year_to = forms.IntegerField(label=_("Đến năm"), min_value=MIN_YEAR, max_value=MAX_YEAR)
    award_type = forms.TypedChoiceField(label=_("Chỉ danh hiệu, hình thức"), coerce=int,
                                        required=False, empty_value=None)

    def __init__(self, user, *args, **kwargs):
        super().__init__(user, *args, **kwargs)
        self.fields["rows"].choices = adhoc.all_dimension_choices()
        self.fields["columns"].choices = [("", _("(không chia cột)")),
                                          *adhoc.all_dimension_choices()]
        self.fields["measure"].choices = adhoc.all_measure_choices()
        self.fields["award_type"].choices = [("", _("Tất cả")), *adhoc.award_type_choices()]

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("year_from"), cleaned.get("year_to")
        if start and end and end < start:
            self.add_error("year_to", _("Năm kết thúc phải bằng hoặc sau năm bắt đầu."))
        source = cleaned.get("source")
        if source:
            allowed = adhoc.SOURCES[source]
            for name in ("rows", "columns"):
                value = cleaned.get(name)
                if value and value not in allowed.dimensions:
                    self.add_error(name, _("Nguồn số liệu này không chia được theo tiêu chí đã chọn."))
            if cleaned.get("measure") and cleaned["measure"] not in allowed.measures:
                self.add_error("measure", _("Nguồn số liệu này không có số đo đã chọn."))
            if cleaned.get("rows") and cleaned.get("rows") == cleaned.get("columns"):
                self.add_error("columns", _("Chọn tiêu chí cột khác tiêu chí hàng."))
        return cleaned

    def definition(self):
        data = self.cleaned_data
        return {key: data.get(key) for key in ("rows", "columns", "measure", "year_from",
                                                "year_to", "award_type")}


class SaveReportForm(forms.ModelForm):
    class Meta:
        model = SavedReport
        fields = ["name", "shared_with"]

    def __init__(self, user, *args, **kwargs):
        super().__init__(*args, **kwargs)
        own = [row[1] for row in scoping.assignments(user)]
        self.fields["shared_with"].queryset = Organization.objects.filter(pk__in=own)
        self.fields["shared_with"].required = False


def reporting_units(user):
    """The VCA or provincial alliances where the user keeps the E&C data (Biểu 0604–0605)."""
    return Organization.objects.filter(scoping.organization_q(user, scoping.NETWORK_EDITORS),
                                       kind__in=REPORTING_KINDS).order_by("path")


class ReportingUnitForm(forms.ModelForm):
    """A record of one of the user's reporting units (the only one, preselected, for most)."""

    def __init__(self, user, *args, **kwargs):
        super().__init__(*args, **kwargs)
        units = reporting_units(user)
        self.fields["organization"].queryset = units
        if self.instance.pk is None and len(units) == 1:
            self.fields["organization"].initial = units[0].pk
        for field in self.fields.values():
            if isinstance(field, forms.IntegerField):  # Django's own Vietnamese is unclear here
                field.error_messages["invalid"] = _("Hãy ghi năm bằng chữ số, ví dụ 1985.")


class ECDepartmentForm(ReportingUnitForm):
    class Meta:
        model = ECDepartment
        fields = ["organization", "name", "level", "start_year", "end_year"]


class ECStaffMemberForm(ReportingUnitForm):
    class Meta:
        model = ECStaffMember
        fields = ["organization", "full_name", "gender", "birth_year", "training_level",
                  "ec_since_year", "start_year", "end_year", "person"]

    def __init__(self, user, *args, **kwargs):
        super().__init__(user, *args, **kwargs)
        # The link is for the alliances' own staff (their departments included), not for the
        # network's members, who would make the list endless.
        units = Organization.objects.filter(
            scoping.organization_q(user, scoping.NETWORK_EDITORS),
            kind__in=[*REPORTING_KINDS, OrganizationKind.ALLIANCE_DEPARTMENT])
        self.fields["person"].queryset = Person.objects.in_scope(
            Q(employments__organization__in=units)).filter(
            scoping.current_employment_q("employments__")).distinct().order_by("sort_key")
