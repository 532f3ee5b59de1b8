"""Forms of the dossier screens; validation of the domain rules stays in ``workflow``."""
from django import forms
from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from thidua.awards.models import AwardType
from thidua.movements.models import Movement
from thidua.organizations.models import Employment, Organization, Person
from thidua.organizations.scoping import current_employment_q, organization_q

from .models import NominationBatch
from .rules import PROPOSERS
from .states import AttachmentKind, SubjectKind


class BatchForm(forms.ModelForm):
    class Meta:
        model = NominationBatch
        fields = ["proposer", "authority", "title", "reference", "year", "basis", "movement",
                  "movement_name", "procedure", "simplified_reason"]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["proposer"].queryset = Organization.objects.filter(
            organization_q(user, PROPOSERS)).order_by("path")
        self.fields["authority"].queryset = Organization.objects.filter(
            kind__in=["NATIONAL_ALLIANCE", "PROVINCIAL_ALLIANCE", "COOPERATIVE_UNION"]
        ) | self.fields["proposer"].queryset
        self.fields["authority"].help_text = _("Đơn vị đề nghị hoặc một cấp trên của đơn vị đó.")
        self.fields["movement"].queryset = Movement.objects.visible_to(user).order_by(
            "-start_date", "title")


def people_under(unit):
    here = Employment.objects.filter(current_employment_q(), person=OuterRef("pk"),
                                     organization__path__startswith=unit.path)
    return Person.objects.filter(Exists(here)).order_by("sort_key", "pk")


def types_in_force():
    """The catalogue's versions in force today (one per code)."""
    return AwardType.objects.filter(is_active=True).in_force(timezone.localdate())


class NomineeForm(forms.Form):
    subject_kind = forms.ChoiceField(label=_("Đối tượng"), choices=SubjectKind.choices)
    award_type = forms.ModelChoiceField(label=_("Danh hiệu, hình thức"),
                                       queryset=AwardType.objects.filter(is_active=True))
    person = forms.ModelChoiceField(label=_("Cá nhân (hoặc chủ hộ)"), required=False,
                                    queryset=Person.objects.none())
    organization = forms.ModelChoiceField(label=_("Tập thể"), required=False,
                                          queryset=Organization.objects.none())
    household_name = forms.CharField(label=_("Tên hộ gia đình"), required=False, max_length=200)
    achievement = forms.CharField(label=_("Tóm tắt thành tích"), widget=forms.Textarea(
        attrs={"rows": 3}), required=False)

    def __init__(self, *args, batch, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = people_under(batch.proposer)
        self.fields["award_type"].queryset = types_in_force()
        self.fields["organization"].queryset = Organization.objects.subtree(
            batch.proposer, include_self=True)


class ManyNomineesForm(forms.Form):
    award_type = forms.ModelChoiceField(label=_("Danh hiệu, hình thức"),
                                        queryset=AwardType.objects.filter(is_active=True))
    people = forms.ModelMultipleChoiceField(label=_("Chọn nhiều cá nhân"),
                                            queryset=Person.objects.none(),
                                            widget=forms.CheckboxSelectMultiple)
    achievement = forms.CharField(label=_("Tóm tắt thành tích chung"), required=False,
                                  widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, batch, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["people"].queryset = people_under(batch.proposer)
        self.fields["award_type"].queryset = types_in_force()


class AttachmentForm(forms.Form):
    kind = forms.ChoiceField(label=_("Loại tài liệu"), choices=AttachmentKind.choices)
    item = forms.ModelChoiceField(label=_("Của người, tập thể"), required=False, queryset=None)
    file = forms.FileField(label=_("Tệp (PDF, DOCX, XLSX, JPEG, PNG; tối đa 10 MB)"))

    def __init__(self, *args, batch, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["item"].queryset = batch.items.select_related("person", "organization",
                                                                   "award_type")


class CommentForm(forms.Form):
    name = forms.CharField(label=_("Họ và tên"), max_length=120)
    contact = forms.CharField(label=_("Điện thoại hoặc thư điện tử"), max_length=120,
                              required=False)
    body = forms.CharField(label=_("Ý kiến"), max_length=4000, widget=forms.Textarea(
        attrs={"rows": 4}))
    answer = forms.CharField(label=_("Kết quả phép tính"), max_length=4)
    token = forms.CharField(widget=forms.HiddenInput)
