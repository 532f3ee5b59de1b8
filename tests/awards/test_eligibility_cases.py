"""Table of eligibility cases written from the rules of docs/eligibility.md (their legal background:
docs/law.md).

Each case evaluates one subject for one type and asserts the exact verdict plus key words of its
explanation. No database, no Django: the engine is pure.
"""

import json
from dataclasses import dataclass, field

import pytest

from thidua.awards.eligibility import EligibilityInputError, evaluate

AS_OF, Y = "2025-12-15", 2025
E, G, C, N = "EXCELLENT", "GOOD", "COMPLETED", "NOT_COMPLETED"


def ratings(**by_rating):
    """ratings(E=[2024, 2025], G=[2023]) -> {"2024": "EXCELLENT", ...}"""
    names = {"E": E, "G": G, "C": C, "N": N}
    return {str(year): names[key] for key, years in by_rating.items() for year in years}


def award(code, *years, revoked=False):
    return [{"type": code, "year": year, "revoked": revoked} for year in years]


def ini(ident, scope, year, used_for=None):
    return {"id": ident, "scope": scope, "year": year, "used_for": used_for}


def person(rate=None, awards=(), initiatives=(), disciplines=(), holds=()):
    return {
        "id": "p1",
        "kind": "individual",
        "ratings": rate or {},
        "awards": list(awards),
        "initiatives": list(initiatives),
        "disciplines": list(disciplines),
        "holds": list(holds),
    }


def member(rating, *codes, discipline=None, ident=None):
    return {"id": ident, "rating": rating, "awards": list(codes), "discipline": discipline}


def members(**counts):
    """members(G=7, C=3) -> 7 members rated GOOD and 3 rated COMPLETED, nothing else listed."""
    names = {"E": E, "G": G, "C": C, "N": N}
    return [member(names[key]) for key, count in counts.items() for _ in range(count)]


def unit(rate=None, awards=(), crew=(), bloc_rank=None, leads=(), holds=()):
    return {
        "id": "c1",
        "kind": "collective",
        "ratings": rate or {},
        "awards": list(awards),
        "members": list(crew),
        "bloc_rank": bloc_rank,
        "thematic_leads": list(leads),
        "holds": list(holds),
    }


def hold(start, end=None, reason="INVESTIGATION"):
    return {"from": start, "to": end, "reason": reason}


STREAK_2019_2025 = award("CSTDCS", *range(2019, 2026))


@dataclass
class Case:
    name: str
    subject: dict
    type: str
    eligible: bool
    missing: tuple = ()  # words found in the joined `missing`
    reasons: tuple = ()  # words found in the joined `reasons`
    as_of: str = AS_OF
    year: int = Y
    settings: dict = None
    rule: str = None
    evidence: dict = field(default_factory=dict)  # expected subsets: {"awards": [...], ...}


