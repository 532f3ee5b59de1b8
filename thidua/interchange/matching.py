"""Finding who a written row means: the unit by its name (abbreviations such as “HTX” or “LMHTX”
read as their long form), a person by exact name at that unit, then by name without accents at
that unit and birth date when one is written. A row ends matched, ambiguous (with the choices),
new (an individual the system does not know yet), or missing (a unit the network lacks)."""
import re

from django.db.models import Q
from django.utils.translation import gettext as _

from thidua.core.text import ABBREVIATIONS, normalize, normalize_spacing
from thidua.core.xlsx_import import match_key
from thidua.nominations.rules import INTAKE, PROPOSERS
from thidua.organizations.models import Employment, Organization
from thidua.organizations.scoping import current_employment_q, organization_q, roles_at

MATCHED, AMBIGUOUS, NEW, MISSING = "matched", "ambiguous", "new", "missing"
_LONG = {short: long for long, short in ABBREVIATIONS.items()} | {"tp": "thanh pho"}
_GENERIC = {"hop", "tac", "xa", "lien", "minh", "hiep", "to", "quy", "tin", "dung", "nhan", "dan",
            "viet", "nam"}
_HONORIFIC = re.compile(r"^(ông|bà|ong|ba)\s+", re.IGNORECASE)
CANDIDATES = 200


def unit_key(text):
    """Comparable form of a unit name: “HTX NN Thủy Thanh” and “Hợp tác xã NN Thủy Thanh”."""
    words = match_key(text).split()
    return " ".join(_LONG.get(word, word) for word in words)


def _query_words(key):
    words = [word for word in key.split() if word not in _GENERIC]
    return words or key.split()


def find_units(scope, text):
    """Units of ``scope`` (a queryset) that ``text`` names. A “position, unit” cell is read part
    by part from the right, so “Giám đốc, HTX Nông nghiệp Thủy Thanh” finds the cooperative."""
    text = normalize_spacing(text)
    if not text:
        return []
    parts = [text] + [part.strip() for part in reversed(text.split(",")) if part.strip()]
    for part in parts:
        key = unit_key(part)
        if not key:
            continue
        query = Q()
        for word in _query_words(key):
            query &= Q(search_text__contains=word)
        found = [unit for unit in scope.filter(query)[:CANDIDATES]
                 if key in {unit_key(unit.name), unit_key(unit.short_name), match_key(unit.code)}]
        if found:
            return found
    return []


def subtree(unit):
    return Organization.objects.filter(path__startswith=unit.path)


def find_proposer(user, lines):
    """The unit that issued the document: among the heading lines (parent body, then issuing
    body, then “Số: …”), the deepest unit the user may propose for."""
    scope = Organization.objects.filter(organization_q(user, PROPOSERS))
    found = []
    for line in lines[:15]:
        key = match_key(line)
        if not key or key.startswith(("cong hoa", "doc lap", "so ", "kinh gui")):
            continue
        found += find_units(scope, line)
    return max(found, key=lambda unit: unit.depth, default=None)


def default_authority(user, proposer):
    """The nearest level above ``proposer`` where the user does intake, else its parent."""
    ancestors = list(proposer.ancestors().reverse())
    for unit in ancestors:
        if INTAKE & roles_at(user, unit):
            return unit
    return ancestors[0] if ancestors else proposer


def clean_name(name):
    """(name without “Ông/Bà”, gender the honorific tells or "")."""
    match = _HONORIFIC.match(name)
    if not match:
        return normalize_spacing(name), ""
    gender = "MALE" if normalize(match[1]) == "ong" else "FEMALE"
    return normalize_spacing(name[match.end():]), gender


def _birth_fits(person, birth):
    if not birth or person.birth_date is None:
        return True
    if len(birth) == 4:
        return person.birth_date.year == int(birth)
    return person.birth_date.isoformat() == birth


def person_label(person, unit=None):
    parts = [person.full_name]
    if person.birth_date:
        parts.append(person.birth_date.strftime("%d/%m/%Y"))
    if unit is not None:
        parts.append(unit.name)
    return " — ".join(parts)


def people_named(user, proposer, names):
    """{name without accents: [(person, unit)]} of the people the user may see who currently
    work in ``proposer``'s subtree under one of ``names``: one query per 500 names, not one per
    row."""
    keys = sorted({normalize(name) for name in names if name})
    found = {}
    for start in range(0, len(keys), 500):
        employments = Employment.objects.visible_to(user).filter(
            current_employment_q(), organization__path__startswith=proposer.path,
            person__search_text__in=keys[start:start + 500],
        ).select_related("person", "organization").order_by("person_id", "pk")
        for employment in employments:
            people = found.setdefault(employment.person.search_text, {})
            people.setdefault(employment.person_id, (employment.person, employment.organization))
    return {key: list(people.values()) for key, people in found.items()}


