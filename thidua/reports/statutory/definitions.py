"""Biểu 0601, 0602 and 0603 and how the system's records map onto them
(docs/forms.md#statutory-statistics); 0604 and 0605, counted from what officials enter, are in
``staffing``.

Mappings the circular leaves to the reporting body, chosen here and printed under each form:
- 0601: the VCA and the provincial alliances launch at "cấp bộ, ban, ngành, tỉnh" (column 3),
  any other unit at "cơ quan, tổ chức, đơn vị" (column 4); nothing is launched by the central
  council itself (column 2). A movement for chosen units counts as a bloc/cluster movement.
- 0602/0603: awards of recipients in a province are counted under the province's submission,
  the others under the VCA's (a "bộ, ban, ngành, đoàn thể Trung ương"); cooperatives, unions,
  cooperative groups and credit funds are the "doanh nghiệp"; an award without a nomination
  batch (imported from an older decision) counts as "thường xuyên"; individuals are split by
  ``facts.person_category``.
"""
from datetime import date

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from thidua.awards.models import AuthorityLevel, AwardCategory, AwardType
from thidua.awards.models import SubjectKind as TypeSubject
from thidua.movements.models import Movement, MovementKind, MovementStatus
from thidua.nominations.states import Basis
from thidua.organizations.models import OrganizationKind

from ..models import PersonCategory, Subject
from .heading import new_form
from .layout import Column, Row
from .staffing import form_0604, form_0605

# The circular's words are marked (gettext_noop) and stay Vietnamese in the files filed (XLSX,
# PDF); the page translates them for an English reader.
CATEGORY_ROWS = [
    (PersonCategory.LEADER_CENTRAL,
     gettext_noop("+ Lãnh đạo cấp bộ, cấp tỉnh và tương đương trở lên")),
    (PersonCategory.LEADER_DEPARTMENT, gettext_noop("+ Lãnh đạo cấp vụ, sở, ngành và tương đương")),
    (PersonCategory.ENTREPRENEUR, gettext_noop("+ Doanh nhân")),
    (PersonCategory.LEADER_OTHER, gettext_noop("+ Các cấp lãnh đạo khác từ phó phòng trở lên")),
    (PersonCategory.DIRECT,
     gettext_noop("+ Người trực tiếp công tác, lao động, học tập, chiến đấu và phục vụ chiến đấu "
                  "(công nhân, nông dân,...)")),
]
METHOD_ROWS = [(gettext_noop("Thường xuyên"), {Basis.MERIT, ""}),
               (gettext_noop("Chuyên đề"), {Basis.MOVEMENT}),
               (gettext_noop("Đột xuất"), {Basis.AD_HOC}),
               (gettext_noop("Đối ngoại"), {Basis.FOREIGN}),
               (gettext_noop("Cống hiến."), {Basis.CAREER}),
               (gettext_noop("Niên hạn"), set()),
               (gettext_noop("Kháng chiến"), set())]
LAUNCH_LEVEL_KINDS = {OrganizationKind.NATIONAL_ALLIANCE, OrganizationKind.PROVINCIAL_ALLIANCE}


# ---- 0601: movements --------------------------------------------------------------------------

def _duration_row(movement):
    days = (movement.end_date - movement.start_date).days + 1
    if days < 365:
        return "06"
    if days <= 366:
        return "07"
    return "08" if days < 3 * 365 else "09" if days < 5 * 365 else "10"


def movement_facts(scope, year_from, year_to):
    movements = (Movement.objects.in_scope(scope.units_q("launched_by__"))
                 .filter(status__in=[MovementStatus.LAUNCHED, MovementStatus.CLOSED],
                         start_date__lte=date(year_to, 12, 31),
                         end_date__gte=date(year_from, 1, 1))
                 .select_related("launched_by"))
    facts = []
    for movement in movements:
        kind = movement.launched_by.kind
        if movement.scope_chosen:
            reach = "04"
        elif kind == OrganizationKind.NATIONAL_ALLIANCE:
            reach = "02"
        elif kind in (OrganizationKind.PROVINCIAL_ALLIANCE, OrganizationKind.ALLIANCE_DEPARTMENT):
            reach = "03"
        else:
            reach = "05"
        facts.append({"n": 1, "level": 3 if kind in LAUNCH_LEVEL_KINDS else 4, "reach": reach,
                      "duration": _duration_row(movement),
                      "method": "12" if movement.kind == MovementKind.REGULAR else "11"})
    return facts


