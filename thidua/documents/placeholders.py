"""The placeholders an organisation's own .docx may use, per kind of document.

They are the keys of the contexts in ``context.py``; an uploaded template is refused when it
names anything else, so a typo shows up on upload rather than as a blank in a signed decision.
"""
from django.utils.translation import gettext_lazy as _

HEADER = {
    "parent_name": _("Tên cơ quan chủ quản (chữ in hoa)"),
    "issuer_name": _("Tên cơ quan ban hành (chữ in hoa)"),
    "issuer_title": _("Tên cơ quan ban hành"),
    "parent_title": _("Tên cơ quan chủ quản"),
    "place": _("Địa danh"),
    "date": _("Ngày tháng năm (ngày 05 tháng 01 năm 2020)"),
}
SIGNER = {
    "signer_lines": _("Các dòng chức danh người ký (TM./KT./Q./TL./TUQ.), lặp bằng {%p for line "
                      "in signer_lines %}"),
    "signer_name": _("Họ tên người ký"),
    "authority_line": _("Thẩm quyền ban hành (CHỦ TỊCH …)"),
    "authority_title": _("Thẩm quyền ban hành, chữ thường (Chủ tịch Liên minh …)"),
}
ANNEX = {
    "annex_title": _("Tiêu đề danh sách"),
    "annex_reference": _("Dòng “(Kèm theo … số … ngày … của …)”"),
    "sections": _("Các mục I. Cá nhân / II. Tập thể / III. Hộ gia đình: section.heading, "
                  "section.rows (row.index, row.name, row.detail, row.note)"),
    "count": _("Tổng số đối tượng"),
    "recipients": _("Nơi nhận, lặp bằng {%p for line in recipients %}"),
    "legal_bases": _("Các dòng căn cứ, lặp bằng {%p for line in legal_bases %}"),
    "bases_in_force": _("Văn bản căn cứ có hiệu lực vào ngày văn bản, rồi căn cứ riêng của đơn vị: "
                        "b.citation, b.short_name, b.own"),
    "title": _("Trích yếu"),
    "reference": _("Số, ký hiệu"),
}
SESSION = {
    "council_name": _("Tên Hội đồng"), "title": _("Nội dung phiên họp"),
    "date_short": _("Ngày họp (dd/mm/yyyy)"), "secret": _("Bỏ phiếu kín (đúng/sai)"),
    "total_members": _("Tổng số thành viên"), "present": _("Số có mặt"), "absent": _("Số vắng"),
    "quorum_percent": _("Tỷ lệ có mặt tối thiểu (%)"),
    "members": _("Thành phần: m.name, m.role, m.status"),
    "rounds": _("Các vòng bỏ phiếu: r.round, r.issued, r.returned, r.valid, r.invalid, r.checks "
                "(check.label, check.ok), r.consistent, r.rows (row.index, row.name, row.detail, "
                "row.award, row.agree, row.disagree, row.abstain, row.percent, row.result)"),
    "conclusion": _("Kết luận"),
}
REPORT = {
    "award_name": _("Danh hiệu, hình thức đề nghị (chữ in hoa)"), "year": _("Năm thành tích"),
    "achievement": _("Tóm tắt thành tích"), "place": _("Địa danh"), "date": _("Ngày tháng năm"),
    "name": _("Họ tên / tên tập thể"),
    "titles": _("Danh hiệu đã đạt: a.year, a.name, a.decision"),
    "forms": _("Hình thức khen thưởng đã nhận: a.year, a.name, a.decision"),
}

PLACEHOLDERS = {
    "decision": {**HEADER, **SIGNER, **ANNEX,
                 "number": _("Số quyết định (05)"), "symbol": _("Ký hiệu (QĐ-LMHTX)"),
                 "date_short": _("Ngày ký (dd/mm/yyyy)"), "is_draft": _("Còn là dự thảo"),
                 "proposal_line": _("Dòng “Xét đề nghị của …”"),
                 "article1": _("Nội dung Điều 1"), "article2": _("Nội dung Điều 2"),
                 "article3": _("Nội dung Điều 3"), "total_money": _("Tổng tiền thưởng")},
    "proposal": {**HEADER, **SIGNER, **ANNEX, "authority_name": _("Cấp xét khen thưởng"),
                 "year": _("Năm thành tích"), "movement": _("Phong trào thi đua"),
                 "request_line": _("Nội dung đề nghị")},
    "minutes": {**HEADER, **SESSION},
    "tally": {**HEADER, **SESSION},
    "report_individual": {**REPORT, "birth_date": _("Ngày sinh"), "gender": _("Giới tính"),
                          "unit": _("Đơn vị công tác"), "position": _("Chức vụ")},
    "report_collective": {**REPORT, "address": _("Địa chỉ"), "phone": _("Điện thoại"),
                          "email": _("Thư điện tử"), "founding_date": _("Ngày thành lập"),
                          "tax_code": _("Mã số thuế"), "kind": _("Loại hình")},
}
PLACEHOLDERS["annex"] = PLACEHOLDERS["proposal"]
