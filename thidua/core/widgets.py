"""Form widgets of the design system (docs/ui.md). The browser side lives in static/thidua/app.js:
it attaches the vendored calendar to ``data-datepicker`` boxes and the vendored searchable select
(Tom Select) to ``data-search-select`` lists and to any list longer than it allows without search."""
from django import forms
from django.utils.translation import gettext_lazy as _

DATE_ATTRS = {"placeholder": "dd/mm/yyyy", "inputmode": "numeric", "autocomplete": "off",
              "data-datepicker": ""}


class DateInput(forms.DateInput):
    """A text box that shows and accepts dd/mm/yyyy, with a calendar attached by app.js.

    Not ``type=date``: a native date box shows the browser's own order (mm/dd/yyyy in an English
    browser), and officials type dates the way they write them. The server also takes ISO dates
    (DATE_INPUT_FORMATS in thidua/formats)."""

    input_type = "text"

    def __init__(self, attrs=None, format=None):
        super().__init__(attrs={**DATE_ATTRS, **(attrs or {})}, format=format or "%d/%m/%Y")


class AnyYesNo(forms.NullBooleanSelect):
    """A yes/no filter of a list page: its empty choice keeps every row ("Tất cả"), where
    Django's own list says "Unknown" as if it were a value."""

    def __init__(self, attrs=None):
        super().__init__(attrs)
        self.choices = [("unknown", _("Tất cả")), ("true", _("Có")), ("false", _("Không"))]
