"""Individual rules (ELIGIBILITY.md "Individual rules"; LAW_2003 differs only for CSTDCS)."""

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
from .ruleset import BASE, GOOD_OR_BETTER, LAW_2003, LEVEL_LABEL, NATIONAL, PROVINCIAL

EXCELLENT_ONLY = frozenset({"EXCELLENT"})
BO = "CSTĐ cấp bộ, ban, ngành, tỉnh"

LDTT_MANUAL = (
    "Chấp hành tốt chủ trương, chính sách, pháp luật; có tinh thần tự lực, tự cường, "
    "đoàn kết, tương trợ, tích cực tham gia phong trào thi đua"
)
BO_MANUAL = "Được bình chọn là tiêu biểu xuất sắc trong số những cá nhân đạt CSTĐCS"
TQ_MANUAL = (
    "Có thành tích tiêu biểu xuất sắc nhất trong số những cá nhân đạt CSTĐ cấp bộ, ban, ngành, tỉnh"
)
BK_BO_MANUAL = (
    "Các trường hợp khác (thành tích trong phong trào thi đua, thành tích đột xuất, "
    "đóng góp cho phát triển kinh tế – xã hội) do người có thẩm quyền xét"
)
BK_TTG_MANUAL = (
    "Các trường hợp khác (thành tích xuất sắc trong phong trào thi đua, thành tích "
    "đột xuất; công nhân, nông dân có mô hình sản xuất ổn định từ 2 năm trở lên) do "
    "người có thẩm quyền xét"
)


def ldtt(ctx):
    """LDTT(y): rating(y) ∈ {EXCELLENT, GOOD}; no discipline in y."""
    v = Verdict()
    y = ctx.year
    require_rating(ctx, v, y)
    level = ctx.subject.disciplines.get(y)
    if level is None:
        v.good(f"Không bị kỷ luật trong năm {y}")
    else:
        v.fail(f"Bị kỷ luật {LEVEL_LABEL[level]} trong năm {y}")
    v.note(LDTT_MANUAL)
    return v


def cstdcs(ctx):
    """CSTDCS(y): has LDTT in y and (rating EXCELLENT or an unused initiative ≥ BASE of y).

    LAW_2003: the initiative is required (rating alone is not enough); the unit's quota is a
    manual check over the unit's list.
    """
    v = Verdict()
    y = ctx.year
    require_has_now(ctx, v, "LDTT")
    rating = ctx.rating(y)
    if ctx.regime == LAW_2003:
        suffix = (
            "; theo Luật TĐKT 2003, xếp loại Hoàn thành xuất sắc nhiệm vụ không thay thế "
            "được sáng kiến"
            if rating == "EXCELLENT"
            else ""
        )
        require_initiatives(ctx, v, BASE, y, y, suffix=suffix)
    elif rating == "EXCELLENT":
        v.good(f"Xếp loại năm {y}: {rating_text(rating)}")
    else:
        instead = f"xếp loại Hoàn thành xuất sắc nhiệm vụ năm {y} (hiện: {rating_text(rating)})"
        require_initiatives(ctx, v, BASE, y, y, instead=instead)
    quota = ctx.settings["cstdcs_quota_percent"]
    if quota is not None:
        v.note(
            f"Số cá nhân đạt CSTĐCS của đơn vị không vượt quá {percent_text(quota)} số cá nhân "
            "đạt LĐTT (kiểm tra trên danh sách của đơn vị)"
        )
    return v


def cstd_bo(ctx):
    """CSTD_BO(y): CSTDCS streak ≥ 3 and an unused initiative ≥ PROVINCIAL within [y-2, y]."""
    v = Verdict()
    y = ctx.year
    require_title_streak(ctx, v, "CSTDCS", 3, "CSTD_BO")
    require_initiatives(
        ctx, v, PROVINCIAL, y - 2, y, exclude=same_session_initiatives(ctx, "CSTDCS")
    )
    v.note(BO_MANUAL)
    return v


