"""Naming an award type the way lower units write it: its code ("BK_BO"), its abbreviation
("CSTĐCS"), its catalogue name, or the usual longer wording ("Bằng khen của Thủ tướng Chính
phủ", "Giấy khen của Giám đốc HTX …").

The catalogue names the ministry-level types generically ("Bằng khen cấp bộ, ban, ngành, tỉnh");
in the VCA system those are the Liên minh's own, so tờ trình say "Bằng khen của Liên minh Hợp tác
xã Việt Nam". Such wordings are the ``aliases`` of each type in ``awards/catalogue.py``; a text
naming none of them, nor a name, is not read as any type.
"""
from thidua.awards import catalogue
from thidua.awards.models import AwardType
from thidua.core.xlsx_import import match_key

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
        names += [(match_key(alias), self.by_code[code])
                  for code, kind in catalogue.TYPES.items() if code in self.by_code
                  for alias in kind.aliases]
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
