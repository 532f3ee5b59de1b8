from django import forms
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from thidua.core.widgets import DateInput

from .geography import province_choices, ward
from .merging import check_merge
from .models import (Employment, EmulationGroup, EmulationGroupMembership, Organization,
                     OrganizationKind, OrganizationStatus, Person)
from .splitting import check_split, prepare
from .transfers import check_transfer

citizen_id_validator = RegexValidator(r"^\d{12}$", _("Số CCCD phải gồm 12 chữ số."))


class OrganizationCodeField(forms.ModelChoiceField):
    """Picks a unit by its code, so the form stays light with 100,000 units in scope."""

    default_error_messages = {
        "invalid_choice": _("Không tìm thấy đơn vị có mã này trong phạm vi của bạn."),
    }

    def __init__(self, queryset=None, **kwargs):
        kwargs["widget"] = forms.TextInput(attrs={"placeholder": _("Mã đơn vị")})
        kwargs["to_field_name"] = "code"
        super().__init__(queryset if queryset is not None else Organization.objects.none(), **kwargs)

    def to_python(self, value):
        if isinstance(value, str) and "\x00" in value:  # PostgreSQL refuses a NUL in a query
            raise forms.ValidationError(self.error_messages["invalid_choice"],
                                        code="invalid_choice")
        return super().to_python(value)


class OrganizationForm(forms.ModelForm):
    province_code = forms.TypedChoiceField(label=_("Tỉnh, thành phố"), coerce=int, required=False,
                                           empty_value=None)
    website = forms.URLField(label=_("Trang thông tin"), required=False, assume_scheme="https")
    ward_code = forms.IntegerField(label=_("Mã xã, phường"), required=False,
                                   help_text=_("Mã xã, phường theo danh mục sau sắp xếp 2025."))

    class Meta:
        model = Organization
        fields = ["kind", "code", "name", "short_name", "tax_code", "sector", "founding_date",
                  "is_new_model", "province_code", "ward_code", "address", "phone", "email",
                  "website", "status", "status_date", "merged_into"]
        widgets = {"founding_date": DateInput(), "status_date": DateInput()}
        field_classes = {"merged_into": OrganizationCodeField}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["province_code"].choices = [("", "—")] + province_choices()
        self.fields["merged_into"].queryset = Organization.objects.exclude(pk=self.instance.pk)

    def clean(self):
        data = super().clean()
        ward_code, province_code = data.get("ward_code"), data.get("province_code")
        if ward_code:
            found = ward(ward_code)
            if found is None:
                self.add_error("ward_code", _("Mã xã, phường %(code)s không có trong danh mục.")
                               % {"code": ward_code})
            elif province_code and int(found.province_code) != province_code:
                self.add_error("ward_code", _("Xã, phường này không thuộc tỉnh, thành phố đã chọn."))
            else:
                self.instance.ward_name = found.name
                data["province_code"] = int(found.province_code)
        if data.get("province_code") != self.instance.province_code:
            self.instance.province_name = ""  # recomputed from the new code on save
        return data


class PersonForm(forms.ModelForm):
    citizen_id = forms.CharField(label=_("Số CCCD"), required=False, max_length=12,
                                 validators=[citizen_id_validator],
                                 widget=forms.TextInput(attrs={"inputmode": "numeric",
                                                               "autocomplete": "off"}))

    class Meta:
        model = Person
        fields = ["family_name", "middle_name", "given_name", "gender", "birth_date", "ethnicity",
                  "citizen_id", "phone", "email"]
        widgets = {"birth_date": DateInput()}

    def __init__(self, *args, show_citizen_id=False, **kwargs):
        super().__init__(*args, **kwargs)
        if not show_citizen_id:
            del self.fields["citizen_id"]
        elif self.instance.pk:
            self.fields["citizen_id"].help_text = _("Đang lưu: %(masked)s. Để trống nếu không đổi.") % {
                "masked": self.instance.citizen_id_masked or "—"}

    def clean_citizen_id(self):  # whether someone else holds it: services (twins.find_twin)
        return self.cleaned_data["citizen_id"].strip()

    def save(self, commit=True):
        value = self.cleaned_data.get("citizen_id")
        if value:
            self.instance.citizen_id = value
        return super().save(commit)


class SaveAnywayForm(forms.Form):
    """Shown with a likely duplicate (services.DuplicatePerson): the user says the two are
    different people."""

    save_anyway = forms.BooleanField(
        label=_("Vẫn lưu: đây là hai người khác nhau"), required=False,
        help_text=_("Chỉ đánh dấu khi đã mở hồ sơ người có thể trùng và chắc chắn không phải "
                    "cùng một người."))