def form_0601(scope, year_from, year_to):
    group = gettext_noop("Số phong trào thi đua chia theo cấp chủ trì phát động thi đua")
    columns = [Column(gettext_noop("Tổng số"), "1=(2+3+4)"),
               Column(group, "2",
                      gettext_noop("Cấp Trung ương (Hội đồng Thi đua - Khen thưởng Trung ương)"),
                      lambda f: f["level"] == 2),
               Column(group, "3",
                      gettext_noop("Cấp bộ, ban ngành đoàn thể trung ương, tỉnh, thành phố trực "
                                   "thuộc Trung ương"), lambda f: f["level"] == 3),
               Column(group, "4", gettext_noop("Cơ quan, tổ chức, đơn vị"),
                      lambda f: f["level"] == 4)]

    def on(key, value):
        return lambda f: f[key] == value

    movements = gettext_noop("Phong trào")
    rows = [Row("01", gettext_noop("Tổng số"), movements, lambda f: True, bold=True),
            Row("", gettext_noop("1. Chia theo phạm vi tổ chức thi đua"), bold=True),
            Row("02", gettext_noop("- Toàn quốc"), movements, on("reach", "02")),
            Row("03", gettext_noop("- Bộ, ban, ngành đoàn thể, địa phương"), movements,
                on("reach", "03")),
            Row("04", gettext_noop("- Cụm, khối thi đua do Hội đồng Thi đua - Khen thưởng các cấp "
                                   "tổ chức"), movements, on("reach", "04")),
            Row("05", gettext_noop("- Cơ quan, tổ chức, đơn vị"), movements, on("reach", "05")),
            Row("", gettext_noop("2. Chia theo thời hạn thi đua"), bold=True),
            Row("06", gettext_noop("- Dưới 1 năm"), movements, on("duration", "06")),
            Row("07", gettext_noop("- 1 năm"), movements, on("duration", "07")),
            Row("08", gettext_noop("- Từ 1 năm đến dưới 3 năm"), movements, on("duration", "08")),
            Row("09", gettext_noop("- Từ 3 năm đến dưới 5 năm"), movements, on("duration", "09")),
            Row("10", gettext_noop("- Từ 5 năm trở lên"), movements, on("duration", "10")),
            Row("", gettext_noop("3. Chia theo phương thức tổ chức phong trào thi đua"), bold=True),
            Row("11", gettext_noop("- Thi đua theo chuyên đề"), movements, on("method", "11")),
            Row("12", gettext_noop("- Thi đua thường xuyên hàng năm"), movements,
                on("method", "12"))]
    form = new_form("0601", gettext_noop("SỐ PHONG TRÀO THI ĐUA"), movements, scope, year_from,
                    year_to, columns, rows)
    return form.fill(movement_facts(scope, year_from, year_to))


# ---- 0602 and 0603: awards ---------------------------------------------------------------------

FACT_DIMS = ["award_type", "subject", "person_category", "is_economic", "basis", "province_code"]


def award_facts(scope, year_from, year_to, levels):
    return scope.facts(range(year_from, year_to + 1)).group(
        FACT_DIMS, award_type__authority_level__in=levels)


