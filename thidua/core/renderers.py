"""The form renderer: Django's own, with the commonest widgets (text-like inputs and selects)
written out in Python.

Django renders every widget through its templates, and a select includes one template per option
and another per attribute list: a list page's filter form (a unit kind select, a province select
of 34…) spent about half of the organisation list's Python in those includes
(bench/RESULTS.md, "Pages"). The functions below give byte for byte what the templates give
(escaping, localisation and whitespace included; tests/core/test_renderers.py compares them);
any other widget, a custom option template or a request-aware render goes to the templates."""
from django.forms.renderers import DjangoTemplates
from django.template.defaultfilters import stringformat
from django.utils.formats import localize
from django.utils.html import conditional_escape
from django.utils.safestring import SafeData
from django.utils.timezone import template_localtime

INPUT_TEMPLATES = frozenset(f"django/forms/widgets/{name}.html" for name in (
    "checkbox", "color", "date", "datetime", "email", "file", "hidden", "number", "password",
    "search", "tel", "text", "time", "url"))
SELECT_TEMPLATE = "django/forms/widgets/select.html"
OPTION_TEMPLATE = "django/forms/widgets/select_option.html"


def _value(value):
    """``{{ value }}`` in an autoescaping template (template.base.render_value_in_context)."""
    value = localize(template_localtime(value))
    return conditional_escape(value if issubclass(type(value), str) else str(value))


def _formatted(value):
    """``{{ value|stringformat:'s' }}``: the filter keeps a safe string safe (a safe string
    formatted with "%s" is itself, so it is passed as it is)."""
    return _value(value if isinstance(value, SafeData) else stringformat(value, "s"))


def _attrs(attrs):
    """django/forms/widgets/attrs.html"""
    return "".join(
        f" {_value(name)}" if value is True else f' {_value(name)}="{_formatted(value)}"'
        for name, value in attrs.items() if value is not False)


def _input(widget):
    """django/forms/widgets/input.html (and the templates that only include it), stripped."""
    value = f' value="{_formatted(widget["value"])}"' if widget["value"] is not None else ""
    return (f'<input type="{_value(widget["type"])}" name="{_value(widget["name"])}"{value}'
            f'{_attrs(widget["attrs"])}>')


def _select(widget):
    """django/forms/widgets/select.html with select_option.html, stripped; None when an option
    has a template of its own."""
    parts = [f'<select name="{_value(widget["name"])}"{_attrs(widget["attrs"])}>']
    for group_name, group_choices, _index in widget["optgroups"]:
        if group_name:
            parts.append(f'\n  <optgroup label="{_value(group_name)}">')
        for option in group_choices:
            if option["template_name"] != OPTION_TEMPLATE:
                return None
            parts.append(f'\n  <option value="{_formatted(option["value"])}"'
                         f'{_attrs(option["attrs"])}>{_value(option["label"])}</option>\n')
        if group_name:
            parts.append("\n  </optgroup>")
    parts.append("\n</select>")
    return "".join(parts)


class FastWidgetRenderer(DjangoTemplates):
    def render(self, template_name, context, request=None):
        widget = context.get("widget") if request is None and len(context) == 1 else None
        html = None
        if widget is not None and template_name in INPUT_TEMPLATES:
            html = _input(widget)
        elif widget is not None and template_name == SELECT_TEMPLATE:
            html = _select(widget)
        return html if html is not None else super().render(template_name, context, request)
