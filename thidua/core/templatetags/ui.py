"""Template helpers for Bootstrap forms and lists."""
from django import forms, template

register = template.Library()


@register.filter
def widget_with_bootstrap(bound_field):
    """Render a bound field's widget with Bootstrap classes and ARIA error wiring."""
    widget = bound_field.field.widget
    if isinstance(widget, (forms.CheckboxInput, forms.RadioSelect, forms.CheckboxSelectMultiple)):
        css = "form-check-input"
    elif isinstance(widget, forms.Select):
        css = "form-select"
    else:
        css = "form-control"
    attrs = {"class": f"{css} is-invalid" if bound_field.errors else css}
    if bound_field.errors:
        attrs["aria-invalid"] = "true"
        attrs["aria-describedby"] = f"{bound_field.auto_id}_errors"
    elif bound_field.help_text:
        attrs["aria-describedby"] = f"{bound_field.auto_id}_help"
    return bound_field.as_widget(attrs=attrs)


@register.filter
def is_checkbox(bound_field):
    return isinstance(bound_field.field.widget, forms.CheckboxInput)


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
    choices = dict(getattr(field, "flatchoices", None) or ())
    return choices.get(value, value)
