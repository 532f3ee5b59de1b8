"""Eligibility engine: which award types a subject can be proposed for in a year, and why.

Pure Python (no ORM; Django only for the translation of its sentences, see ``texts.py``):
``evaluate(payload) -> dict`` applies the rules of ``shared/domain/ELIGIBILITY.md`` to a JSON-shaped
history and returns JSON-shaped verdicts, worded in the active language (Vietnamese by default).
``check_quotas`` checks a unit's list against its quotas (``quotas.py``).

Input (unknown keys are ignored)::

    {"as_of": "2025-12-15",            # evaluation date: LAW_2003 before 2024-01-01, then LAW_2022
     "year": 2025,                     # the achievement year proposed
     "types": ["CSTDCS", "CSTD_BO"],   # optional; default: every machine-checkable type of the kind
     "settings": {...},                # optional, see below
     "subjects": [{
        "id": "p1", "kind": "individual" | "collective",
        "ratings": {"2024": "GOOD"},      # EXCELLENT GOOD COMPLETED NOT_COMPLETED
        "awards": [{"type": "CSTDCS", "year": 2023, "revoked": false}],
                                        # also revoked by "status": CANCELLED / STRIPPED / REVOKED
        "initiatives": [{"id": "i1", "scope": "PROVINCIAL", "year": 2024, "used_for": null}],
        "disciplines": [{"year": 2022, "level": "REPRIMAND"}],  # … WARNING DEMOTION DISMISSAL
        "holds": [{"from": "2025-03-01", "to": null, "reason": "INVESTIGATION"}],  # ends included
        # collectives only:
        "bloc_rank": 1,                 # rank in its emulation bloc/cluster in `year`
        "members": [{"id": "m1", "rating": "GOOD", "awards": ["LDTT"], "discipline": null}],
        "thematic_leads": [{"name": "…", "years": 3, "final_review_year": 2025}]}]}

Output: ``{"regime", "year", "results": [{"subject", "type", "eligible", "reasons", "missing",
"manual_checks", "rule", "evidence": {"awards": [{"type", "year"}], "initiatives": [ids]}}]}``,
one result per subject and applicable type, subjects in input order, types in the order asked
(or the catalogue order). Types asked for that do not fit the subject's kind are skipped; types
with no machine-checkable rule (GK, KNC, HCLD*, CO_CP, collective BK_TTG) are answered only when
asked for, never eligible, with a manual check. A subject on hold is never eligible; the first
entry of its ``reasons`` and of its ``missing`` starts with ``ON_HOLD:``. When no route of a rule
holds, the closer route is reported and the other follows as one ``missing`` entry starting
"Hoặc: ".

Settings (the *(setting)* thresholds; anything absent takes the legal default of the regime):

- ``collective_ldtt_percent`` (number 0–100, default 70): share of members with LDTT needed for
  TTLDTT (and so for TTLDXS, which also needs the law's own 70%). Exactly the threshold passes.
- ``window_after_prior_award`` (bool, default true): for BK_TTG the five rated years y-4 … y must
  follow the year of the BK_BO (b < y-4); false accepts any BK_BO up to y.
- ``cstdcs_quota_percent`` (number 0–100 or null; default 15 under LAW_2003, null under LAW_2022):
  the unit's CSTDCS quota as a share of its LDTT holders; checked over the unit's list (by
  ``check_quotas``), so it only adds a manual check to CSTDCS verdicts.

Malformed input raises ``EligibilityInputError`` whose message names the field, e.g.
``subjects[0].ratings.2024: xếp loại không hợp lệ 'FOO'``.
"""

import gc

from . import collective, individual
from .definitions import Ctx, hold_messages, manual_only, to_result
from .input import COLLECTIVE, INDIVIDUAL, EligibilityInputError, parse
from .quotas import check_quotas
from .ruleset import TYPES, period_for, rules_in_force
from .texts import texts

__all__ = [
    "TYPES",
    "EligibilityInputError",
    "check_quotas",
    "evaluate",
    "period_for",
    "rules_in_force",
]

_RULES = {INDIVIDUAL: individual.RULES, COLLECTIVE: collective.RULES}
_MANUAL = {INDIVIDUAL: manual_only, COLLECTIVE: collective.manual}
# Types asked for, per (period, kind, asked): built on first use, reused for every subject.
_APPLICABLE = {}


def _applicable(period, kind, types):
    key = (id(period), kind, types)
    codes = _APPLICABLE.get(key)
    if codes is None:
        if types is None:
            codes = period.default_types[kind]
        else:
            codes = tuple(code for code in types if (kind, code) in period.rules)
        if len(_APPLICABLE) < 1024:
            _APPLICABLE[key] = codes
    return codes


def evaluate(payload):
    """Evaluate ``payload`` (the input shape above) and return the output shape above."""
    collecting = gc.isenabled()
    if collecting:
        gc.disable()  # verdicts make no reference cycles; collections would only slow bulk runs
    try:
        return _evaluate(parse(payload))
    finally:
        if collecting:
            gc.enable()


def _evaluate(request):
    year, period, settings, types = request.year, request.period, request.settings, request.types
    regime, rules = period.regime, period.rules
    t = texts()
    results = []
    append = results.append
    for subject in request.subjects:
        kind = subject.kind
        ctx = Ctx(subject, year, regime, settings, _RULES[kind], t)
        hold = hold_messages(t, subject.holds) if subject.holds else None
        for code in _applicable(period, kind, types):
            rule = rules[kind, code]
            verdict = ctx.verdict(code) if rule.machine else _MANUAL[kind](ctx, code, rule)
            if ctx.holds(code, year):
                verdict.note(t.already_held.format(award=t.short[code], year=year))
            append(to_result(subject.id, code, rule, verdict, hold))
    return {"regime": regime, "year": year, "results": results}
