"""Excel import of year-end ratings and disciplines for the people of a unit's subtree.

People are found by citizen ID when the sheet has it, otherwise by full name (and birth date, when
given) among those currently working at the unit named on the row; a name that matches two people
is an error asking for the citizen ID."""
from collections import defaultdict

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError
from django.utils.translation import gettext_lazy as _

from thidua.core import crypto
from thidua.core.scopes import system
from thidua.core.text import normalize
from thidua.core.xlsx_import import (SECTION, CellError, Choice, Column, Spec, a_year, past_date,
                                     text, write_failed)
from thidua.organizations.directory import Directory, chunks
from thidua.organizations.importing import citizen_id
from thidua.organizations.models import Employment, Organization, Person
from thidua.organizations.scoping import current_employment_q

from . import services
from .catalogue import TYPES, peer_codes
from .models import Award, AwardSource, AwardType, Discipline, DisciplineLevel, Rating


PERSON_COLUMNS = (
    Column("full_name", _("Họ và tên"), required=True),
    Column("birth_date", _("Ngày sinh"), past_date),
    Column("citizen_id", _("Số CCCD"), citizen_id),
    Column("organization", _("Mã đơn vị"), required=True,
           hint=_("Mã đơn vị nơi người đó đang công tác, thuộc phạm vi đơn vị đang nhập.")),
)


class PersonRowSpec(Spec):
    """Rows about people already in the system; ``prepare`` loads everyone the file may name."""

    @system("an import finds the people its file names among everyone")
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


# Lists of nominees and of past awards ---------------------------------------------------------

class AwardTypeChoice(Choice):
    """A title or award form by our code, abbreviation, name, or the code of the older templates."""

    hint = _("Tên, tên viết tắt hoặc mã danh hiệu, hình thức khen thưởng theo danh sách bên dưới "
             "(nhận cả mã của mẫu CANHAN, TAPTHE, MauTDKT).")

    def __init__(self):
        super().__init__(self.catalogue)

    def catalogue(self):
        self.types = {award_type.code: award_type for award_type in AwardType.objects.all()}
        return [(code, award_type.name) for code, award_type in self.types.items()]

    def value(self, code):
        return self.types[code]

    def aliases(self, code, label):
        """Also its abbreviation, and from the catalogue (``awards/catalogue.py``) the other
        wordings officials use and the codes (and names) of the peer templates."""
        found = super().aliases(code, label) + [self.types[code].abbreviation]
        kind = TYPES.get(code)
        if kind is None:
            return found
        for peer in kind.peer_codes:
            found += [peer.code] + ([peer.name] if peer.by_name else [])
        return found + list(kind.aliases)

    def guide_rows(self):
        """Our catalogue, then each code of the peer templates and what it is read as."""
        rows = self.options()
        names = dict(rows)
        return rows + [(peer, _("%(peer)s (mẫu CANHAN, TAPTHE, NHANDULIEU, MauTDKT) → %(ours)s")
                        % {"peer": name, "ours": names.get(ours, ours)})
                       for peer, (ours, name) in peer_codes().items()]


def award_type_column(key="award_type", label=_("Danh hiệu, hình thức khen thưởng"),
                      required=True, aliases=()):
    return Column(key, label, AwardTypeChoice(), required=required, aliases=aliases)


SUBJECTS = [("INDIVIDUAL", _("Cá nhân")), ("COLLECTIVE", _("Tập thể")),
            ("HOUSEHOLD", _("Hộ gia đình"))]