# fmt: off
CASES = [
    # ---------------------------------------------------------------- LĐTT
    Case("ldtt_good", person(ratings(G=[Y])), "LDTT", True, reasons=("Hoàn thành tốt nhiệm vụ",),
         rule="Luật TĐKT 2022, Điều 24"),
    Case("ldtt_excellent", person(ratings(E=[Y])), "LDTT", True),
    Case("ldtt_completed", person(ratings(C=[Y])), "LDTT", False, missing=("năm 2025",
         "Hoàn thành nhiệm vụ", "Hoàn thành tốt nhiệm vụ trở lên")),
    Case("ldtt_not_completed", person(ratings(N=[Y])), "LDTT", False,
         missing=("Không hoàn thành nhiệm vụ",)),
    Case("ldtt_no_rating", person(ratings(G=[2024])), "LDTT", False, missing=("2025", "chưa có")),
    Case("ldtt_reprimand_same_year", person(ratings(G=[Y]), disciplines=[{"year": Y,
         "level": "REPRIMAND"}]), "LDTT", False, missing=("kỷ luật", "khiển trách", "2025")),
    Case("ldtt_warning_previous_year", person(ratings(G=[Y]), disciplines=[{"year": 2024,
         "level": "WARNING"}]), "LDTT", True),
    # ---------------------------------------------------------------- CSTĐCS (LAW_2022)
    Case("cstdcs_excellent_alone", person(ratings(E=[Y])), "CSTDCS", True, reasons=("LĐTT năm 2025",
         "xét cùng kỳ", "Hoàn thành xuất sắc")),
    Case("cstdcs_good_base_initiative", person(ratings(G=[Y]), initiatives=[ini("i1", "BASE", Y)]),
         "CSTDCS", True, reasons=("i1",), evidence={"initiatives": ["i1"]}),
    Case("cstdcs_good_initiative_previous_year", person(ratings(G=[Y]), initiatives=[ini("i1",
         "BASE", 2024)]), "CSTDCS", False, missing=("Hoàn thành xuất sắc", "sáng kiến", "i1",
         "ngoài khoảng")),
    Case("cstdcs_good_initiative_already_used", person(ratings(G=[Y]), initiatives=[ini("i1",
         "BASE", Y, used_for="CSTDCS 2024")]), "CSTDCS", False, missing=("i1", "đã được sử dụng")),
    Case("cstdcs_good_nothing_else", person(ratings(G=[Y])), "CSTDCS", False,
         missing=("Hoàn thành xuất sắc nhiệm vụ năm 2025", "sáng kiến")),
    Case("cstdcs_completed_with_initiative", person(ratings(C=[Y]), initiatives=[ini("i1", "BASE",
         Y)]), "CSTDCS", False, missing=("Chưa đạt LĐTT năm 2025",)),
    Case("cstdcs_held_ldtt_without_rating", person(awards=award("LDTT", Y), initiatives=[ini("i1",
         "BASE", Y)]), "CSTDCS", True, reasons=("Đã đạt LĐTT năm 2025",)),
    Case("cstdcs_revoked_ldtt_does_not_count", person(ratings(C=[Y]), awards=award("LDTT", Y,
         revoked=True), initiatives=[ini("i1", "BASE", Y)]), "CSTDCS", False, missing=("LĐTT",)),
    Case("cstdcs_discipline_blocks_ldtt", person(ratings(E=[Y]), disciplines=[{"year": Y,
         "level": "REPRIMAND"}]), "CSTDCS", False, missing=("LĐTT", "khiển trách")),
    # ---------------------------------------------------------------- LAW_2003 and the switch
    Case("law2003_cstdcs_rating_alone_not_enough", person(ratings(E=[2023])), "CSTDCS", False,
         as_of="2023-12-15", year=2023, missing=("sáng kiến", "2003"),
         rule="Luật TĐKT 2003 (sửa đổi 2013), Điều 23"),
    Case("law2003_cstdcs_with_initiative", person(ratings(G=[2023]), initiatives=[ini("i1", "BASE",
         2023)]), "CSTDCS", True, as_of="2023-12-15", year=2023, reasons=("i1",)),
    Case("switch_2023_12_31_is_law2003", person(ratings(E=[2023])), "CSTDCS", False,
         as_of="2023-12-31", year=2023, rule="Luật TĐKT 2003 (sửa đổi 2013), Điều 23"),
    Case("switch_2024_01_01_is_law2022", person(ratings(E=[2023])), "CSTDCS", True,
         as_of="2024-01-01", year=2023, rule="Luật TĐKT 2022, Điều 23"),
    Case("law2003_ldtt_unchanged", person(ratings(G=[2023])), "LDTT", True, as_of="2023-06-01",
         year=2023, rule="Luật TĐKT 2003 (sửa đổi 2013), Điều 24"),
    # ---------------------------------------------------------------- CSTĐ cấp bộ, ban, ngành, tỉnh
    Case("bo_three_years_provincial", person(ratings(E=[Y]), award("CSTDCS", 2023, 2024), [ini("i1",
         "PROVINCIAL", 2024)]), "CSTD_BO", True, reasons=("CSTĐCS 3 năm liên tục", "2023–2025",
         "i1"), rule="Luật TĐKT 2022, Điều 22", evidence={"awards": [{"type": "CSTDCS",
         "year": 2023}, {"type": "CSTDCS", "year": 2024}], "initiatives": ["i1"]}),
    Case("bo_broken_streak", person(ratings(E=[Y]), award("CSTDCS", 2022, 2024), [ini("i1",
         "PROVINCIAL", Y)]), "CSTD_BO", False,
         missing=("Thiếu CSTĐCS năm 2023 (chuỗi 3 năm liên tục bị ngắt)",)),
    Case("bo_years_used_example_2023", person(awards=STREAK_2019_2025 + award("CSTD_BO", 2021),
         initiatives=[ini("i1", "PROVINCIAL", 2023)]), "CSTD_BO", False, as_of="2024-03-01",
         year=2023, missing=("2 năm", "2022–2023", "đã được tính", "2021")),
    Case("bo_years_used_example_2024", person(awards=STREAK_2019_2025 + award("CSTD_BO", 2021),
         initiatives=[ini("i1", "PROVINCIAL", 2024)]), "CSTD_BO", True, as_of="2024-12-15",
         year=2024, reasons=("2022–2024", "2021")),
    Case("bo_revoked_prior_bo_does_not_cut", person(awards=STREAK_2019_2025 + award("CSTD_BO", 2024,
         revoked=True), initiatives=[ini("i1", "PROVINCIAL", Y)]), "CSTD_BO", True),
    Case("bo_base_scope_is_wrong", person(awards=STREAK_2019_2025, initiatives=[ini("i1", "BASE",
         Y)]), "CSTD_BO", False, missing=("i1", "chỉ có phạm vi cấp cơ sở")),
    Case("bo_initiative_too_old", person(awards=STREAK_2019_2025, initiatives=[ini("i1",
         "PROVINCIAL", 2022)]), "CSTD_BO", False, missing=("2023–2025", "ngoài khoảng")),
    Case("bo_initiative_window_edge", person(awards=STREAK_2019_2025, initiatives=[ini("i1",
         "PROVINCIAL", 2023)]), "CSTD_BO", True),
    Case("bo_national_scope_is_enough", person(awards=STREAK_2019_2025, initiatives=[ini("i1",
         "NATIONAL", Y)]), "CSTD_BO", True),
    Case("bo_initiative_already_used", person(awards=STREAK_2019_2025, initiatives=[ini("i1",
         "PROVINCIAL", 2024, used_for=["CSTD_BO 2022"])]), "CSTD_BO", False,
         missing=("đã được sử dụng", "CSTD_BO 2022")),
    Case("bo_same_session_cstdcs_uses_the_only_initiative", person(ratings(G=[Y]), award("CSTDCS",
         2023, 2024), [ini("i1", "PROVINCIAL", Y)]), "CSTD_BO", False, missing=("i1",
         "xét cùng kỳ")),
    Case("bo_same_session_cstdcs_takes_the_base_one", person(ratings(G=[Y]), award("CSTDCS", 2023,
         2024), [ini("i1", "PROVINCIAL", Y), ini("i0", "BASE", Y)]), "CSTD_BO", True,
         evidence={"initiatives": ["i1"]}),
    Case("bo_current_year_not_met", person(ratings(C=[Y]), award("CSTDCS", 2023, 2024), [ini("i1",
         "PROVINCIAL", Y)]), "CSTD_BO", False, missing=("Thiếu CSTĐCS năm 2025",)),
    Case("bo_current_year_held_needs_no_rating", person(awards=award("CSTDCS", 2023, 2024, 2025),
         initiatives=[ini("i1", "PROVINCIAL", Y)]), "CSTD_BO", True),
    Case("bo_only_two_years", person(ratings(E=[Y]), award("CSTDCS", 2024), [ini("i1", "PROVINCIAL",
         Y)]), "CSTD_BO", False, missing=("Thiếu CSTĐCS năm 2023",)),
    # ---------------------------------------------------------------- CSTĐ toàn quốc
    Case("tq_cycle_2022_2025", person(awards=award("CSTD_BO", 2022, 2025), initiatives=[ini("n1",
         "NATIONAL", 2020)]), "CSTD_TQ", True, reasons=("2022", "2025", "n1"),
         rule="Luật TĐKT 2022, Điều 21", evidence={"awards": [{"type": "CSTD_BO", "year": 2022},
         {"type": "CSTD_BO", "year": 2025}]}),
    Case("tq_cycle_2021_2024", person(awards=award("CSTD_BO", 2021, 2024), initiatives=[ini("n1",
         "NATIONAL", 2019)]), "CSTD_TQ", True),
    Case("tq_initiative_before_window", person(awards=award("CSTD_BO", 2021, 2024),
         initiatives=[ini("n1", "NATIONAL", 2018)]), "CSTD_TQ", False, missing=("toàn quốc",
         "2019–2025", "ngoài khoảng")),
    Case("tq_cycle_not_three_years", person(awards=award("CSTD_BO", 2022, 2024),
         initiatives=[ini("n1", "NATIONAL", 2024)]), "CSTD_TQ", False,
         missing=("Thiếu CSTĐ cấp bộ, ban, ngành, tỉnh năm 2021",)),
    Case("tq_provincial_initiative_is_wrong_scope", person(awards=award("CSTD_BO", 2022, 2025),
         initiatives=[ini("p1", "PROVINCIAL", 2024)]), "CSTD_TQ", False, missing=("toàn quốc",
         "chỉ có phạm vi cấp bộ")),
    Case("tq_years_used_by_previous_tq", person(awards=award("CSTD_BO", 2019, 2022,
         2025) + award("CSTD_TQ", 2022), initiatives=[ini("n1", "NATIONAL", 2024)]), "CSTD_TQ",
         False, missing=("đã được tính cho CSTĐ toàn quốc năm 2022",)),
    Case("tq_revoked_first_cycle", person(awards=award("CSTD_BO", 2022,
         revoked=True) + award("CSTD_BO", 2025), initiatives=[ini("n1", "NATIONAL", 2024)]),
         "CSTD_TQ", False, missing=("2022",)),
    Case("tq_cycle_too_old", person(awards=award("CSTD_BO", 2019, 2022), initiatives=[ini("n1",
         "NATIONAL", 2024)]), "CSTD_TQ", False,
         missing=("Thiếu CSTĐ cấp bộ, ban, ngành, tỉnh năm 2025", "2022")),
    # ---------------------------------------------------------------- Bằng khen cấp bộ (individual)
    Case("bkbo_cstdcs_two_years", person(ratings(E=[Y]), award("CSTDCS", 2024)), "BK_BO", True,
         reasons=("CSTĐCS 2 năm liên tục",), rule="Luật TĐKT 2022, điểm d khoản 1 Điều 74"),
    Case("bkbo_streak_broken", person(ratings(E=[Y]), award("CSTDCS", 2023)), "BK_BO", False,
         missing=("Thiếu CSTĐCS năm 2024 (chuỗi 2 năm liên tục bị ngắt)", "Hoặc")),
    Case("bkbo_excellent_two_initiatives", person(ratings(E=[2024, Y]), initiatives=[ini("a",
         "BASE", 2024), ini("b", "BASE", Y)]), "BK_BO", True, reasons=("2 sáng kiến",),
         evidence={"initiatives": ["a", "b"]}),
    Case("bkbo_excellent_one_initiative", person(ratings(E=[2024, Y]), initiatives=[ini("a", "BASE",
         2024)]), "BK_BO", False, missing=("2 sáng kiến", "hiện có 1")),
    Case("bkbo_initiative_outside_window", person(ratings(E=[2024, Y]), initiatives=[ini("a",
         "BASE", 2023), ini("b", "BASE", Y)]), "BK_BO", False, missing=("ngoài khoảng",)),
    Case("bkbo_years_used_by_previous_bkbo", person(ratings(G=[2024], E=[Y]), award("CSTDCS", 2023,
         2024) + award("BK_BO", 2024)), "BK_BO", False,
         missing=("đã được tính cho Bằng khen cấp bộ, ban, ngành, tỉnh năm 2024",)),
    # ---------------------------------------------------------- Bằng khen Thủ tướng (individual)
    Case("bkttg_complete", person(ratings(G=range(2021, 2026)), award("BK_BO",
         2019) + award("CSTDCS", 2021, 2022, 2023)), "BK_TTG", True,
         rule="Luật TĐKT 2022, điểm b khoản 1 Điều 73", evidence={"awards": [{"type": "BK_BO",
         "year": 2019}, {"type": "CSTDCS", "year": 2021}, {"type": "CSTDCS", "year": 2022},
         {"type": "CSTDCS", "year": 2023}]}),
    Case("bkttg_bkbo_inside_window", person(ratings(G=range(2021, 2026)), award("BK_BO",
         2021) + award("CSTDCS", 2021, 2022, 2023)), "BK_TTG", False, missing=("chưa đủ 5 năm",
         "2020")),
    Case("bkttg_bkbo_inside_window_setting_off", person(ratings(G=range(2021, 2026)), award("BK_BO",
         2021) + award("CSTDCS", 2021, 2022, 2023)), "BK_TTG", True,
         settings={"window_after_prior_award": False}),
    Case("bkttg_bkbo_right_before_window", person(ratings(G=range(2021, 2026)), award("BK_BO",
         2020) + award("CSTDCS", 2021, 2022, 2023)), "BK_TTG", True),
    Case("bkttg_rating_gap", person(ratings(G=[2021, 2022, 2024, 2025], C=[2023]), award("BK_BO",
         2019) + award("CSTDCS", 2021, 2022, 2024)), "BK_TTG", False,
         missing=("2023 (Hoàn thành nhiệm vụ)",)),
    Case("bkttg_only_two_cstdcs", person(ratings(G=range(2021, 2026)), award("BK_BO",
         2019) + award("CSTDCS", 2021, 2022)), "BK_TTG", False, missing=("Chỉ đạt CSTĐCS 2 lần",
         "cần ít nhất 3")),
    Case("bkttg_same_session_cstdcs_counts", person(ratings(G=range(2021, 2025), E=[Y]),
         award("BK_BO", 2019) + award("CSTDCS", 2021, 2023)), "BK_TTG", True,
         reasons=("xét cùng kỳ",)),
    Case("bkttg_without_bkbo", person(ratings(G=range(2021, 2026)), award("CSTDCS", 2021, 2022,
         2023)), "BK_TTG", False, missing=("Chưa có Bằng khen cấp bộ",)),
    # ---------------------------------------------------------------- holds around as_of
    Case("hold_open_since_march", person(ratings(E=[Y]), holds=[hold("2025-03-01")]), "LDTT", False,
         missing=("ON_HOLD",), reasons=("ON_HOLD", "01/03/2025", "điều tra")),
    Case("hold_ended_the_day_before", person(ratings(E=[Y]), holds=[hold("2025-03-01",
         "2025-12-14")]), "LDTT", True),
    Case("hold_ends_on_as_of", person(ratings(E=[Y]), holds=[hold("2025-03-01", "2025-12-15")]),
         "CSTDCS", False, missing=("ON_HOLD",)),
    Case("hold_starts_on_as_of", person(ratings(E=[Y]), holds=[hold("2025-12-15", "2026-01-31")]),
         "LDTT", False, missing=("ON_HOLD",)),
    Case("hold_starts_the_day_after", person(ratings(E=[Y]), holds=[hold("2025-12-16")]), "LDTT",
         True),
    Case("hold_blocks_a_collective", unit(ratings(G=[Y]), crew=members(G=10),
         holds=[hold("2025-01-01")]), "TTLDTT", False, missing=("ON_HOLD",)),
    # ---------------------------------------------------------------- TTLĐTT
    Case("ttldtt_exactly_70_percent", unit(ratings(G=[Y]), crew=members(G=7, C=3)), "TTLDTT", True,
         reasons=("7/10", "70%"), rule="Luật TĐKT 2022, Điều 28"),
    Case("ttldtt_60_percent", unit(ratings(G=[Y]), crew=members(G=6, C=4)), "TTLDTT", False,
         missing=("6/10", "60%", "70%")),
    Case("ttldtt_69_percent", unit(ratings(G=[Y]), crew=members(G=69, C=31)), "TTLDTT", False,
         missing=("69/100",)),
    Case("ttldtt_member_warning", unit(ratings(G=[Y]), crew=members(G=9) + [member(C,
         discipline="WARNING", ident="m10")]), "TTLDTT", False, missing=("cảnh cáo", "m10")),
    Case("ttldtt_member_reprimand_only_loses_ldtt", unit(ratings(G=[Y]), crew=members(G=7,
         C=2) + [member(G, discipline="REPRIMAND")]), "TTLDTT", True),
    Case("ttldtt_collective_rating_completed", unit(ratings(C=[Y]), crew=members(G=10)), "TTLDTT",
         False, missing=("Hoàn thành nhiệm vụ",)),
    Case("ttldtt_empty_members", unit(ratings(E=[Y])), "TTLDTT", False, missing=("thành viên",
         "trống")),
    Case("ttldtt_setting_80_percent", unit(ratings(G=[Y]), crew=members(G=7, C=3)), "TTLDTT", False,
         settings={"collective_ldtt_percent": 80}, missing=("80%",)),
    Case("ttldtt_listed_ldtt_without_rating", unit(ratings(G=[Y]), crew=[member(None,
         "LDTT") for _ in range(7)] + members(C=3)), "TTLDTT", True),
    # ---------------------------------------------------------------- TTLĐXS
    Case("ttldxs_complete", unit(ratings(E=[Y]), crew=members(E=1, G=6, C=3)), "TTLDXS", True,
         reasons=("CSTĐCS",), rule="Luật TĐKT 2022, Điều 27"),
    Case("ttldxs_member_not_completed", unit(ratings(E=[Y]), crew=members(E=1, G=6, C=2, N=1)),
         "TTLDXS", False, missing=("dưới Hoàn thành nhiệm vụ",)),
    Case("ttldxs_member_without_rating", unit(ratings(E=[Y]), crew=members(E=1, G=7) + [member(None,
         ident="m9")]), "TTLDXS", False, missing=("chưa có xếp loại", "m9")),
    Case("ttldxs_no_member_cstdcs", unit(ratings(E=[Y]), crew=members(G=10)), "TTLDXS", False,
         missing=("CSTĐCS",)),
    Case("ttldxs_listed_member_cstdcs", unit(ratings(E=[Y]), crew=members(G=9) + [member(G,
         "CSTDCS")]), "TTLDXS", True),
    Case("ttldxs_collective_rating_good", unit(ratings(G=[Y]), crew=members(E=2, G=8)), "TTLDXS",
         False, missing=("Hoàn thành xuất sắc",)),
    Case("ttldxs_law_70_percent_despite_setting", unit(ratings(E=[Y]), crew=members(E=1, G=5, C=4)),
         "TTLDXS", False, settings={"collective_ldtt_percent": 60}, missing=("6/10", "70%")),
    Case("ttldtt_lower_setting_passes", unit(ratings(G=[Y]), crew=members(E=1, G=5, C=4)), "TTLDTT",
         True, settings={"collective_ldtt_percent": 60}),
    Case("ttldxs_empty_members", unit(ratings(E=[Y])), "TTLDXS", False, missing=("trống",)),
    Case("law2003_member_cstdcs_must_be_listed", unit(ratings(E=[2023]), crew=members(E=1, G=6,
         C=3)), "TTLDXS", False, as_of="2023-12-15", year=2023, missing=("CSTĐCS",)),
    Case("law2003_member_cstdcs_listed", unit(ratings(E=[2023]), crew=members(G=6, C=3) + [member(E,
         "LDTT", "CSTDCS")]), "TTLDXS", True, as_of="2023-12-15", year=2023),
    # ---------------------------------------------------------------- Cờ thi đua cấp bộ
    Case("cobo_bloc_leader", unit(ratings(E=[Y]), crew=members(E=1, G=6, C=3), bloc_rank=1),
         "CO_BO", True, reasons=("Dẫn đầu khối",), rule="Luật TĐKT 2022, Điều 26"),
    Case("cobo_second_in_bloc", unit(ratings(E=[Y]), crew=members(E=1, G=6, C=3), bloc_rank=2),
         "CO_BO", False, missing=("Xếp hạng 2", "Hoặc")),
    Case("cobo_leader_but_not_ttldxs", unit(ratings(G=[Y]), crew=members(G=10), bloc_rank=1),
         "CO_BO", False, missing=("TTLĐXS",)),
    Case("cobo_thematic_movement", unit(ratings(G=[Y]), crew=members(G=10), bloc_rank=3,
         leads=[{"name": "Chuyển đổi số", "years": 3, "final_review_year": Y}]), "CO_BO", True,
         reasons=("Chuyển đổi số",)),
    Case("cobo_thematic_too_short", unit(ratings(G=[Y]), crew=members(G=10), leads=[{"years": 2,
         "final_review_year": Y}]), "CO_BO", False, missing=("3 năm",)),
    Case("cobo_empty_members_even_with_movement", unit(ratings(E=[Y]), bloc_rank=1,
         leads=[{"years": 5, "final_review_year": Y}]), "CO_BO", False, missing=("trống",)),
    # ---------------------------------------------------------------- Bằng khen cấp bộ (collective)
    Case("unit_bkbo_two_excellent_years", unit(ratings(E=[2024, Y]), crew=members(G=5)), "BK_BO",
         True, reasons=("2024–2025",), rule="Luật TĐKT 2022, Điều 74"),
    Case("unit_bkbo_ttldxs_then_excellent", unit(ratings(G=[2024], E=[Y]), award("TTLDXS", 2024),
         members(G=5)), "BK_BO", True, evidence={"awards": [{"type": "TTLDXS", "year": 2024}]}),
    Case("unit_bkbo_broken", unit(ratings(E=[2023, Y], G=[2024]), crew=members(G=5)), "BK_BO",
         False, missing=("năm 2024", "bị ngắt")),
    Case("unit_bkbo_years_used", unit(ratings(E=[2023, 2024, Y]), award("BK_BO", 2024),
         members(G=5)), "BK_BO", False, missing=("đã được tính",)),
    Case("unit_bkbo_empty_members", unit(ratings(E=[2024, Y])), "BK_BO", False, missing=("trống",)),
]
# fmt: on


