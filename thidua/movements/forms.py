from django import forms
from django.forms import inlineformset_factory
from django.utils.translation import gettext_lazy as _

from thidua.core.fields import IdsChoiceField
from thidua.core.uploads import validate_upload
from thidua.core.widgets import DateInput
from thidua.organizations.forms import OrganizationCodeField
from thidua.organizations.models import EmploymentCategory

from .models import (Criterion, Movement, MovementDocument, PlannedAward, ProgressReport,
                     Registration, ReportSchedule, Review, ReviewProposal)


class MovementForm(forms.ModelForm):
    target_categories = forms.MultipleChoiceField(
        label=_("Đối tượng cá nhân"), required=False, choices=EmploymentCategory.choices,
        widget=forms.CheckboxSelectMultiple, help_text=_("Không chọn là mọi đối tượng."))
    chosen_units = forms.CharField(
        label=_("Mã các đơn vị được chọn"), required=False,
        help_text=_("Chỉ dùng khi chọn phạm vi là các đơn vị được chọn; cách nhau bởi dấu phẩy."))

    class Meta:
        model = Movement
        fields = ["kind", "title", "slogan", "goals", "content", "for_collectives",
                  "for_individuals", "for_households", "target_categories", "direct_workers_only",
                  "scope_chosen", "start_date", "end_date", "registration_deadline",
                  "midterm_review_date", "final_review_date"]
        widgets = {name: DateInput() for name in (
            "start_date", "end_date", "registration_deadline", "midterm_review_date",
            "final_review_date")} | {"goals": forms.Textarea(attrs={"rows": 3}),
                                      "content": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, launcher=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.launcher = launcher
        if self.instance.pk:
            self.initial["chosen_units"] = ", ".join(
                self.instance.chosen_units.values_list("code", flat=True))

    def clean_chosen_units(self):
        from thidua.organizations.models import Organization

        codes = [c.strip() for c in self.cleaned_data["chosen_units"].split(",") if c.strip()]
        units = list(Organization.objects.subtree(self.launcher).filter(code__in=codes))
        unknown = sorted(set(codes) - {u.code for u in units})
        if unknown:
            raise forms.ValidationError(_("Không có đơn vị cấp dưới mang mã: %(codes)s.") % {
                "codes": ", ".join(unknown)})
        return units

    def clean(self):
        data = super().clean()
        if data.get("scope_chosen") and not data.get("chosen_units"):
            self.add_error("chosen_units", _("Hãy nhập mã ít nhất một đơn vị được chọn."))
        return data


CriterionFormSet = inlineformset_factory(
    Movement, Criterion, fields=["name", "max_points", "weight", "evidence_required", "guidance"],
    extra=2, can_delete=True, widgets={"guidance": forms.TextInput()})
PlannedAwardFormSet = inlineformset_factory(
    Movement, PlannedAward, fields=["award_type", "count"], extra=1, can_delete=True)


class DocumentForm(forms.ModelForm):
    class Meta:
        model = MovementDocument
        fields = ["title", "file"]

    def clean_file(self):
        upload = self.cleaned_data["file"]
        validate_upload(upload)
        return upload


class RegistrationForm(forms.Form):
    collective_titles = IdsChoiceField(
        label=_("Danh hiệu tập thể đăng ký"), queryset=None, required=False,
        widget=forms.CheckboxSelectMultiple)
    targets = forms.CharField(label=_("Chỉ tiêu, cam kết"), required=False,
                              widget=forms.Textarea(attrs={"rows": 4}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["collective_titles"].queryset = award_types().filter(
            category="TITLE", subject_kind="COLLECTIVE", is_active=True)


def award_types():
    """The award catalogue, reached through a relation (movements sit below the awards app)."""
    return Registration._meta.get_field("collective_titles").related_model.objects.all()


class ReturnForm(forms.Form):
    reason = forms.CharField(label=_("Lý do trả lại"), widget=forms.Textarea(attrs={"rows": 2}))


class ScheduleForm(forms.ModelForm):
    class Meta:
        model = ReportSchedule
        fields = ["year", "period", "due_date", "closes_on"]
        widgets = {"due_date": DateInput(), "closes_on": DateInput()}
        help_texts = {"due_date": _("Để trống để tính theo số ngày làm việc sau khi hết kỳ.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["due_date"].required = False


class ReportForm(forms.ModelForm):
    class Meta:
        model = ProgressReport
        fields = ["text", "participants", "exemplars_found", "initiatives", "new_cooperatives",
                  "file"]
        widgets = {"text": forms.Textarea(attrs={"rows": 6})}

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload and hasattr(upload, "content_type"):
            validate_upload(upload)
        return upload


class ReviewForm(forms.ModelForm):
    class Meta:
        model = Review
        fields = ["kind", "held_on", "summary", "participants", "exemplars_found", "initiatives",
                  "new_cooperatives"]
        widgets = {"held_on": DateInput(), "summary": forms.Textarea(attrs={"rows": 5})}


class ProposalForm(forms.ModelForm):
    """A proposal for a person (among those registered or found as exemplars) or a unit (by code)."""

    organization = OrganizationCodeField(label=_("hoặc tập thể (mã đơn vị)"), required=False)

    class Meta:
        model = ReviewProposal
        fields = ["person", "organization", "award_type", "note"]

    def __init__(self, *args, people=None, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = people
        self.fields["person"].required = False
        self.fields["organization"].queryset = units

    def clean(self):
        data = super().clean()
        if bool(data.get("person")) == bool(data.get("organization")):
            raise forms.ValidationError(_("Chọn một cá nhân hoặc nhập mã một tập thể."))
        return data
