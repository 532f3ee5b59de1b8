"""Ranking of a bloc's members from their scores: pure Python over plain values, no ORM inside.

``rank`` takes the members, the criteria in their order and each (member, criterion) score, and
returns one ``Standing`` per member, best first. Ties on the total are broken by the sheet's
``TieBreak``: CRITERIA_IN_ORDER compares the first criterion, then the second, and so on (members
still equal on every criterion share the rank); SHARED gives every equal total the same rank. Ranks
are "competition" ranks: two members sharing rank 1 are followed by rank 3.
"""
from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext_lazy as _

from .models.groups import TieBreak

FLAG = "FLAG"
MERIT = "MERIT"
PROPOSALS = {FLAG: _("Đề nghị Cờ thi đua"), MERIT: _("Đề nghị Bằng khen")}
MERIT_RANKS = (2, 3)  # the two places after the leader are proposed for a Bằng khen


@dataclass(frozen=True)
class Standing:
    member: object
    points: tuple  # per criterion, in the criteria's order
    total: Decimal
    rank: int
    scored: bool

    @property
    def proposal(self):
        """FLAG for the leader, MERIT for the next two places, None otherwise (or unscored)."""
        if not self.scored:
            return None
        if self.rank == 1:
            return FLAG
        if self.rank in MERIT_RANKS:
            return MERIT
        return None

    @property
    def proposal_label(self):
        return PROPOSALS.get(self.proposal, "")


def rank(members, criteria, points, tie_break=TieBreak.CRITERIA_IN_ORDER):
    """``points`` maps (member, criterion) to a Decimal; a missing score counts as 0."""
    rows = []
    for member in members:
        values = tuple(Decimal(points.get((member, criterion), 0)) for criterion in criteria)
        scored = any((member, criterion) in points for criterion in criteria)
        rows.append((member, values, sum(values, Decimal(0)), scored))

    def comparable(row):
        _member, values, total, _scored = row
        return (total, *values) if tie_break == TieBreak.CRITERIA_IN_ORDER else (total,)

    ordered = sorted(rows, key=comparable, reverse=True)
    standings = []
    for position, row in enumerate(ordered, start=1):
        if standings and comparable(row) == comparable(ordered[position - 2]):
            place = standings[-1].rank
        else:
            place = position
        member, values, total, scored = row
        standings.append(Standing(member, values, total, place, scored))
    return standings
