"""The common definitions of ELIGIBILITY.md: holds / has / meets, streaks that do not reuse years,
unused initiatives, holds on the subject; plus the verdict being built and its wording.
"""

from .ruleset import (
    GOOD_OR_BETTER,
    HOLD_REASON_LABEL,
    NATIONAL,
    RATING_LABEL,
    SCOPE_LABEL,
    TYPES,
    short,
)

EMPTY = frozenset()


class Verdict:
    """What one rule found: ``ok`` (every machine-checkable condition holds) and its explanation."""

    __slots__ = ("awards", "initiatives", "manual", "missing", "ok", "reasons")

    def __init__(self):
        self.ok = True
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
    """One subject evaluated for one year; ``verdict(code)`` evaluates a rule once and caches it."""

    __slots__ = ("cache", "members", "regime", "rules", "settings", "subject", "year")

    def __init__(self, subject, year, regime, settings, rules):
        self.subject = subject
        self.year = year
        self.regime = regime
        self.settings = settings
        self.rules = rules
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


def rating_text(rating):
    return RATING_LABEL[rating] if rating else "chưa có xếp loại"


def date_text(day):
    return day.strftime("%d/%m/%Y")


def percent_text(value):
    value = round(value, 1)
    return f"{value:g}".replace(".", ",") + "%"


_GOOD_OR_BETTER_TEXT = "từ Hoàn thành tốt nhiệm vụ trở lên"


def require_rating(ctx, v, year, allowed=GOOD_OR_BETTER):
    """rating(year) ∈ allowed; the wording says which rating was needed and which was found."""
    rating = ctx.subject.ratings.get(year)
    if rating in allowed:
        v.good(f"Xếp loại năm {year}: {RATING_LABEL[rating]}")
        return True
    need = "Hoàn thành xuất sắc nhiệm vụ" if len(allowed) == 1 else _GOOD_OR_BETTER_TEXT
    found = f"là {RATING_LABEL[rating]}" if rating else "chưa có"
    v.fail(f"Xếp loại năm {year} {found}, cần {need}")
    return False


# ---------------------------------------------------------------- has / meets in the proposal year


def explain_unmet(ctx, code):
    return "; ".join(ctx.verdict(code).missing)


def require_has_now(ctx, v, code):
    """has X in y, with the explanation; a same-session X brings its manual checks along."""
    y = ctx.year
    if ctx.holds(code, y):
        v.good(f"Đã đạt {short(code)} năm {y}")
        v.awards.add((y, code))
        return True
    sub = ctx.verdict(code)
    if sub.ok:
        credit_same_session(v, code, y, sub)
        return True
    v.fail(f"Chưa đạt {short(code)} năm {y}: {'; '.join(sub.missing)}")
    return False


def credit_same_session(v, code, year, sub):
    v.good(f"Đủ tiêu chuẩn {short(code)} năm {year} (xét cùng kỳ)")
    v.note(*sub.manual)


# ---------------------------------------------------------------- streaks


def require_streak(ctx, v, needed, target, label, has_in, award_code, explain_now=None):
    """streak of X ending at y ≥ needed, counting only years after the latest ``target`` before y.

    ``has_in(t)`` says whether the subject has X in year t; held awards of ``award_code`` in the
    counted years become evidence. Returns the counted years, newest first.
    """
    y = ctx.year
    cutoff = ctx.latest_before(target, y)
    years = []
    t = y
    while (cutoff is None or t > cutoff) and has_in(t):
        years.append(t)
        t -= 1
    held = ctx.subject.awards.get(award_code, EMPTY)
    v.awards.update((year, award_code) for year in years[:needed] if year in held)
    if len(years) >= needed:
        after = f", tính sau {short(target)} năm {cutoff}" if cutoff is not None else ""
        v.good(f"{label} {needed} năm liên tục: {span(years[needed - 1], y)}{after}")
    elif cutoff is not None and t <= cutoff:
        counted = f" ({span(t + 1, y)})" if years else ""
        v.fail(
            f"Chuỗi {label} liên tục chỉ tính được {len(years)} năm{counted}, cần {needed} năm: "
            f"các năm từ {cutoff} trở về trước đã được tính cho {short(target)} năm {cutoff}"
        )
    else:
        text = f"Thiếu {label} năm {t} (chuỗi {needed} năm liên tục bị ngắt)"
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
        short(code),
        lambda t: ctx.has(code, t),
        code,
        lambda: explain_unmet(ctx, code),
    )
    if years and years[0] == y and y not in held:
        credit_same_session(v, code, y, ctx.verdict(code))
    return years


# ---------------------------------------------------------------- initiatives


def scope_text(min_scope):
    return "toàn quốc" if min_scope == NATIONAL else f"từ {SCOPE_LABEL[min_scope]} trở lên"


