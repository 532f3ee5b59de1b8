"""Forms for the records. They only parse input; the rules (ranges, order of dates,
scope) live in ``services`` so pages and any future API share them."""
from django import forms
from django.db.models import Count, Exists, OuterRef
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from thidua.core.fields import IdsChoiceField
from thidua.core.widgets import DateInput
from thidua.movements.models import Movement, Review
from thidua.organizations.forms import OrganizationCodeField
from thidua.organizations.models import Employment, Organization, Person
from thidua.organizations.scoping import current_employment_q

from .models import (CooperationProgramme, Event, Exemplar, Initiative, Inspection, Pledge,
                     ProgrammeTarget, TieBreak)

TEXTAREA = forms.Textarea(attrs={"rows": 4})


def people_of(unit):
    """People currently working at ``unit`` (one the caller checked) or a unit below it, in
    Vietnamese name order."""
    if unit is None:
        return Person.objects.none()
    employments = Employment.objects.filter(current_employment_q(), person=OuterRef("pk"),
                                            organization__path__startswith=unit.path)
    return Person.objects.in_scope(Exists(employments)).order_by("sort_key", "pk")


class UnitPeopleMixin:
    """A form with a unit typed by code and people of that unit to pick: the choice list follows
    the unit (htmx reloads it when the code changes; a post validates against the typed unit)."""

    people_field = None

    def setup_people(self, units):
        self.fields["unit"].queryset = units
        code = self.data.get(self.add_prefix("unit")) if self.is_bound else None
        if code:  # a NUL is no code (and PostgreSQL refuses it in a query)
            unit = units.filter(code=code.strip()).first() if "\x00" not in code else None
        else:
            unit = self.instance.unit if self.instance.unit_id else None
        people = self.fields[self.people_field]
        people.queryset = people_of(unit)
        people.error_messages["invalid_choice"] = _(
            "Người được chọn không công tác tại đơn vị đã nhập mã.")
        people.error_messages["invalid_pk_value"] = people.error_messages["invalid_choice"]
        self.fields["unit"].widget.attrs.update({
            "hx-get": reverse("records:people_options"), "hx-trigger": "change",
            "hx-target": f"#{self[self.people_field].auto_id}", "hx-swap": "innerHTML"})


class PledgeForm(forms.ModelForm):
    class Meta:
        model = Pledge
        fields = ["content", "targets", "signing_date"]
        widgets = {"signing_date": DateInput(), "content": TEXTAREA, "targets": TEXTAREA}


