"""Form fields shared by the apps."""
from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

# The widest integer a primary key can hold in either database (64-bit signed).
LARGEST_ID = 2**63 - 1


class IdsChoiceField(forms.ModelMultipleChoiceField):
    """Django's multiple choice of records, refusing an id no database can hold as it refuses
    any unknown id: Django looks the chosen ids up with one ``pk__in`` query, where an id past
    64 bits raised OverflowError on SQLite (and an out-of-range error on PostgreSQL), a 500
    instead of "not a valid choice"."""

    def _check_values(self, value):
        for pk in value if isinstance(value, (list, tuple)) else ():
            try:
                too_wide = abs(int(str(pk).strip())) > LARGEST_ID
            except ValueError:
                continue  # not a number at all: Django's own check names it
            if too_wide:
                raise ValidationError(self.error_messages["invalid_pk_value"],
                                      code="invalid_pk_value", params={"pk": pk})
        return super()._check_values(value)


def chosen_ids(values):
    """The ids a page's checkboxes sent (``request.POST.getlist(...)``), as numbers. A value that
    is not an id any database can hold comes from a broken or forged form: ValidationError with a
    Vietnamese message, where looking it up would have been a 500."""
    if not all(str(value).isdigit() and int(value) <= LARGEST_ID for value in values):
        raise ValidationError(_("Lựa chọn gửi lên không hợp lệ (không phải mã của bản ghi nào). "
                                "Vui lòng tải lại trang rồi chọn lại."), code="invalid_ids")
    return [int(value) for value in values]
