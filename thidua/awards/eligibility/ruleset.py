"""The rule set as data: regimes and their validity dates, setting defaults, and the rules each
award type of the catalogue (``awards/catalogue.py``) has under them.

``period_for(as_of)`` returns the table in force on a date: its regime, one ``Rule`` per (kind,
code) and the default types per kind. It is derived from the catalogue, and derived again
whenever the catalogue's entries change, so a type declared there is known here at once.
"""

from collections import namedtuple
from datetime import date

from django.utils.translation import gettext_lazy as _

from thidua.awards import catalogue

INDIVIDUAL = "individual"
COLLECTIVE = "collective"
KINDS = (INDIVIDUAL, COLLECTIVE)

LAW_2003 = "LAW_2003"
LAW_2022 = "LAW_2022"
REGIME_SWITCH = date(2024, 1, 1)

# Ratings, initiative scopes and discipline levels, each with its rank and Vietnamese wording.
RATING_RANK = {"NOT_COMPLETED": 0, "COMPLETED": 1, "GOOD": 2, "EXCELLENT": 3}
RATING_LABEL = {
    "EXCELLENT": _("Hoàn thành xuất sắc nhiệm vụ"),
    "GOOD": _("Hoàn thành tốt nhiệm vụ"),
    "COMPLETED": _("Hoàn thành nhiệm vụ"),
    "NOT_COMPLETED": _("Không hoàn thành nhiệm vụ"),
}
GOOD_OR_BETTER = frozenset({"EXCELLENT", "GOOD"})
COMPLETED_OR_BETTER = frozenset({"EXCELLENT", "GOOD", "COMPLETED"})

BASE, PROVINCIAL, NATIONAL = 0, 1, 2
SCOPE_RANK = {"BASE": BASE, "PROVINCIAL": PROVINCIAL, "NATIONAL": NATIONAL}
SCOPE_LABEL = (_("cấp cơ sở"), _("cấp bộ, ban, ngành, tỉnh"), _("toàn quốc"))

LEVEL_RANK = {"REPRIMAND": 0, "WARNING": 1, "DEMOTION": 2, "DISMISSAL": 3}
LEVEL_LABEL = (
    _("khiển trách"),
    _("cảnh cáo"),
    _("hạ bậc lương, giáng chức hoặc cách chức"),
    _("buộc thôi việc hoặc khai trừ"),
)
WARNING = LEVEL_RANK["WARNING"]

HOLD_REASON_LABEL = {
    "DISCIPLINE_REVIEW": _("đang xem xét kỷ luật"),
    "INVESTIGATION": _("đang bị điều tra"),
    "INSPECTION": _("đang thanh tra, kiểm tra"),
    "COMPLAINT": _("có đơn thư khiếu nại, tố cáo đang xác minh"),
    "CORRUPTION": _("đang xác minh vụ việc tham nhũng, tiêu cực"),
}

# How the engine names an issuer kind in its sentences (the kinds of awards.issuers.IssuerKind).
ISSUER_KIND_LABEL = {
    "PRESIDENT": _("Chủ tịch nước"),
    "PRIME_MINISTER": _("Thủ tướng Chính phủ"),
    "MINISTRY": _("bộ, ban, ngành"),
    "PROVINCE": _("Chủ tịch UBND cấp tỉnh"),
    "DISTRICT": _("Chủ tịch UBND cấp huyện"),
    "COMMUNE": _("Chủ tịch UBND cấp xã"),
    "VCA": _("Liên minh HTX Việt Nam"),
    "VCA_PROVINCIAL": _("Liên minh HTX tỉnh"),
    "UNIT_HEAD": _("thủ trưởng đơn vị"),
    "COOPERATIVE_DIRECTOR": _("Giám đốc HTX"),
    "COOPERATIVE_BOARD": _("Chủ tịch HĐQT, HĐTV"),
}

# The award types, in catalogue order (the default order of results): ``awards/catalogue.py``
# declares each once, with its names and, per kind of subject, its articles and whether it is
# checked by machine. Types without a machine rule are evaluated only when asked for by name, and
# then always need people to judge them.
TYPES = catalogue.TYPES

Rule = namedtuple("Rule", "code kind regime name legal_basis decree valid_from valid_to machine")
Period = namedtuple("Period", "regime valid_from valid_to rules default_types settings")

# Thresholds an organisation may change (docs/eligibility.md#settings), per regime.
_COMMON_SETTINGS = {"collective_ldtt_percent": 70, "window_after_prior_award": True}
SETTING_DEFAULTS = {
    LAW_2003: {**_COMMON_SETTINGS, "cstdcs_quota_percent": 15},  # NĐ 91/2017, Art. 9(3)
    LAW_2022: {**_COMMON_SETTINGS, "cstdcs_quota_percent": None},  # no legal cap since 2024
}

LAW_NAMES = {LAW_2003: "Luật TĐKT 2003 (sửa đổi 2013)", LAW_2022: "Luật TĐKT 2022"}
# regime, decree, valid_from, valid_to (None = open end)
_PERIODS = (
    (LAW_2003, "Nghị định 91/2017/NĐ-CP", None, date(2023, 12, 31)),
    (LAW_2022, "Nghị định 98/2023/NĐ-CP", REGIME_SWITCH, date(2025, 6, 30)),
    (LAW_2022, "Nghị định 152/2025/NĐ-CP", date(2025, 7, 1), None),
)


def legal_basis(award_kind, regime, article):
    """How a rule cites its basis: the type's own regulation, else the law and the article (the
    law alone when the article is empty)."""
    if award_kind.regulation:
        return award_kind.regulation
    law = LAW_NAMES[regime]
    return f"{law}, {article}" if article else law


def _build_period(regime, decree, valid_from, valid_to):
    rules = {}
    for code, award_kind in TYPES.items():
        for kind in KINDS:
            standard = award_kind.standard(kind)
            if standard is None:
                continue
            article = standard.law_2022 if regime == LAW_2022 else standard.law_2003
            rules[kind, code] = Rule(code, kind, regime, award_kind.name,
                                     legal_basis(award_kind, regime, article), decree,
                                     valid_from, valid_to, standard.machine)
    defaults = {
        kind: tuple(code for code in TYPES if (kind, code) in rules and rules[kind, code].machine)
        for kind in KINDS
    }
    return Period(regime, valid_from, valid_to, rules, defaults, SETTING_DEFAULTS[regime])


_BUILT = {}  # row of _PERIODS: (the catalogue's entries it was built from, its Period)


def _period(row):
    """The rule table of ``row``, built again only when the catalogue's entries are not the ones
    it was built from (they are frozen: a changed type is another object)."""
    kinds = tuple(TYPES.values())
    built = _BUILT.get(row)
    if built is None or len(built[0]) != len(kinds) or any(
            old is not new for old, new in zip(built[0], kinds)):
        built = _BUILT[row] = (kinds, _build_period(*row))
    return built[1]


def periods():
    """Every rule table, oldest first."""
    return tuple(_period(row) for row in _PERIODS)


def period_for(as_of):
    """The rule table in force on ``as_of``."""
    for row in reversed(_PERIODS):
        if row[2] is None or as_of >= row[2]:
            return _period(row)
    return _period(_PERIODS[0])  # pragma: no cover - the first period has no start


def rules_in_force(as_of):
    """Every rule in force on ``as_of`` as plain dicts (for screens and documentation)."""
    return [
        {
            **rule._asdict(),
            "valid_from": rule.valid_from and rule.valid_from.isoformat(),
            "valid_to": rule.valid_to and rule.valid_to.isoformat(),
        }
        for rule in period_for(as_of).rules.values()
    ]