def _run(case):
    payload = {
        "as_of": case.as_of,
        "year": case.year,
        "types": [case.type],
        "subjects": [case.subject],
    }
    if case.settings is not None:
        payload["settings"] = case.settings
    output = evaluate(payload)
    assert len(output["results"]) == 1
    return output, output["results"][0]


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_case(case):
    output, result = _run(case)
    assert result["type"] == case.type
    assert result["eligible"] is case.eligible, result
    if case.eligible:
        assert result["missing"] == []
    else:
        assert result["missing"], result
    missing, reasons = " | ".join(result["missing"]), " | ".join(result["reasons"])
    for word in case.missing:
        assert word in missing, (word, result["missing"])
    for word in case.reasons:
        assert word in reasons, (word, result["reasons"])
    if case.rule:
        assert result["rule"] == case.rule
    for key, expected in case.evidence.items():
        assert result["evidence"][key] == expected, result["evidence"]
    assert json.loads(json.dumps(output, ensure_ascii=False)) == output


def test_there_are_enough_cases():
    assert len(CASES) >= 60
    assert len({case.name for case in CASES}) == len(CASES)
    assert all(isinstance(c.missing, tuple) and isinstance(c.reasons, tuple) for c in CASES)


# -------------------------------------------------------------------- contract


def test_contract_example_shape_and_defaults():
    payload = {
        "as_of": "2025-12-15",
        "year": 2025,
        "ignored": {"any": "thing"},
        "subjects": [
            person(ratings(E=[Y])),
            unit(
                ratings(E=[Y]), crew=[member(G, "LDTT"), member(E, "LDTT", "CSTDCS")], bloc_rank=1
            ),
        ],
    }
    output = evaluate(payload)
    assert list(output) == ["regime", "year", "results"]
    assert output["regime"] == "LAW_2022" and output["year"] == 2025
    pairs = [(result["subject"], result["type"]) for result in output["results"]]
    assert pairs == [
        ("p1", code) for code in ("LDTT", "CSTDCS", "CSTD_BO", "CSTD_TQ", "BK_BO", "BK_TTG")
    ] + [("c1", code) for code in ("TTLDTT", "TTLDXS", "CO_BO", "BK_BO")]
    for result in output["results"]:
        assert list(result) == [
            "subject",
            "type",
            "eligible",
            "undetermined",
            "reasons",
            "missing",
            "manual_checks",
            "rule",
            "evidence",
        ]
        assert list(result["evidence"]) == ["awards", "initiatives"]
        assert result["manual_checks"]
    assert evaluate(payload) == output


