"""Collective rules (ELIGIBILITY.md "Collective rules").

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

TTLDTT_MANUAL = (
    "Tích cực tham gia phong trào thi đua; nội bộ đoàn kết, chấp hành tốt chủ trương, "
    "chính sách, pháp luật"
)
TTLDXS_MANUAL = (
    "Được bình xét trong số các tập thể đạt TTLĐTT; sáng tạo, vượt khó hoàn thành xuất "
    "sắc nhiệm vụ, là tập thể tiêu biểu"
)
CO_BO_MANUAL = (
    "Hoàn thành vượt mức chỉ tiêu thi đua và nhiệm vụ được giao; là tập thể tiêu biểu xuất "
    "sắc; nội bộ đoàn kết; tổ chức đảng, đoàn thể đạt tiêu chuẩn; thực hành tiết kiệm, "
    "chống tham nhũng, lãng phí"
)
BK_BO_MANUAL = (
    "Thực hiện tốt dân chủ ở cơ sở, chăm lo đời sống vật chất, tinh thần của người lao "
    "động, thực hành tiết kiệm"
)
STREAK_LABEL = "TTLĐXS hoặc xếp loại Hoàn thành xuất sắc nhiệm vụ"


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
    return (
        f"Danh sách thành viên của tập thể năm {ctx.year} trống: không xét được danh hiệu tập thể"
    )


def require_members(ctx, v):
    total = stats(ctx).total
    return v.check(total > 0, f"Có danh sách {total} thành viên năm {ctx.year}", _empty_text(ctx))


def _ldtt_share(ctx, v, percent):
    s = stats(ctx)
    found = percent_text(100 * s.ldtt / s.total)
    share = f"{s.ldtt}/{s.total} thành viên ({found}) đạt LĐTT năm {ctx.year}"
    v.check(
        s.ldtt * 100 >= percent * s.total,
        f"{share}, đạt tỷ lệ tối thiểu {percent_text(percent)}",
        f"Chỉ {share}, cần ít nhất {percent_text(percent)}",
    )


def _no_warning(ctx, v):
    warned = stats(ctx).warned
    v.check(
        not warned,
        f"Không có thành viên bị kỷ luật từ cảnh cáo trở lên năm {ctx.year}",
        f"{len(warned)} thành viên bị kỷ luật từ cảnh cáo trở lên năm {ctx.year}{_who(warned)}",
    )


def ttldtt(ctx):
    """TTLDTT(y): rating ≥ GOOD; ≥ collective_ldtt_percent of members have LDTT; no WARNING+."""
    v = Verdict()
    members = require_members(ctx, v)
    require_rating(ctx, v, ctx.year)
    if members:
        _ldtt_share(ctx, v, ctx.settings["collective_ldtt_percent"])
        _no_warning(ctx, v)
    v.note(TTLDTT_MANUAL)
    return v


def ttldxs(ctx):
    """TTLDXS(y): rating EXCELLENT; meets TTLDTT; every member ≥ COMPLETED; ≥ 70% LDTT; a CSTDCS."""
    v = Verdict()
    y = ctx.year
    members = require_members(ctx, v)
    require_rating(ctx, v, y, EXCELLENT_ONLY)  # implies the TTLDTT rating
    if members:
        s = stats(ctx)
        _ldtt_share(ctx, v, ctx.settings["collective_ldtt_percent"])  # meets TTLDTT
        _no_warning(ctx, v)
        v.check(
            not s.below,
            f"100% thành viên xếp loại từ Hoàn thành nhiệm vụ trở lên năm {y}",
            f"{len(s.below)}/{s.total} thành viên xếp loại dưới Hoàn thành nhiệm vụ hoặc chưa có "
            f"xếp loại năm {y}{_who(s.below)}",
        )
        _ldtt_share(ctx, v, LAW_LDTT_PERCENT)
        v.check(
            s.cstdcs > 0,
            f"{s.cstdcs} thành viên đạt CSTĐCS năm {y}",
            f"Không có thành viên nào đạt CSTĐCS năm {y}",
        )
    v.note(TTLDTT_MANUAL, TTLDXS_MANUAL)
    return v


def _bloc_route(ctx):
    v = Verdict()
    y = ctx.year
    rank = ctx.subject.bloc_rank
    if rank == 1:
        v.good(f"Dẫn đầu khối/cụm thi đua năm {y}")
    elif rank is None:
        v.fail(f"Chưa có kết quả xếp hạng khối/cụm thi đua năm {y} (cần dẫn đầu)")
    else:
        v.fail(f"Xếp hạng {rank} trong khối/cụm thi đua năm {y}, cần dẫn đầu (hạng 1)")
    sub = ctx.verdict("TTLDXS")
    v.check(
        sub.ok,
        f"Đủ tiêu chuẩn TTLĐXS năm {y}",
        f"Chưa đủ tiêu chuẩn TTLĐXS năm {y}: {'; '.join(sub.missing)}",
    )
    v.note(*sub.manual)
    return v


def _movement_route(ctx):
    v = Verdict()
    y = ctx.year
    leads = [lead for lead in ctx.subject.leads if lead.years >= 3 and lead.final_review_year == y]
    if leads:
        for lead in leads:
            name = f" “{lead.name}”" if lead.name else ""
            v.good(
                f"Dẫn đầu phong trào thi đua chuyên đề{name} ({lead.years} năm), tổng kết năm {y}"
            )
    else:
        v.fail(
            f"Chưa dẫn đầu phong trào thi đua chuyên đề nào kéo dài từ 3 năm trở lên được tổng "
            f"kết năm {y}"
        )
    return v


def co_bo(ctx):
    """CO_BO(y): bloc_rank == 1 and meets TTLDXS; or leads a thematic movement of ≥ 3 years at its
    final review in y (input ``thematic_leads``)."""
    v = either(_bloc_route(ctx), _movement_route(ctx))
    if not stats(ctx).total:
        v.ok = False
        v.missing.insert(0, _empty_text(ctx))
    v.note(CO_BO_MANUAL)
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
        STREAK_LABEL,
        lambda t: ctx.holds("TTLDXS", t) or ctx.rating(t) == "EXCELLENT",
        "TTLDXS",
        lambda: f"xếp loại năm {y}: {rating_text(ctx.rating(y))}",
    )
    v.note(BK_BO_MANUAL)
    return v


def manual(ctx, code, rule):
    v = manual_only(ctx, code, rule)
    require_members(ctx, v)
    return v


RULES = {
    "TTLDTT": ttldtt,
    "TTLDXS": ttldxs,
    "CO_BO": co_bo,
    "BK_BO": bk_bo,
}
