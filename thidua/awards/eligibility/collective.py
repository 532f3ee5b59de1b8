"""Collective rules (docs/eligibility.md#collective-rules).

Members are judged by the individual rules with what is given (no initiatives): a member has LDTT
when it is listed or its rating is EXCELLENT/GOOD with no discipline; it has CSTDCS when it is
listed or (LAW_2022) it has LDTT with an EXCELLENT rating. Percentages are of all members listed;
an empty member list makes every collective title ineligible.
"""

from collections import namedtuple

from .definitions import (
    Verdict,
    either,
    manual_only,
    percent_text,
    rating_text,
    require_rating,
    require_streak,
)
from .ruleset import COMPLETED_OR_BETTER, GOOD_OR_BETTER, LAW_2003, WARNING

Stats = namedtuple("Stats", "total ldtt cstdcs below warned")
EXCELLENT_ONLY = frozenset({"EXCELLENT"})
LAW_LDTT_PERCENT = 70  # TTLDXS, Law Art. 27(1): not a setting


def stats(ctx):
    if ctx.members is None:
        law_2003 = ctx.regime == LAW_2003
        ldtt = cstdcs = 0
        below, warned = [], []
        for member in ctx.subject.members:
            has_ldtt = "LDTT" in member.awards or (
                member.rating in GOOD_OR_BETTER and member.discipline is None
            )
            ldtt += has_ldtt
            cstdcs += "CSTDCS" in member.awards or (
                not law_2003 and has_ldtt and member.rating == "EXCELLENT"
            )
            if member.rating not in COMPLETED_OR_BETTER:
                below.append(member)
            if member.discipline is not None and member.discipline >= WARNING:
                warned.append(member)
        ctx.members = Stats(len(ctx.subject.members), ldtt, cstdcs, below, warned)
    return ctx.members


def _who(members):
    labels = sorted(str(member.label) for member in members if member.label is not None)
    return f" ({', '.join(labels)})" if labels else ""


def _empty_text(ctx):
    return ctx.t.members_empty.format(year=ctx.year)


def require_members(ctx, v):
    total = stats(ctx).total
    return v.check(
        total > 0, ctx.t.members_listed.format(total=total, year=ctx.year), _empty_text(ctx)
    )


def _ldtt_share(ctx, v, percent):
    s = stats(ctx)
    share = {
        "count": s.ldtt,
        "total": s.total,
        "share": percent_text(100 * s.ldtt / s.total),
        "year": ctx.year,
        "percent": percent_text(percent),
    }
    v.check(
        s.ldtt * 100 >= percent * s.total,
        ctx.t.ldtt_share_ok.format(**share),
        ctx.t.ldtt_share_low.format(**share),
    )


def _no_warning(ctx, v):
    warned = stats(ctx).warned
    v.check(
        not warned,
        ctx.t.no_warning.format(year=ctx.year),
        ctx.t.warned.format(count=len(warned), year=ctx.year, who=_who(warned)),
    )


def ttldtt(ctx):
    """TTLDTT(y): rating ≥ GOOD; ≥ collective_ldtt_percent of members have LDTT; no WARNING+."""
    v = Verdict()
    members = require_members(ctx, v)
    require_rating(ctx, v, ctx.year)
    if members:
        _ldtt_share(ctx, v, ctx.settings["collective_ldtt_percent"])
        _no_warning(ctx, v)
    v.note(ctx.t.ttldtt_manual)
    return v


def ttldxs(ctx):
    """TTLDXS(y): rating EXCELLENT; meets TTLDTT; every member ≥ COMPLETED; ≥ 70% LDTT; a CSTDCS."""
    v = Verdict()
    y, t = ctx.year, ctx.t
    members = require_members(ctx, v)
    require_rating(ctx, v, y, EXCELLENT_ONLY)  # implies the TTLDTT rating
    if members:
        s = stats(ctx)
        _ldtt_share(ctx, v, ctx.settings["collective_ldtt_percent"])  # meets TTLDTT
        _no_warning(ctx, v)
        v.check(
            not s.below,
            t.all_completed.format(year=y),
            t.some_below.format(count=len(s.below), total=s.total, year=y, who=_who(s.below)),
        )
        _ldtt_share(ctx, v, LAW_LDTT_PERCENT)
        v.check(
            s.cstdcs > 0,
            t.member_cstdcs.format(count=s.cstdcs, year=y),
            t.no_member_cstdcs.format(year=y),
        )
    v.note(t.ttldtt_manual, t.ttldxs_manual)
    return v


def _bloc_route(ctx):
    v = Verdict()
    y, t = ctx.year, ctx.t
    rank = ctx.subject.bloc_rank
    if rank == 1:
        v.good(t.bloc_leader.format(year=y))
    elif rank is None:
        v.fail(t.bloc_unranked.format(year=y))
    else:
        v.fail(t.bloc_rank.format(rank=rank, year=y))
    sub = ctx.verdict("TTLDXS")
    v.check(
        sub.ok,
        t.meets_ttldxs.format(year=y),
        t.fails_ttldxs.format(year=y, missing="; ".join(sub.missing)),
    )
    v.note(*sub.manual)
    return v


def _movement_route(ctx):
    v = Verdict()
    y, t = ctx.year, ctx.t
    leads = [lead for lead in ctx.subject.leads if lead.years >= 3 and lead.final_review_year == y]
    if leads:
        for lead in leads:
            if lead.name:
                v.good(t.thematic_lead_named.format(name=lead.name, years=lead.years, year=y))
            else:
                v.good(t.thematic_lead.format(years=lead.years, year=y))
    else:
        v.fail(t.no_thematic_lead.format(year=y))
    return v


def co_bo(ctx):
    """CO_BO(y): bloc_rank == 1 and meets TTLDXS; or leads a thematic movement of ≥ 3 years at its
    final review in y (input ``thematic_leads``)."""
    v = either(ctx, _bloc_route(ctx), _movement_route(ctx))
    if not stats(ctx).total:
        v.ok = False
        v.missing.insert(0, _empty_text(ctx))
    v.note(ctx.t.co_bo_manual)
    return v


def bk_bo(ctx):
    """BK_BO(y) collective: streak of (TTLDXS held or EXCELLENT rating) ending at y ≥ 2."""
    v = Verdict()
    y = ctx.year
    require_members(ctx, v)
    require_streak(
        ctx,
        v,
        2,
        "BK_BO",
        ctx.t.collective_streak,
        lambda t: ctx.holds("TTLDXS", t) or ctx.rating(t) == "EXCELLENT",
        "TTLDXS",
        lambda: ctx.t.rating_of_year.format(year=y, rating=rating_text(ctx.t, ctx.rating(y))),
    )
    v.note(ctx.t.collective_bk_bo_manual)
    return v


def manual(ctx, code, rule):
    v = manual_only(ctx, code, rule)
    if not require_members(ctx, v):
        v.undetermined = False  # a collective with nobody listed is not eligible, by machine
    return v


RULES = {
    "TTLDTT": ttldtt,
    "TTLDXS": ttldxs,
    "CO_BO": co_bo,
    "BK_BO": bk_bo,
}
