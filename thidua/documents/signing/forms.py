from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


class PdfCheckForm(forms.Form):
    """"Kiểm tra tệp PDF": a signed PDF a visitor wants checked against the registry."""

    file = forms.FileField(label=_("Tệp PDF đã ký"),
                           help_text=_("Quyết định đã ký số, hoặc bằng khen, giấy khen đã đóng dấu "
                                       "số; tối đa 10 MB."))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > settings.THIDUA_UPLOAD_MAX_BYTES:
            raise ValidationError(_("Tệp quá lớn."))
        data = upload.read()
        if not data.startswith(b"%PDF"):
            raise ValidationError(_("Tệp không phải là PDF."))
        return data
