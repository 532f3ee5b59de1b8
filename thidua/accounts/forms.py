from django import forms
from django.utils.translation import gettext_lazy as _


class TokenNameForm(forms.Form):
    """The name a user gives a new API token (a CharField refuses NUL characters, which
    PostgreSQL cannot store)."""

    name = forms.CharField(max_length=100, error_messages={
        "required": _("Hãy đặt tên gợi nhớ cho mã truy cập (ví dụ: Báo cáo tỉnh)."),
        "max_length": _("Tên gợi nhớ dài tối đa 100 ký tự."),
        "null_characters_not_allowed": _("Tên gợi nhớ không được chứa ký tự rỗng (NUL)."),
    })