def initiative_need(min_scope, first, last):
    window = f"năm {first}" if first == last else f"trong {first}–{last}"
    return (
        f"sáng kiến/đề tài chưa sử dụng, phạm vi {scope_text(min_scope)}, được công nhận {window}"
    )


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


def initiatives_text(items):
    return ", ".join(f"{item.id} ({SCOPE_LABEL[item.scope]}, {item.year})" for item in items)


def _used_text(used_for):
    if isinstance(used_for, (list, tuple)):
        return ", ".join(str(part) for part in used_for)
    return str(used_for)


def initiative_notes(subject, min_scope, first, last, exclude=EMPTY):
    """Why the subject's other initiatives do not count, e.g. " (i2: đã được sử dụng cho …)"."""
    notes = []
    for item in subject.initiatives:
        if item.used_for is not None:
            notes.append(f"{item.id}: đã được sử dụng cho {_used_text(item.used_for)}")
        elif item.key in exclude:
            notes.append(f"{item.id}: {exclude[item.key]}")
        elif item.scope < min_scope:
            notes.append(f"{item.id}: chỉ có phạm vi {SCOPE_LABEL[item.scope]}")
        elif not first <= item.year <= last:
            notes.append(f"{item.id}: công nhận năm {item.year}, ngoài khoảng {span(first, last)}")
    return f" ({'; '.join(notes)})" if notes else ""


def require_initiatives(
    ctx, v, min_scope, first, last, count=1, exclude=EMPTY, instead=None, suffix=""
):
    """``count`` unused initiatives of scope ≥ ``min_scope`` recognised in [first, last].

    ``instead`` names an alternative that was not met either ("Cần <instead> hoặc …");
    ``suffix`` is added to the failure text.
    """
    subject = ctx.subject
    chosen = pick_initiatives(subject, min_scope, first, last, count, exclude)
    v.use(chosen)
    amount = f"{count} " if count > 1 else ""
    need = amount + initiative_need(min_scope, first, last)
    if len(chosen) == count:
        v.good(f"Có {need}: {initiatives_text(chosen)}")
        return True
    have = f", hiện có {len(chosen)}" if count > 1 else ""
    lead = f"Cần {instead} hoặc có" if instead else "Thiếu"
    v.fail(
        f"{lead} {need}{have}{initiative_notes(subject, min_scope, first, last, exclude)}{suffix}"
    )
    return False


def either(first, second):
    """The first route that holds; otherwise the closer route, followed by "Hoặc: <the other>"."""
    if first.ok:
        return first
    if second.ok:
        return second
    best, other = (second, first) if len(second.missing) < len(first.missing) else (first, second)
    best.missing.append("Hoặc: " + "; ".join(other.missing))
    return best


def same_session_initiatives(ctx, code):
    """Initiatives that a same-session (not yet held) ``code`` of year y already relies on."""
    y = ctx.year
    if ctx.holds(code, y):
        return EMPTY
    sub = ctx.verdict(code)
    if not sub.ok or not sub.initiatives:
        return EMPTY
    reason = f"đã dùng cho {short(code)} năm {y} xét cùng kỳ"
    return {str(ident): reason for ident in sub.initiatives}


# ---------------------------------------------------------------- holds and output


HOLD_MISSING = (
    "ON_HOLD: Không được đề nghị khen thưởng khi đang bị xem xét kỷ luật, điều tra, thanh tra, "
    "kiểm tra hoặc giải quyết khiếu nại, tố cáo; chỉ xét lại khi hết thời gian tạm dừng"
)


def hold_messages(holds):
    parts = []
    for hold in holds:
        until = f"đến {date_text(hold.end)}" if hold.end else "chưa có ngày kết thúc"
        reason = HOLD_REASON_LABEL.get(hold.reason.upper(), hold.reason) if hold.reason else ""
        parts.append(
            f"từ {date_text(hold.start)}, {until}" + (f", lý do: {reason}" if reason else "")
        )
    return (
        f"ON_HOLD: Đang trong thời gian tạm dừng xét khen thưởng ({'; '.join(parts)})",
        HOLD_MISSING,
    )


def to_result(subject_id, code, rule, v, hold):
    reasons, missing, eligible = v.reasons, v.missing, v.ok
    if hold:
        reasons, missing, eligible = [hold[0], *reasons], [hold[1], *missing], False
    return {
        "subject": subject_id,
        "type": code,
        "eligible": eligible,
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
    name = TYPES[code][1]
    v.fail(f"Chưa có tiêu chí kiểm tra tự động cho {name}: cần người có thẩm quyền xét")
    v.note(f"Xét tiêu chuẩn {name} theo {rule.legal_basis}")
    return v
