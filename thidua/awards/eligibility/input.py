"""Reading and checking the input; every problem is an ``EligibilityInputError`` naming the field.

The parsed form is built so that nothing downstream depends on the order of the input lists:
awards become sets of years per type, disciplines the worst level per year, initiatives and holds
are sorted by their own content, members are only ever counted.
"""

import json
import re
from collections import namedtuple
from datetime import date, datetime

from .powers import OUTSIDE, standing
from .ruleset import (
    COLLECTIVE,
    INDIVIDUAL,
    KINDS,
    LEVEL_RANK,
    RATING_RANK,
    SCOPE_RANK,
    TYPES,
    period_for,
)


class EligibilityInputError(ValueError):
    """Malformed input; ``field`` is the path of the offending value, e.g. ``subjects[0].year``."""

    def __init__(self, field, message):
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


Initiative = namedtuple("Initiative", "id key scope year used_for")
Member = namedtuple("Member", "label rating awards discipline")
Hold = namedtuple("Hold", "start end reason")
Lead = namedtuple("Lead", "name years final_review_year")
Request = namedtuple("Request", "as_of year period settings types subjects")


class Subject:
    __slots__ = (
        "award_notes",
        "awards",
        "bloc_rank",
        "disciplines",
        "holds",
        "id",
        "initiatives",
        "kind",
        "leads",
        "members",
        "ratings",
    )


_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_REVOKED_STATUSES = frozenset({"CANCELLED", "STRIPPED", "REVOKED"})
_SETTING_CHECKS = {
    "collective_ldtt_percent": (False, "phải là số phần trăm từ 0 đến 100"),
    "cstdcs_quota_percent": (True, "phải là số phần trăm từ 0 đến 100 hoặc null"),
}


def _show(value):
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, default=str)
    return f"'{text[:60]}'"


def _require(obj, key, path):
    value = obj.get(key)
    if value is None:
        raise EligibilityInputError(f"{path}.{key}" if path else key, "thiếu trường bắt buộc")
    return value


def _object(value, path):
    if not isinstance(value, dict):
        raise EligibilityInputError(path, "phải là đối tượng JSON")
    return value


def _list(value, path):
    if value is None:
        return ()
    if not isinstance(value, (list, tuple)):
        raise EligibilityInputError(path, "phải là danh sách")
    return value


def _items(value, path):
    """(path of the item, item) for each object of the list ``value``."""
    for index, item in enumerate(_list(value, path)):
        here = f"{path}[{index}]"
        yield here, _object(item, here)


def _whole(value, path, minimum, what):
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        raise EligibilityInputError(path, f"{what} không hợp lệ {_show(value)}")
    return value


def _year(value, path):
    if type(value) is int and 1000 <= value <= 9999:  # the common case, first
        return value
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int) or not 1000 <= value <= 9999:
        raise EligibilityInputError(path, f"năm không hợp lệ {_show(value)}")
    return value


