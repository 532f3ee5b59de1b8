"""Which regime a case falls under (docs/law.md, section 5).

The regime in force on the decision date (the evaluation date) says, per topic, which date
decides — the dossier's receipt, the decision, or the achievement year — and what a case whose
deciding date is before its start follows: the old regime, or the old one unless the new is more
favourable (then both are run and the more favourable kept, see ``awards.regimes``). With no
confirmed regime entered, the engine's built-in periods apply as before.
"""
from collections import namedtuple
from datetime import date

from django.utils.text import capfirst
from django.utils.translation import gettext as _

from .models import DateBasis, Regime, RegimeTopic, Transition

# regime None: the engine's built-in rule table of ``day``.
Candidate = namedtuple("Candidate", "regime day")
Choice = namedtuple("Choice", "primary alternative reason")


def label(candidate):
    if candidate.regime is not None:
        return candidate.regime.name
    return _("quy định áp dụng ngày %(day)s") % {"day": candidate.day.strftime("%d/%m/%Y")}


def key_date(follows, dates):
    """The date ``follows`` names: the receipt date (the decision date when not received yet),
    the decision date, or the last day of the achievement year."""
    if follows == DateBasis.RECEIPT and dates.get("receipt"):
        return dates["receipt"]
    if follows == DateBasis.ACHIEVEMENT_YEAR and dates.get("year"):
        return date(int(dates["year"]), 12, 31)
    return dates["decision"]


def choose(topic, dates):
    """The regime(s) a case dated ``dates`` ({"decision", "receipt", "year"}) falls under for
    ``topic``: a ``Choice`` of the primary candidate, the alternative to compare with (or None)
    and the reason in words."""
    decision = dates["decision"]
    current = Regime.objects.in_force(decision).first()
    if current is None:
        return Choice(Candidate(None, decision), None, "")
    rule = current.rules.filter(topic=topic).first()
    follows = rule.follows if rule else DateBasis.DECISION
    day = key_date(follows, dates)
    facts = {"new": current.name, "start": current.valid_from.strftime("%d/%m/%Y"),
             "basis": DateBasis(follows).label.lower(), "day": day.strftime("%d/%m/%Y")}
    if day >= current.valid_from:
        return Choice(Candidate(current, day), None, _(
            "Áp dụng %(new)s: %(basis)s (%(day)s) từ ngày %(start)s trở đi.") % facts)
    old = Candidate(Regime.objects.in_force(day).first(), day)
    facts["old"] = label(old)
    if rule and rule.transition == Transition.OLD_UNLESS_MORE_FAVOURABLE:
        return Choice(old, Candidate(current, day), capfirst(_(
            "%(basis)s (%(day)s) trước ngày %(new)s có hiệu lực (%(start)s): theo %(old)s, trừ "
            "khi %(new)s có lợi hơn.") % facts))
    return Choice(old, None, capfirst(_("%(basis)s (%(day)s) trước ngày %(new)s có hiệu lực "
                                        "(%(start)s): theo %(old)s.") % facts))


__all__ = ["Candidate", "Choice", "RegimeTopic", "choose", "key_date", "label"]
