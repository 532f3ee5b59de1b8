"""The shared definitions (docs/eligibility.md#definitions-the-rules-share): holds / has / meets,
streaks that do not reuse years, unused initiatives, holds on the subject; plus the verdict being
built and its wording.
"""

from .ruleset import GOOD_OR_BETTER, NATIONAL
from .texts import ON_HOLD, texts

EMPTY = frozenset()


class Verdict:
    """What one rule found: ``ok`` (every machine-checkable condition holds) and its explanation;
    ``undetermined`` when the type has no machine-checkable condition at all."""

    __slots__ = ("awards", "initiatives", "manual", "missing", "ok", "reasons", "undetermined")

    def __init__(self):
        self.ok = True
        self.undetermined = False
        self.reasons = []
        self.missing = []
        self.manual = []
        self.awards = set()
        self.initiatives = []

    def good(self, text):
        if text not in self.reasons:
            self.reasons.append(text)

    def fail(self, text):
        self.ok = False
        if text not in self.missing:
            self.missing.append(text)

    def check(self, ok, good_text, fail_text):
        if ok:
            self.good(good_text)
        else:
            self.fail(fail_text)
        return ok

    def note(self, *texts):
        for text in texts:
            if text not in self.manual:
                self.manual.append(text)

    def use(self, initiatives):
        for item in initiatives:
            if item.id not in self.initiatives:
                self.initiatives.append(item.id)


class Ctx:
    """One subject evaluated for one year; ``verdict(code)`` evaluates a rule once and caches it.

    ``t`` is the table of sentences in the active language (``texts.texts()`` by default).
    """

    __slots__ = ("cache", "members", "regime", "rules", "settings", "subject", "t", "year")

    def __init__(self, subject, year, regime, settings, rules, t=None):
        self.subject = subject
        self.year = year
        self.regime = regime
        self.settings = settings
        self.rules = rules
        self.t = t or texts()
        self.cache = {}
        self.members = None

    def verdict(self, code):
        found = self.cache.get(code)
        if found is None:
            found = self.cache[code] = self.rules[code](self)
        return found

    def holds(self, code, year):
        """*holds X in t*: a non-revoked award of type X for year t."""
        return year in self.subject.awards.get(code, EMPTY)

    def has(self, code, year):
        """*has X in t*: holds X in t, or t is the proposal year and X's criteria are met."""
        return year in self.subject.awards.get(code, EMPTY) or (
            year == self.year and self.verdict(code).ok
        )

    def latest_before(self, code, year):
        return max((t for t in self.subject.awards.get(code, EMPTY) if t < year), default=None)

    def rating(self, year):
        return self.subject.ratings.get(year)


# ---------------------------------------------------------------- wording


def span(first, last):
    return str(first) if first == last else f"{first}–{last}"


def years_text(years):
    return ", ".join(str(t) for t in sorted(years))


def rating_text(t, rating):
    return t.rating[rating] if rating else t.no_rating


def date_text(day):
    return day.strftime("%d/%m/%Y")


def percent_text(value):
    value = round(value, 1)
    return f"{value:g}".replace(".", ",") + "%"


def require_rating(ctx, v, year, allowed=GOOD_OR_BETTER):
    """rating(year) ∈ allowed; the wording says which rating was needed and which was found."""
    t = ctx.t
    rating = ctx.subject.ratings.get(year)
    if rating in allowed:
        v.good(t.rating_is.format(year=year, rating=t.rating[rating]))
        return True
    need = t.rating["EXCELLENT"] if len(allowed) == 1 else t.good_or_better
    if rating:
        v.fail(t.rating_found_need.format(year=year, rating=t.rating[rating], need=need))
    else:
        v.fail(t.rating_none_need.format(year=year, need=need))
    return False


# ---------------------------------------------------------------- has / meets in the proposal year


def explain_unmet(ctx, code):
    return "; ".join(ctx.verdict(code).missing)