def _date(value, path):
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str) and _DATE.fullmatch(value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise EligibilityInputError(path, f"ngày không hợp lệ {_show(value)} (cần dạng YYYY-MM-DD)")


def _choice(value, table, path, what):
    try:
        return table[value]
    except (KeyError, TypeError):
        raise EligibilityInputError(path, f"{what} không hợp lệ {_show(value)}") from None


def _identifier(value, path):
    if isinstance(value, bool) or not isinstance(value, (str, int)) or value == "":
        raise EligibilityInputError(path, f"mã không hợp lệ {_show(value)}")
    return value


def _label(value, path):
    return None if value is None else _identifier(value, path)


def _ratings(value, path):
    ratings = {}
    for key, rating in _object(value, path).items() if value is not None else ():
        year = int(key) if type(key) is str and len(key) == 4 and key.isdigit() else None
        if year is None or year < 1000:
            year = _year(key, f"{path}.{key}")
        if rating is not None:
            if type(rating) is not str or rating not in RATING_RANK:
                _choice(rating, RATING_RANK, f"{path}.{key}", "xếp loại")
            ratings[year] = rating
    return ratings


def _is_revoked(award, path, index):
    revoked = award.get("revoked")
    if revoked is not None and type(revoked) is not bool:
        raise EligibilityInputError(
            f"{path}[{index}].revoked", f"phải là true hoặc false, nhận được {_show(revoked)}"
        )
    if revoked:
        return True
    status = award.get("status")
    return type(status) is str and status.upper() in _REVOKED_STATUSES


def _code(value, path):
    if not isinstance(value, str) or not value.strip():
        raise EligibilityInputError(path, f"loại khen thưởng không hợp lệ {_show(value)}")
    return value.strip()


def _awards(value, path, powers=None):
    """{code: frozenset of years} of the awards that count, and the notes (powers.py) on those
    left out or not yet verified; without ``powers`` every award counts."""
    awards, notes = {}, []
    for index, award in enumerate(_list(value, path)):
        if type(award) is not dict:
            _object(award, f"{path}[{index}]")
        code, year = award.get("type"), award.get("year")
        if type(code) is not str or code not in TYPES:  # known codes skip the slow checks
            here = f"{path}[{index}]"
            code = _code(_require(award, "type", here), f"{here}.type")
        if type(year) is not int or not 1000 <= year <= 9999:
            here = f"{path}[{index}]"
            year = _year(_require(award, "year", here), f"{here}.year")
        if _is_revoked(award, path, index):
            continue
        if powers is not None and "issuer_kind" in award:
            here = f"{path}[{index}]"
            kind = award["issuer_kind"]
            if kind is not None and not isinstance(kind, str):
                raise EligibilityInputError(f"{here}.issuer_kind",
                                            f"loại cơ quan không hợp lệ {_show(kind)}")
            day = award.get("decided_on")
            day = None if day is None else _date(day, f"{here}.decided_on")
            status = standing(powers, code, kind, day)
            if status is not None:
                notes.append((status, code, year, kind, day))
                if status == OUTSIDE:
                    continue
        awards.setdefault(code, set()).add(year)
    return {code: frozenset(years) for code, years in awards.items()}, _sorted_notes(notes)


def _sorted_notes(notes):
    return tuple(sorted(notes, key=lambda n: (n[2], n[1], n[0], n[3] or "", n[4] or date.min)))


def _initiatives(value, path):
    found, keys = [], set()
    for here, item in _items(value, path):
        ident = _identifier(_require(item, "id", here), f"{here}.id")
        key = str(ident)
        if key in keys:
            raise EligibilityInputError(f"{here}.id", f"trùng mã sáng kiến {_show(ident)}")
        keys.add(key)
        scope = _choice(
            _require(item, "scope", here), SCOPE_RANK, f"{here}.scope", "phạm vi sáng kiến"
        )
        year = _year(_require(item, "year", here), f"{here}.year")
        used_for = item.get("used_for")
        if isinstance(used_for, str):
            used_for = used_for.strip()
        found.append(Initiative(ident, key, scope, year, used_for or None))
    found.sort(key=lambda i: (i.scope, i.year, i.key))
    return tuple(found)


def _disciplines(value, path):
    worst = {}
    for here, item in _items(value, path):
        year = _year(_require(item, "year", here), f"{here}.year")
        level = _choice(_require(item, "level", here), LEVEL_RANK, f"{here}.level", "mức kỷ luật")
        worst[year] = max(level, worst.get(year, level))
    return worst


def _holds(value, path, as_of):
    """The holds whose interval (both ends included) covers ``as_of``, sorted."""
    covering = []
    for here, item in _items(value, path):
        start = _date(_require(item, "from", here), f"{here}.from")
        end = None if item.get("to") is None else _date(item["to"], f"{here}.to")
        if end is not None and end < start:
            raise EligibilityInputError(f"{here}.to", "ngày kết thúc trước ngày bắt đầu")
        reason = item.get("reason")
        if reason is not None and not isinstance(reason, str):
            raise EligibilityInputError(f"{here}.reason", f"lý do không hợp lệ {_show(reason)}")
        if start <= as_of and (end is None or as_of <= end):
            covering.append(Hold(start, end, reason or ""))
    covering.sort(key=lambda h: (h.start, h.end or date.max, h.reason))
    return tuple(covering)


def _members(value, path):
    members = []
    for here, item in _items(value, path):
        label = item.get("id")
        label = _label(item.get("name") if label is None else label, f"{here}.id")
        rating = item.get("rating")
        if rating is not None:
            _choice(rating, RATING_RANK, f"{here}.rating", "xếp loại")
        codes = frozenset(
            _code(code, f"{here}.awards[{n}]")
            for n, code in enumerate(_list(item.get("awards"), f"{here}.awards"))
        )
        level = item.get("discipline")
        if level is not None:
            level = _choice(level, LEVEL_RANK, f"{here}.discipline", "mức kỷ luật")
        members.append(Member(label, rating, codes, level))
    return tuple(members)


def _bloc_rank(value, path):
    return None if value is None else _whole(value, path, 1, "thứ hạng")


def _leads(value, path):
    leads = []
    for here, item in _items(value, path):
        years = _whole(_require(item, "years", here), f"{here}.years", 0, "số năm")
        final = _year(_require(item, "final_review_year", here), f"{here}.final_review_year")
        name = item.get("name")
        leads.append(Lead("" if name is None else str(name), years, final))
    leads.sort()
    return tuple(leads)


def _subject(raw, path, as_of, powers=None):
    raw = _object(raw, path)
    subject = Subject()
    subject.id = _identifier(_require(raw, "id", path), f"{path}.id")
    subject.kind = _require(raw, "kind", path)
    if subject.kind not in KINDS:
        raise EligibilityInputError(
            f"{path}.kind", f"loại đối tượng không hợp lệ {_show(subject.kind)}"
        )
    subject.ratings = _ratings(raw.get("ratings"), f"{path}.ratings")
    subject.awards, subject.award_notes = _awards(raw.get("awards"), f"{path}.awards", powers)
    subject.initiatives = _initiatives(raw.get("initiatives"), f"{path}.initiatives")
    subject.disciplines = _disciplines(raw.get("disciplines"), f"{path}.disciplines")
    subject.holds = _holds(raw.get("holds"), f"{path}.holds", as_of)
    collective = subject.kind == COLLECTIVE
    subject.members = _members(raw.get("members"), f"{path}.members") if collective else ()
    subject.bloc_rank = (
        _bloc_rank(raw.get("bloc_rank"), f"{path}.bloc_rank") if collective else None
    )
    subject.leads = (
        _leads(raw.get("thematic_leads"), f"{path}.thematic_leads") if collective else ()
    )
    return subject


def individual_subject(ident, ratings, awards, initiatives, disciplines, holds, as_of,
                       powers=None):
    """A parsed individual from trusted data (the registry's own rows), without ``parse``'s checks.

    Same vocabulary as the input shape, as tuples: ``ratings`` {year: rating}, ``awards``
    (type, year, revoked) or (type, year, revoked, issuer kind, decision date) when ``powers``
    are given (see powers.py), ``initiatives`` (id, scope, year, used_for), ``disciplines``
    (year, level), ``holds`` (from, to or None, reason); normalised exactly as ``parse`` does.
    """
    subject = Subject()
    subject.id, subject.kind, subject.ratings = ident, INDIVIDUAL, ratings
    held, notes = {}, []
    for award in awards:
        code, year, revoked = award[:3]
        if revoked:
            continue
        if powers is not None:
            status = standing(powers, code, award[3], award[4])
            if status is not None:
                notes.append((status, code, year, award[3], award[4]))
                if status == OUTSIDE:
                    continue
        years = held.get(code)
        if years is None:
            held[code] = {year}
        else:
            years.add(year)
    subject.awards = held  # sets: the rules only read them
    subject.award_notes = _sorted_notes(notes) if notes else ()
    subject.initiatives = tuple(sorted(
        (Initiative(key, key, SCOPE_RANK[scope], year, used_for or None)
         for key, scope, year, used_for in initiatives),
        key=lambda i: (i.scope, i.year, i.key))) if initiatives else ()
    worst = {}
    for year, level in disciplines:
        worst[year] = max(LEVEL_RANK[level], worst.get(year, 0))
    subject.disciplines = worst
    subject.holds = tuple(sorted(
        (Hold(start, end, reason or "") for start, end, reason in holds
         if start <= as_of and (end is None or as_of <= end)),
        key=lambda h: (h.start, h.end or date.max, h.reason))) if holds else ()
    subject.members, subject.bloc_rank, subject.leads = (), None, ()
    return subject


def _settings(value, defaults):
    settings = dict(defaults)
    for key, raw in _object(value, "settings").items() if value is not None else ():
        if key == "window_after_prior_award":
            if not isinstance(raw, bool):
                raise EligibilityInputError(f"settings.{key}", "phải là true hoặc false")
        elif key in _SETTING_CHECKS:
            nullable, message = _SETTING_CHECKS[key]
            is_percent = (
                isinstance(raw, (int, float)) and not isinstance(raw, bool) and 0 <= raw <= 100
            )
            if not (is_percent or (nullable and raw is None)):
                raise EligibilityInputError(f"settings.{key}", message)
        else:
            continue  # unknown keys are ignored
        settings[key] = raw
    return settings


def _types(value):
    if value is None:
        return None
    codes = []
    for index, code in enumerate(_list(value, "types")):
        if not isinstance(code, str) or code not in TYPES:
            raise EligibilityInputError(
                f"types[{index}]", f"loại khen thưởng không hợp lệ {_show(code)}"
            )
        if code not in codes:
            codes.append(code)
    return tuple(codes)


def parse(payload, powers=None):
    """Check ``payload`` and return a ``Request``; raise ``EligibilityInputError`` if malformed.
    ``powers`` is the catalogue of conferral powers (powers.py), or None to count every award."""
    if not isinstance(payload, dict):
        raise EligibilityInputError("dữ liệu vào", "phải là đối tượng JSON")
    as_of = _date(_require(payload, "as_of", ""), "as_of")
    year = _year(_require(payload, "year", ""), "year")
    period = period_for(as_of)
    settings = _settings(payload.get("settings"), period.settings)
    types = _types(payload.get("types"))
    subjects = [
        _subject(raw, f"subjects[{index}]", as_of, powers)
        for index, raw in enumerate(_list(_require(payload, "subjects", ""), "subjects"))
    ]
    return Request(as_of, year, period, settings, types, subjects)


__all__ = ["COLLECTIVE", "INDIVIDUAL", "EligibilityInputError", "Subject", "individual_subject",
           "parse"]
