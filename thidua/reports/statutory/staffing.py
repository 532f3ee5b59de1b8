"""Biểu 0604 and 0605 (docs/forms.md#statutory-statistics): the E&C departments and civil servants
officials enter (``ECDepartment``, ``ECStaffMember``), counted as they stood at 31/12 of the
period's last year for every reporting unit in the scope.

Ages and seniority are whole years reached by 31/12 (year minus the birth year, or minus the year
E&C work began). The circular's seniority bands "Từ 5 đến 10 năm" and "Từ 10 năm trở lên" both
name 10; ten years is counted in the second, so the three bands add up to the total.
"""
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from thidua.organizations.models import Gender

from ..models import ECDepartment, ECDepartmentLevel, ECStaffMember, TrainingLevel
from .heading import new_form
from .layout import Column, Row

# The circular's words are marked (gettext_noop) and stay Vietnamese in the files filed; the
# page translates them for an English reader.
AGE_BANDS = [("02", gettext_noop("Từ 30 trở xuống"), 30), ("03", gettext_noop("Từ 31 đến 40"), 40),
             ("04", gettext_noop("Từ 41 đến 50"), 50), ("05", gettext_noop("Từ 51 đến 55"), 55),
             ("06", gettext_noop("Từ 56 đến 60"), 60), ("07", gettext_noop("Trên 60 tuổi"), None)]
TRAINING_ROWS = [("08", TrainingLevel.ELEMENTARY, gettext_noop("Sơ cấp")),
                 ("09", TrainingLevel.INTERMEDIATE, gettext_noop("Trung cấp")),
                 ("10", TrainingLevel.COLLEGE, gettext_noop("Cao đẳng")),
                 ("11", TrainingLevel.UNIVERSITY, gettext_noop("Đại học")),
                 ("12", TrainingLevel.POSTGRADUATE, gettext_noop("Trên đại học"))]
SENIORITY_BANDS = [("13", gettext_noop("Dưới 5 năm"), 4),
                   ("14", gettext_noop("Từ 5 đến 10 năm"), 9),
                   ("15", gettext_noop("Từ 10 năm trở lên"), None)]
DEPARTMENT_ROWS = [
    ("02", ECDepartmentLevel.DEPARTMENT,
     gettext_noop("- Cấp Vụ thuộc bộ, ban, ngành, đoàn thể Trung ương"), gettext_noop("Vụ")),
    ("03", ECDepartmentLevel.DEPARTMENT_DIVISION,
     gettext_noop("- Cấp phòng, ban hoặc bộ phận thuộc Vụ"), gettext_noop("Phòng")),
    ("04", ECDepartmentLevel.HOME_AFFAIRS_BOARD, gettext_noop("- Cấp ban thuộc Sở Nội vụ"),
     gettext_noop("Ban")),
    ("05", ECDepartmentLevel.HOME_AFFAIRS_DIVISION, gettext_noop("- Cấp phòng thuộc Sở Nội vụ"),
     gettext_noop("Phòng")),
]
TITLE_0604 = gettext_noop("SỐ LƯỢNG TỔ CHỨC LÀM CÔNG TÁC THI ĐUA, KHEN THƯỞNG CỦA BỘ, BAN, NGÀNH, "
                          "ĐOÀN THỂ TRUNG ƯƠNG, TỈNH, THÀNH PHỐ TRỰC THUỘC TRUNG ƯƠNG")
TITLE_0605 = gettext_noop("SỐ LƯỢNG CÔNG CHỨC LÀM CÔNG TÁC THI ĐUA, KHEN THƯỞNG CỦA BỘ, BAN, NGÀNH "
                          "ĐOÀN THỂ TRUNG ƯƠNG, TỈNH, THÀNH PHỐ TRỰC THUỘC TRUNG ƯƠNG")


def band(value, bands):
    """The code of the first band whose upper bound (inclusive) ``value`` does not exceed; the
    last band has none."""
    return next(code for code, _label, upper in bands if upper is None or value <= upper)


def staff_facts(scope, year):
    staff = ECStaffMember.objects.in_post(year).filter(scope.units_q("organization__"))
    return [{"n": 1, "female": member.gender == Gender.FEMALE,
             "age": band(member.age_in(year), AGE_BANDS),
             "training": member.training_level,
             "seniority": band(member.seniority_in(year), SENIORITY_BANDS)}
            for member in staff.only("gender", "birth_year", "training_level", "ec_since_year")]


def department_facts(scope, year):
    departments = ECDepartment.objects.in_post(year).filter(scope.units_q("organization__"))
    return [{"n": 1, "level": level} for level in departments.values_list("level", flat=True)]


def form_0604(scope, year_from, year_to):
    rows = [Row("01", gettext_noop("Tổng số"), gettext_noop("Tổ chức"), lambda f: True, bold=True),
            Row("", gettext_noop("Chia theo cơ cấu tổ chức bộ máy"), bold=True)]
    rows += [Row(code, label, unit, lambda f, level=level: f["level"] == level)
             for code, level, label, unit in DEPARTMENT_ROWS]
    form = new_form("0604", TITLE_0604, "", scope, year_to, year_to,
                    [Column(gettext_noop("Số lượng"), "1")], rows)
    form.notes.append(_("Số liệu tại ngày 31/12/%(year)s.") % {"year": year_to})
    return form.fill(department_facts(scope, year_to))


def form_0605(scope, year_from, year_to):
    def on(key, value):
        return lambda f: f[key] == value

    rows = [Row("01", gettext_noop("Tổng số"), "", lambda f: True, bold=True),
            Row("", gettext_noop("1. Chia theo độ tuổi"), bold=True),
            *[Row(code, label, "", on("age", code)) for code, label, _upper in AGE_BANDS],
            Row("", gettext_noop("2. Chia theo trình độ đào tạo"), bold=True),
            *[Row(code, label, "", on("training", level)) for code, level, label in TRAINING_ROWS],
            Row("", gettext_noop("3. Chia theo thâm niên công tác trong lĩnh vực thi đua, khen "
                                 "thưởng"), bold=True),
            *[Row(code, label, "", on("seniority", code))
              for code, label, _upper in SENIORITY_BANDS]]
    group = gettext_noop("Số lượng (Người)")
    columns = [Column(group, "1", gettext_noop("Tổng số")),
               Column(group, "2", gettext_noop("Trong đó: Nữ"), on("female", True), in_total=False)]
    form = new_form("0605", TITLE_0605, "", scope, year_to, year_to, columns, rows)
    form.unit_column = False
    form.notes.append(_("Số liệu tại ngày 31/12/%(year)s; tuổi và thâm niên tính tròn năm đến "
                        "ngày này; đủ 10 năm thâm niên ghi ở dòng 15.") % {"year": year_to})
    return form.fill(staff_facts(scope, year_to))
