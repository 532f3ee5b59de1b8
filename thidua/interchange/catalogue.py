"""Naming an award type the way lower units write it: its code ("BK_BO"), its abbreviation
("CSTĐCS"), its catalogue name, or the usual longer wording ("Bằng khen của Thủ tướng Chính
phủ", "Giấy khen của Giám đốc HTX …").

The catalogue names the ministry-level types generically ("Bằng khen cấp bộ, ban, ngành, tỉnh");
in the VCA system those are the Liên minh's own, so tờ trình say "Bằng khen của Liên minh Hợp tác
xã Việt Nam". ``ALIASES`` holds such wordings; everything else is matched against the catalogue.
"""
from thidua.awards.models import AwardType
from thidua.core.xlsx_import import match_key

ALIASES = {
    "bang khen cua lien minh": "BK_BO",
    "bang khen lien minh": "BK_BO",
    "bang khen cua thu tuong": "BK_TTG",
    "bang khen thu tuong": "BK_TTG",
    "co thi dua cua lien minh": "CO_BO",
    "chien si thi dua cua lien minh": "CSTD_BO",
    "chien si thi dua cap lien minh": "CSTD_BO",
    "ky niem chuong": "KNC",
}
_LEADING = ("danh hieu ", "hinh thuc ", "de nghi ", "xet tang ", "tang ", "truy tang ")


class Catalogue:
    """The active award types, indexed once per reading."""

    def __init__(self, types=None):
        self.types = list(types if types is not None else AwardType.objects.filter(is_active=True))
        self.by_code = {t.code: t for t in self.types}
        self.exact = {}
        for award_type in self.types:
            for alias in (award_type.code, award_type.abbreviation, award_type.name):
                self.exact.setdefault(match_key(alias), award_type)
        names = [(match_key(t.name), t) for t in self.types]
        names += [(alias, self.by_code[code]) for alias, code in ALIASES.items()
                  if code in self.by_code]
        self.names = sorted(names, key=lambda pair: -len(pair[0]))  # longest wording first

    def resolve(self, text):
        """The award type ``text`` names, or None when it names none or is ambiguous."""
        key = match_key(text)
        while key.startswith(_LEADING):
            key = key.split(" ", 1)[1] if " " in key else ""
        if not key:
            return None
        if key in self.exact:
            return self.exact[key]
        padded = f" {key} "
        for name, award_type in self.names:
            if f" {name} " in padded:
                return award_type
        return None

    def get(self, code):
        return self.by_code.get(code)

    def choices(self):
        return [(t.code, t.name) for t in self.types]
