"""What each part of the platform follows (docs/law.md, section 3): the texts a decision and a tờ trình
cite, and the text behind each document form, procedure step and statistical form.

A row applies only while its own dates and its text's dates cover the day and its text is
confirmed; unknown articles are left empty rather than guessed (the note says so)."""
from datetime import date

from django.db import migrations

SWITCH_2024 = date(2024, 1, 1)
ISSUING_TEXTS = [  # text, order, row valid from (when the text's own start is not recorded)
    ("law-2003", 0, None), ("law-2022", 0, None), ("nd-91-2017", 1, None),
    ("nd-98-2023", 1, None), ("nd-152-2025", 1, None), ("tt-01-2024-bnv", 2, SWITCH_2024),
    ("tt-15-2025-bnv", 2, None)]
# topic, subject, label, text, article, from, to, order, note
ROWS = [
    ("FORM", "decision", "Quyết định khen thưởng: thể thức, kỹ thuật trình bày", "nd-30-2020",
     "", None, None, 10, ""),
    ("FORM", "proposal", "Tờ trình đề nghị khen thưởng (Mẫu số 01)", "nd-152-2025",
     "Phụ lục, Mẫu số 01", None, None, 20, "Nội dung từng trường của mẫu chưa đối chiếu."),
    ("FORM", "achievement_individual", "Báo cáo thành tích cá nhân", "nd-91-2017", "Mẫu số 02",
     None, None, 30, ""),
    ("FORM", "achievement_individual", "Báo cáo thành tích cá nhân", "nd-98-2023", "Mẫu số 03",
     None, None, 30, ""),
    ("FORM", "achievement_individual", "Báo cáo thành tích cá nhân", "nd-152-2025", "Mẫu số 05",
     None, None, 30, ""),
    ("FORM", "achievement_collective", "Báo cáo thành tích tập thể", "nd-152-2025", "Phụ lục",
     None, None, 40, "Số mẫu chưa đối chiếu."),
    ("FORM", "council_minutes", "Biên bản họp và kiểm phiếu của Hội đồng", "qd-638-2025-bnv", "",
     None, None, 50, "Không có mẫu chính thức; hồ sơ phải có biên bản và kết quả bỏ phiếu."),
    ("FORM", "guidance", "Hướng dẫn biểu mẫu, thủ tục, công nhận sáng kiến", "tt-01-2024-bnv", "",
     SWITCH_2024, None, 60, ""),
    ("FORM", "guidance", "Hướng dẫn biểu mẫu, thủ tục, công nhận sáng kiến", "tt-15-2025-bnv", "",
     None, None, 60, "Thay Thông tư 01/2024/TT-BNV từ 05/8/2025."),
    ("PROCEDURE", "procedure", "Trình tự, thủ tục xét khen thưởng", "tt-01-2024-bnv", "",
     SWITCH_2024, None, 10, ""),
    ("PROCEDURE", "procedure", "Trình tự, thủ tục xét khen thưởng", "tt-15-2025-bnv", "", None,
     None, 10, ""),
    ("PROCEDURE", "THIDUA_APPRAISAL_WORKING_DAYS",
     "Thẩm định hồ sơ (mặc định 20 ngày làm việc)", "qd-638-2025-bnv", "", None, None, 20, ""),
    ("PROCEDURE", "THIDUA_CORRECTION_WORKING_DAYS",
     "Trả hồ sơ để bổ sung, hoàn thiện", "qd-311-2025-bnv", "", None, None, 30,
     "Điều khoản chưa đối chiếu."),
    ("PROCEDURE", "simplified", "Thủ tục đơn giản", "law-2022", "Điều 85", None, None, 40, ""),
    ("PROCEDURE", "money", "Tiền thưởng theo mức lương cơ sở", "nd-152-2025", "Điều 49", None,
     None, 50, ""),
    ("PROCEDURE", "revocation", "Hủy bỏ quyết định, thu hồi hiện vật và tiền thưởng", "law-2022",
     "Điều 93", None, None, 60, ""),
    *[("STATISTICS", code, f"Biểu {code}", "tt-02-2023-bnv", "", None, None, index, "")
      for index, code in enumerate(("0601", "0602", "0603", "0604", "0605"))],
]


def load(apps, schema_editor):
    LegalText = apps.get_model("legal", "LegalText")
    LegalBasis = apps.get_model("legal", "LegalBasis")
    texts = {text.key: text for text in LegalText.objects.all()}
    labels = {"decision": "Quyết định khen thưởng", "proposal": "Tờ trình đề nghị khen thưởng"}
    rows = [("ISSUING", subject, label, key, "", start, None, order, "")
            for subject, label in labels.items() for key, order, start in ISSUING_TEXTS] + ROWS
    for topic, subject, label, key, article, start, end, order, note in rows:
        if key not in texts:  # a database whose register was emptied (tests): nothing to cite
            continue
        LegalBasis.objects.get_or_create(
            topic=topic, subject=subject, legal_text=texts[key],
            defaults={"label": label, "article": article, "valid_from": start, "valid_to": end,
                      "order": order, "note": note})


class Migration(migrations.Migration):
    dependencies = [("legal", "0003_legal_bases")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
