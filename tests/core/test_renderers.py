"""The form renderer writes text inputs and selects in Python: its HTML must be the templates'
HTML, byte for byte, for every kind of value the templates treat specially."""
from datetime import date

from django import forms
from django.forms.renderers import DjangoTemplates
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from thidua.core.renderers import FastWidgetRenderer
from thidua.nominations.views.batches import BatchFilter
from thidua.organizations.filters import OrganizationFilter, PersonFilter


class Everything(forms.Form):
    text = forms.CharField(initial='a "quoted" <b>&amp;', max_length=20,
                           widget=forms.TextInput(attrs={"placeholder": _("Tìm"), "data-rows": 0,
                                                         "autofocus": True, "hidden": False}))
    safe = forms.CharField(initial=mark_safe("<i>safe</i>"))
    empty = forms.CharField(required=False)
    number = forms.IntegerField(initial=12345)
    day = forms.DateField(initial=date(2026, 12, 6), widget=forms.DateInput(attrs={"type": "date"}))
    hidden = forms.CharField(widget=forms.HiddenInput, initial="h")
    flag = forms.BooleanField(initial=True)
    mail = forms.EmailField(widget=forms.EmailInput(attrs={"class": "form-control is-invalid"}))
    kind = forms.ChoiceField(choices=[("", "—"), ("A&B", _("Hợp tác xã")), (3, "<ba>")],
                             initial="A&B")
    year = forms.TypedChoiceField(choices=[(y, y) for y in (2024, 2025, 12345)], initial=2025)
    grouped = forms.ChoiceField(choices=[("Miền Bắc", [("1", "Hà Nội")]), ("x", "ngoài nhóm"),
                                         ("Miền <Trung>", [("46", "Huế"), ("48", "Đà Nẵng")])])
    many = forms.MultipleChoiceField(choices=[("a", "A"), ("b", "B")], initial=["b"])
    notes = forms.CharField(widget=forms.Textarea, initial="not fast: a textarea")


def both(form):
    """{(field, attrs): [HTML by the templates, HTML by the fast renderer]}"""
    html = {}
    for renderer in (DjangoTemplates(), FastWidgetRenderer()):
        form.renderer = renderer
        for name in form.fields:
            for number, attrs in enumerate((None, {"class": "form-select", "aria-invalid": "true"})):
                html.setdefault((name, number), []).append(str(form[name].as_widget(attrs=attrs)))
    return html


def test_widgets_render_as_the_templates_do():
    for form in (Everything(), Everything(data={"text": "x'y", "kind": "3", "year": "2024",
                                                "grouped": "46", "many": ["a", "b"],
                                                "number": "not a number", "flag": ""})):
        for name, (templates, fast) in both(form).items():
            assert fast == templates, name


def test_filter_forms_render_as_the_templates_do(db):
    for filterset in (PersonFilter, OrganizationFilter, BatchFilter):
        for data in (None, {"q": "nguyễn <văn>", "page": "2"}):
            form = filterset(data, queryset=filterset._meta.model.objects.none()).form
            for name, (templates, fast) in both(form).items():
                assert fast == templates, (filterset.__name__, name)
