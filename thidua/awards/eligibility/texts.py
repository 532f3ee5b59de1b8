"""Every sentence the engine writes, in Vietnamese (the source language), marked for translation.

Messages use named placeholders so a translation may reorder them. The engine writes dozens of
sentences per subject, so ``texts()`` resolves the whole table once per active language and the
rules read plain strings from it (a catalogue lookup per sentence would double a national run).
The machine markers ``ON_HOLD:`` stay untranslated: callers match on them.
"""

from collections.abc import Mapping
from types import SimpleNamespace

from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from .ruleset import (
    HOLD_REASON_LABEL,
    ISSUER_KIND_LABEL,
    LEVEL_LABEL,
    RATING_LABEL,
    SCOPE_LABEL,
    TYPES,
)

ON_HOLD = "ON_HOLD: "

_SENTENCES = {
    # ratings and disciplines
    "rating_is": _("Xếp loại năm {year}: {rating}"),
    "rating_of_year": _("xếp loại năm {year}: {rating}"),
    "rating_found_need": _("Xếp loại năm {year} là {rating}, cần {need}"),
    "rating_none_need": _("Xếp loại năm {year} chưa có, cần {need}"),
    "good_or_better": _("từ Hoàn thành tốt nhiệm vụ trở lên"),
    "no_rating": _("chưa có xếp loại"),
    "no_discipline": _("Không bị kỷ luật trong năm {year}"),
    "disciplined": _("Bị kỷ luật {level} trong năm {year}"),
    # has / meets in the proposal year
    "holds_now": _("Đã đạt {award} năm {year}"),
    "not_met_now": _("Chưa đạt {award} năm {year}: {missing}"),
    "same_session": _("Đủ tiêu chuẩn {award} năm {year} (xét cùng kỳ)"),
    "already_held": _(
        "Đã có {award} năm {year} trong lịch sử khen thưởng: kiểm tra tránh đề nghị trùng"
    ),
    # streaks
    "streak_ok": _("{label} {needed} năm liên tục: {years}"),
    "streak_ok_after": _("{label} {needed} năm liên tục: {years}, tính sau {award} năm {cutoff}"),
    "streak_used": _(
        "Chuỗi {label} liên tục chỉ tính được {count} năm{counted}, cần {needed} năm: các năm từ "
        "{cutoff} trở về trước đã được tính cho {award} năm {cutoff}"
    ),
    "streak_broken": _("Thiếu {label} năm {year} (chuỗi {needed} năm liên tục bị ngắt)"),
    # initiatives
    "scope_national": _("toàn quốc"),
    "scope_at_least": _("từ {scope} trở lên"),
    "window_year": _("năm {year}"),
    "window_span": _("trong {span}"),
    "initiative_need": _(
        "sáng kiến/đề tài chưa sử dụng, phạm vi {scope}, được công nhận {window}"
    ),
    "initiatives_have": _("Có {need}: {items}"),
    "initiatives_count_now": _(", hiện có {count}"),
    "initiatives_missing": _("Thiếu {need}{have}{notes}{suffix}"),
    "initiatives_instead": _("Cần {instead} hoặc có {need}{have}{notes}{suffix}"),
    "initiative_used": _("{id}: đã được sử dụng cho {used}"),
    "initiative_low_scope": _("{id}: chỉ có phạm vi {scope}"),
    "initiative_out_of_window": _("{id}: công nhận năm {year}, ngoài khoảng {span}"),
    "initiative_same_session": _("đã dùng cho {award} năm {year} xét cùng kỳ"),
    # alternatives, holds, manual-only types
    "otherwise": _("Hoặc: "),
    "hold_from": _("từ {start}, {until}"),
    "hold_until": _("đến {end}"),
    "hold_open": _("chưa có ngày kết thúc"),
    "hold_reason_of": _("{period}, lý do: {reason}"),
    "on_hold": _("Đang trong thời gian tạm dừng xét khen thưởng ({periods})"),
    "on_hold_missing": _(
        "Không được đề nghị khen thưởng khi đang bị xem xét kỷ luật, điều tra, thanh tra, kiểm "
        "tra hoặc giải quyết khiếu nại, tố cáo; chỉ xét lại khi hết thời gian tạm dừng"
    ),
    "no_machine_rule": _(
        "Chưa có tiêu chí kiểm tra tự động cho {name}: cần người có thẩm quyền xét"
    ),
    "judge_by_basis": _("Xét tiêu chuẩn {name} theo {basis}"),
    # individual rules
    "ldtt_manual": _(
        "Chấp hành tốt chủ trương, chính sách, pháp luật; có tinh thần tự lực, tự cường, "
        "đoàn kết, tương trợ, tích cực tham gia phong trào thi đua"
    ),
    "cstdcs_2003_rating": _(
        "; theo Luật TĐKT 2003, xếp loại Hoàn thành xuất sắc nhiệm vụ không thay thế được "
        "sáng kiến"
    ),
    "cstdcs_instead": _("xếp loại Hoàn thành xuất sắc nhiệm vụ năm {year} (hiện: {rating})"),
    "cstdcs_quota": _(
        "Số cá nhân đạt CSTĐCS của đơn vị không vượt quá {percent} số cá nhân đạt LĐTT "
        "(kiểm tra trên danh sách của đơn vị)"
    ),
    "bo_manual": _("Được bình chọn là tiêu biểu xuất sắc trong số những cá nhân đạt CSTĐCS"),
    "tq_manual": _(
        "Có thành tích tiêu biểu xuất sắc nhất trong số những cá nhân đạt CSTĐ cấp bộ, ban, "
        "ngành, tỉnh"
    ),
    "tq_pair": _("Đạt {award} 2 lần liên tiếp theo chu kỳ 3 năm: năm {first} và năm {second}"),
    "tq_used": _("; các lần đến năm {year} đã được tính cho CSTĐ toàn quốc năm {year}"),
    "tq_missing_first": _(
        "Thiếu {award} năm {year} (lần liền trước lần năm {later}, cách đúng 3 năm){used}"
    ),
    "tq_missing_second": _(
        "Thiếu {award} năm {later} (lần thứ hai, cách lần năm {year} đúng 3 năm){used}"
    ),
    "tq_missing_both": _(
        "Cần đạt {award} 2 lần liên tiếp theo chu kỳ 3 năm (năm t và t+3, lần sau vào năm "
        "{previous} hoặc {year}){used}"
    ),
    "bk_bo_manual": _(
        "Các trường hợp khác (thành tích trong phong trào thi đua, thành tích đột xuất, "
        "đóng góp cho phát triển kinh tế – xã hội) do người có thẩm quyền xét"
    ),
    "bk_ttg_manual": _(
        "Các trường hợp khác (thành tích xuất sắc trong phong trào thi đua, thành tích đột "
        "xuất; công nhân, nông dân có mô hình sản xuất ổn định từ 2 năm trở lên) do người có "
        "thẩm quyền xét"
    ),
    "prior_bk_bo": _("Đã có Bằng khen cấp bộ, ban, ngành, tỉnh năm {year}"),
    "prior_bk_bo_before": _(
        "Đã có Bằng khen cấp bộ, ban, ngành, tỉnh năm {year}, trước 5 năm xét {span}"
    ),
    "prior_bk_bo_too_late": _(
        "Bằng khen cấp bộ, ban, ngành, tỉnh năm {years} chưa đủ 5 năm: 5 năm xét ({span}) phải "
        "sau năm nhận Bằng khen, tức Bằng khen từ năm {year} trở về trước"
    ),
    "no_bk_bo": _("Chưa có Bằng khen cấp bộ, ban, ngành, tỉnh (tính đến năm {year})"),
    "five_years_rated": _("Xếp loại từ Hoàn thành tốt nhiệm vụ trở lên 5 năm liên tục {span}"),
    "five_years_low": _("Xếp loại chưa đạt từ Hoàn thành tốt nhiệm vụ trở lên ở năm {years}"),
    "cstdcs_times": _("Đạt CSTĐCS {count} lần trong {span}: {years}"),
    "cstdcs_too_few": _("Chỉ đạt CSTĐCS {count} lần trong {span}{found}, cần ít nhất 3 lần"),
    "cstdcs_now": _("; CSTĐCS năm {year}: {missing}"),
    "bk_ttg_prior": _(
        "Đã có Bằng khen của Thủ tướng Chính phủ năm {years}: kiểm tra thành tích không bị "
        "dùng lại"
    ),
    # collective rules
    "ttldtt_manual": _(
        "Tích cực tham gia phong trào thi đua; nội bộ đoàn kết, chấp hành tốt chủ trương, "
        "chính sách, pháp luật"
    ),
    "ttldxs_manual": _(
        "Được bình xét trong số các tập thể đạt TTLĐTT; sáng tạo, vượt khó hoàn thành xuất "
        "sắc nhiệm vụ, là tập thể tiêu biểu"
    ),
    "co_bo_manual": _(
        "Hoàn thành vượt mức chỉ tiêu thi đua và nhiệm vụ được giao; là tập thể tiêu biểu xuất "
        "sắc; nội bộ đoàn kết; tổ chức đảng, đoàn thể đạt tiêu chuẩn; thực hành tiết kiệm, "
        "chống tham nhũng, lãng phí"
    ),
    "collective_bk_bo_manual": _(
        "Thực hiện tốt dân chủ ở cơ sở, chăm lo đời sống vật chất, tinh thần của người lao "
        "động, thực hành tiết kiệm"
    ),
    "collective_streak": _("TTLĐXS hoặc xếp loại Hoàn thành xuất sắc nhiệm vụ"),
    "members_listed": _("Có danh sách {total} thành viên năm {year}"),
    "members_empty": _(
        "Danh sách thành viên của tập thể năm {year} trống: không xét được danh hiệu tập thể"
    ),
    "ldtt_share_ok": _(
        "{count}/{total} thành viên ({share}) đạt LĐTT năm {year}, đạt tỷ lệ tối thiểu {percent}"
    ),
    "ldtt_share_low": _(
        "Chỉ {count}/{total} thành viên ({share}) đạt LĐTT năm {year}, cần ít nhất {percent}"
    ),
    "no_warning": _("Không có thành viên bị kỷ luật từ cảnh cáo trở lên năm {year}"),
    "warned": _("{count} thành viên bị kỷ luật từ cảnh cáo trở lên năm {year}{who}"),
    "all_completed": _("100% thành viên xếp loại từ Hoàn thành nhiệm vụ trở lên năm {year}"),
    "some_below": _(
        "{count}/{total} thành viên xếp loại dưới Hoàn thành nhiệm vụ hoặc chưa có xếp loại "
        "năm {year}{who}"
    ),
    "member_cstdcs": _("{count} thành viên đạt CSTĐCS năm {year}"),
    "no_member_cstdcs": _("Không có thành viên nào đạt CSTĐCS năm {year}"),
    "bloc_leader": _("Dẫn đầu khối/cụm thi đua năm {year}"),
    "bloc_unranked": _("Chưa có kết quả xếp hạng khối/cụm thi đua năm {year} (cần dẫn đầu)"),
    "bloc_rank": _("Xếp hạng {rank} trong khối/cụm thi đua năm {year}, cần dẫn đầu (hạng 1)"),
    "meets_ttldxs": _("Đủ tiêu chuẩn TTLĐXS năm {year}"),
    "fails_ttldxs": _("Chưa đủ tiêu chuẩn TTLĐXS năm {year}: {missing}"),
    "thematic_lead": _("Dẫn đầu phong trào thi đua chuyên đề ({years} năm), tổng kết năm {year}"),
    "thematic_lead_named": _(
        "Dẫn đầu phong trào thi đua chuyên đề “{name}” ({years} năm), tổng kết năm {year}"
    ),
    "no_thematic_lead": _(
        "Chưa dẫn đầu phong trào thi đua chuyên đề nào kéo dài từ 3 năm trở lên được tổng kết "
        "năm {year}"
    ),
    # quotas over a list (quotas.py)
    "quota_of_holders": _("{percent} số {basis} ({count})"),
    "quota_of_members": _("{percent} tổng số {members} ({count})"),
    "quota_fixed": _("{count} suất"),
    "quota_ok": _("{award}: {count}/{limit}, trong hạn mức (tối đa {rule})"),
    "quota_exceeded": _(
        "{award}: {count} đề nghị, vượt hạn mức {limit} (tối đa {rule}), thừa {excess}"
    ),
    "people": _("cá nhân"),
    "units": _("tập thể"),
    # issuers (powers.py)
    "award_outside_powers": _(
        "Không tính {award} năm {year}: {issuer} không có thẩm quyền tặng vào ngày {day} "
        "(kiểm tra lại cơ quan quyết định)"
    ),
    "award_unverified": _(
        "{award} năm {year} chưa xác định cơ quan quyết định: cần rà soát trước khi tính"
    ),
    "no_decision_date": _("quyết định (chưa có ngày)"),
}