class SignatureForm(forms.Form):
    member = forms.ModelChoiceField(label=_("Đơn vị ký"), queryset=None)
    signer_title = forms.CharField(label=_("Chức vụ người ký"), max_length=100, required=False)
    signed_on = forms.DateField(label=_("Ngày ký"), widget=DateInput())

    def __init__(self, *args, members=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["member"].queryset = members
        self.fields["signed_on"].initial = timezone.localdate()


class MovementCriteriaField(forms.ModelChoiceField):
    """A movement by its title, launching level and year: a level's own movement derived from the
    one above keeps its title, so the title alone does not tell the two apart."""

    def label_from_instance(self, movement):
        unit = movement.launched_by
        return _("%(title)s — %(unit)s, %(year)s (%(n)s tiêu chí)") % {
            "title": movement.title, "unit": unit.short_name or unit.name,
            "year": str(movement.start_date.year), "n": movement.n}


class NewSheetForm(forms.Form):
    """Starting a bloc's score sheet from the criteria of a movement running in the group's year
    (copied into the sheet, where they stay editable), or from none."""

    movement = MovementCriteriaField(label=_("Lấy tiêu chí từ phong trào"), required=False,
                                     queryset=Movement.objects.none(),
                                     empty_label=_("— Không lấy, tự nhập tiêu chí —"))
    tie_break = forms.ChoiceField(label=_("Cách xếp khi bằng điểm"), choices=TieBreak.choices)

    def __init__(self, *args, user, group, **kwargs):
        super().__init__(*args, **kwargs)
        movements = Movement.objects.visible_to(user).filter(
            start_date__year__lte=group.year, end_date__year__gte=group.year).annotate(
            n=Count("criteria")).filter(n__gt=0).select_related("launched_by").order_by(
            "-start_date", "title", "launched_by__path")
        self.fields["movement"].queryset = movements
        if movements[:2].count() == 1:
            self.fields["movement"].initial = movements[0].pk


class SheetForm(forms.Form):
    tie_break = forms.ChoiceField(label=_("Cách xếp khi bằng điểm"), choices=TieBreak.choices)
    is_open = forms.BooleanField(label=_("Cho các đơn vị tự chấm"), required=False)


class CriterionForm(forms.Form):
    name = forms.CharField(label=_("Tiêu chí"), max_length=300)
    max_points = forms.IntegerField(label=_("Điểm tối đa"), min_value=1, max_value=1000)


class AdjustForm(forms.Form):
    score = forms.TypedChoiceField(label=_("Đơn vị – tiêu chí"), coerce=int)
    points = forms.CharField(label=_("Điểm thẩm định"), max_length=10)
    reason = forms.CharField(label=_("Lý do điều chỉnh"), max_length=300, required=False)

    def __init__(self, *args, scores=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["score"].choices = [
            (s.pk, f"{s.member.name} – {s.criterion.name}") for s in scores]


class ProgrammeForm(forms.ModelForm):
    class Meta:
        model = CooperationProgramme
        fields = ["owner", "title", "partners", "signed_on", "start_year", "end_year",
                  "commitments", "final_review"]
        widgets = {"signed_on": DateInput(), "commitments": TEXTAREA, "final_review": TEXTAREA}
        field_classes = {"owner": OrganizationCodeField}

    def __init__(self, *args, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = units


class TargetForm(forms.ModelForm):
    class Meta:
        model = ProgrammeTarget
        fields = ["year", "indicator", "label", "minimum", "maximum", "entered_actual",
                  "actual_source", "review_note"]
        widgets = {"review_note": TEXTAREA}


class ExemplarForm(UnitPeopleMixin, forms.ModelForm):
    people_field = "person"

    class Meta:
        model = Exemplar
        fields = ["unit", "person", "title", "story", "field", "is_new_model", "movement",
                  "found_on", "nurtured_on", "honoured_on", "replicated_on"]
        widgets = {"story": TEXTAREA, "found_on": DateInput(), "nurtured_on": DateInput(),
                   "honoured_on": DateInput(), "replicated_on": DateInput()}
        field_classes = {"unit": OrganizationCodeField}
        help_texts = {"person": _("Để trống nếu là tập thể, cách làm hay.")}

    def __init__(self, *args, units=None, movements=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.setup_people(units)
        self.fields["movement"].queryset = movements


class AdvanceForm(forms.Form):
    on = forms.DateField(label=_("Ngày chuyển giai đoạn"), widget=DateInput())


class InitiativeForm(UnitPeopleMixin, forms.ModelForm):
    people_field = "authors"

    class Meta:
        model = Initiative
        fields = ["title", "kind", "unit", "authors", "scope", "year", "recognised_by",
                  "recognised_on", "decision_reference", "summary"]
        widgets = {"recognised_on": DateInput(), "summary": TEXTAREA,
                   "authors": forms.SelectMultiple(attrs={"size": 6})}
        field_classes = {"unit": OrganizationCodeField, "authors": IdsChoiceField}
        help_texts = {"authors": _("Người đang công tác tại đơn vị áp dụng; danh sách tải theo "
                                   "mã đơn vị.")}

    def __init__(self, *args, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.setup_people(units)


class InspectionForm(forms.ModelForm):
    inspected_units = forms.CharField(
        label=_("Đơn vị được kiểm tra"), widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Mã các đơn vị, cách nhau bởi dấu phẩy hoặc xuống dòng."))

    class Meta:
        model = Inspection
        fields = ["organizer", "movement", "team", "inspected_units", "start_date", "end_date",
                  "status", "findings", "recommendations"]
        widgets = {"start_date": DateInput(), "end_date": DateInput(), "team": TEXTAREA,
                   "findings": TEXTAREA, "recommendations": TEXTAREA}
        field_classes = {"organizer": OrganizationCodeField}

    def __init__(self, *args, units=None, movements=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organizer"].queryset = units
        self.fields["movement"].queryset = movements
        if self.instance.pk:
            self.initial["inspected_units"] = ", ".join(
                self.instance.inspected_units.values_list("code", flat=True))

    def clean_inspected_units(self):
        codes = [c.strip() for c in self.cleaned_data["inspected_units"].replace("\n", ",")
                 .split(",") if c.strip()]
        found = Organization.objects.in_bulk(codes, field_name="code")
        missing = [c for c in codes if c not in found]
        if missing:
            raise forms.ValidationError(_("Không tìm thấy đơn vị có mã: %(codes)s.")
                                        % {"codes": ", ".join(missing)})
        return [found[c] for c in dict.fromkeys(codes)]


class EventForm(forms.ModelForm):
    class Meta:
        model = Event
        fields = ["organizer", "kind", "title", "held_on", "period_label", "summary", "reviews",
                  "exemplars"]
        widgets = {"held_on": DateInput(), "summary": TEXTAREA}
        field_classes = {"organizer": OrganizationCodeField, "reviews": IdsChoiceField,
                         "exemplars": IdsChoiceField}

    def __init__(self, *args, units=None, reviews=None, exemplars=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organizer"].queryset = units
        self.fields["reviews"].queryset = reviews if reviews is not None else Review.objects.none()
        self.fields["exemplars"].queryset = exemplars
        self.fields["reviews"].required = self.fields["exemplars"].required = False
