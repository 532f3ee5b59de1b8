"""Counting an award by what it is: its type, and whether its issuer could confer that type on
the decision date (the catalogue of powers, given by the caller as ``powers``: {(issuer kind,
award code): ((from, to), …)}, open ends None). Pure, like the rest of the engine.

An award whose issuer kind is given and could not confer it does not count (say a CSTĐCS decided
by a district after 30/6/2025); one whose issuer is known to be unidentified still counts and
its verdicts ask people to check it. Without ``powers`` every award counts as before.
"""

OUTSIDE, UNVERIFIED = "OUTSIDE", "UNVERIFIED"

# The award types each rule reads besides its own (the rules of docs/eligibility.md), so a
# verdict mentions an award left out only when it mattered.
READS = {
    "CSTDCS": {"LDTT"},
    "CSTD_BO": {"LDTT", "CSTDCS"},
    "CSTD_TQ": {"CSTD_BO"},
    "BK_BO": {"LDTT", "CSTDCS", "TTLDXS"},
    "BK_TTG": {"LDTT", "CSTDCS", "BK_BO"},
    "TTLDXS": {"TTLDTT"},
    "CO_BO": {"TTLDTT", "TTLDXS"},
}


def may_confer(powers, issuer_kind, code, day):
    """Whether ``powers`` let ``issuer_kind`` confer ``code`` on ``day``; without a date, whether
    they ever did."""
    periods = powers.get((issuer_kind, code), ())
    if day is None:
        return bool(periods)
    return any((start is None or start <= day) and (end is None or day <= end)
               for start, end in periods)


def standing(powers, code, issuer_kind, day):
    """None when the award counts plainly, else OUTSIDE or UNVERIFIED."""
    if issuer_kind is None:
        return UNVERIFIED
    return None if may_confer(powers, issuer_kind, code, day) else OUTSIDE


# Titles the rules read only in the proposal year (has X in y).
READ_IN_YEAR_ONLY = frozenset({"LDTT", "TTLDTT"})


def notes_for(code, y, verdict_awards, notes, t):
    """Manual checks for one verdict of type ``code`` in year ``y`` from the subject's award
    notes: an award left out that the rule reads, an unverified award the verdict relied on."""
    found = []
    for status, award, year, issuer_kind, day in notes:
        read = award == code or (award in READS.get(code, ()) and (
            year == y or award not in READ_IN_YEAR_ONLY))
        if status == OUTSIDE and read and year <= y:
            found.append(t.award_outside_powers.format(
                award=t.short.get(award, award), year=year,
                issuer=t.issuer_kind.get(issuer_kind, issuer_kind),
                day=day.strftime("%d/%m/%Y") if day else t.no_decision_date))
        elif status == UNVERIFIED and (year, award) in verdict_awards:
            found.append(t.award_unverified.format(award=t.short.get(award, award), year=year))
    return found
