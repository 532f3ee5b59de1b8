"""Quotas over a unit's list: a quota is checked over the unit's whole list, never per person
(docs/eligibility.md#quotas).

A quota caps how many subjects of one kind a unit may propose for one award type in a year:

- ``{"type": "CSTDCS", "percent": 15, "of": "LDTT"}``: at most 15% of the list's holders of
  another type (the LAW_2003 cap, NĐ 91/2017 Art. 9(3); an organisation may keep one after 2024);
- ``{"type": "CSTDCS", "percent": 10, "of": "MEMBERS"}``: at most 10% of the unit's headcount;
- ``{"type": "BK_BO", "kind": "collective", "max": 3}``: at most 3.

The limit is the share rounded down ("không vượt quá": 15% of 20 holders allows 3). ``kind`` is
``individual`` unless given. The regime's ``cstdcs_quota_percent`` setting adds the CSTDCS-of-LDTT
quota unless the list already has one (an organisation's own quota replaces the default).

Input::

    {"as_of": "2023-12-15", "settings": {...},
     "quotas": [{"type": "CSTDCS", "percent": 15, "of": "LDTT", "rule": "…"}],
     "counts": {"individual": {"LDTT": 40, "CSTDCS": 7}, "collective": {}},
     "members": {"individual": 120, "collective": 6}}

Output: one dict per quota, in input order (the default one last): ``type``, ``kind``, ``count``,
``limit``, ``ok``, ``excess``, ``message`` (in the active language) and ``rule``.
"""

from collections import namedtuple
from decimal import Decimal, InvalidOperation

from .definitions import percent_text
from .input import EligibilityInputError, _date, _list, _object, _settings
from .ruleset import INDIVIDUAL, KINDS, TYPES, period_for
from .texts import texts

MEMBERS = "MEMBERS"
CSTDCS_QUOTA_BASIS = "Nghị định 91/2017/NĐ-CP, khoản 3 Điều 9"
Quota = namedtuple("Quota", "code kind basis percent fixed rule")


def _count(value, path):
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise EligibilityInputError(path, "phải là số nguyên không âm")
    return value


def _percent(value, path):
    try:
        percent = Decimal(str(value))
    except InvalidOperation:
        percent = None
    if isinstance(value, bool) or percent is None or not 0 <= percent <= 100:
        raise EligibilityInputError(path, "phải là số từ 0 đến 100")
    return percent


def _quota(raw, path):
    quota = _object(raw, path)
    code = quota.get("type")
    if code not in TYPES:
        raise EligibilityInputError(f"{path}.type", "loại khen thưởng không hợp lệ")
    kind = quota.get("kind", INDIVIDUAL)
    if kind not in KINDS:
        raise EligibilityInputError(f"{path}.kind", "loại đối tượng không hợp lệ")
    basis = quota.get("of")
    if ("max" in quota) == ("percent" in quota):
        raise EligibilityInputError(path, "cần đúng một trong hai trường 'percent' hoặc 'max'")
    if "max" in quota:
        return Quota(code, kind, None, None, _count(quota["max"], f"{path}.max"),
                     quota.get("rule", ""))
    if basis != MEMBERS and basis not in TYPES:
        raise EligibilityInputError(f"{path}.of", "phải là MEMBERS hoặc một loại khen thưởng")
    percent = _percent(quota["percent"], f"{path}.percent")
    return Quota(code, kind, basis, percent, None, quota.get("rule", ""))


def _counts(value, path):
    counts = {}
    for kind, table in _object(value or {}, path).items():
        if kind not in KINDS:
            raise EligibilityInputError(f"{path}.{kind}", "loại đối tượng không hợp lệ")
        counts[kind] = {
            code: _count(number, f"{path}.{kind}.{code}")
            for code, number in _object(table, f"{path}.{kind}").items()
        }
    return counts


def _limit(t, quota, counts, members):
    """(limit, wording of the rule) for one parsed quota."""
    if quota.fixed is not None:
        return quota.fixed, t.quota_fixed.format(count=quota.fixed)
    percent = percent_text(float(quota.percent))
    if quota.basis == MEMBERS:
        total = members.get(quota.kind, 0)
        who = t.people if quota.kind == INDIVIDUAL else t.units
        wording = t.quota_of_members.format(percent=percent, members=who, count=total)
    else:
        total = counts.get(quota.kind, {}).get(quota.basis, 0)
        wording = t.quota_of_holders.format(
            percent=percent, basis=t.short[quota.basis], count=total)
    return int(quota.percent * total // 100), wording


def check_quotas(payload):
    """Check a unit's list (``counts`` per kind and type) against its quotas; see above."""
    payload = _object(payload, "dữ liệu vào")
    period = period_for(_date(payload.get("as_of"), "as_of"))
    settings = _settings(payload.get("settings"), period.settings)
    quotas = [_quota(raw, f"quotas[{i}]") for i, raw in enumerate(_list(payload.get("quotas"),
                                                                       "quotas"))]
    default = settings["cstdcs_quota_percent"]
    if default is not None and not any(q[:3] == ("CSTDCS", INDIVIDUAL, "LDTT") for q in quotas):
        quotas.append(Quota("CSTDCS", INDIVIDUAL, "LDTT", _percent(default, "settings"), None,
                            CSTDCS_QUOTA_BASIS))
    counts = _counts(payload.get("counts"), "counts")
    members = {kind: _count(number, f"members.{kind}")
               for kind, number in _object(payload.get("members") or {}, "members").items()}
    t = texts()
    results = []
    for quota in quotas:
        code, kind = quota.code, quota.kind
        limit, wording = _limit(t, quota, counts, members)
        count = counts.get(kind, {}).get(code, 0)
        excess = max(0, count - limit)
        if excess:
            message = t.quota_exceeded.format(
                award=t.short[code], count=count, limit=limit, rule=wording, excess=excess)
        else:
            message = t.quota_ok.format(award=t.short[code], count=count, limit=limit,
                                        rule=wording)
        results.append({"type": code, "kind": kind, "count": count, "limit": limit,
                        "ok": not excess, "excess": excess, "message": message,
                        "rule": quota.rule})
    return results