class EmploymentForm(forms.ModelForm):
    class Meta:
        model = Employment
        fields = ["organization", "position", "category", "membership", "member_kind",
                  "represents", "is_direct_worker", "start_date", "end_date"]
        widgets = {"start_date": DateInput(), "end_date": DateInput()}
        field_classes = {"organization": OrganizationCodeField}

    def __init__(self, *args, organizations=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = organizations


class TransferForm(EmploymentForm):
    close_current = forms.BooleanField(
        label=_("Kết thúc công tác hiện tại (điều chuyển)"), required=False,
        help_text=_("Các công tác đang mở sẽ kết thúc vào ngày trước ngày bắt đầu mới."))


class EmulationGroupForm(forms.ModelForm):
    class Meta:
        model = EmulationGroup
        fields = ["owner", "kind", "name", "year"]
        field_classes = {"owner": OrganizationCodeField}

    def __init__(self, *args, owners=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = owners


class MembershipForm(forms.ModelForm):
    class Meta:
        model = EmulationGroupMembership
        fields = ["organization", "role"]
        field_classes = {"organization": OrganizationCodeField}

    def __init__(self, *args, organizations=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = organizations


class MergeForm(forms.Form):
    """Merge the unit into another (``merging.merge_unit``)."""

    successor = OrganizationCodeField(label=_("Sáp nhập vào đơn vị (mã đơn vị)"))
    day = forms.DateField(label=_("Ngày sáp nhập"), widget=DateInput())
    accounts = forms.ChoiceField(
        label=_("Tài khoản của đơn vị bị sáp nhập"), widget=forms.RadioSelect,
        choices=[("lock", _("Khóa các tài khoản chỉ làm việc tại đơn vị này")),
                 ("move", _("Chuyển các tài khoản sang đơn vị nhận sáp nhập"))],
        initial="lock")

    def __init__(self, *args, absorbed, successors, **kwargs):
        super().__init__(*args, **kwargs)
        self.absorbed = absorbed
        self.fields["successor"].queryset = successors.exclude(pk=absorbed.pk)

    def clean(self):
        data = super().clean()
        if data.get("successor") and data.get("day"):
            check_merge(self.absorbed, data["successor"], data["day"])
        return data


class SplitForm(forms.Form):
    """Split new units off a unit and say who goes where (``splitting.split_unit``): up to
    ``ROWS`` new units (name, code, kind), and for each person working there one choice."""

    ROWS = 3
    day = forms.DateField(label=_("Ngày chia tách"), widget=DateInput(),
                          help_text=_("Người chuyển sang đơn vị mới kết thúc công tác ở đơn vị "
                                      "cũ vào ngày trước ngày này."))

    def __init__(self, *args, unit, employments, **kwargs):
        super().__init__(*args, **kwargs)
        self.unit, self.employments = unit, list(employments)
        for row in range(1, self.ROWS + 1):
            self.fields[f"name_{row}"] = forms.CharField(
                label=_("Tên đơn vị mới %(row)s") % {"row": row}, max_length=255,
                required=row == 1)
            self.fields[f"code_{row}"] = forms.CharField(
                label=_("Mã đơn vị mới %(row)s") % {"row": row}, max_length=32,
                required=row == 1)
            self.fields[f"kind_{row}"] = forms.ChoiceField(
                label=_("Loại hình đơn vị mới %(row)s") % {"row": row},
                choices=OrganizationKind.choices, initial=unit.kind, required=False)
        targets = [("", _("Ở lại đơn vị cũ"))] + [
            (str(row), _("Sang đơn vị mới %(row)s") % {"row": row})
            for row in range(1, self.ROWS + 1)]
        for job in self.employments:
            self.fields[f"move_{job.pk}"] = forms.ChoiceField(
                label=" — ".join(part for part in (job.person.full_name, job.position) if part),
                choices=targets, required=False)

    def unit_rows(self):
        """The bound fields of each new unit's row, for the page's table."""
        return [(row, self[f"name_{row}"], self[f"code_{row}"], self[f"kind_{row}"])
                for row in range(1, self.ROWS + 1)]

    def move_fields(self):
        return [(job, self[f"move_{job.pk}"]) for job in self.employments]

    def clean(self):
        data = super().clean()
        rows = {}
        for row in range(1, self.ROWS + 1):
            name, code = data.get(f"name_{row}", ""), data.get(f"code_{row}", "")
            if bool(name) != bool(code):
                self.add_error(f"code_{row}" if name else f"name_{row}",
                               _("Cần cả tên và mã của đơn vị mới."))
            elif name:
                rows[row] = Organization(name=name, code=code,
                                         kind=data.get(f"kind_{row}") or self.unit.kind)
        moves = {}
        for job in self.employments:
            target = data.get(f"move_{job.pk}")
            if target and int(target) not in rows:
                self.add_error(f"move_{job.pk}", _("Đơn vị mới này chưa có tên và mã."))
            elif target:
                moves[job.pk] = list(rows).index(int(target))
        if self.errors or not data.get("day"):
            return data
        data["new_units"], data["moves"] = list(rows.values()), moves
        check_split(self.unit, prepare(self.unit, data["new_units"], data["day"]), data["day"],
                    moves)
        return data


class EmploymentChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, employment):
        return " — ".join(part for part in (employment.organization.name, employment.position) if part)


class TransferRequestForm(forms.Form):
    """Ask another unit to take a person (``transfers.request_transfer``)."""

    employment = EmploymentChoiceField(label=_("Chuyển từ (công tác hiện tại)"), queryset=None,
                                       empty_label=None)
    to_unit = OrganizationCodeField(
        label=_("Đơn vị nhận (mã đơn vị)"),
        error_messages={"invalid_choice": _("Không tìm thấy đơn vị đang hoạt động có mã này.")})
    day = forms.DateField(label=_("Ngày chuyển"), widget=DateInput(),
                          help_text=_("Công tác hiện tại kết thúc vào ngày trước ngày chuyển."))
    position = forms.CharField(label=_("Chức vụ tại đơn vị nhận"), max_length=128, required=False,
                               help_text=_("Để trống: giữ chức vụ hiện tại."))
    note = forms.CharField(label=_("Ghi chú gửi đơn vị nhận"), required=False,
                           widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, employments, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["employment"].queryset = employments
        self.fields["to_unit"].queryset = Organization.objects.filter(
            status=OrganizationStatus.ACTIVE)

    def clean(self):
        data = super().clean()
        if data.get("employment") and data.get("to_unit") and data.get("day"):
            check_transfer(data["employment"], data["to_unit"], data["day"])
        return data


class TransferRefuseForm(forms.Form):
    reason = forms.CharField(label=_("Lý do từ chối"), widget=forms.Textarea(attrs={"rows": 2}),
                             error_messages={"required": _("Cần ghi lý do từ chối để đơn vị "
                                                           "chuyển đi biết.")})