def require_has_now(ctx, v, code):
    """has X in y, with the explanation; a same-session X brings its manual checks along."""
    y, t = ctx.year, ctx.t
    if ctx.holds(code, y):
        v.good(t.holds_now.format(award=t.short[code], year=y))
        v.awards.add((y, code))
        return True
    sub = ctx.verdict(code)
    if sub.ok:
        credit_same_session(ctx, v, code, y, sub)
        return True
    v.fail(t.not_met_now.format(award=t.short[code], year=y, missing="; ".join(sub.missing)))
    return False


def credit_same_session(ctx, v, code, year, sub):
    v.good(ctx.t.same_session.format(award=ctx.t.short[code], year=year))
    v.note(*sub.manual)


# ---------------------------------------------------------------- streaks


def require_streak(ctx, v, needed, target, label, has_in, award_code, explain_now=None):
    """streak of X ending at y ≥ needed, counting only years after the latest ``target`` before y.

    ``has_in(t)`` says whether the subject has X in year t; held awards of ``award_code`` in the
    counted years become evidence. Returns the counted years, newest first.
    """
    y, texts = ctx.year, ctx.t
    cutoff = ctx.latest_before(target, y)
    years = []
    t = y
    while (cutoff is None or t > cutoff) and has_in(t):
        years.append(t)
        t -= 1
    held = ctx.subject.awards.get(award_code, EMPTY)
    v.awards.update((year, award_code) for year in years[:needed] if year in held)
    if len(years) >= needed:
        counted = span(years[needed - 1], y)
        if cutoff is None:
            v.good(texts.streak_ok.format(label=label, needed=needed, years=counted))
        else:
            v.good(texts.streak_ok_after.format(
                label=label, needed=needed, years=counted, award=texts.short[target],
                cutoff=cutoff))
    elif cutoff is not None and t <= cutoff:
        v.fail(texts.streak_used.format(
            label=label, count=len(years), counted=f" ({span(t + 1, y)})" if years else "",
            needed=needed, cutoff=cutoff, award=texts.short[target]))
    else:
        text = texts.streak_broken.format(label=label, year=t, needed=needed)
        v.fail(f"{text}: {explain_now()}" if t == y and explain_now else text)
    return years


def require_title_streak(ctx, v, code, needed, target):
    """Streak of an individual title X (has X in t) for the target; credits a same-session X."""
    held = ctx.subject.awards.get(code, EMPTY)
    y = ctx.year
    years = require_streak(
        ctx,
        v,
        needed,
        target,
        ctx.t.short[code],
        lambda t: ctx.has(code, t),
        code,
        lambda: explain_unmet(ctx, code),
    )
    if years and years[0] == y and y not in held:
        credit_same_session(ctx, v, code, y, ctx.verdict(code))
    return years


# ---------------------------------------------------------------- initiatives


def scope_text(t, min_scope):
    if min_scope == NATIONAL:
        return t.scope_national
    return t.scope_at_least.format(scope=t.scope[min_scope])


def initiative_need(t, min_scope, first, last):
    if first == last:
        window = t.window_year.format(year=first)
    else:
        window = t.window_span.format(span=span(first, last))
    return t.initiative_need.format(scope=scope_text(t, min_scope), window=window)


def pick_initiatives(subject, min_scope, first, last, count, exclude=EMPTY):
    """Unused initiatives that fit, lowest scope first, then oldest (keeps the best for later)."""
    chosen = []
    for item in subject.initiatives:
        if (
            item.used_for is None
            and item.scope >= min_scope
            and first <= item.year <= last
            and item.key not in exclude
        ):
            chosen.append(item)
            if len(chosen) == count:
                break
    return chosen


def initiatives_text(t, items):
    return ", ".join(f"{item.id} ({t.scope[item.scope]}, {item.year})" for item in items)


def _used_text(used_for):
    if isinstance(used_for, (list, tuple)):
        return ", ".join(str(part) for part in used_for)
    return str(used_for)


