from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from thidua.organizations.forms import DateInput

from .eligibility import TYPES
from .models import Award, AwardType, Discipline, Hold, Rating
from .qualification import ALMOST, ELIGIBLE


def year_choices():
    this_year = timezone.localdate().year
    return [(year, year) for year in range(this_year + 1, this_year - 15, -1)]


class QualificationForm(forms.Form):
    year = forms.TypedChoiceField(label=_("Năm xét"), coerce=int, choices=year_choices)
    award_type = forms.ChoiceField(label=_("Danh hiệu, hình thức"), required=False,
                                   choices=[("", _("Tất cả"))] + [(c, n) for c, (_s, n) in TYPES.items()])
    status = forms.ChoiceField(label=_("Kết quả"), required=False, choices=[
        ("", _("Đủ và gần đủ")), (ELIGIBLE, _("Đủ điều kiện")), (ALMOST, _("Còn thiếu một điều kiện"))])


class AwardForm(forms.ModelForm):
    class Meta:
        model = Award
        fields = ["award_type", "year", "decision_number", "decision_date", "issuer_name",
                  "register_number"]
        widgets = {"decision_date": DateInput()}

    def __init__(self, *args, collective=False, **kwargs):
        super().__init__(*args, **kwargs)
        kinds = ["COLLECTIVE", "BOTH"] if collective else ["INDIVIDUAL", "BOTH"]
        self.fields["award_type"].queryset = AwardType.objects.filter(subject_kind__in=kinds,
                                                                      is_active=True)


class RatingForm(forms.Form):
    year = forms.IntegerField(label=_("Năm"), min_value=1990, max_value=2100)
    rating = forms.ChoiceField(label=_("Xếp loại"), choices=Rating.choices)
    source = forms.CharField(label=_("Căn cứ"), max_length=200, required=False)


class DisciplineForm(forms.ModelForm):
    class Meta:
        model = Discipline
        fields = ["year", "level", "decision"]


class HoldForm(forms.ModelForm):
    class Meta:
        model = Hold
        fields = ["reason", "start_date", "end_date", "note"]
        widgets = {"start_date": DateInput(), "end_date": DateInput()}
