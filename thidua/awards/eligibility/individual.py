"""Individual rules (docs/eligibility.md#individual-rules; LAW_2003 differs only for CSTDCS)."""

from .definitions import (
    EMPTY,
    Verdict,
    credit_same_session,
    either,
    explain_unmet,
    percent_text,
    pick_initiatives,
    rating_text,
    require_has_now,
    require_initiatives,
    require_rating,
    require_title_streak,
    same_session_initiatives,
    span,
    years_text,
)
from .ruleset import BASE, GOOD_OR_BETTER, LAW_2003, NATIONAL, PROVINCIAL

EXCELLENT_ONLY = frozenset({"EXCELLENT"})


def ldtt(ctx):
    """LDTT(y): rating(y) ∈ {EXCELLENT, GOOD}; no discipline in y."""
    v = Verdict()
    y, t = ctx.year, ctx.t
    require_rating(ctx, v, y)
    level = ctx.subject.disciplines.get(y)
    if level is None:
        v.good(t.no_discipline.format(year=y))
    else:
        v.fail(t.disciplined.format(level=t.level[level], year=y))
    v.note(t.ldtt_manual)
    return v


def cstdcs(ctx):
    """CSTDCS(y): has LDTT in y and (rating EXCELLENT or an unused initiative ≥ BASE of y).

    LAW_2003: the initiative is required (rating alone is not enough); the unit's quota is a
    manual check over the unit's list.
    """
    v = Verdict()
    y, t = ctx.year, ctx.t
    require_has_now(ctx, v, "LDTT")
    rating = ctx.rating(y)
    if ctx.regime == LAW_2003:
        suffix = t.cstdcs_2003_rating if rating == "EXCELLENT" else ""
        require_initiatives(ctx, v, BASE, y, y, suffix=suffix)
    elif rating == "EXCELLENT":
        v.good(t.rating_is.format(year=y, rating=rating_text(t, rating)))
    else:
        instead = t.cstdcs_instead.format(year=y, rating=rating_text(t, rating))
        require_initiatives(ctx, v, BASE, y, y, instead=instead)
    quota = ctx.settings["cstdcs_quota_percent"]
    if quota is not None:
        v.note(t.cstdcs_quota.format(percent=percent_text(quota)))
    return v


def cstd_bo(ctx):
    """CSTD_BO(y): CSTDCS streak ≥ 3 and an unused initiative ≥ PROVINCIAL within [y-2, y]."""
    v = Verdict()
    y = ctx.year
    require_title_streak(ctx, v, "CSTDCS", 3, "CSTD_BO")
    require_initiatives(
        ctx, v, PROVINCIAL, y - 2, y, exclude=same_session_initiatives(ctx, "CSTDCS")
    )
    v.note(ctx.t.bo_manual)
    return v


def _tq_pair(ctx, v):
    """CSTD_BO held at t and t+3 with t+3 ∈ {y-1, y}; returns t (or the best guess for the window).

    Years already counted for an earlier CSTD_TQ are not counted again.
    """
    y, texts = ctx.year, ctx.t
    bo = texts.short["CSTD_BO"]
    cutoff = ctx.latest_before("CSTD_TQ", y)
    held = ctx.subject.awards.get("CSTD_BO", EMPTY)
    usable = {t for t in held if t <= y and (cutoff is None or t > cutoff)}
    pairs = [s - 3 for s in (y - 1, y) if s in usable and s - 3 in usable]
    if pairs:
        t = next(
            (t for t in pairs if pick_initiatives(ctx.subject, NATIONAL, t - 2, y, 1)), pairs[0]
        )
        v.good(texts.tq_pair.format(award=bo, first=t, second=t + 3))
        v.awards.update(((t, "CSTD_BO"), (t + 3, "CSTD_BO")))
        return t
    used = (
        texts.tq_used.format(year=cutoff)
        if cutoff is not None and any(t <= cutoff for t in held)
        else ""
    )
    late = [s for s in (y, y - 1) if s in usable]
    early = [t for t in (y - 3, y - 4) if t in usable]
    if late:
        t = late[0] - 3
        v.fail(texts.tq_missing_first.format(award=bo, year=t, later=t + 3, used=used))
    elif early:
        t = early[0]
        v.fail(texts.tq_missing_second.format(award=bo, year=t, later=t + 3, used=used))
    else:
        t = y - 4
        v.fail(texts.tq_missing_both.format(award=bo, previous=y - 1, year=y, used=used))
    return t


def cstd_tq(ctx):
    """CSTD_TQ(y): CSTD_BO at t and t+3 (t+3 ∈ {y-1, y}); an unused NATIONAL initiative in
    [t-2, y]."""
    v = Verdict()
    y = ctx.year
    t = _tq_pair(ctx, v)
    require_initiatives(ctx, v, NATIONAL, t - 2, y)
    v.note(ctx.t.tq_manual)
    return v


def bk_bo(ctx):
    """BK_BO(y), Art. 74(1)(d): CSTDCS streak ≥ 2, or EXCELLENT in y-1 and y with 2 unused
    initiatives ≥ BASE recognised within [y-1, y]."""
    y = ctx.year
    first = Verdict()
    require_title_streak(ctx, first, "CSTDCS", 2, "BK_BO")
    if not first.ok:
        second = Verdict()
        require_rating(ctx, second, y - 1, EXCELLENT_ONLY)
        require_rating(ctx, second, y, EXCELLENT_ONLY)
        require_initiatives(ctx, second, BASE, y - 1, y, count=2)
        first = either(ctx, first, second)
    first.note(ctx.t.bk_bo_manual)
    return first


