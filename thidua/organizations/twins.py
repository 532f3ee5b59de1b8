"""Who a person may already be: the one rule that creating, editing and moving a person share.

A citizen ID belongs to one person only, so the holder of the same number *is* that person (a
refusal). Without a number the same person is told by name (composed, spacing and case aside) and
birth date among the people ever employed at a unit — only likely: true namesakes born the same
day exist, so the user may confirm and save anyway."""
from typing import NamedTuple

from django.db.models import F, Q

from thidua.core.scopes import system
from thidua.core.text import normalize_spacing

from .models import Person


def same_person(person):
    """The name as compared for likely duplicates: composed, single-spaced, lower case — Ơn and
    On stay different, "NGUYỄN  Văn A" and "Nguyễn Văn A" do not."""
    return normalize_spacing(person.full_name).lower()


class Twin(NamedTuple):
    existing: Person
    unit: object  # where the same name and birth date were found; None: the same citizen ID

    @property
    def certain(self):
        return self.unit is None


@system("a twin is looked for among everyone: the same person may be recorded elsewhere")
def find_twin(person, units):
    """The Twin ``person`` (saved or not) may be, or None: the holder of their citizen ID, else —
    without one — someone else ever employed at one of ``units`` with the same name and birth
    date."""
    return find_twins([(person, units)])[0]


@system("a twin is looked for among everyone: the same person may be recorded elsewhere")
def find_twins(candidates):
    """``find_twin`` for many: [(person, units)] → [Twin or None] in the same order, in two
    queries whatever the number (an import checks a thousand people at once)."""
    digests = {p.citizen_id_digest for p, _units in candidates if p.citizen_id_digest}
    holders = {h.citizen_id_digest: h for h in Person.objects.filter(citizen_id_digest__in=digests)}
    named = [(p, units) for p, units in candidates if not p.citizen_id_digest]
    seen = {}  # (unit id, birth date, name) → the first such person by id
    if named:
        units = {unit.pk for _p, units in named for unit in units}
        births = {p.birth_date for p, _units in named}
        born = Q(birth_date__in=births - {None})
        if None in births:
            born |= Q(birth_date__isnull=True)
        for other in (Person.objects.filter(born, employments__organization__in=units)
                      .annotate(unit_id=F("employments__organization")).order_by("pk")):
            seen.setdefault((other.unit_id, other.birth_date, same_person(other)), []).append(other)
    return [_twin(person, units, holders, seen) for person, units in candidates]


def _twin(person, units, holders, seen):
    if person.citizen_id_digest:
        holder = holders.get(person.citizen_id_digest)
        return Twin(holder, None) if holder and holder.pk != person.pk else None
    name = same_person(person)
    for unit in units:
        for other in seen.get((unit.pk, person.birth_date, name), ()):
            if other.pk != person.pk:
                return Twin(other, unit)
    return None
