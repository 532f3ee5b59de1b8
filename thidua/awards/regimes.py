"""Eligibility under the regimes an administrator entered (``legal.regimes``): the rule table and
thresholds of the regime a case falls under; where a transition says "old unless the new is more
favourable", both are run and, per subject and type, the new verdict is kept only when it is
eligible and the old is not — each result says which regime judged it and why."""
from django.utils.translation import gettext as _

from thidua.legal import regimes
from thidua.legal.models import RegimeTopic

from .eligibility import Evaluator
from .eligibility.input import parse
from .eligibility.ruleset import period_for, periods
from .issuing import power_table


def engine_period(engine, day):
    """The built-in rule table of ``engine`` (LAW_2003 / LAW_2022) in force on ``day``, or its
    latest one."""
    tables = [period for period in periods() if period.regime == engine]
    for period in reversed(tables):
        if period.valid_from is None or period.valid_from <= day:
            return period
    return tables[0]


def _run(payload, candidate, powers):
    regime = candidate.regime
    settings = {**(payload.get("settings") or {}), **(regime.settings if regime else {})}
    request = parse({**payload, "settings": settings}, powers)
    period = (period_for(candidate.day) if regime is None
              else engine_period(regime.engine, max(regime.valid_from, candidate.day)))
    judge = Evaluator(request.year, period, request.settings, request.types)
    return judge.results(request.subjects)


def _note(result, candidate, reason):
    return {**result, "regime_name": regimes.label(candidate), "regime_note": reason}


def judge(payload, dates):
    """``eligibility.evaluate`` of ``payload`` under the regime(s) ``dates`` fall under
    (``{"decision": date, "receipt": date or None, "year": int}``)."""
    powers = power_table()
    choice = regimes.choose(RegimeTopic.ELIGIBILITY, dates)
    first = _run(payload, choice.primary, powers)
    output = {"regime": regimes.label(choice.primary), "year": int(payload["year"]),
              "transition": choice.reason}
    if choice.alternative is None:
        output["results"] = [_note(r, choice.primary, choice.reason) for r in first]
        return output
    second = {(r["subject"], r["type"]): r for r in _run(payload, choice.alternative, powers)}
    words = {"reason": choice.reason, "new": regimes.label(choice.alternative),
             "old": regimes.label(choice.primary)}
    results = []
    for old in first:
        new = second.get((old["subject"], old["type"]))
        if new is not None and new["eligible"] and not old["eligible"]:
            results.append(_note(new, choice.alternative, _(
                "%(reason)s %(new)s có lợi hơn: đủ điều kiện, còn theo %(old)s thì chưa.")
                % words))
        else:
            results.append(_note(old, choice.primary, _(
                "%(reason)s %(new)s không có lợi hơn nên giữ %(old)s.") % words))
    output["results"] = results
    return output
