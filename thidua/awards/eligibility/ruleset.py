"""The rule set as data: codes, Vietnamese names, legal bases, validity dates, setting defaults.

Everything here is built once at import. ``period_for(as_of)`` returns the table in force on a date:
its regime, one ``Rule`` per (kind, code) and the default types per kind.
"""

from collections import namedtuple
from datetime import date

from django.utils.translation import gettext_lazy as _

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

# code: (short name used in messages, full name); the order is the default order of results.
TYPES = {
    "LDTT": (_("LĐTT"), _("Lao động tiên tiến")),
    "CSTDCS": (_("CSTĐCS"), _("Chiến sĩ thi đua cơ sở")),
    "CSTD_BO": (_("CSTĐ cấp bộ, ban, ngành, tỉnh"), _("Chiến sĩ thi đua cấp bộ, ban, ngành, tỉnh")),
    "CSTD_TQ": (_("CSTĐ toàn quốc"), _("Chiến sĩ thi đua toàn quốc")),
    "TTLDTT": (_("TTLĐTT"), _("Tập thể lao động tiên tiến")),
    "TTLDXS": (_("TTLĐXS"), _("Tập thể lao động xuất sắc")),
    "CO_BO": (_("Cờ thi đua cấp bộ, ban, ngành, tỉnh"), _("Cờ thi đua cấp bộ, ban, ngành, tỉnh")),
    "CO_CP": (_("Cờ thi đua của Chính phủ"), _("Cờ thi đua của Chính phủ")),
    "GK": (_("Giấy khen"), _("Giấy khen")),
    "BK_BO": (_("Bằng khen cấp bộ, ban, ngành, tỉnh"), _("Bằng khen cấp bộ, ban, ngành, tỉnh")),
    "BK_TTG": (_("Bằng khen của Thủ tướng Chính phủ"), _("Bằng khen của Thủ tướng Chính phủ")),
    "KNC": (
        _("Kỷ niệm chương"),
        _("Kỷ niệm chương “Vì sự nghiệp xây dựng và phát triển kinh tế tập thể”"),
    ),
    "HCLD3": (_("Huân chương Lao động hạng Ba"), _("Huân chương Lao động hạng Ba")),
    "HCLD2": (_("Huân chương Lao động hạng Nhì"), _("Huân chương Lao động hạng Nhì")),
    "HCLD1": (_("Huân chương Lao động hạng Nhất"), _("Huân chương Lao động hạng Nhất")),
}


# (code, kind): (article in Law 2022, article in Law 2003, machine-checkable).
# An empty article cites the law alone. Types without a machine rule are evaluated only when asked
# for by name, and then always need people to judge them.
_HC = "Chương III"
_ARTICLES = {
    ("LDTT", INDIVIDUAL): ("Điều 24", "Điều 24", True),
    ("CSTDCS", INDIVIDUAL): ("Điều 23", "Điều 23", True),
    ("CSTD_BO", INDIVIDUAL): ("Điều 22", "Điều 22", True),
    ("CSTD_TQ", INDIVIDUAL): ("Điều 21", "Điều 21", True),
    ("BK_BO", INDIVIDUAL): ("điểm d khoản 1 Điều 74", "", True),
    ("BK_TTG", INDIVIDUAL): ("điểm b khoản 1 Điều 73", "", True),
    ("KNC", INDIVIDUAL): ("", "", False),
    ("TTLDTT", COLLECTIVE): ("Điều 28", "Điều 28", True),
    ("TTLDXS", COLLECTIVE): ("Điều 27", "Điều 27", True),
    ("CO_BO", COLLECTIVE): ("Điều 26", "Điều 26", True),
    ("BK_BO", COLLECTIVE): ("Điều 74", "", True),
    ("CO_CP", COLLECTIVE): ("Điều 25", "Điều 25", False),
    ("BK_TTG", COLLECTIVE): ("Điều 73", "", False),
    **{("GK", kind): ("Điều 75", "", False) for kind in KINDS},
    **{(code, kind): (_HC, "", False) for code in ("HCLD3", "HCLD2", "HCLD1") for kind in KINDS},
}
KNC_BASIS = "Quy định về Kỷ niệm chương của Liên minh Hợp tác xã Việt Nam"

Rule = namedtuple("Rule", "code kind regime name legal_basis decree valid_from valid_to machine")
Period = namedtuple("Period", "regime valid_from valid_to rules default_types settings")

# Thresholds an organisation may change (docs/eligibility.md#settings), per regime.
_COMMON_SETTINGS = {"collective_ldtt_percent": 70, "window_after_prior_award": True}
SETTING_DEFAULTS = {
    LAW_2003: {**_COMMON_SETTINGS, "cstdcs_quota_percent": 15},  # NĐ 91/2017, Art. 9(3)
    LAW_2022: {**_COMMON_SETTINGS, "cstdcs_quota_percent": None},  # no legal cap since 2024
}

# regime, law, decree, valid_from, valid_to (None = open end)
_LAW_2003_TEXT, _LAW_2022_TEXT = "Luật TĐKT 2003 (sửa đổi 2013)", "Luật TĐKT 2022"
_PERIODS = (
    (LAW_2003, _LAW_2003_TEXT, "Nghị định 91/2017/NĐ-CP", None, date(2023, 12, 31)),
    (LAW_2022, _LAW_2022_TEXT, "Nghị định 98/2023/NĐ-CP", REGIME_SWITCH, date(2025, 6, 30)),
    (LAW_2022, _LAW_2022_TEXT, "Nghị định 152/2025/NĐ-CP", date(2025, 7, 1), None),
)


def _legal_basis(code, law, article):
    if code == "KNC":
        return KNC_BASIS
    return f"{law}, {article}" if article else law


def _build_period(regime, law, decree, valid_from, valid_to):
    rules = {}
    for (code, kind), (art_2022, art_2003, machine) in _ARTICLES.items():
        article = art_2022 if regime == LAW_2022 else art_2003
        rules[kind, code] = Rule(
            code,
            kind,
            regime,
            TYPES[code][1],
            _legal_basis(code, law, article),
            decree,
            valid_from,
            valid_to,
            machine,
        )
    defaults = {
        kind: tuple(code for code in TYPES if (kind, code) in rules and rules[kind, code].machine)
        for kind in KINDS
    }
    return Period(regime, valid_from, valid_to, rules, defaults, SETTING_DEFAULTS[regime])


PERIODS = tuple(_build_period(*row) for row in _PERIODS)


def period_for(as_of):
    """The rule table in force on ``as_of``."""
    for period in reversed(PERIODS):
        if period.valid_from is None or as_of >= period.valid_from:
            return period
    return PERIODS[0]  # pragma: no cover - the first period has no start


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
