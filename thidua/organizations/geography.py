"""Provinces and wards of Vietnam after the 2025 reform (34 provinces), from ``vietnam-provinces``."""
from functools import lru_cache

from vietnam_provinces import Province, Ward

from thidua.core.text import sort_key


@lru_cache(maxsize=1)
def province_choices():
    provinces = sorted(Province.iter_all(), key=lambda p: sort_key(p.name))
    return [(int(p.code), p.name) for p in provinces]


def province_name(code):
    try:
        return Province.from_code(int(code)).name
    except (ValueError, TypeError):
        return ""


def ward(code):
    """The Ward for ``code``, or None when the code is unknown."""
    try:
        return Ward.from_code(int(code))
    except (ValueError, TypeError):
        return None


@lru_cache(maxsize=64)
def ward_choices(province_code):
    wards = [w for w in Ward.iter_by_province(int(province_code))]
    return [(int(w.code), w.name) for w in sorted(wards, key=lambda w: sort_key(w.name))]