def _prior_bk_bo(ctx, v, first):
    """holds BK_BO in some year b; with the window setting b < y-4 (the five years follow it)."""
    y, t = ctx.year, ctx.t
    held = [b for b in ctx.subject.awards.get("BK_BO", EMPTY) if b <= y]
    window = ctx.settings["window_after_prior_award"]
    before = [b for b in held if b < first] if window else held
    if before:
        b = max(before)
        if window:
            v.good(t.prior_bk_bo_before.format(year=b, span=span(first, y)))
        else:
            v.good(t.prior_bk_bo.format(year=b))
        v.awards.add((b, "BK_BO"))
    elif held:
        v.fail(t.prior_bk_bo_too_late.format(
            years=years_text(held), span=span(first, y), year=first - 1))
    else:
        v.fail(t.no_bk_bo.format(year=y))


def bk_ttg(ctx):
    """BK_TTG(y), Art. 73(1)(b): a BK_BO in year b (b < y-4 by default), ratings ≥ GOOD in each of
    y-4 … y, and CSTDCS in at least 3 of those years."""
    v = Verdict()
    y, texts = ctx.year, ctx.t
    first = y - 4
    _prior_bk_bo(ctx, v, first)
    low = [t for t in range(first, y + 1) if ctx.rating(t) not in GOOD_OR_BETTER]
    v.check(
        not low,
        texts.five_years_rated.format(span=span(first, y)),
        texts.five_years_low.format(
            years=", ".join(f"{t} ({rating_text(texts, ctx.rating(t))})" for t in low)
        ),
    )
    years = [t for t in range(first, y + 1) if ctx.has("CSTDCS", t)]
    held = ctx.subject.awards.get("CSTDCS", EMPTY)
    v.awards.update((t, "CSTDCS") for t in years if t in held)
    if len(years) >= 3:
        v.good(texts.cstdcs_times.format(
            count=len(years), span=span(first, y), years=years_text(years)))
        if y in years and y not in held:
            credit_same_session(ctx, v, "CSTDCS", y, ctx.verdict("CSTDCS"))
    else:
        found = f" ({years_text(years)})" if years else ""
        now = (
            "" if y in years
            else texts.cstdcs_now.format(year=y, missing=explain_unmet(ctx, "CSTDCS"))
        )
        v.fail(texts.cstdcs_too_few.format(count=len(years), span=span(first, y), found=found)
               + now)
    prior = [t for t in ctx.subject.awards.get("BK_TTG", EMPTY) if t < y]
    if prior:
        v.note(texts.bk_ttg_prior.format(years=years_text(prior)))
    v.note(texts.bk_ttg_manual)
    return v


# ---------------------------------------------------------------- what the rules read

# Titles read in every year up to y (cut-offs, prior awards, cycles); other types only in y.
_READ_UP_TO_Y = frozenset({"CSTD_BO", "CSTD_TQ", "BK_BO", "BK_TTG"})
RATINGS_READ = 5  # the rules read the ratings of y-4 … y (BK_TTG's five years), no older one


def _cstdcs_read(held, y):
    """CSTDCS years the rules read: y-4 … y (BK_TTG) and the unbroken run back from y-1
    (the streaks, which stop at the first gap)."""
    years = [t for t in held if y - 4 <= t <= y]
    if len(years) - (y in held) == 4:  # y-4 … y-1 all held: the run may go further back
        t = y - 5
        while t in held:
            years.append(t)
            t -= 1
    return frozenset(years)


def history_key(subject, y):
    """Everything the individual rules read of ``subject``'s history when judging year ``y``, or
    None when the subject is not worth sharing (initiatives and holds carry their own ids and
    dates into the wording, so such histories are rarely shared).

    Two subjects with equal keys get the same verdicts for the same request: ``status_key``
    and the notes on awards left out or unverified. Keep both keys in step with the rules above;
    tests/awards/test_eligibility_sharing.py checks them against fresh evaluations.
    """
    if subject.initiatives or subject.holds:
        return None
    return (*status_key(subject, y), subject.award_notes)


def status_key(subject, y):
    """What decides whether ``subject`` is eligible, or short of which conditions, for each type
    in year ``y`` (its wording aside), or None for a subject on hold: ratings of y-4 … y, the
    discipline of y, LDTT of y, the CSTDCS years above, the cut-off and prior titles up to y,
    any other type in y, and its initiatives as (scope, year, unused) — the rules pick them by
    these alone, lowest scope and oldest first, and name them by id only in the wording.
    ``history_key`` adds the notes on awards, which only add manual checks (``evaluator``).
    Subjects with equal status keys get the same eligibility and the same number of unmet
    conditions per type: all that the stored verdicts keep (``awards.verdicts``)."""
    if subject.holds:
        return None
    ratings = subject.ratings
    awards = []
    for code, years in subject.awards.items():
        if code == "CSTDCS":
            read = _cstdcs_read(years, y)
        elif code in _READ_UP_TO_Y:
            read = frozenset(t for t in years if t <= y)
        else:
            read = y in years
        if read:
            awards.append((code, read))
    if len(awards) > 1:
        awards.sort()
    initiatives = tuple(sorted((item.scope, item.year, item.used_for is None)
                               for item in subject.initiatives)) if subject.initiatives else ()
    return (
        *map(ratings.get, range(y - RATINGS_READ + 1, y + 1)), subject.disciplines.get(y),
        tuple(awards), initiatives,
    )


RULES = {
    "LDTT": ldtt,
    "CSTDCS": cstdcs,
    "CSTD_BO": cstd_bo,
    "CSTD_TQ": cstd_tq,
    "BK_BO": bk_bo,
    "BK_TTG": bk_ttg,
}