def test_types_keep_the_order_asked_and_skip_other_kinds():
    payload = {
        "as_of": AS_OF,
        "year": Y,
        "types": ["BK_BO", "TTLDTT", "LDTT", "LDTT"],
        "subjects": [person(ratings(G=[Y])), unit(ratings(G=[Y]), crew=members(G=3))],
    }
    pairs = [(r["subject"], r["type"]) for r in evaluate(payload)["results"]]
    assert pairs == [("p1", "BK_BO"), ("p1", "LDTT"), ("c1", "BK_BO"), ("c1", "TTLDTT")]


def test_type_without_machine_rule_is_manual_only():
    payload = {
        "as_of": AS_OF,
        "year": Y,
        "types": ["GK", "HCLD3"],
        "subjects": [person(ratings(E=[Y]))],
    }
    results = evaluate(payload)["results"]
    assert [r["type"] for r in results] == ["GK", "HCLD3"]
    for result in results:
        assert result["eligible"] is False and result["undetermined"] is True
        assert "tự động" in result["missing"][0] and result["manual_checks"]


def test_hold_makes_every_type_ineligible_even_manual_ones():
    subject = person(ratings(E=[Y]), holds=[hold("2025-01-01", None, "DISCIPLINE_REVIEW")])
    results = evaluate({"as_of": AS_OF, "year": Y, "types": ["LDTT", "GK"], "subjects": [subject]})[
        "results"
    ]
    for result in results:
        assert result["eligible"] is False and result["undetermined"] is False  # the hold decides
        assert result["reasons"][0].startswith("ON_HOLD") and result["missing"][0].startswith(
            "ON_HOLD"
        )
        assert "kỷ luật" in result["reasons"][0]