def initiative_notes(t, subject, min_scope, first, last, exclude=EMPTY):
    """Why the subject's other initiatives do not count, e.g. " (i2: đã được sử dụng cho …)"."""
    notes = []
    for item in subject.initiatives:
        if item.used_for is not None:
            notes.append(t.initiative_used.format(id=item.id, used=_used_text(item.used_for)))
        elif item.key in exclude:
            notes.append(f"{item.id}: {exclude[item.key]}")
        elif item.scope < min_scope:
            notes.append(t.initiative_low_scope.format(id=item.id, scope=t.scope[item.scope]))
        elif not first <= item.year <= last:
            notes.append(t.initiative_out_of_window.format(
                id=item.id, year=item.year, span=span(first, last)))
    return f" ({'; '.join(notes)})" if notes else ""


def require_initiatives(
    ctx, v, min_scope, first, last, count=1, exclude=EMPTY, instead=None, suffix=""
):
    """``count`` unused initiatives of scope ≥ ``min_scope`` recognised in [first, last].

    ``instead`` names an alternative that was not met either ("Cần <instead> hoặc …");
    ``suffix`` is added to the failure text.
    """
    subject, t = ctx.subject, ctx.t
    chosen = pick_initiatives(subject, min_scope, first, last, count, exclude)
    v.use(chosen)
    amount = f"{count} " if count > 1 else ""
    need = amount + initiative_need(t, min_scope, first, last)
    if len(chosen) == count:
        v.good(t.initiatives_have.format(need=need, items=initiatives_text(t, chosen)))
        return True
    parts = {
        "need": need,
        "have": t.initiatives_count_now.format(count=len(chosen)) if count > 1 else "",
        "notes": initiative_notes(t, subject, min_scope, first, last, exclude),
        "suffix": suffix,
    }
    if instead:
        v.fail(t.initiatives_instead.format(instead=instead, **parts))
    else:
        v.fail(t.initiatives_missing.format(**parts))
    return False


def either(ctx, first, second):
    """The first route that holds; otherwise the closer route, followed by "Hoặc: <the other>"."""
    if first.ok:
        return first
    if second.ok:
        return second
    best, other = (second, first) if len(second.missing) < len(first.missing) else (first, second)
    best.missing.append(ctx.t.otherwise + "; ".join(other.missing))
    return best


def same_session_initiatives(ctx, code):
    """Initiatives that a same-session (not yet held) ``code`` of year y already relies on."""
    y = ctx.year
    if ctx.holds(code, y):
        return EMPTY
    sub = ctx.verdict(code)
    if not sub.ok or not sub.initiatives:
        return EMPTY
    reason = ctx.t.initiative_same_session.format(award=ctx.t.short[code], year=y)
    return {str(ident): reason for ident in sub.initiatives}


# ---------------------------------------------------------------- holds and output


def hold_messages(t, holds):
    periods = []
    for hold in holds:
        until = t.hold_until.format(end=date_text(hold.end)) if hold.end else t.hold_open
        period = t.hold_from.format(start=date_text(hold.start), until=until)
        if hold.reason:
            reason = t.hold_reason.get(hold.reason.upper(), hold.reason)
            period = t.hold_reason_of.format(period=period, reason=reason)
        periods.append(period)
    return (
        ON_HOLD + t.on_hold.format(periods="; ".join(periods)),
        ON_HOLD + t.on_hold_missing,
    )


def to_result(subject_id, code, rule, v, hold):
    reasons, missing, eligible = v.reasons, v.missing, v.ok
    if hold:
        reasons, missing, eligible = [hold[0], *reasons], [hold[1], *missing], False
    return {
        "subject": subject_id,
        "type": code,
        "eligible": eligible,
        # Nothing to judge by machine (and no hold, which decides by itself): people decide.
        "undetermined": v.undetermined and not hold,
        "reasons": reasons,
        "missing": missing,
        "manual_checks": v.manual,
        "rule": rule.legal_basis,
        "evidence": {
            "awards": [{"type": award, "year": year} for year, award in sorted(v.awards)]
            if v.awards
            else [],
            "initiatives": v.initiatives,
        },
    }


def manual_only(ctx, code, rule):
    """A type with no machine-checkable rule: never eligible by itself, people must judge it."""
    v = Verdict()
    name = ctx.t.name[code]
    v.fail(ctx.t.no_machine_rule.format(name=name))
    v.undetermined = True
    v.note(ctx.t.judge_by_basis.format(name=name, basis=rule.legal_basis))
    return v
