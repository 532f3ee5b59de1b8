"""Forms of the dossier screens; validation of the domain rules stays in ``workflow``."""
from django import forms
from django.db.models import Exists, OuterRef, Subquery
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from thidua.awards.issuing import may_confer, power_table, powers_on, unit_issuer_kinds
from thidua.awards.models import AwardType
from thidua.core.fields import IdsChoiceField
from thidua.movements.models import Movement
from thidua.organizations.models import Employment, Organization, Person
from thidua.organizations.scoping import current_employment_q, organization_q

from .models import NominationBatch
from .rules import PROPOSERS
from .states import AttachmentKind, SubjectKind


def deciding_levels(proposer, day=None):
    """The units that may decide a tờ trình of ``proposer``: the proposer and its ancestors,
    those the catalogue of conferral powers lets confer at least one form on ``day``."""
    conferring = set(powers_on(day or timezone.localdate()).values_list(
        "issuer_kind", flat=True).distinct())
    levels = [unit.pk for unit in proposer.ancestors(include_self=True)
              if conferring & set(unit_issuer_kinds(unit))]
    return Organization.objects.filter(pk__in=levels).order_by("path")


class BatchForm(forms.ModelForm):
    """Step 1. The deciding level is chosen among the proposer's own levels (``deciding_levels``):
    changing the proposer reloads that list (htmx asks this page again with the proposer)."""

    class Meta:
        model = NominationBatch
        fields = ["proposer", "authority", "title", "reference", "year", "basis", "movement",
                  "movement_name", "procedure", "simplified_reason"]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        proposers = Organization.objects.filter(organization_q(user, PROPOSERS)).order_by("path")
        self.fields["proposer"].queryset = proposers
        self.fields["proposer"].widget.attrs.update({
            "hx-get": reverse("nominations:batch_create"), "hx-trigger": "change",
            "hx-include": "this", "hx-target": "#id_authority", "hx-select": "#id_authority",
            "hx-swap": "outerHTML"})
        proposer = self.chosen_proposer(proposers)
        authority = self.fields["authority"]
        authority.queryset = deciding_levels(proposer) if proposer else Organization.objects.none()
        authority.help_text = _("Đơn vị đề nghị hoặc một cấp trên của đơn vị đó có thẩm quyền "
                                "khen thưởng.") if proposer else _(
            "Chọn đơn vị đề nghị trước: danh sách gồm đơn vị đó và các cấp trên của nó.")
        self.fields["movement"].queryset = Movement.objects.visible_to(user).select_related(
            "launched_by").order_by("-start_date", "title")
        # A movement and the one deploying it at a lower level share their title.
        self.fields["movement"].label_from_instance = movement_label
        if proposer and not self.is_bound and not self.initial.get("proposer"):
            self.initial["proposer"] = proposer.pk  # the user's only proposing unit


    def chosen_proposer(self, proposers):
        """The proposer posted or asked for, else the user's only one; None if not yet known."""
        key = self.data.get("proposer") or self.initial.get("proposer")
        if key:
            return proposers.filter(pk=key).first() if str(key).isdigit() else None
        return proposers.first() if proposers[:2].count() == 1 else None


def movement_label(movement):
    """A movement's title and the unit that launched it ("… — LMHTX Huế")."""
    unit = movement.launched_by
    return f"{movement.title} — {unit.short_name or unit.name}"


class PersonLabels:
    """People told apart from namesakes: birth year, position and unit (``people_under``)."""

    def label_from_instance(self, person):
        return person_label(person)


class PersonChoiceField(PersonLabels, forms.ModelChoiceField):
    pass


class PeopleChoiceField(PersonLabels, IdsChoiceField):
    pass


def person_label(person):
    born = person.birth_date.year if person.birth_date else "—"
    job = ", ".join(part for part in (getattr(person, "job_position", ""),
                                       getattr(person, "job_unit", "")) if part)
    return f"{person.full_name} ({born})" + (f" — {job}" if job else "")


def people_under(unit):
    """People currently working in ``unit``'s subtree (a unit the caller checked), with their
    position and unit there."""
    here = Employment.objects.filter(current_employment_q(), person=OuterRef("pk"),
                                     organization__path__startswith=unit.path).order_by(
        "-start_date", "-pk")
    return Person.objects.in_scope(Exists(here)).annotate(
        job_position=Subquery(here.values("position")[:1]),
        job_unit=Subquery(here.values("organization__name")[:1])).order_by("sort_key", "pk")


def types_in_force():
    """The catalogue's versions in force today (one per code)."""
    return AwardType.objects.filter(is_active=True).in_force(timezone.localdate())


class AwardTypeChoiceField(forms.ModelChoiceField):
    """The forms of the catalogue, each saying whether the batch's deciding level confers it or
    the tờ trình will go up to a higher level for it (``for_authority``)."""

    def for_authority(self, authority):
        day = timezone.localdate()
        powers, kinds = power_table(), unit_issuer_kinds(authority)
        self.queryset = types_in_force()
        self.decided_here = {code for code in self.queryset.values_list("code", flat=True)
                             if any(may_confer(powers, kind, code, day) for kind in kinds)}

    def label_from_instance(self, award_type):
        here = award_type.code in getattr(self, "decided_here", ())
        return f"{award_type.label} — " + (_("cấp xét quyết định") if here
                                          else _("trình cấp trên quyết định"))


class NomineeForm(forms.Form):
    subject_kind = forms.ChoiceField(label=_("Đối tượng"), choices=SubjectKind.choices)
    award_type = AwardTypeChoiceField(label=_("Danh hiệu, hình thức"),
                                      queryset=AwardType.objects.filter(is_active=True))
    person = PersonChoiceField(label=_("Cá nhân (hoặc chủ hộ)"), required=False,
                               queryset=Person.objects.none())
    organization = forms.ModelChoiceField(label=_("Tập thể"), required=False,
                                          queryset=Organization.objects.none())
    household_name = forms.CharField(label=_("Tên hộ gia đình"), required=False, max_length=200)
    achievement = forms.CharField(label=_("Tóm tắt thành tích"), widget=forms.Textarea(
        attrs={"rows": 3}), required=False)

    def __init__(self, *args, batch, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = people_under(batch.proposer)
        self.fields["award_type"].for_authority(batch.authority)
        self.fields["organization"].queryset = Organization.objects.subtree(
            batch.proposer, include_self=True)


class ManyNomineesForm(forms.Form):
    award_type = AwardTypeChoiceField(label=_("Danh hiệu, hình thức"),
                                      queryset=AwardType.objects.filter(is_active=True))
    people = PeopleChoiceField(label=_("Chọn nhiều cá nhân"), queryset=Person.objects.none(),
                               widget=forms.CheckboxSelectMultiple)
    achievement = forms.CharField(label=_("Tóm tắt thành tích chung"), required=False,
                                  widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, batch, **kwargs):
        # Its own ids: it shares the page (and two field names) with NomineeForm, whose
        # "id_award_type" its label pointed to.
        kwargs.setdefault("auto_id", "many_%s")
        super().__init__(*args, **kwargs)
        self.fields["people"].queryset = people_under(batch.proposer)
        self.fields["award_type"].for_authority(batch.authority)


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
