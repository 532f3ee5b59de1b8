"""Excel import of year-end ratings and disciplines for the people of a unit's subtree.

People are found by citizen ID when the sheet has it, otherwise by full name (and birth date, when
given) among those currently working at the unit named on the row; a name that matches two people
is an error asking for the citizen ID."""
from collections import defaultdict

from django.utils.translation import gettext_lazy as _

from thidua.core import crypto
from thidua.core.text import normalize
from thidua.core.xlsx_import import CellError, Choice, Column, Spec, past_date, text
from thidua.organizations.importing import citizen_id
from thidua.organizations.models import Employment, Organization, Person
from thidua.organizations.scoping import current_employment_q

from . import services
from .models import Discipline, DisciplineLevel, Rating


def a_year(value):
    if str(value).isdigit() and 1990 <= int(value) <= 2100:
        return int(value)
    raise CellError(_("%(column)s “%(value)s” không phải năm hợp lệ."), value=value)


a_year.hint = _("Năm, ví dụ 2025.")

PERSON_COLUMNS = (
    Column("full_name", _("Họ và tên"), required=True),
    Column("birth_date", _("Ngày sinh"), past_date),
    Column("citizen_id", _("Số CCCD"), citizen_id),
    Column("organization", _("Mã đơn vị"), required=True,
           hint=_("Mã đơn vị nơi người đó đang công tác, thuộc phạm vi đơn vị đang nhập.")),
)


class PersonRowSpec(Spec):
    """Rows about people already in the system; ``prepare`` loads everyone the file may name."""

    def prepare(self, rows):
        codes = {v["organization"] for v in rows if v["organization"]}
        self.units = {u.code: u for u in Organization.objects.filter(code__in=codes)}
        digests = {crypto.digest(v["citizen_id"]) for v in rows if v["citizen_id"]}
        self.by_digest = {p.citizen_id_digest: p for p in Person.objects.filter(
            citizen_id_digest__in=digests)}
        self.by_name = defaultdict(list)
        employments = Employment.objects.filter(current_employment_q(),
                                                organization__in=self.units.values())
        for job in employments.select_related("person"):
            self.by_name[(job.organization_id, normalize(job.person.full_name))].append(job.person)
        self.seen = {}

    def person(self, number, values, problems):
        unit = values["organization"] and self.in_scope(
            number, "organization", values["organization"], self.units, self.permission, problems)
        if not unit:
            return None
        if values["citizen_id"]:
            found = self.by_digest.get(crypto.digest(values["citizen_id"]))
            candidates = [found] if found else []
        else:
            candidates = [p for p in self.by_name[(unit.pk, normalize(values["full_name"]))]
                          if not values["birth_date"] or p.birth_date == values["birth_date"]]
        if len(candidates) == 1:
            return candidates[0]
        problems.add(number, _("Không tìm thấy %(name)s đang công tác tại %(unit)s.")
                     if not candidates else
                     _("Có %(count)s người tên %(name)s tại %(unit)s; hãy ghi Số CCCD."),
                     name=values["full_name"], unit=unit.name, count=len(candidates))
        return None


class RatingSpec(PersonRowSpec):
    slug, title = "xep-loai", _("Xếp loại hằng năm")
    intro = _("Mỗi dòng một người và một năm: kết quả đánh giá, xếp loại cuối năm.")
    done = _("Đã nhập %(count)s kết quả xếp loại.")
    permission = "awards.rate_people_of"
    columns = PERSON_COLUMNS + (
        Column("year", _("Năm"), a_year, required=True),
        Column("rating", _("Xếp loại"), Choice(Rating.choices), required=True),
        Column("source", _("Căn cứ"), text),
    )

    def build(self, number, values, problems):
        person = self.person(number, values, problems)
        if person:
            self.unique(number, "full_name", (person.pk, values["year"]), self.seen, (), problems,
                        shown=f"{values['full_name']} ({values['year']})")
        return person, values

    def save(self, item):
        person, values = item
        services.set_ratings(self.user, self.units[values["organization"]], values["year"],
                             {person: values["rating"]}, values["source"] or "")


class DisciplineSpec(PersonRowSpec):
    slug, title = "ky-luat", _("Kỷ luật")
    intro = _("Mỗi dòng một hình thức kỷ luật của một người trong một năm.")
    done = _("Đã nhập %(count)s quyết định kỷ luật.")
    permission = "awards.keep_registry_of"
    columns = PERSON_COLUMNS + (
        Column("year", _("Năm"), a_year, required=True),
        Column("level", _("Hình thức kỷ luật"), Choice(DisciplineLevel.choices), required=True),
        Column("decision", _("Quyết định"), text),
    )

    def build(self, number, values, problems):
        return self.person(number, values, problems), values

    def save(self, item):
        person, values = item
        services.add_discipline(self.user, Discipline(
            person=person, year=values["year"], level=values["level"],
            decision=values["decision"] or ""))


SPECS = {spec.slug: spec for spec in (RatingSpec, DisciplineSpec)}