def find_people(candidates, unit, name, birth):
    """(status, [(person, unit)]) for an individual named ``name`` working in ``unit``'s
    subtree, among ``candidates`` (from ``people_named``): exact name first, then the name
    without accents, each narrowed by birth date."""
    people = [pair for pair in candidates.get(normalize(name), [])
              if pair[1].is_within(unit)]
    exact = [pair for pair in people if pair[0].full_name == name]
    for tier in (exact, people):
        fit = [pair for pair in tier if _birth_fits(pair[0], birth)]
        if len(fit) == 1:
            return MATCHED, fit
        if fit:
            return AMBIGUOUS, fit
    return NEW, []


def _by_citizen_id(user, proposer, row, match):
    """Match on the citizen ID (an Excel list may give it); True when it found the person."""
    employment = Employment.objects.visible_to(user).filter(
        current_employment_q(), organization__path__startswith=proposer.path,
        person__citizen_id_digest=row["citizen_id_digest"],
    ).select_related("person", "organization").first()
    if employment is None:
        return False
    match.update(status=MATCHED, id=employment.person_id,
                 label=person_label(employment.person, employment.organization),
                 unit_id=employment.organization_id, unit_label=employment.organization.name)
    return True


class Matcher:
    """Matches the rows of one intake; a unit written on many rows is looked up once."""

    def __init__(self, user, proposer, rows):
        self.user, self.proposer = user, proposer
        self.scope = subtree(proposer)
        self.found = {}
        self.people = people_named(user, proposer, [row["person_name"] for row in rows
                                                    if row["kind"] != "COLLECTIVE"])

    def units(self, *texts):
        """The units named by the first of ``texts`` that names any."""
        for text in texts:
            if text not in self.found:
                self.found[text] = find_units(self.scope, text)
            if self.found[text]:
                return self.found[text]
        return []

    def match(self, row):
        """Fill ``row["match"]`` and add the row's matching problems."""
        problems = row.setdefault("problems", [])
        match = {"status": MISSING, "id": None, "label": "", "choices": [], "unit_id": None,
                 "unit_label": ""}
        row["match"] = match
        if row["kind"] == "COLLECTIVE":
            self._collective(row, match, problems)
            return row
        units = self.units(row.get("unit_code", ""), row["unit"])
        unit = units[0] if len(units) == 1 else None
        if row.get("citizen_id_digest") and _by_citizen_id(self.user, self.proposer, row, match):
            return row
        if unit is not None:
            match.update(unit_id=unit.pk, unit_label=unit.name)
        elif not row["unit"]:
            problems.append(warning(_("Không ghi đơn vị công tác; tìm trong toàn bộ %(unit)s.")
                                    % {"unit": self.proposer.name}))
        else:
            problems.append(warning(_("Không nhận ra đơn vị “%(text)s”; tìm trong toàn bộ "
                                      "%(unit)s.") % {"text": row["unit"],
                                                      "unit": self.proposer.name}))
        status, found = find_people(self.people, unit or self.proposer, row["person_name"],
                                    row["birth"])
        match["status"] = status
        if status == MATCHED:
            person, where = found[0]
            match.update(id=person.pk, label=person_label(person, where), unit_id=where.pk,
                         unit_label=where.name)
        elif status == AMBIGUOUS:
            match["choices"] = [{"id": p.pk, "label": person_label(p, u)} for p, u in found]
        elif unit is None:
            problems.append(error(_("%(name)s chưa có trong hệ thống và không xác định được đơn "
                                    "vị công tác, nên không tạo mới được; hãy ghi đơn vị hoặc "
                                    "thêm người này vào mạng lưới trước.") % {
                                        "name": row["person_name"]}))
        return row

    def _collective(self, row, match, problems):
        units = self.units(row.get("unit_code", ""), row["name"])
        if len(units) == 1:
            match.update(status=MATCHED, id=units[0].pk, label=units[0].name)
        elif units:
            match.update(status=AMBIGUOUS, choices=[
                {"id": u.pk, "label": f"{u.name} ({u.code})"} for u in units])
        else:
            problems.append(error(_("Không tìm thấy tập thể “%(name)s” trong %(unit)s và các "
                                    "đơn vị trực thuộc; hãy thêm đơn vị vào mạng lưới trước.")
                                  % {"name": row["name"], "unit": self.proposer.name}))


def error(text):
    return {"level": "error", "text": str(text)}


def warning(text):
    return {"level": "warning", "text": str(text)}
