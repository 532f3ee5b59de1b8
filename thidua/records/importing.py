"""Excel import of recognised initiatives and research (our template and the DETAI.xlsx layout,
docs/forms.md#excel-import-templates) into a unit's subtree. Authors are people currently working
at the initiative's unit, found by unaccented name; several are separated by commas, semicolons or
line breaks."""
import re

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from thidua.core.xlsx_import import CellError, Choice, Column, Spec, a_year, past_date
from thidua.organizations.directory import Directory

from . import services
from .models import Initiative, InitiativeKind, InitiativeScope

_AUTHORS = re.compile(r"\s*[,;\n]\s*")


class InitiativeSpec(Spec):
    slug, title = "sang-kien", _("Sáng kiến, đề tài")
    intro = _("Mỗi dòng một sáng kiến hoặc đề tài đã được công nhận, với tác giả đang công tác tại "
              "đơn vị áp dụng. Nhận cả danh sách theo mẫu DETAI.")
    done = _("Đã nhập %(count)s sáng kiến, đề tài.")
    permission = "movements.manage_level"
    columns = (
        Column("title", _("Tên sáng kiến, đề tài"), required=True,
               aliases=("Tên đề tài", "Tên sáng kiến", "Tên đề tài, sáng kiến")),
        Column("kind", _("Loại"), Choice(InitiativeKind.choices),
               hint=_("Sáng kiến hoặc Đề tài; để trống là Sáng kiến.")),
        Column("authors", _("Tác giả"), required=True, aliases=("Tên tác giả",),
               hint=_("Họ và tên; nhiều tác giả cách nhau bởi dấu phẩy hoặc chấm phẩy.")),
        Column("unit", _("Đơn vị áp dụng"), aliases=("Mã đơn vị", "Tên cơ quan làm việc"),
               hint=_("Mã hoặc tên đơn vị; để trống là đơn vị đang nhập.")),
        Column("scope", _("Phạm vi ảnh hưởng"), Choice(InitiativeScope.choices),
               hint=_("Để trống là Cấp cơ sở.")),
        Column("recognised_on", _("Ngày công nhận"), past_date, aliases=("Ngày công nhân",)),
        Column("year", _("Năm công nhận"), a_year,
               hint=_("Để trống là năm của ngày công nhận.")),
        Column("recognised_by", _("Cấp công nhận"), aliases=("Đơn vị công nhận",)),
        Column("decision_reference", _("Số quyết định công nhận"), aliases=("Số quyết định",)),
        Column("summary", _("Tóm tắt"), aliases=("Tóm tắt thành tích đạt được",)),
    )
    ignored = ("Phòng ban làm việc", "Ghi chú")
    FIELDS = ("title", "kind", "recognised_by", "recognised_on", "decision_reference", "summary")

    def prepare(self, rows):
        self.directory = Directory(
            self.unit, units=[v["unit"] for v in rows],
            names=[name for v in rows for name in _AUTHORS.split(v["authors"] or "") if name])
        self.seen = {}
        self.taken = set(Initiative.objects.in_scope(Q(unit__path__startswith=self.unit.path))
                         .values_list("unit", "title", "year"))

    def build(self, number, values, problems):
        initiative = Initiative(**self.fields(values, self.FIELDS))
        initiative.scope = values["scope"] or InitiativeScope.BASE
        recognised = values["recognised_on"]
        initiative.year = values["year"] or (recognised and recognised.year)
        unit, authors = self.unit, []
        try:
            unit = self.directory.unit(values["unit"]) if values["unit"] else self.unit
            if not self.user.has_perm(self.permission, unit):
                raise CellError(_("Bạn không được ghi sáng kiến của %(unit)s."), unit=unit.name)
            for name in filter(None, _AUTHORS.split(values["authors"] or "")):
                authors.append(self.directory.person(name, unit))
        except CellError as error:
            problems.add(number, error.message, column=self.labels["unit"], **error.params)
        initiative.unit = unit
        if not initiative.year:
            problems.add(number, _("Cần ghi Năm công nhận hoặc Ngày công nhận."))
        elif initiative.year > timezone.localdate().year:
            problems.add(number, _("Năm công nhận không được ở tương lai."))
        elif values["recognised_on"] and values["recognised_on"].year != initiative.year:
            problems.add(number, _("Ngày công nhận phải thuộc năm công nhận."))
        key = (unit.pk, initiative.title, initiative.year)
        self.unique(number, "title", key, self.seen, self.taken, problems,
                    shown=f"“{initiative.title}” ({initiative.year})")
        self.validate(number, initiative, problems)
        return initiative, authors

    def describe(self, item):
        initiative, authors = item
        return _("%(unit)s — tác giả: %(authors)s") % {
            "unit": initiative.unit.name, "authors": ", ".join(a.full_name for a in authors)}

    def save(self, item):
        services.save_initiative(self.user, *item)


SPECS = {InitiativeSpec.slug: InitiativeSpec}