def subject_rows(first_code):
    """The "chia theo đối tượng" and "phương thức" rows shared by 0602 and 0603, numbered from
    ``first_code``."""
    def subject(*values):
        return lambda f: f["subject"] in values

    rows = [Row(f"{first_code:02d}", gettext_noop("- Tập thể"), gettext_noop("Tập thể"),
                subject(Subject.COLLECTIVE)),
            Row(f"{first_code + 1:02d}", gettext_noop("Trong đó: Doanh nghiệp"),
                gettext_noop("Doanh nghiệp"),
                lambda f: f["subject"] == Subject.COLLECTIVE and f["is_economic"]),
            Row(f"{first_code + 2:02d}", gettext_noop("- Hộ gia đình"), gettext_noop("Hộ"),
                subject(Subject.HOUSEHOLD)),
            Row(f"{first_code + 3:02d}", gettext_noop("- Cá nhân"), gettext_noop("Người"),
                subject(Subject.INDIVIDUAL))]
    code = first_code + 4
    for category, label in CATEGORY_ROWS:
        rows.append(Row(f"{code:02d}", label, gettext_noop("Người"),
                        lambda f, c=category: f["subject"] == Subject.INDIVIDUAL
                        and f["person_category"] == c))
        code += 1
    return rows, code


def method_rows(first_code):
    rows = []
    for offset, (label, bases) in enumerate(METHOD_ROWS):
        rows.append(Row(f"{first_code + offset:02d}", label, "",
                        lambda f, b=bases: (f["basis"] or "") in b))
    return rows


def _type_columns(group, number, types):
    """One column per award form, split into collectives (TT) and individuals (CN)."""
    columns = []
    for award_type in types:
        kinds = []
        if award_type.subject_kind in (TypeSubject.COLLECTIVE, TypeSubject.BOTH,
                                       TypeSubject.HOUSEHOLD):
            kinds.append(("TT", _("tập thể"), lambda f, t=award_type.pk: f["award_type"] == t
                          and f["subject"] != Subject.INDIVIDUAL))
        if award_type.subject_kind in (TypeSubject.INDIVIDUAL, TypeSubject.BOTH):
            kinds.append(("CN", _("cá nhân"), lambda f, t=award_type.pk: f["award_type"] == t
                          and f["subject"] == Subject.INDIVIDUAL))
        for suffix, subject, selects in kinds:
            columns.append(Column(group, number, f"{award_type.abbreviation} ({suffix})", selects,
                                  shown=f"{award_type.short_label} ({subject})"))
    return columns or [Column(group, number, "—", lambda f: False)]


def _by_code(code, group, number, leaf=""):
    award_type = AwardType.objects.filter(code=code).first()
    pk = award_type.pk if award_type else None
    return Column(group, number, leaf, lambda f: f["award_type"] == pk)


