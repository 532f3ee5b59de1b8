"""Excel import of units and people into the subtree of one unit (the reading, checking and
all-or-nothing writing are ``thidua.core.xlsx_import``'s; here are the two kinds)."""
import re

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import F
from django.utils.translation import gettext_lazy as _

from thidua.core import crypto
from thidua.core.scopes import system
from thidua.core.xlsx_import import (CellError, Choice, Column, Spec, a_date, past_date, text,
                                     write_failed, yes_no)

from . import services
from .ethnicities import ETHNICITY_CHOICES
from .geography import province_choices, ward
from .models import (Employment, EmploymentCategory, Gender, MemberKind, Membership,
                     Organization, OrganizationKind, Person, Sector)
from .twins import same_person


def citizen_id(value):
    if re.fullmatch(r"\d{12}", digits := text(value)):
        return digits
    if isinstance(value, int) and len(digits) < 12:
        raise CellError(_("%(column)s phải gồm 12 chữ số (ô đang ở kiểu Số nên Excel đã bỏ số 0 "
                          "ở đầu; hãy đổi cột sang kiểu Văn bản)."))
    raise CellError(_("%(column)s phải gồm 12 chữ số."))


def ward_code(value):
    if (found := ward(value) if text(value).isdigit() else None) is None:
        raise CellError(_("%(column)s %(value)s không có trong danh mục xã, phường."), value=value)
    return found



citizen_id.hint = _("Đúng 12 chữ số; để cột ở kiểu Văn bản (Text) cho khỏi mất số 0 ở đầu.")
ward_code.hint = _("Mã xã, phường theo danh mục sau sắp xếp năm 2025, thuộc tỉnh ở cột Mã tỉnh "
                   "(để trống Mã tỉnh thì lấy theo xã, phường).")


def _by_code(codes):
    return {unit.code: unit for unit in Organization.objects.filter(code__in=codes)}


class OrganizationSpec(Spec):
    slug, title = "don-vi", _("Đơn vị")
    intro = _("Mỗi dòng một đơn vị. Đơn vị cấp trên là đơn vị này, một đơn vị cấp dưới của nó, "
              "hoặc một đơn vị ở dòng phía trên trong cùng tệp.")
    done = _("Đã nhập %(count)s đơn vị.")
    columns = (
        Column("code", _("Mã đơn vị"), required=True),
        Column("name", _("Tên đơn vị"), required=True),
        Column("short_name", _("Tên viết tắt")),
        Column("kind", _("Loại hình"), Choice(OrganizationKind.choices), required=True),
        Column("parent", _("Mã đơn vị cấp trên"), hint=_(
            "Để trống: trực thuộc đơn vị đang nhập. Hoặc mã một đơn vị thuộc phạm vi đơn vị đang "
            "nhập, hoặc mã một đơn vị ở dòng phía trên trong tệp.")),
        Column("tax_code", _("Mã số thuế"), hint=_("10 chữ số; chi nhánh thêm -3 chữ số.")),
        Column("sector", _("Lĩnh vực"), Choice(Sector.choices)),
        Column("province_code", _("Mã tỉnh"), Choice(province_choices)),
        Column("ward_code", _("Mã xã/phường"), ward_code),
        Column("address", _("Địa chỉ")),
        Column("founding_date", _("Ngày thành lập"), past_date),
        Column("phone", _("Điện thoại")),
        Column("email", _("Email")),
        Column("is_new_model", _("HTX kiểu mới"), yes_no),
    )
    FIELDS = ("kind", "code", "name", "short_name", "tax_code", "sector", "province_code",
              "address", "founding_date", "phone", "email", "is_new_model")

    def prepare(self, rows):
        self.known = _by_code({v[key] for v in rows for key in ("code", "parent") if v[key]})
        self.in_file = {v["code"] for v in rows if v["code"]}
        self.seen, self.created = {}, {}

    def build(self, number, values, problems):
        fields = self.fields(values, self.FIELDS)
        if place := values["ward_code"]:
            province = int(place.province_code)
            if values["province_code"] not in (None, province):
                problems.add(number, _("%(column)s %(value)s không thuộc tỉnh, thành phố có mã "
                                       "%(province)s."), column=self.labels["ward_code"],
                             value=int(place.code), province=values["province_code"])
            fields.update(province_code=province, ward_code=int(place.code), ward_name=place.name)
        organization = Organization(**fields)
        parent = self.parent(number, values["parent"], problems)
        if code := values["code"]:
            self.unique(number, "code", code, self.seen, self.known, problems)
            self.created.setdefault(code, organization)
        self.validate(number, organization, problems, exclude=["path", "depth"])
        return parent, organization

    def parent(self, number, code, problems):
        if not code:
            return self.unit
        if code in self.created:
            return self.created[code]
        if code in self.in_file and code not in self.known:
            problems.add(number, _("%(column)s %(value)s là đơn vị ở dòng phía dưới; hãy đưa dòng "
                                   "của đơn vị cấp trên lên trước."),
                         column=self.labels["parent"], value=code)
            return None
        return self.in_scope(number, "parent", code, self.known, "organizations.add_organization",
                             problems)

    def save(self, item):
        services.create_organization(self.user, *item)