class _TypeNames(Mapping):
    """The award types' names (``short`` or ``name``) in one language, read from the catalogue
    at each lookup: a type declared there is named here at once."""

    def __init__(self, attribute, english):
        self.attribute = f"{attribute}_en" if english else attribute
        self.fallback = attribute

    def __getitem__(self, code):
        kind = TYPES[code]
        return getattr(kind, self.attribute) or getattr(kind, self.fallback)

    def __iter__(self):
        return iter(TYPES)

    def __len__(self):
        return len(TYPES)


# Vocabularies keyed by rank or code, resolved together with the sentences.
_VOCABULARIES = {
    "rating": RATING_LABEL,
    "scope": dict(enumerate(SCOPE_LABEL)),
    "level": dict(enumerate(LEVEL_LABEL)),
    "hold_reason": HOLD_REASON_LABEL,
    "issuer_kind": ISSUER_KIND_LABEL,
}

_RESOLVED = {}


def texts():
    """The engine's sentences and vocabularies in the active language (resolved once each)."""
    language = get_language()
    table = _RESOLVED.get(language)
    if table is None:
        english = (language or "").startswith("en")
        table = SimpleNamespace(
            **{key: str(text) for key, text in _SENTENCES.items()},
            **{
                key: {code: str(text) for code, text in vocabulary.items()}
                for key, vocabulary in _VOCABULARIES.items()
            },
            short=_TypeNames("short", english),
            name=_TypeNames("name", english),
        )
        _RESOLVED[language] = table
    return table
