"""Template helpers of the design system (docs/ui.md): form fields, page headers, badges."""
from collections.abc import Hashable

from django import forms, template
from django.template import engines
from django.template.loader import render_to_string
from django.utils.html import format_html
from django.utils.translation import get_language
from markupsafe import Markup

from thidua.core.widgets import DATE_ATTRS

register = template.Library()

CHOICE_GROUPS = (forms.RadioSelect, forms.CheckboxSelectMultiple)
_EMPTY_FILTER_FIELDS = {}  # (FilterSet class, language): its empty form's fields, rendered


@register.filter
def widget_with_bootstrap(bound_field):
    """Render a bound field's widget with Bootstrap classes and ARIA error wiring; a date field
    left on Django's plain text box gets the dd/mm/yyyy calendar."""
    widget = bound_field.field.widget
    if isinstance(widget, (forms.CheckboxInput, *CHOICE_GROUPS)):
        css = "form-check-input"
    elif isinstance(widget, forms.Select):
        css = "form-select"
    else:
        css = "form-control"
    attrs = {"class": f"{css} is-invalid" if bound_field.errors else css}
    if isinstance(widget, forms.DateInput) and widget.input_type == "text":
        attrs.update({key: value for key, value in DATE_ATTRS.items() if key not in widget.attrs})
    describedby = _described_by(bound_field)
    if describedby:
        attrs["aria-describedby"] = describedby
    if bound_field.errors:
        attrs["aria-invalid"] = "true"
    return bound_field.as_widget(attrs=attrs)


def _described_by(bound_field):
    ids = []
    if bound_field.errors:
        ids.append(f"{bound_field.auto_id}_errors")
    if bound_field.help_text:
        ids.append(f"{bound_field.auto_id}_help")
    return " ".join(ids)


@register.filter
def is_checkbox(bound_field):
    return isinstance(bound_field.field.widget, forms.CheckboxInput)


@register.filter
def is_choice_group(bound_field):
    """Radio buttons or checkboxes for one field: rendered as a fieldset of wrapping columns."""
    return isinstance(bound_field.field.widget, CHOICE_GROUPS)


@register.filter
def is_wide(bound_field):
    """Fields that take the whole row of a form: text areas and choice groups."""
    return isinstance(bound_field.field.widget, (forms.Textarea, *CHOICE_GROUPS))


@register.filter
def choice_describedby(bound_field):
    return _described_by(bound_field)


@register.simple_block_tag
def page_header(content, title, subtitle="", meta=""):
    """``{% page_header title subtitle %}…action buttons…{% endpage_header %}``: the page's one
    h1, an optional second line and its actions on the right (below the title on a phone)."""
    return render_to_string("core/_page_header.html", {
        "title": title, "subtitle": subtitle, "meta": meta, "actions": content})


# Tones of the status badges, by the stored state value. Words, not only colour, carry the state.
TONES = {
    "DRAFT": "secondary", "PLANNED": "secondary", "PENDING": "secondary", "OPEN": "secondary",
    "SUBMITTED": "info", "RECEIVED": "info", "IN_APPRAISAL": "info", "PUBLICITY": "info",
    "AT_COUNCIL": "info", "FORWARDED": "info", "FOLLOWING_UP": "info",
    "LAUNCHED": "success", "APPROVED": "success", "DECIDED": "success", "ELIGIBLE": "success",
    "PASSED": "success", "AWARDED": "success", "DONE": "success", "ACTIVE": "success",
    "CLOSED": "dark", "RETURNED": "warning", "RETURNED_FOR_CORRECTION": "warning",
    "LATE": "warning", "REJECTED": "danger", "WITHDRAWN": "danger", "REVOKED": "danger",
    "NOT_ELIGIBLE": "danger", "FAILED": "danger", "NOT_AWARDED": "danger",
}


@register.simple_tag
def badge(label, state="", tone=""):
    """A status badge: ``{% badge obj.get_status_display obj.status %}``; the tone comes from the
    state value (TONES) unless given."""
    tone = tone or TONES.get(str(state).upper(), "secondary")
    return format_html('<span class="badge badge-state text-bg-{}">{}</span>', tone, label)


@register.filter
def history_changes(record):
    """[(field label, old, new)] between a django-simple-history record and the one before it."""
    previous = record.prev_record
    if previous is None:
        return []
    model = record.instance_type
    changes = []
    for change in record.diff_against(previous).changes:
        field = model._meta.get_field(change.field)
        label = getattr(field, "verbose_name", change.field)
        changes.append((label, _display(field, change.old), _display(field, change.new)))
    return changes


def _display(field, value):
    """A value as the history panel shows it: a choice by its label; the items of a list kept
    in a JSON field one by one (a list cannot be looked up among the choices)."""
    if isinstance(value, list):
        return ", ".join(str(_display(field, item)) for item in value)
    choices = dict(getattr(field, "flatchoices", None) or ())
    return choices.get(value, value) if isinstance(value, Hashable) else value


@register.simple_tag
def filter_fields(filterset):
    """A list's filter fields. A FilterSet whose form is the same for every user and request
    (``same_form_for_everyone``: fixed choices, no queryset) renders its empty form once per
    language and process: building and rendering it was about 1.4 ms of each list page
    (bench/RESULTS.md, "Pages"), and lists are mostly opened unfiltered."""
    if filterset.is_bound or not getattr(filterset, "same_form_for_everyone", False):
        return render_to_string("core/_filter_fields.html", {"filter": filterset})
    key = (type(filterset), get_language())
    html = _EMPTY_FILTER_FIELDS.get(key)
    if html is None:
        html = _EMPTY_FILTER_FIELDS[key] = render_to_string("core/_filter_fields.html",
                                                            {"filter": filterset})
    return html


@register.simple_tag
def rows(template_name, **values):
    """A list's rows from a Jinja2 row template (``thidua/core/jinja.py``)."""
    html = engines["jinja2"].get_template(template_name).template.render(values)
    return Markup(html)  # nosec B704: Jinja2 escaped every value (thidua.core.jinja.environment)