def test_decree_period_changes_only_the_table_not_the_verdict():
    subject = person(ratings(E=[Y]))
    before = evaluate({"as_of": "2025-06-30", "year": Y, "subjects": [subject]})
    after = evaluate({"as_of": "2025-07-01", "year": Y, "subjects": [subject]})
    assert before == after


def test_already_held_award_gets_a_manual_warning():
    result = evaluate(
        {
            "as_of": AS_OF,
            "year": Y,
            "types": ["LDTT"],
            "subjects": [person(ratings(G=[Y]), award("LDTT", Y))],
        }
    )["results"][0]
    assert result["eligible"] is True
    assert any("Đã có LĐTT năm 2025" in text for text in result["manual_checks"])


def test_law2003_quota_is_a_manual_check_and_can_be_set_under_law2022():
    old = evaluate(
        {
            "as_of": "2023-12-01",
            "year": 2023,
            "types": ["CSTDCS"],
            "subjects": [person(ratings(G=[2023]), initiatives=[ini("i", "BASE", 2023)])],
        }
    )
    assert any("15%" in text for text in old["results"][0]["manual_checks"])
    new = evaluate(
        {
            "as_of": AS_OF,
            "year": Y,
            "types": ["CSTDCS"],
            "settings": {"cstdcs_quota_percent": 10},
            "subjects": [person(ratings(E=[Y]))],
        }
    )
    assert any("10%" in text for text in new["results"][0]["manual_checks"])
    default = evaluate(
        {"as_of": AS_OF, "year": Y, "types": ["CSTDCS"], "subjects": [person(ratings(E=[Y]))]}
    )
    assert not any("%" in text for text in default["results"][0]["manual_checks"])


