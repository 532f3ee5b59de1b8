"""Who a person may already be: the one rule that creating, editing and moving a person share.

A citizen ID belongs to one person only, so the holder of the same number *is* that person (a
refusal). Without a number the same person is told by name (composed, spacing and case aside) and
birth date among the people ever employed at a unit — only likely: true namesakes born the same
day exist, so the user may confirm and save anyway."""
from typing import NamedTuple

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
    others = Person.objects.exclude(pk=person.pk) if person.pk else Person.objects.all()
    if person.citizen_id_digest:
        holder = others.filter(citizen_id_digest=person.citizen_id_digest).first()
        return Twin(holder, None) if holder else None
    name = same_person(person)
    for unit in units:
        for candidate in others.filter(employments__organization=unit,
                                       birth_date=person.birth_date).distinct().order_by("pk"):
            if same_person(candidate) == name:
                return Twin(candidate, unit)
    return None