class PersonSpec(Spec):
    slug, title = "ca-nhan", _("Cá nhân")
    intro = _("Mỗi dòng một cán bộ, viên chức, thành viên hoặc người lao động, với đơn vị công tác "
              "hiện tại thuộc phạm vi đơn vị này.")
    done = _("Đã nhập %(count)s cá nhân.")
    columns = (
        Column("family_name", _("Họ"), required=True),
        Column("middle_name", _("Tên đệm")),
        Column("given_name", _("Tên"), required=True),
        Column("gender", _("Giới tính"), Choice(Gender.choices), required=True),
        Column("birth_date", _("Ngày sinh"), past_date),
        Column("ethnicity", _("Dân tộc"), Choice(ETHNICITY_CHOICES),
               hint=_("Tên dân tộc theo danh sách bên dưới; để trống là Kinh.")),
        Column("citizen_id", _("Số CCCD"), citizen_id),
        Column("organization", _("Mã đơn vị"), required=True,
               hint=_("Mã đơn vị công tác, thuộc phạm vi đơn vị đang nhập.")),
        Column("position", _("Chức vụ")),
        Column("category", _("Đối tượng"), Choice(EmploymentCategory.choices), required=True),
        Column("membership", _("Loại thành viên"), Choice(Membership.choices),
               hint=_("Với thành viên (Luật Hợp tác xã 2023): để trống là thành viên chính thức; "
                      "hoặc liên kết góp vốn, liên kết không góp vốn.")),
        Column("member_kind", _("Thành viên là"), Choice(MemberKind.choices),
               hint=_("Với thành viên: để trống là cá nhân; hoặc hộ gia đình, tổ hợp tác, pháp "
                      "nhân, người ở dòng này là người đại diện.")),
        Column("represents", _("Tên hộ, tổ hợp tác, pháp nhân"),
               hint=_("Bắt buộc khi thành viên là hộ gia đình, tổ hợp tác hoặc pháp nhân.")),
        Column("is_direct_worker", _("Trực tiếp sản xuất"), yes_no),
        Column("start_date", _("Từ ngày"), a_date),
        Column("create_anyway", _("Tạo mới dù trùng"), yes_no,
               hint=_("Có: tạo người mới dù đã có người cùng họ tên, ngày sinh, đơn vị; để trống: "
                      "giữ người đã có, không tạo thêm.")),
    )
    PERSON_FIELDS = ("family_name", "middle_name", "given_name", "gender", "birth_date", "ethnicity")
    JOB_FIELDS = ("position", "category", "membership", "member_kind", "represents",
                  "is_direct_worker", "start_date")

    @system("an import matches citizen IDs among everyone, and people by name in its units")
    def prepare(self, rows):
        self.units = _by_code({v["organization"] for v in rows if v["organization"]})
        digests = {crypto.digest(v["citizen_id"]) for v in rows if v["citizen_id"]}
        self.taken = set(Person.objects.filter(citizen_id_digest__in=digests)
                         .values_list("citizen_id_digest", flat=True))
        self.seen, self.seen_people = {}, {}
        people = Person.objects.filter(employments__organization__in=self.units.values()).annotate(
            unit_id=F("employments__organization"))
        self.known = {(same_person(p), p.birth_date, p.unit_id): p for p in people}

    def build(self, number, values, problems):
        person = Person(**self.fields(values, self.PERSON_FIELDS))
        if values["citizen_id"]:
            person.citizen_id = values["citizen_id"]
            self.unique(number, "citizen_id", person.citizen_id_digest, self.seen, self.taken,
                        problems, shown=crypto.mask(values["citizen_id"]))
        unit = values["organization"] and self.in_scope(
            number, "organization", values["organization"], self.units,
            "organizations.add_person", problems)
        job = Employment(organization=unit or None, **self.fields(values, self.JOB_FIELDS))
        if job.start_date and person.birth_date and job.start_date < person.birth_date:
            problems.add(number, _("%(column)s không được trước %(birth)s."),
                         column=self.labels["start_date"], birth=self.labels["birth_date"])
        self.validate(number, person, problems)
        self.validate(number, job, problems, exclude=["person", "organization"])  # found above
        key = (same_person(person), person.birth_date, unit and unit.pk)
        if not values["citizen_id"] and unit and number not in problems.rows:
            self.unique(number, "given_name", key, self.seen_people, (), problems,
                        shown=f"{person.full_name} ({values['organization']})")
        existing = None if values["create_anyway"] or values["citizen_id"] else self.known.get(key)
        twin = services.CREATE if values["create_anyway"] else services.KEEP
        return person, job, existing, twin

    def describe(self, item):
        existing = item[2]
        if existing is None:
            return ""
        return _("đã có %(person)s (#%(pk)s, cùng họ tên, ngày sinh, đơn vị): bỏ qua dòng này — "
                 "không tạo mới, không sửa người đã có; ghi Có ở cột “Tạo mới dù trùng” nếu là "
                 "người khác") % {"person": existing.full_name, "pk": existing.pk}

    def save_all(self, items):
        """Every new person in one ``services.create_people``; a twin added meanwhile (a parallel
        import) is kept, not doubled."""
        rows = [(number, (person, job, twin)) for number, (person, job, existing, twin) in items
                if existing is None]
        try:
            services.create_people(self.user, [row for _number, row in rows])
        except services.RowRefused as refused:
            raise write_failed(refused.error, rows[refused.index][0]) from refused.error
        except (PermissionDenied, ValidationError) as error:
            raise write_failed(error) from error


SPECS = {spec.slug: spec for spec in (OrganizationSpec, PersonSpec)}