def form_0602(scope, year_from, year_to):
    state_types = list(AwardType.objects.filter(
        authority_level__in=[AuthorityLevel.GOVERNMENT, AuthorityLevel.STATE]))
    fixed = {"CO_CP", "BK_TTG", "CSTD_TQ"}
    medals = [t for t in state_types if t.code.startswith("HC") or t.code.startswith("HUY")]
    honours = [t for t in state_types if t.category == AwardCategory.TITLE and t.code not in fixed
               and t.authority_level == AuthorityLevel.STATE and t not in medals]
    others = [t for t in state_types if t not in medals and t not in honours
              and t.code not in fixed and not t.code.startswith("GT")]
    bk = gettext_noop("Bằng khen của Thủ tướng Chính phủ")
    bk_type = _by_code("BK_TTG", "", "").selects
    columns = [Column(gettext_noop("Tổng số"), "1"),
               *_type_columns(gettext_noop("Các loại huân chương, huy chương"), "2", medals),
               _by_code("GT_HCM", gettext_noop("Giải thưởng Hồ Chí Minh"), "3", "CN"),
               _by_code("GT_NN", gettext_noop("Giải thưởng Nhà nước"), "4", "CN"),
               *_type_columns(gettext_noop("Danh hiệu vinh dự nhà nước"), "5", honours),
               _by_code("CO_CP", gettext_noop("Cờ thi đua của Chính phủ"), "6", "TT"),
               Column(bk, "7", "TT", lambda f: bk_type(f) and f["subject"] != Subject.INDIVIDUAL),
               Column(bk, "7", "CN", lambda f: bk_type(f) and f["subject"] == Subject.INDIVIDUAL),
               _by_code("CSTD_TQ", gettext_noop("Danh hiệu “Chiến sĩ thi đua Toàn quốc”"), "8",
                        "CN"),
               *_type_columns(gettext_noop("Các hình thức khen thưởng khác"), "9", others)]
    subjects, next_code = subject_rows(6)
    rows = [Row("1", gettext_noop("Tổng số"), "", lambda f: True, bold=True),
            Row("", gettext_noop("1. Chia theo đơn vị ban hành tờ trình Thủ tướng Chính phủ về "
                                 "khen thưởng"),
                bold=True),
            Row("2", gettext_noop("- Bộ, ban, ngành, đoàn thể Trung ương"),
                gettext_noop("Bộ, ngành"),
                lambda f: f["province_code"] is None),
            Row("3", gettext_noop("- Tỉnh, thành phố trực thuộc Trung ương"),
                gettext_noop("Tỉnh,TP"),
                lambda f: f["province_code"] is not None),
            Row("", gettext_noop("2. Chia theo đối tượng khen thưởng"), bold=True), *subjects,
            Row("", gettext_noop("3. Chia theo phương thức khen thưởng"), bold=True),
            *method_rows(next_code)]
    for row in rows:
        row.code = row.code.lstrip("0")
    form = new_form("0602", gettext_noop("SỐ LƯỢNG KHEN THƯỞNG CẤP NHÀ NƯỚC"), "", scope,
                    year_from, year_to,
                   columns, rows)
    form.notes.append(_("Mỗi hình thức khen thưởng ghi riêng một cột; TT: tập thể, CN: cá nhân."))
    return form.fill(award_facts(scope, year_from, year_to,
                                 [AuthorityLevel.GOVERNMENT, AuthorityLevel.STATE]))


def form_0603(scope, year_from, year_to):
    columns = [Column(gettext_noop("Tổng số"), "1"),
               _by_code("BK_BO", gettext_noop("Bằng khen"), "2"),
               _by_code("CSTD_BO", gettext_noop("Chiến sĩ thi đua cấp bộ, cấp tỉnh"), "3"),
               _by_code("CO_BO",
                        gettext_noop("Cờ thi đua của bộ, ban, ngành, đoàn thể Trung ương, tỉnh, "
                                     "thành phố trực thuộc Trung ương"), "4"),
               _by_code("KNC",
                        gettext_noop("Huy hiệu (kỷ niệm chương) của bộ, ban, ngành, đoàn thể "
                                     "Trung ương, tỉnh, thành phố trực thuộc Trung ương"), "5")]
    subjects, next_code = subject_rows(2)
    rows = [Row("01", gettext_noop("Tổng số"), "", lambda f: True, bold=True),
            Row("", gettext_noop("1. Chia theo đối tượng khen thưởng"), bold=True), *subjects,
            Row("", gettext_noop("2. Chia theo phương thức khen thưởng"), bold=True),
            *method_rows(next_code)]
    form = new_form("0603",
                    gettext_noop("SỐ LƯỢNG KHEN THƯỞNG CẤP BỘ, BAN, NGÀNH, ĐOÀN THỂ TRUNG ƯƠNG VÀ "
                                 "TỈNH, THÀNH PHỐ TRỰC THUỘC TRUNG ƯƠNG"), "", scope, year_from,
                    year_to, columns, rows)
    counted = AwardType.objects.filter(authority_level=AuthorityLevel.MINISTRY).exclude(
        code__in=["BK_BO", "CSTD_BO", "CO_BO", "KNC"]).values_list("name", flat=True).distinct()
    if counted:
        form.notes.append(_("Biểu không có cột cho: %(types)s.") % {"types": ", ".join(counted)})
    return form.fill(award_facts(scope, year_from, year_to, [AuthorityLevel.MINISTRY]))


FORMS = {"0601": form_0601, "0602": form_0602, "0603": form_0603, "0604": form_0604,
         "0605": form_0605}
