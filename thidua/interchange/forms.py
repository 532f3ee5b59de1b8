"""Upload forms and the review form, whose fields follow the intake's rows."""
from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from thidua.organizations.models import Gender, Organization

from .catalogue import Catalogue
from .commit import NEW_CHOICE, SKIP_CHOICE, Review, default_choice, guessed_gender
from .intake import too_big
from .matching import AMBIGUOUS, MATCHED, NEW

ACCEPT = (".docx,.xlsx,application/vnd.openxmlformats-officedocument.wordprocessingml.document,"
          "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one field (Django's documented pattern)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ACCEPT}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        files = [single(item, initial) for item in data] if isinstance(data, (list, tuple)) \
            else [single(data, initial)]
        for upload in files:
            if upload.size > settings.THIDUA_UPLOAD_MAX_BYTES:
                raise forms.ValidationError(too_big(upload))
        return files


class IntakeFilesForm(forms.Form):
    files = MultipleFileField(label=_("Tờ trình, danh sách kèm theo, báo cáo thành tích (.docx) "
                                      "hoặc danh sách Excel (.xlsx)"))
    proposer = forms.CharField(
        label=_("Mã đơn vị đề nghị"), required=False, max_length=32,
        help_text=_("Để trống: hệ thống đọc tên đơn vị ở phần đầu tờ trình. Bắt buộc khi chỉ "
                    "gửi danh sách Excel."))

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_proposer(self):
        code = self.cleaned_data["proposer"].strip()
        if not code:
            return None
        unit = Organization.objects.filter(code__iexact=code).first()
        if unit is None or not self.user.has_perm("nominations.propose_for", unit):
            raise forms.ValidationError(_("Không có đơn vị mã %(code)s trong phạm vi của bạn.")
                                        % {"code": code})
        return unit


class PackageForm(forms.Form):
    package = forms.FileField(label=_("Gói hồ sơ (.zip)"),
                              widget=forms.ClearableFileInput(attrs={"accept": ".zip"}))


class ReviewForm(forms.Form):
    """The batch's heading fields, then per row the match, the award type and (for people to be
    created) the gender; then the past awards to record."""

    authority = forms.ModelChoiceField(label=_("Cấp xét khen thưởng"), queryset=None)
    title = forms.CharField(label=_("Trích yếu"), max_length=300)
    reference = forms.CharField(label=_("Số tờ trình"), max_length=64, required=False)
    year = forms.IntegerField(label=_("Năm thành tích"), min_value=1990, max_value=2100)
    submit = forms.BooleanField(label=_("Gửi tờ trình ngay sau khi tạo"), required=False)

    def __init__(self, *args, intake, **kwargs):
        initial = {"authority": intake.authority_id, "title": intake.title,
                   "reference": intake.reference, "year": intake.year}
        super().__init__(*args, initial=initial, **kwargs)
        self.intake = intake
        proposer = intake.proposer
        self.fields["authority"].queryset = proposer.ancestors(include_self=True)
        awards = [("", _("— chọn —"))] + Catalogue().choices()
        self.rows = []
        for index, row in enumerate(intake.rows):
            names = {"choice": f"choice-{index}", "award": f"award-{index}",
                     "gender": f"gender-{index}"}
            self.fields[names["choice"]] = forms.ChoiceField(
                label=_("Đối tượng dòng %(n)s") % {"n": index + 1}, choices=self._choices(row),
                initial=default_choice(row), required=False)
            self.fields[names["award"]] = forms.ChoiceField(
                label=_("Danh hiệu, hình thức dòng %(n)s") % {"n": index + 1}, choices=awards,
                initial=row["award"], required=False)
            if row["match"]["status"] in {NEW, AMBIGUOUS} and row["kind"] != "COLLECTIVE":
                self.fields[names["gender"]] = forms.ChoiceField(
                    label=_("Giới tính dòng %(n)s") % {"n": index + 1}, choices=Gender.choices,
                    initial=guessed_gender(row))
            self.rows.append((index, row, {key: self[name] for key, name in names.items()
                                           if name in self.fields}))
        self.fields["past"] = forms.MultipleChoiceField(
            label=_("Khen thưởng đã nhận cần ghi vào sổ"), required=False,
            choices=[(str(i), str(i)) for i in range(len(intake.past_awards))],
            widget=forms.CheckboxSelectMultiple)

    @staticmethod
    def _choices(row):
        match = row["match"]
        choices = [("", _("— chọn —"))] if match["status"] == AMBIGUOUS else []
        if match["status"] == MATCHED:
            choices.append((str(match["id"]), match["label"]))
        choices += [(str(c["id"]), c["label"]) for c in match["choices"]]
        if match["status"] in {NEW, AMBIGUOUS} and match["unit_id"] and row["kind"] != "COLLECTIVE":
            choices.append((NEW_CHOICE, _("Thêm người mới vào %(unit)s") % {
                "unit": match["unit_label"]}))
        if not choices:
            choices.append(("", _("— không tìm thấy —")))
        choices.append((SKIP_CHOICE, _("Bỏ qua dòng này")))
        return choices

    def review(self):
        data = self.cleaned_data
        rows = {index: {key: data.get(f"{key}-{index}") for key in ("choice", "award", "gender")}
                for index in range(len(self.intake.rows))}
        return Review(authority=data["authority"], title=data["title"], year=data["year"],
                      reference=data["reference"], rows=rows,
                      past_awards={int(i) for i in data["past"]}, submit=data["submit"])