# -------------------------------------------------------------------- malformed input


def _with(path_value, **top):
    payload = {"as_of": AS_OF, "year": Y, "subjects": [person(ratings(G=[Y]))]}
    payload.update(top)
    if path_value:
        key, value = path_value
        payload["subjects"][0][key] = value
    return payload


MALFORMED = [
    (
        "rating",
        _with(("ratings", {"2024": "FOO"})),
        "subjects[0].ratings.2024: xếp loại không hợp lệ 'FOO'",
    ),
    ("rating_year", _with(("ratings", {"hai nghìn": "GOOD"})), "subjects[0].ratings.hai nghìn"),
    ("as_of_missing", {"year": Y, "subjects": []}, "as_of: thiếu trường bắt buộc"),
    ("as_of_bad", _with(None, as_of="2025-13-01"), "as_of: ngày không hợp lệ '2025-13-01'"),
    ("year_bad", _with(None, year="năm nay"), "year: năm không hợp lệ"),
    ("year_float", _with(None, year=2025.5), "year: năm không hợp lệ"),
    (
        "types_unknown",
        _with(None, types=["LDTT", "XYZ"]),
        "types[1]: loại khen thưởng không hợp lệ 'XYZ'",
    ),
    ("types_not_list", _with(None, types="LDTT"), "types: phải là danh sách"),
    ("subjects_missing", {"as_of": AS_OF, "year": Y}, "subjects: thiếu trường bắt buộc"),
    ("subjects_not_list", _with(None, subjects={"id": 1}), "subjects: phải là danh sách"),
    ("subject_not_object", _with(None, subjects=["p1"]), "subjects[0]: phải là đối tượng JSON"),
    ("kind", _with(("kind", "robot")), "subjects[0].kind: loại đối tượng không hợp lệ 'robot'"),
    ("id_missing", _with(("id", None)), "subjects[0].id: thiếu trường bắt buộc"),
    (
        "award_year",
        _with(("awards", [{"type": "LDTT", "year": 2024}, {"type": "LDTT"}])),
        "subjects[0].awards[1].year: thiếu trường bắt buộc",
    ),
    (
        "award_revoked",
        _with(("awards", [{"type": "LDTT", "year": 2024, "revoked": "không"}])),
        "subjects[0].awards[0].revoked",
    ),
    (
        "scope",
        _with(("initiatives", [ini("i1", "CITY", 2024)])),
        "subjects[0].initiatives[0].scope: phạm vi sáng kiến không hợp lệ 'CITY'",
    ),
    (
        "initiative_duplicate",
        _with(("initiatives", [ini("i1", "BASE", 2024), ini("i1", "BASE", 2025)])),
        "subjects[0].initiatives[1].id: trùng mã sáng kiến 'i1'",
    ),
    (
        "discipline_level",
        _with(("disciplines", [{"year": 2024, "level": "FINE"}])),
        "subjects[0].disciplines[0].level: mức kỷ luật không hợp lệ 'FINE'",
    ),
    (
        "hold_dates",
        _with(("holds", [hold("2025-05-01", "2025-04-01")])),
        "subjects[0].holds[0].to: ngày kết thúc trước ngày bắt đầu",
    ),
    (
        "hold_from",
        _with(("holds", [{"to": "2025-04-01"}])),
        "subjects[0].holds[0].from: thiếu trường bắt buộc",
    ),
    (
        "setting_percent",
        _with(None, settings={"collective_ldtt_percent": 150}),
        "settings.collective_ldtt_percent",
    ),
    (
        "setting_window",
        _with(None, settings={"window_after_prior_award": "có"}),
        "settings.window_after_prior_award",
    ),
    ("root", ["not", "an", "object"], "dữ liệu vào: phải là đối tượng JSON"),
]


@pytest.mark.parametrize(
    "payload,expected", [(p, e) for _, p, e in MALFORMED], ids=[name for name, _, _ in MALFORMED]
)
def test_malformed_input_names_the_field(payload, expected):
    with pytest.raises(EligibilityInputError) as caught:
        evaluate(payload)
    assert str(caught.value).startswith(expected)


def test_malformed_member_names_the_field():
    payload = {
        "as_of": AS_OF,
        "year": Y,
        "subjects": [unit(crew=[member(G), member(G), member("SUPER")])],
    }
    with pytest.raises(EligibilityInputError) as caught:
        evaluate(payload)
    assert str(caught.value) == "subjects[0].members[2].rating: xếp loại không hợp lệ 'SUPER'"
    assert caught.value.field == "subjects[0].members[2].rating"