# The "phân loại" codes of the older templates: CANHAN/TAPTHE/HOGIADINH, and the subject
# categories of CANHAN, TAPTHE and MauTDKT (PLDT), each telling whether the row is a person, a
# collective or a household (the two codes TAPTHE and PLDT label differently are collectives in
# both).
SUBJECT_CODES = {
    "INDIVIDUAL": (
        "CANHAN", "Khen thưởng cá nhân", "1660638808", "1660638843", "1660638864", "1660638930", "1660638976",
        "1686211958",
        "Lãnh đạo cấp bộ, cấp tỉnh và tương đương trở lên",
        "Lãnh đạo cấp vụ, sở, ngành và tương đương", "Doanh nhân",
        "Các cấp lãnh đạo từ phó phòng trở lên", "Các cấp lãnh đạo khác",
        "Người trực tiếp công tác, lao động, học tập, chiến đấu và phục vụ chiến đấu"),
    "COLLECTIVE": (
        "TAPTHE", "Khen thưởng tập thể", "1660638226", "1660638247", "1668477383", "1668477403", "1668477425",
        "1668477439", "1668477463", "Cơ quan hành chính, sự nghiệp", "Doanh nghiệp",
        "Cơ quan Đảng và các tổ chức chính trị, xã hội", "Cơ quan Trung Ương đóng trên địa bàn",
        "Cơ quan Hành chính", "Đơn vị sự nghiệp", "Hợp tác xã", "Đối tượng khác"),
    "HOUSEHOLD": ("HOGIADINH", "Khen thưởng hộ gia đình", "1660638538"),
}


class SubjectChoice(Choice):
    hint = _("Cá nhân, Tập thể hoặc Hộ gia đình (nhận cả CANHAN, TAPTHE, HOGIADINH và mã phân loại "
             "đối tượng của mẫu cũ).")

    def __init__(self):
        super().__init__(SUBJECTS)

    def aliases(self, code, label):
        return super().aliases(code, label) + list(SUBJECT_CODES[code])

    def guide_rows(self):
        """Ours, then every code and name of the peer templates read as each."""
        return self.options() + [(alias, label) for code, label in SUBJECTS
                                 for alias in SUBJECT_CODES[code]]


def subject_kind(values, default="INDIVIDUAL"):
    """The row's subject kind: its own cell, else the section it is under ("II. Tập thể")."""
    for key in ("subject_kind", "category"):
        if values.get(key):
            return values[key]
    if not values.get(SECTION):
        return default
    section = normalize(values[SECTION])
    for code, label in SUBJECTS:
        if normalize(str(label)) in section:
            return code
    return default


NAME_ALIASES = ("Họ và tên", "Tên tập thể/cá nhân/hộ gia đình", "Tên đơn vị / tập thể",
                "Tên cá nhân/tập thể", "Tên tập thể, cá nhân", "Họ tên")
UNIT_ALIASES = ("Mã đơn vị", "Đơn vị công tác", "Tên đơn vị/tập thể công tác",
                "Tên cơ quan làm việc", "Đơn vị")


class RecipientSpec(Spec):
    """Rows naming a person (by citizen ID, or name with unit and birth date) or a collective (by
    unit code or name) inside the import's subtree."""

    def kind(self, values):
        return subject_kind(values)

    def name(self, values):
        return values["name"]

    def prepare(self, rows):
        self.directory = Directory(
            self.root(), units=[v["organization"] for v in rows] + [
                self.name(v) for v in rows if self.kind(v) == "COLLECTIVE"],
            names=[v.get("head") or self.name(v) for v in rows],
            citizen_ids=[v["citizen_id"] for v in rows])

    def root(self):
        return self.unit

    def recipient(self, number, values, problems):
        """(subject kind, person, organization); both None when the row names no one known. A
        household is recorded on its head ("Chủ hộ", else the name column)."""
        kind, name = self.kind(values), self.name(values)
        person = organization = None
        try:
            unit = values["organization"] and self.directory.unit(values["organization"])
            if kind == "COLLECTIVE":  # the unit column when filled, its code being exact
                organization = unit or self.directory.unit(name)
            elif name or values["citizen_id"]:
                person = self.directory.person(values.get("head") or name, unit or None,
                                               values["birth_date"], values["citizen_id"])
        except CellError as error:
            column = self.labels["name" if kind == "COLLECTIVE" and not values["organization"]
                                 else "organization"]
            problems.add(number, error.message, column=column, **error.params)
        return kind, person, organization


