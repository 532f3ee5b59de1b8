"""Excel import of the E&C civil servants of one reporting unit (Biểu 0605): all rows or none,
every problem named by row. The model's own checks (birth year, the year E&C work began …) run
on each row, so a file is held to what the form asks."""
from django.utils.translation import gettext_lazy as _

from thidua.core.xlsx_import import Choice, Column, Spec, a_year
from thidua.organizations.models import Gender

from .models import ECStaffMember, TrainingLevel


class StaffSpec(Spec):
    slug, title = "cong-chuc-tdkt", _("Công chức làm công tác thi đua, khen thưởng")
    intro = _("Mỗi dòng một công chức của đơn vị báo cáo; tuổi và thâm niên được tính từ năm sinh "
              "và năm bắt đầu làm công tác thi đua, khen thưởng.")
    done = _("Đã nhập %(count)s công chức làm công tác thi đua, khen thưởng.")
    permission = "reports.manage_ec_staff"
    columns = (
        Column("full_name", _("Họ và tên"), required=True, aliases=("Họ tên",)),
        # NAM / NU: the codes of the CANHAN.xlsx template (docs/forms.md#excel-import-templates).
        Column("gender", _("Giới tính"), Choice([*Gender.choices, ("MALE", "NAM"),
                                                 ("FEMALE", "NU")]), required=True),
        Column("birth_year", _("Năm sinh"), a_year, required=True),
        Column("training_level", _("Trình độ đào tạo"), Choice(TrainingLevel.choices),
               required=True),
        Column("ec_since_year", _("Năm bắt đầu làm công tác TĐKT"), a_year, required=True,
               aliases=("Năm bắt đầu làm công tác thi đua, khen thưởng",)),
        Column("start_year", _("Năm về đơn vị"), a_year,
               hint=_("Để trống nếu trùng năm bắt đầu làm công tác TĐKT.")),
        Column("end_year", _("Năm thôi làm công tác TĐKT"), a_year,
               hint=_("Để trống nếu vẫn đang làm.")),
    )
    ignored = ("STT", "Ghi chú")
    FIELDS = ("full_name", "gender", "birth_year", "training_level", "ec_since_year",
              "start_year", "end_year")

    def prepare(self, rows):
        self.seen = {}
        self.taken = set(ECStaffMember.objects.filter(organization=self.unit)
                         .values_list("full_name", "birth_year"))

    def build(self, number, values, problems):
        member = ECStaffMember(organization=self.unit, **self.fields(values, self.FIELDS))
        self.unique(number, "full_name", (member.full_name, member.birth_year), self.seen,
                    self.taken, problems, shown=f"{member.full_name} ({member.birth_year})")
        self.validate(number, member, problems, exclude=["person"])
        return member

    def describe(self, item):
        return _("Thêm vào %(unit)s") % {"unit": self.unit.name}

    def save(self, item):
        item.save()


SPECS = {StaffSpec.slug: StaffSpec}
