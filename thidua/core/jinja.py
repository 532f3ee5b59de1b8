"""The rows of the busiest lists, rendered by Jinja2 (the second template engine in settings).

A list page's 25 rows are much of its template time in Django's engine: every ``{{ }}`` walks
the variable resolver and every filter is a call (bench/RESULTS.md, "Pages"). Jinja2 compiles a
template to Python code, so the same rows cost half as much. Only row fragments live here
(``thidua/jinja2/``); pages stay Django templates and include them with ``{% rows %}``
(``thidua.core.templatetags.ui``). Row templates hold data only: the words they show come from
the Django template that includes them, so ``makemessages`` finds every string as before.
"""
from jinja2 import Environment


def dmy(value, placeholder="—"):
    """A date as dd/mm/yyyy, the app's date in every language (``thidua/formats``), or
    ``placeholder`` when empty; Django's ``date`` filter parses its format string on each call."""
    return f"{value.day:02}/{value.month:02}/{value.year}" if value else placeholder


def environment(**options):
    options.pop("autoescape", None)  # row templates are HTML: always escaped, whatever settings say
    env = Environment(autoescape=True, **options)
    env.filters["dmy"] = dmy
    return env
