"""Which kind of issuer a unit of the network is, and guessing the kind of issuer from the way a decision's issuer was written ("UBND xã Phong Điền",
"Chủ tịch UBND tỉnh Quảng Trị", "Giám đốc HTX …"). Pure text rules; a name they cannot place
stays unmapped and goes to the review page rather than being guessed.

Hand-written: the patterns are the Vietnamese administrative vocabulary, which no library covers.
"""
import re

from thidua.core.text import normalize

# The issuer kind a unit of the network decides as, by its OrganizationKind. Departments of the
# alliance and cooperative groups have no legal personality of their own and confer nothing
# (Law Art. 75(1), 80); a cooperative's board also confers Giấy khen (Law Art. 80(4)).
UNIT_ISSUER_KIND = {
    "NATIONAL_ALLIANCE": "VCA",
    "PROVINCIAL_ALLIANCE": "VCA_PROVINCIAL",
    "ALLIANCE_UNIT": "UNIT_HEAD",
    "COOPERATIVE_UNION": "COOPERATIVE_DIRECTOR",
    "COOPERATIVE": "COOPERATIVE_DIRECTOR",
    "CREDIT_FUND": "COOPERATIVE_DIRECTOR",
    "OTHER": "UNIT_HEAD",
}
BOARD_UNITS = frozenset({"COOPERATIVE_UNION", "COOPERATIVE", "CREDIT_FUND"})

_PEOPLES_COMMITTEE = r"(?:ubnd|uy ban nhan dan)"
_RULES = (
    # (kind, pattern on the normalised text); the first that matches wins.
    ("PRESIDENT", r"\bchu tich nuoc\b"),
    ("PRIME_MINISTER", r"\bthu tuong\b"),
    ("VCA", r"\b(?:lien minh (?:hop tac xa|htx)|lmhtx) viet nam\b"),
    ("VCA_PROVINCIAL", r"\b(?:lien minh (?:hop tac xa|htx)|lmhtx)\b"),
    ("COOPERATIVE_BOARD", r"\b(?:hoi dong quan tri|hdqt|hoi dong thanh vien|hdtv)\b"),
    ("COMMUNE", _PEOPLES_COMMITTEE + r" (?:xa|phuong|dac khu|thi tran)\b"),
    ("DISTRICT", _PEOPLES_COMMITTEE + r" (?:huyen|quan|thi xa)\b"),
    ("PROVINCE", _PEOPLES_COMMITTEE + r" tinh\b"),
    ("CITY", _PEOPLES_COMMITTEE + r" thanh pho (?P<city>.+)$"),
    ("MINISTRY", r"^(?:bo truong )?bo [a-z]"),
    ("COOPERATIVE_DIRECTOR",
     r"\b(?:hop tac xa|htx|lien hiep hop tac xa|lhhtx|quy tin dung nhan dan|qtdnd)\b"),
)
_COMPILED = tuple((kind, re.compile(pattern)) for kind, pattern in _RULES)


def city_names(province_names):
    """The centrally-run cities among ``province_names`` ("Thành phố Huế" → "hue"), the form
    ``classify`` compares with."""
    found = (normalize(name) for name in province_names)
    return {name.removeprefix("thanh pho ") for name in found if name.startswith("thanh pho ")}


def classify(text, province_names=()):
    """The ``IssuerKind`` value ``text`` names, or None.

    A "thành phố" is a province when it is one of ``province_names`` (``city_names``), otherwise
    a city under a province, which was a district-level unit.
    """
    name = normalize(text)
    if not name:
        return None
    for kind, pattern in _COMPILED:
        found = pattern.search(name)
        if not found:
            continue
        if kind == "CITY":
            city = found.group("city").strip()
            return "PROVINCE" if city in province_names else "DISTRICT"
        return kind
    return None
