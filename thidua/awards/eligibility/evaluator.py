"""Judging a list of subjects for one year, date, rule set and list of types.

An ``Evaluator`` is what ``evaluate`` runs on a parsed request; a bulk run keeps one per worker
across many lists of ``awards.histories.individuals_between`` (bench/eligibility.py).
Individuals whose histories agree on everything the rules read (``individual.history_key``) get
the verdicts of the first one judged: at national scale most people share their last five years
with thousands of others, so most verdicts are copied rather than re-derived. Each result is a
fresh dict; its lists may be shared with other subjects' results, so callers treat results as
read-only.
"""

from . import collective, individual
from .definitions import Ctx, hold_messages, manual_only, to_result
from .input import COLLECTIVE, INDIVIDUAL
from .powers import notes_for
from .texts import texts

_RULES = {INDIVIDUAL: individual.RULES, COLLECTIVE: collective.RULES}
_MANUAL = {INDIVIDUAL: manual_only, COLLECTIVE: collective.manual}
SHARED_LIMIT = 50_000  # distinct histories kept per evaluator (~10 KB each: 6 results)
SUMMARY_LIMIT = 1_000_000  # digests kept per evaluator (a key and a small value: < 1 KB each)


class Evaluator:
    """Verdicts for ``year`` under ``period`` (a ``ruleset.Period``), ``settings`` and ``types``
    (``None``: the period's default types of each kind), worded in the active language."""

    def __init__(self, year, period, settings, types=None):
        self.year = year
        self.period = period
        self.settings = settings
        self.t = texts()
        self.codes = {
            kind: period.default_types[kind] if types is None
            else tuple(code for code in types if (kind, code) in period.rules)
            for kind in (INDIVIDUAL, COLLECTIVE)
        }
        self.shared = {}
        self.summarised = {}
        self.judged = 0  # subjects whose verdicts were derived, not copied

    @property
    def regime(self):
        return self.period.regime

    def results(self, subjects):
        """One result per subject and applicable type, in order."""
        results = []
        extend = results.extend
        shared, year = self.shared, self.year
        for subject in subjects:
            key = individual.history_key(subject, year) if subject.kind == INDIVIDUAL else None
            if key is None:
                extend(self._judge(subject))
                continue
            found = shared.get(key)
            if found is None:
                found = self._judge(subject)
                if len(shared) >= SHARED_LIMIT:
                    shared.clear()
                shared[key] = found
                extend(found)
            else:
                ident = subject.id
                extend([dict(result, subject=ident) for result in found])
        return results

    def summaries(self, subjects, summary, key):
        """``summary(results)`` of each subject's results (one per type, in order), derived once
        per value of ``key(subject, year)`` (None: derived for that subject alone): for a bulk
        caller that keeps a digest of the verdicts only (``awards.verdicts``), a history seen
        before costs one dict look-up instead of copies of its results. Subjects with equal keys
        must have equal summaries, so ``summary`` must not read the subject's id and ``key``
        must hold everything the summary depends on (``individual.status_key``)."""
        cache = self.summarised.setdefault((summary, key), {})
        found, year = [], self.year
        append = found.append
        for subject in subjects:
            ident = key(subject, year) if subject.kind == INDIVIDUAL else None
            if ident is None:
                append(summary(self._judge(subject)))
                continue
            digest = cache.get(ident)
            if digest is None:
                digest = summary(self._judge(subject))
                if len(cache) >= SUMMARY_LIMIT:
                    cache.clear()
                cache[ident] = digest
            append(digest)
        return found

    def _judge(self, subject):
        self.judged += 1
        year, t, kind = self.year, self.t, subject.kind
        rules = self.period.rules
        ctx = Ctx(subject, year, self.period.regime, self.settings, _RULES[kind], t)
        hold = hold_messages(t, subject.holds) if subject.holds else None
        found = []
        for code in self.codes[kind]:
            rule = rules[kind, code]
            verdict = ctx.verdict(code) if rule.machine else _MANUAL[kind](ctx, code, rule)
            if ctx.holds(code, year):
                verdict.note(t.already_held.format(award=t.short[code], year=year))
            if subject.award_notes:
                verdict.note(*notes_for(code, year, verdict.awards, subject.award_notes, t))
            found.append(to_result(subject.id, code, rule, verdict, hold))
        return found