def _tq_pair(ctx, v):
    """CSTD_BO held at t and t+3 with t+3 ∈ {y-1, y}; returns t (or the best guess for the window).

    Years already counted for an earlier CSTD_TQ are not counted again.
    """
    y = ctx.year
    cutoff = ctx.latest_before("CSTD_TQ", y)
    held = ctx.subject.awards.get("CSTD_BO", EMPTY)
    usable = {t for t in held if t <= y and (cutoff is None or t > cutoff)}
    pairs = [s - 3 for s in (y - 1, y) if s in usable and s - 3 in usable]
    if pairs:
        t = next(
            (t for t in pairs if pick_initiatives(ctx.subject, NATIONAL, t - 2, y, 1)), pairs[0]
        )
        v.good(f"Đạt {BO} 2 lần liên tiếp theo chu kỳ 3 năm: năm {t} và năm {t + 3}")
        v.awards.update(((t, "CSTD_BO"), (t + 3, "CSTD_BO")))
        return t
    used = (
        f"; các lần đến năm {cutoff} đã được tính cho CSTĐ toàn quốc năm {cutoff}"
        if cutoff is not None and any(t <= cutoff for t in held)
        else ""
    )
    late = [s for s in (y, y - 1) if s in usable]
    early = [t for t in (y - 3, y - 4) if t in usable]
    if late:
        t = late[0] - 3
        v.fail(f"Thiếu {BO} năm {t} (lần liền trước lần năm {t + 3}, cách đúng 3 năm){used}")
    elif early:
        t = early[0]
        v.fail(f"Thiếu {BO} năm {t + 3} (lần thứ hai, cách lần năm {t} đúng 3 năm){used}")
    else:
        t = y - 4
        v.fail(
            f"Cần đạt {BO} 2 lần liên tiếp theo chu kỳ 3 năm (năm t và t+3, lần sau vào năm "
            f"{y - 1} hoặc {y}){used}"
        )
    return t


def cstd_tq(ctx):
    """CSTD_TQ(y): CSTD_BO at t and t+3 (t+3 ∈ {y-1, y}); an unused NATIONAL initiative in
    [t-2, y]."""
    v = Verdict()
    y = ctx.year
    t = _tq_pair(ctx, v)
    require_initiatives(ctx, v, NATIONAL, t - 2, y)
    v.note(TQ_MANUAL)
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
        first = either(first, second)
    first.note(BK_BO_MANUAL)
    return first


def _prior_bk_bo(ctx, v, first):
    """holds BK_BO in some year b; with the window setting b < y-4 (the five years follow it)."""
    y = ctx.year
    held = [b for b in ctx.subject.awards.get("BK_BO", EMPTY) if b <= y]
    window = ctx.settings["window_after_prior_award"]
    before = [b for b in held if b < first] if window else held
    if before:
        b = max(before)
        after = f", trước 5 năm xét {span(first, y)}" if window else ""
        v.good(f"Đã có Bằng khen cấp bộ, ban, ngành, tỉnh năm {b}{after}")
        v.awards.add((b, "BK_BO"))
    elif held:
        v.fail(
            f"Bằng khen cấp bộ, ban, ngành, tỉnh năm {years_text(held)} chưa đủ 5 năm: 5 năm xét "
            f"({span(first, y)}) phải sau năm nhận Bằng khen, tức Bằng khen từ năm {first - 1} "
            "trở về trước"
        )
    else:
        v.fail(f"Chưa có Bằng khen cấp bộ, ban, ngành, tỉnh (tính đến năm {y})")


def bk_ttg(ctx):
    """BK_TTG(y), Art. 73(1)(b): a BK_BO in year b (b < y-4 by default), ratings ≥ GOOD in each of
    y-4 … y, and CSTDCS in at least 3 of those years."""
    v = Verdict()
    y = ctx.year
    first = y - 4
    _prior_bk_bo(ctx, v, first)
    low = [t for t in range(first, y + 1) if ctx.rating(t) not in GOOD_OR_BETTER]
    v.check(
        not low,
        f"Xếp loại từ Hoàn thành tốt nhiệm vụ trở lên 5 năm liên tục {span(first, y)}",
        "Xếp loại chưa đạt từ Hoàn thành tốt nhiệm vụ trở lên ở năm "
        + ", ".join(f"{t} ({rating_text(ctx.rating(t))})" for t in low),
    )
    years = [t for t in range(first, y + 1) if ctx.has("CSTDCS", t)]
    held = ctx.subject.awards.get("CSTDCS", EMPTY)
    v.awards.update((t, "CSTDCS") for t in years if t in held)
    if len(years) >= 3:
        v.good(f"Đạt CSTĐCS {len(years)} lần trong {span(first, y)}: {years_text(years)}")
        if y in years and y not in held:
            credit_same_session(v, "CSTDCS", y, ctx.verdict("CSTDCS"))
    else:
        found = f" ({years_text(years)})" if years else ""
        now = "" if y in years else f"; CSTĐCS năm {y}: {explain_unmet(ctx, 'CSTDCS')}"
        v.fail(
            f"Chỉ đạt CSTĐCS {len(years)} lần trong {span(first, y)}{found}, cần ít nhất 3 lần{now}"
        )
    prior = [t for t in ctx.subject.awards.get("BK_TTG", EMPTY) if t < y]
    if prior:
        v.note(
            f"Đã có Bằng khen của Thủ tướng Chính phủ năm {years_text(prior)}: kiểm tra thành tích "
            "không bị dùng lại"
        )
    v.note(BK_TTG_MANUAL)
    return v


RULES = {
    "LDTT": ldtt,
    "CSTDCS": cstdcs,
    "CSTD_BO": cstd_bo,
    "CSTD_TQ": cstd_tq,
    "BK_BO": bk_bo,
    "BK_TTG": bk_ttg,
}