class AwardHistorySpec(RecipientSpec):
    slug, title = "khen-thuong", _("Khen thưởng đã có (quyết định cũ)")
    intro = _("Mỗi dòng một danh hiệu hoặc hình thức khen thưởng đã được tặng theo một quyết định "
              "trước đây, để sổ khen thưởng và việc xét điều kiện tính đủ quá trình.")
    done = _("Đã nhập %(count)s khen thưởng vào sổ khen thưởng.")
    permission = "awards.keep_registry_of"
    columns = (
        Column("subject_kind", _("Đối tượng"), SubjectChoice(),
               aliases=("Phân loại khen thưởng", "Mã phân loại khen thưởng",
                        "Phân loại đối tượng")),
        Column("name", _("Tên cá nhân, tập thể"), required=True, aliases=NAME_ALIASES,
               hint=_("Họ và tên của cá nhân, hoặc tên (hay mã) của tập thể.")),
        Column("birth_date", _("Ngày sinh"), past_date),
        Column("citizen_id", _("Số CCCD"), citizen_id),
        Column("organization", _("Đơn vị công tác"), aliases=UNIT_ALIASES,
               hint=_("Mã hoặc tên đơn vị nơi cá nhân đang công tác; với tập thể là mã đơn vị.")),
        award_type_column(aliases=("Danh hiệu thi đua/Hình thức khen thưởng",
                                   "Hình thức khen thưởng", "Mã hình thức khen thưởng",
                                   "Danh hiệu thi đua")),
        Column("year", _("Năm"), a_year, aliases=("Năm thành tích", "Năm khen thưởng"),
               hint=_("Năm thành tích; để trống là năm của ngày quyết định.")),
        Column("decision_number", _("Số quyết định"), required=True,
               aliases=("Số QĐ", "Số, ký hiệu quyết định")),
        Column("decision_date", _("Ngày quyết định"), past_date, required=True,
               aliases=("Ngày QĐ", "Ngày ký")),
        Column("issuer_name", _("Cơ quan quyết định"), aliases=("Cơ quan ban hành", "Cấp khen")),
        Column("register_number", _("Số vào sổ vàng")),
    )
    ignored = ("Chức vụ", "Giới tính", "Ghi chú")
    FIELDS = ("decision_number", "decision_date", "issuer_name", "register_number")

    @system("an import checks the whole registry for awards its people already hold")
    def prepare(self, rows):
        super().prepare(rows)
        self.seen, self.taken = {}, set()
        people, units = sorted(self.directory.people()), sorted(self.directory.units())
        for chunk in chunks(people):
            self.taken.update(Award.objects.filter(person__in=chunk).values_list(
                "person", "organization", "award_type", "year"))
        for chunk in chunks(units):
            self.taken.update(Award.objects.filter(organization__in=chunk).values_list(
                "person", "organization", "award_type", "year"))

    def build(self, number, values, problems):
        kind, person, organization = self.recipient(number, values, problems)
        award_type = values["award_type"]
        year = values["year"] or (values["decision_date"] and values["decision_date"].year)
        award = Award(person=person, organization=organization, award_type=award_type, year=year,
                      source=AwardSource.IMPORTED, **self.fields(values, self.FIELDS))
        if not (person or organization) or not award_type:
            return award
        name = person or organization
        allowed = self.user.has_perm("awards.keep_registry_for_person", person) if person else \
            self.user.has_perm("awards.keep_registry_of", organization)
        if not allowed:
            problems.add(number, _("Bạn không được ghi sổ khen thưởng của %(name)s."), name=name)
        if award_type.subject_kinds and not award_type.allows_subject(kind):
            problems.add(number, _("“%(type)s” không tặng cho %(kind)s."), type=award_type.label,
                         kind=dict(SUBJECTS)[kind].lower())
        key = (person and person.pk, organization and organization.pk, award_type.pk, year)
        self.unique(number, "name", key, self.seen, self.taken, problems,
                    shown=f"{name} ({award_type.abbreviation} {year})")
        self.validate(number, award, problems, exclude=["person", "organization", "award_type"])
        return award

    def describe(self, award):
        return f"{award.recipient} — {award.award_type.abbreviation} {award.year}"

    def save_all(self, items):
        try:
            services.import_awards(self.user, [award for _number, award in items])
        except (PermissionDenied, ValidationError, IntegrityError) as error:
            raise write_failed(error) from error


SPECS = {spec.slug: spec for spec in (RatingSpec, DisciplineSpec, AwardHistorySpec)}
