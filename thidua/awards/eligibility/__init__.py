"""Eligibility engine: which award types a subject can be proposed for in a year, and why.

Pure Python (no ORM; Django only for the translation of its sentences, see ``texts.py``):
``evaluate(payload) -> dict`` applies the rules described in ``docs/eligibility.md`` to a
JSON-shaped history and returns JSON-shaped verdicts, worded in the active language (Vietnamese by
default). ``check_quotas`` checks a unit's list against its quotas (``quotas.py``).

Input (unknown keys are ignored)::

    {"as_of": "2025-12-15",            # evaluation date: LAW_2003 before 2024-01-01, then LAW_2022
     "year": 2025,                     # the achievement year proposed
     "types": ["CSTDCS", "CSTD_BO"],   # optional; default: every machine-checkable type of the kind
     "settings": {...},                # optional, see below
     "subjects": [{
        "id": "p1", "kind": "individual" | "collective",
        "ratings": {"2024": "GOOD"},      # EXCELLENT GOOD COMPLETED NOT_COMPLETED
        "awards": [{"type": "CSTDCS", "year": 2023, "revoked": false,
                    "issuer_kind": "COMMUNE", "decided_on": "2023-12-20"}],
                                        # also revoked by "status": CANCELLED / STRIPPED / REVOKED;
                                        # issuer_kind (null: not identified) and decided_on are
                                        # read only with ``powers`` (see powers.py)
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
"Hoặc: ". Results are read-only: people with the same recent history share the lists of their
verdicts (see ``evaluator.py``).

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

from .evaluator import Evaluator
from .input import EligibilityInputError, individual_subject, parse
from .quotas import check_quotas
from .ruleset import TYPES, period_for, rules_in_force

__all__ = [
    "TYPES",
    "EligibilityInputError",
    "Evaluator",
    "check_quotas",
    "evaluate",
    "evaluator",
    "individual_subject",
    "period_for",
    "rules_in_force",
]


def evaluate(payload, powers=None):
    """Evaluate ``payload`` (the input shape above) and return the output shape above.

    ``powers``, the catalogue of conferral powers (``powers.py``; the registry passes
    ``awards.issuing.power_table()``), makes awards that carry an ``issuer_kind`` (and a
    ``decided_on`` date) count only when that kind of issuer could confer them."""
    collecting = gc.isenabled()
    if collecting:
        gc.disable()  # verdicts make no reference cycles; collections would only slow bulk runs
    try:
        request = parse(payload, powers)
        judge = Evaluator(request.year, request.period, request.settings, request.types)
        return {"regime": judge.regime, "year": request.year,
                "results": judge.results(request.subjects)}
    finally:
        if collecting:
            gc.enable()


def evaluator(as_of, year, types=None, settings=None):
    """An ``Evaluator`` for subjects built elsewhere (``individual_subject``), checked like the
    payload's ``as_of``, ``year``, ``types`` and ``settings``: the bulk door, used over many
    lists."""
    request = parse({"as_of": as_of, "year": year, "types": types, "settings": settings,
                     "subjects": []})
    return Evaluator(request.year, request.period, request.settings, request.types)
