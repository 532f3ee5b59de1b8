"""Excel import of a nominee list into a draft tờ trình: our template and the layouts officials
already use (CANHAN, TAPTHE, MauTDKT, NHANDULIEU: docs/forms.md#excel-import-templates).

Each row names a person (citizen ID; else unaccented name, unit and birth date), a collective (unit
code or name) or a household (its head), and one award type, by our code, abbreviation, name or the
older templates' codes; CANHAN's second code column ("Mã danh hiệu thi đua (nếu có)") adds a
second nomination for the same person. Every nominee passes the same checks as one added by hand
(``NomineeChecks``: scope, subject, authority, holds, read for the whole list at once); a person or
unit listed twice is an error, as is one already in the batch with that award. The list is written
by one ``workflow.add_nominations``."""
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError
from django.utils.translation import gettext_lazy as _

from thidua.awards.importing import (UNIT_ALIASES, RecipientSpec, SubjectChoice, award_type_column,
                                     subject_kind)
from thidua.core.xlsx_import import Column, Problems, past_date, write_failed
from thidua.core.xlsx_sheet import ImportRejected
from thidua.organizations.importing import citizen_id

from . import workflow
from .states import SubjectKind
from .workflow.common import WorkflowError
from .workflow.nominees import NomineeChecks

# "Tên đơn vị / tập thể" is TAPTHE's name column, read as its own column: it means a collective.
NAME_ALIASES = ("Tên tập thể/cá nhân/hộ gia đình", "Tên cá nhân/tập thể", "Tên cá nhân, tập thể",
                "Tên tập thể, cá nhân", "Họ tên")
CATEGORY_HEADERS = ("Mã phân loại cán bộ", "Mã phân loại tập thể", "Mã phân loại loại tượng",
                    "Mã phân loại đối tượng", "Tên phân loại đơn vị")


