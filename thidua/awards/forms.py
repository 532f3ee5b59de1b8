from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from thidua.core.widgets import DateInput

from .eligibility import TYPES
from .models import Award, AwardType, Discipline, Hold, IssuerKind, Rating
from .qualification import ALMOST, ELIGIBLE


def year_choices():
    this_year = timezone.localdate().year
    return [(year, year) for year in range(this_year + 1, this_year - 15, -1)]


def type_choices():
    return [("", _("Tất cả"))] + [(code, kind.label) for code, kind in TYPES.items()]


class QualificationForm(forms.Form):
    year = forms.TypedChoiceField(label=_("Năm xét"), coerce=int, choices=year_choices)
    award_type = forms.ChoiceField(label=_("Danh hiệu, hình thức"), required=False,
                                   choices=type_choices)
    status = forms.ChoiceField(label=_("Kết quả"), required=False, choices=[
        ("", _("Đủ và gần đủ")), (ELIGIBLE, _("Đủ điều kiện")), (ALMOST, _("Còn thiếu một điều kiện"))])


class AwardForm(forms.ModelForm):
    issuer_kind = forms.ChoiceField(
        label=_("Loại cơ quan quyết định"), required=False,
        choices=[("", _("Tự nhận biết theo tên"))] + IssuerKind.choices,
        help_text=_("Chọn khi tên cơ quan chưa có trong hệ thống, ví dụ Chủ tịch UBND cấp xã."))

    class Meta:
        model = Award
        fields = ["award_type", "year", "decision_number", "decision_date", "issuer_name",
                  "issuer_kind", "register_number"]
        widgets = {"decision_date": DateInput()}
        help_texts = {"issuer_name": _("Ghi đúng như trên quyết định, ví dụ UBND xã Phong Điền.")}

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
