"""The units and people an imported list names, found once for the whole file inside one unit's
subtree (used by the nominee, award history and initiative imports)."""
from collections import defaultdict

from django.utils.translation import gettext_lazy as _

from thidua.core import crypto
from thidua.core.scopes import system
from thidua.core.text import normalize
from thidua.core.xlsx_import import CellError

from .models import Employment, Organization, Person
from .scoping import current_employment_q


def chunks(values, size=500):
    """``values`` in slices small enough for SQLite's parameter limit."""
    for start in range(0, len(values), size):
        yield values[start:start + size]


class Directory:
    """The units and people a file names, looked up once for the whole file, within ``root``'s
    subtree: units by code or unaccented name; people by citizen ID, else by unaccented name among
    those currently working there, narrowed by their unit and birth date."""

    @system("an import matches people by citizen ID among everyone, by name under its root")
    def __init__(self, root, units=(), names=(), citizen_ids=()):
        self.root = root
        units = {str(u) for u in units if u}
        self.by_code = {}
        for chunk in chunks(sorted(units | {u.upper() for u in units})):
            self.by_code.update((u.code.upper(), u) for u in Organization.objects.filter(
                code__in=chunk))
        self.by_unit_name = defaultdict(list)
        subtree = Organization.objects.subtree(root, include_self=True)
        for name in {normalize(u) for u in units if u.upper() not in self.by_code}:
            for unit in subtree.filter(search_text__contains=name):
                if name in (normalize(unit.name), normalize(unit.short_name)):
                    self.by_unit_name[name].append(unit)
        self.by_digest = {}
        for chunk in chunks(sorted({crypto.digest(c) for c in citizen_ids if c})):
            self.by_digest.update((p.citizen_id_digest, p) for p in Person.objects.filter(
                citizen_id_digest__in=chunk))
        self.jobs = defaultdict(list)  # normalised name → [(person, unit)]
        jobs = Employment.objects.filter(current_employment_q(),
                                         organization__path__startswith=root.path)
        for chunk in chunks(sorted({normalize(n) for n in names if n})):
            for job in jobs.filter(person__search_text__in=chunk).select_related(
                    "person", "organization"):
                self.jobs[job.person.search_text].append((job.person, job.organization))
        self.working = set()
        for chunk in chunks(sorted(p.pk for p in self.by_digest.values())):
            self.working.update(jobs.filter(person__in=chunk).values_list("person_id", flat=True))

    def people(self):
        return {p.pk for p in self.by_digest.values()} | {
            person.pk for found in self.jobs.values() for person, _unit in found}

    def units(self):
        return {u.pk for u in self.by_code.values()} | {
            u.pk for found in self.by_unit_name.values() for u in found}

    def unit(self, value):
        """The unit with code or name ``value`` inside the subtree; raises CellError."""
        found = self.by_code.get(str(value).upper())
        if found is None:
            named = self.by_unit_name.get(normalize(str(value)), [])
            if len(named) > 1:
                raise CellError(_("%(column)s “%(value)s”: có %(count)s đơn vị trùng tên; hãy ghi "
                                  "mã đơn vị."), value=value, count=len(named))
            found = named[0] if named else None
        if found is None:
            raise CellError(_("%(column)s “%(value)s” không có trong hệ thống."), value=value)
        if not found.is_within(self.root):
            raise CellError(_("%(column)s “%(value)s” không thuộc phạm vi %(unit)s."),
                            value=value, unit=self.root.name)
        return found

    def person(self, name, unit=None, birth_date=None, citizen_id=None):
        """The one person currently working in the subtree (at ``unit`` when given) who fits;
        raises CellError naming what to add when none or several do."""
        where = unit or self.root
        if citizen_id:
            found = self.by_digest.get(crypto.digest(citizen_id))
            if found is None or found.pk not in self.working:
                raise CellError(_("Không tìm thấy người có Số CCCD %(value)s đang công tác trong "
                                  "phạm vi %(unit)s."), value=crypto.mask(citizen_id),
                                unit=self.root.name)
            return found
        candidates = {person.pk: person for person, job_unit in self.jobs[normalize(name)]
                      if job_unit.is_within(where)
                      and (birth_date is None or person.birth_date == birth_date)}
        if len(candidates) == 1:
            return next(iter(candidates.values()))
        if not candidates:
            raise CellError(_("Không tìm thấy %(name)s đang công tác tại %(unit)s."),
                            name=name, unit=where.name)
        raise CellError(_("Có %(count)s người tên %(name)s tại %(unit)s; hãy ghi Ngày sinh hoặc "
                          "Số CCCD."), name=name, unit=where.name, count=len(candidates))