class NomineeSpec(RecipientSpec):
    slug, title = "de-nghi", _("Danh sách đề nghị khen thưởng")
    intro = _("Mỗi dòng một cá nhân, tập thể hoặc hộ gia đình được đề nghị và danh hiệu, hình thức "
              "khen thưởng. Nhận cả danh sách theo mẫu CANHAN, TAPTHE, MauTDKT (mã hoặc tên).")
    done = _("Đã thêm %(count)s người, tập thể vào tờ trình.")
    columns = (
        Column("subject_kind", _("Đối tượng"), SubjectChoice(),
               aliases=("Phân loại khen thưởng", "Mã phân loại khen thưởng"),
               hint=_("Để trống: theo cột Phân loại đối tượng, theo mục (I. Cá nhân, II. Tập thể) "
                      "hoặc là cá nhân.")),
        Column("category", _("Phân loại đối tượng"), SubjectChoice(), aliases=CATEGORY_HEADERS),
        Column("name", _("Họ và tên"), aliases=NAME_ALIASES,
               hint=_("Họ và tên cá nhân, tên tập thể hoặc tên hộ gia đình.")),
        Column("collective_name", _("Tên đơn vị / tập thể"), aliases=("Tên tập thể",),
               hint=_("Cột của mẫu TAPTHE: tên (hay mã) tập thể được đề nghị.")),
        Column("head", _("Chủ hộ"), hint=_("Họ và tên chủ hộ, với hộ gia đình.")),
        Column("birth_date", _("Ngày sinh"), past_date),
        Column("citizen_id", _("Số CCCD"), citizen_id),
        Column("organization", _("Đơn vị công tác"), aliases=UNIT_ALIASES,
               hint=_("Mã hoặc tên đơn vị nơi cá nhân đang công tác; với tập thể, mã của tập "
                      "thể.")),
        award_type_column(aliases=("Danh hiệu thi đua/Hình thức khen thưởng",
                                   "Hình thức khen thưởng", "Mã hình thức khen thưởng",
                                   "Mã danh hiệu thi đua")),
        award_type_column("second_type", _("Mã danh hiệu thi đua (nếu có)"), required=False),
        Column("achievement", _("Tóm tắt thành tích"),
               aliases=("Thành tích", "Tóm tắt thành tích đạt được")),
    )
    ignored = ("Giới tính", "Chức vụ", "Tên phòng ban/ khối, tổ công tác", "Địa chỉ / Nơi ở",
               "Tên gọi (Ông/Bà/Chức danh)", "Lĩnh vực hoạt động", "Mã lĩnh vực hoạt động",
               "Ghi chú")

    def root(self):
        return self.unit.proposer

    def parse(self, number, raw, problems):
        """A CANHAN or TAPTHE row may give only "Mã danh hiệu thi đua (nếu có)": that title is
        then the row's award."""
        if raw.get("award_type") is None and raw.get("second_type") is not None:
            raw = {**raw, "award_type": raw["second_type"], "second_type": None}
        return super().parse(number, raw, problems)

    def kind(self, values):
        return subject_kind(values, "COLLECTIVE" if values["collective_name"] else "INDIVIDUAL")

    def name(self, values):
        return values["name"] or values["collective_name"]

    def prepare(self, rows):
        super().prepare(rows)
        self.seen = {}
        self.checks = NomineeChecks(self.unit, self.directory.people(), self.directory.units())
        self.in_batch = set(self.unit.items.values_list("person", "organization", "award_type"))

    def build(self, number, values, problems):
        if not self.name(values) and not values["citizen_id"]:
            problems.add(number, _("%(column)s không được để trống."), column=self.labels["name"])
            return []
        if values["subject_kind"] and values["category"] and (
                values["subject_kind"] != values["category"]):
            problems.add(number, _("%(kind)s và %(category)s không khớp nhau."),
                         kind=self.labels["subject_kind"], category=self.labels["category"])
        kind, person, organization = self.recipient(number, values, problems)
        types = [t for t in (values["award_type"], values["second_type"]) if t]
        if not (person or organization) or not types:
            return []
        subject = person or organization
        self.unique(number, "name", (person and person.pk, organization and organization.pk),
                    self.seen, (), problems, shown=str(subject))
        for award_type in types:
            try:
                self.checks.check(kind, person, organization, award_type)
            except WorkflowError as error:
                problems.add(number, "%(error)s", error=" ".join(error.messages))
            if (person and person.pk, organization and organization.pk,
                    award_type.pk) in self.in_batch:
                problems.add(number, _("%(name)s đã có trong tờ trình với “%(type)s”."),
                             name=subject, type=award_type.label)
        household = self.name(values) if kind == SubjectKind.HOUSEHOLD else ""
        return [workflow.Nominee(kind, award_type, person, organization,
                                 values["achievement"] or "", household) for award_type in types]

    def describe(self, item):
        first = item[0]
        person, organization, household = first.person, first.organization, first.household_name
        if person:
            born = person.birth_date.strftime("%d/%m/%Y") if person.birth_date else "—"
            found = _("%(name)s, sinh %(born)s") % {"name": person.full_name, "born": born}
            if household:
                found = f"{household} ({found})"
        else:
            found = f"{organization.name} ({organization.code})"
        return f"{found} — {', '.join(nominee.award_type.abbreviation for nominee in item)}"

    def save_all(self, items):
        rows = [(number, nominee) for number, item in items for nominee in item]
        try:
            workflow.add_nominations(self.user, self.unit, [nominee for _number, nominee in rows])
        except workflow.NominationsRefused as refused:
            problems = Problems()
            for index, error in refused.refusals:
                problems.add(rows[index][0], "%(error)s", error=" ".join(error.messages))
            raise ImportRejected(problems.messages()) from refused
        except (PermissionDenied, ValidationError, IntegrityError) as error:
            raise write_failed(error) from error


SPECS = {NomineeSpec.slug: NomineeSpec}
