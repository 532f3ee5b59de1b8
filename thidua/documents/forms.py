from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from thidua.awards.models import AwardType
from thidua.core.uploads import validate_image

from .certificates import DEFAULT_FIELDS, FIELD_LABELS
from .models import CertificateTemplate, TemplateKind
from .wordfiles import check_template

MAX_LOGO_BYTES = 2 * 1024 * 1024

BOLD = _("chữ đậm")


class WordTemplateForm(forms.Form):
    kind = forms.ChoiceField(label=_("Loại văn bản"), choices=TemplateKind.choices)
    file = forms.FileField(label=_("Tệp mẫu (.docx)"))

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("kind") and cleaned.get("file"):
            try:
                check_template(cleaned["file"], cleaned["kind"])
            except ValidationError as error:
                self.add_error("file", error)
        return cleaned


class CertificateTemplateForm(forms.ModelForm):
    """The template's settings plus, per field, its position (mm), size (pt) and weight; blank
    position fields keep the default layout."""

    class Meta:
        model = CertificateTemplate
        fields = ["award_type", "paper", "preprinted", "authority_line", "offset_x", "offset_y",
                  "logo"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["award_type"].queryset = AwardType.objects.filter(is_active=True)
        saved = self.instance.fields or {}
        for name, default in DEFAULT_FIELDS.items():
            own = saved.get(name, {})
            for key, label, bounds in (("x", _("ngang (mm)"), (0, 460)),
                                       ("y", _("dọc (mm)"), (0, 460)),
                                       ("width", _("rộng (mm)"), (5, 460)),
                                       ("size", _("cỡ chữ (pt)"), (0, 96))):
                self.fields[f"{name}_{key}"] = forms.DecimalField(
                    label=f"{FIELD_LABELS[name]} — {label}", required=False, min_value=bounds[0],
                    max_value=bounds[1], decimal_places=1, initial=own.get(key))
            self.fields[f"{name}_bold"] = forms.BooleanField(
                label=f"{FIELD_LABELS[name]} — {BOLD}", required=False,
                initial=own.get("bold", default["bold"]))
        for name, field in self.fields.items():
            widget = field.widget
            css = ("form-check-input" if isinstance(widget, forms.CheckboxInput) else
                   "form-select" if isinstance(widget, forms.Select) else "form-control")
            widget.attrs["class"] = css
            if "_" in name and name.rsplit("_", 1)[0] in DEFAULT_FIELDS:
                widget.attrs["aria-label"] = str(field.label)

    def clean_logo(self):
        logo = self.cleaned_data.get("logo")
        if logo and logo != self.initial.get("logo"):
            validate_image(logo, MAX_LOGO_BYTES)
        return logo

    def field_rows(self):
        """The per-field inputs grouped by field, for the template."""
        return [(FIELD_LABELS[name], [self[f"{name}_{key}"] for key in
                                      ("x", "y", "width", "size", "bold")])
                for name in DEFAULT_FIELDS]

    def clean(self):
        cleaned = super().clean()
        if self.instance.organization_id and CertificateTemplate.objects.filter(
                organization_id=self.instance.organization_id,
                award_type=cleaned.get("award_type")).exclude(pk=self.instance.pk).exists():
            raise ValidationError(_("Đơn vị đã có mẫu in cho loại khen thưởng này."))
        return cleaned

    def save(self, commit=True):
        positions = {}
        for name, default in DEFAULT_FIELDS.items():
            spec = {key: float(self.cleaned_data[f"{name}_{key}"])
                    for key in ("x", "y", "width", "size")
                    if self.cleaned_data.get(f"{name}_{key}") is not None}
            if self.cleaned_data[f"{name}_bold"] != default["bold"]:
                spec["bold"] = self.cleaned_data[f"{name}_bold"]
            if spec:
                positions[name] = spec
        self.instance.fields = positions
        return super().save(commit)
