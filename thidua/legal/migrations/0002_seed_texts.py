"""The legal texts the platform follows as of December 2026 (docs/law.md).

Facts are those of the project's domain notes; where a number or a date is not known it is left
empty, and a text only reported (not confirmed) is stored with ``confirmed`` false, so it is never
treated as in force until an administrator confirms it from the official text."""
from datetime import date

from django.db import migrations

# key, kind, number, title, short name, body, issued, from, to, replaces, confirmed, note
TEXTS = [
    ("law-2003", "LAW", "", "Luật Thi đua, khen thưởng năm 2003 (sửa đổi, bổ sung 2005, 2013)",
     "Luật TĐKT 2003", "Quốc hội", None, None, date(2023, 12, 31), None, True,
     "Số hiệu chưa ghi: không có trong nguồn đã đối chiếu."),
    ("law-2022", "LAW", "06/2022/QH15", "Luật Thi đua, khen thưởng", "Luật TĐKT 2022",
     "Quốc hội", date(2022, 6, 15), date(2024, 1, 1), None, "law-2003", True, ""),
    ("nd-91-2017", "DECREE", "91/2017/NĐ-CP",
     "Nghị định hướng dẫn Luật Thi đua, khen thưởng 2003", "Nghị định 91/2017/NĐ-CP", "Chính phủ",
     None, None, date(2023, 12, 31), None, True, ""),
    ("nd-98-2023", "DECREE", "98/2023/NĐ-CP",
     "Nghị định quy định chi tiết Luật Thi đua, khen thưởng", "Nghị định 98/2023/NĐ-CP",
     "Chính phủ", date(2023, 12, 31), date(2024, 1, 1), date(2025, 6, 30), "nd-91-2017", True,
     "Áp dụng cùng Luật TĐKT 2022 từ 01/01/2024; hết hiệu lực khi Nghị định 152/2025 có hiệu "
     "lực."),
    ("nd-152-2025", "DECREE", "152/2025/NĐ-CP",
     "Nghị định quy định chi tiết Luật Thi đua, khen thưởng (phân cấp, phân quyền)",
     "Nghị định 152/2025/NĐ-CP", "Chính phủ", date(2025, 6, 14), date(2025, 7, 1), None,
     "nd-98-2023", True, ""),
    ("nd-129-2025", "DECREE", "129/2025/NĐ-CP",
     "Nghị định về phân định thẩm quyền khi tổ chức chính quyền địa phương hai cấp",
     "Nghị định 129/2025/NĐ-CP", "Chính phủ", None, date(2025, 7, 1), None, None, True,
     "Điều 59: thẩm quyền khen thưởng của Chủ tịch UBND cấp huyện chuyển cho Chủ tịch UBND cấp "
     "xã. Ngày ban hành chưa ghi."),
    ("tt-01-2024-bnv", "CIRCULAR", "01/2024/TT-BNV",
     "Thông tư hướng dẫn Nghị định 98/2023/NĐ-CP", "Thông tư 01/2024/TT-BNV", "Bộ Nội vụ", None,
     None, date(2025, 8, 4), None, True, "Ngày có hiệu lực chưa ghi."),
    ("tt-15-2025-bnv", "CIRCULAR", "15/2025/TT-BNV",
     "Thông tư hướng dẫn Nghị định 152/2025/NĐ-CP (sáng kiến, biểu mẫu, thủ tục)",
     "Thông tư 15/2025/TT-BNV", "Bộ Nội vụ", date(2025, 8, 4), date(2025, 8, 5), None,
     "tt-01-2024-bnv", True,
     "Thay Thông tư 01/2024/TT-BNV. Nội dung từng mẫu chưa được đối chiếu với nguyên văn."),
    ("tt-02-2023-bnv", "CIRCULAR", "02/2023/TT-BNV",
     "Thông tư quy định chế độ báo cáo thống kê ngành Nội vụ (Biểu 0601–0605)",
     "Thông tư 02/2023/TT-BNV", "Bộ Nội vụ", None, None, None, None, True,
     "Ngày có hiệu lực chưa ghi."),
    ("tt-13-2025-bnv", "CIRCULAR", "13/2025/TT-BNV", "Thông tư về thống kê (được cho là sửa biểu "
     "0601–0605)", "Thông tư 13/2025/TT-BNV", "Bộ Nội vụ", None, None, None, None, False,
     "Chưa xác nhận: có thể thay đổi Biểu 0601–0605. Đối chiếu văn bản trước khi xác nhận."),
    ("tt-18-2025-bnv", "CIRCULAR", "18/2025/TT-BNV", "Thông tư về thống kê (được cho là sửa biểu "
     "0601–0605)", "Thông tư 18/2025/TT-BNV", "Bộ Nội vụ", None, None, None, None, False,
     "Chưa xác nhận: có thể thay đổi Biểu 0601–0605. Đối chiếu văn bản trước khi xác nhận."),
    ("qd-311-2025-bnv", "DECISION", "311/QĐ-BNV", "Quyết định công bố thủ tục hành chính khen "
     "thưởng cấp trung ương (năm 2025)", "Quyết định 311/QĐ-BNV (2025)", "Bộ Nội vụ", None, None,
     None, None, True, "Thời hạn thẩm định, trả hồ sơ, sao gửi quyết định."),
    ("qd-638-2025-bnv", "DECISION", "638/QĐ-BNV", "Quyết định công bố thủ tục hành chính khen "
     "thưởng theo Nghị định 152/2025/NĐ-CP", "Quyết định 638/QĐ-BNV (2025)", "Bộ Nội vụ", None,
     None, None, None, True, "Hồ sơ CSTĐCS (Mẫu 01, Mẫu 05); thẩm định 20 ngày làm việc."),
    ("nd-30-2020", "DECREE", "30/2020/NĐ-CP", "Nghị định về công tác văn thư",
     "Nghị định 30/2020/NĐ-CP", "Chính phủ", None, None, None, None, True,
     "Thể thức văn bản (quyết định, tờ trình)."),
    ("nd-24-2023", "DECREE", "24/2023/NĐ-CP", "Nghị định quy định mức lương cơ sở",
     "Nghị định 24/2023/NĐ-CP", "Chính phủ", None, date(2023, 7, 1), date(2024, 6, 30), None,
     True, ""),
    ("nd-73-2024", "DECREE", "73/2024/NĐ-CP", "Nghị định quy định mức lương cơ sở",
     "Nghị định 73/2024/NĐ-CP", "Chính phủ", None, date(2024, 7, 1), date(2026, 6, 30),
     "nd-24-2023", True, ""),
    ("nd-161-2026", "DECREE", "161/2026/NĐ-CP", "Nghị định quy định mức lương cơ sở",
     "Nghị định 161/2026/NĐ-CP", "Chính phủ", None, date(2026, 7, 1), None, "nd-73-2024", True,
     "Thay Nghị định 73/2024/NĐ-CP từ 01/07/2026. Mức lương cơ sở mới phải do người vận hành "
     "nhập từ văn bản chính thức (Mức lương cơ sở)."),
    ("law-coop-2023", "LAW", "17/2023/QH15", "Luật Hợp tác xã", "Luật HTX 2023", "Quốc hội",
     None, date(2024, 7, 1), None, None, True,
     "Thành viên chính thức, thành viên liên kết góp vốn hoặc không góp vốn."),
    ("qd-1328-2021-ttg", "DECISION", "1328/QĐ-TTg",
     "Quyết định phê duyệt Điều lệ Liên minh Hợp tác xã Việt Nam", "Điều lệ Liên minh HTX Việt Nam",
     "Thủ tướng Chính phủ", date(2021, 7, 23), None, None, None, True, ""),
    ("vca-knc", "INTERNAL", "", "Quy chế Kỷ niệm chương “Vì sự nghiệp xây dựng và phát triển "
     "kinh tế tập thể” của Liên minh HTX Việt Nam", "Quy chế Kỷ niệm chương của Liên minh HTX",
     "Liên minh HTX Việt Nam", None, None, None, None, False,
     "Chưa tìm thấy văn bản: cần Liên minh cung cấp số, ngày và tiêu chuẩn."),
]


def load(apps, schema_editor):
    LegalText = apps.get_model("legal", "LegalText")
    by_key = {}
    for (key, kind, number, title, short, body, issued, start, end, replaces, confirmed,
         note) in TEXTS:
        by_key[key], _created = LegalText.objects.update_or_create(key=key, defaults={
            "kind": kind, "number": number, "title": title, "short_name": short,
            "issuing_body": body, "issued_on": issued, "effective_from": start,
            "effective_to": end, "replaces": by_key.get(replaces), "confirmed": confirmed,
            "note": note})


class Migration(migrations.Migration):
    dependencies = [("legal", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
