"""The titles and award forms used by the VCA system (codes as in the eligibility engine).

Money multipliers: NĐ 152/2025 Art. 49–54 (× base salary). Authorities: Law 06/2022/QH15."""
from django.db import migrations

# code, name, abbreviation, category, subject, authority level, legal basis, × individual, × collective
CATALOGUE = [
    ("LDTT", "Lao động tiên tiến", "LĐTT", "TITLE", "INDIVIDUAL", 1, "Luật TĐKT 2022, Điều 24", "0.3", None),
    ("CSTDCS", "Chiến sĩ thi đua cơ sở", "CSTĐCS", "TITLE", "INDIVIDUAL", 1, "Luật TĐKT 2022, Điều 23", "1.0", None),
    ("CSTD_BO", "Chiến sĩ thi đua cấp bộ, ban, ngành, tỉnh", "CSTĐ", "TITLE", "INDIVIDUAL", 2, "Luật TĐKT 2022, Điều 22", "3.0", None),
    ("CSTD_TQ", "Chiến sĩ thi đua toàn quốc", "CSTĐTQ", "TITLE", "INDIVIDUAL", 3, "Luật TĐKT 2022, Điều 21", "4.5", None),
    ("TTLDTT", "Tập thể lao động tiên tiến", "TTLĐTT", "TITLE", "COLLECTIVE", 1, "Luật TĐKT 2022, Điều 28", None, "0.8"),
    ("TTLDXS", "Tập thể lao động xuất sắc", "TTLĐXS", "TITLE", "COLLECTIVE", 2, "Luật TĐKT 2022, Điều 27", None, "1.5"),
    ("CO_BO", "Cờ thi đua cấp bộ, ban, ngành, tỉnh", "Cờ TĐ", "TITLE", "COLLECTIVE", 2, "Luật TĐKT 2022, Điều 26", None, "8.0"),
    ("CO_CP", "Cờ thi đua của Chính phủ", "Cờ CP", "TITLE", "COLLECTIVE", 3, "Luật TĐKT 2022, Điều 25", None, "12.0"),
    ("GK", "Giấy khen", "GK", "FORM", "BOTH", 1, "Luật TĐKT 2022, Điều 75", "0.3", "0.6"),
    ("BK_BO", "Bằng khen cấp bộ, ban, ngành, tỉnh", "BK", "FORM", "BOTH", 2, "Luật TĐKT 2022, Điều 74", "1.5", "3.0"),
    ("BK_TTG", "Bằng khen của Thủ tướng Chính phủ", "BKTTg", "FORM", "BOTH", 3, "Luật TĐKT 2022, Điều 73", "3.5", "7.0"),
    ("KNC", "Kỷ niệm chương Vì sự nghiệp xây dựng và phát triển kinh tế tập thể", "KNC", "FORM", "INDIVIDUAL", 2, "Quy chế Kỷ niệm chương của Liên minh HTX Việt Nam", "0.6", None),
    ("HCLD3", "Huân chương Lao động hạng Ba", "HCLĐ3", "FORM", "BOTH", 4, "Luật TĐKT 2022, Chương III", None, None),
    ("HCLD2", "Huân chương Lao động hạng Nhì", "HCLĐ2", "FORM", "BOTH", 4, "Luật TĐKT 2022, Chương III", None, None),
    ("HCLD1", "Huân chương Lao động hạng Nhất", "HCLĐ1", "FORM", "BOTH", 4, "Luật TĐKT 2022, Chương III", None, None),
]


def load(apps, schema_editor):
    AwardType = apps.get_model("awards", "AwardType")
    for order, (code, name, abbr, category, subject, level, basis, x_ind, x_col) in enumerate(CATALOGUE):
        AwardType.objects.update_or_create(code=code, defaults={
            "name": name, "abbreviation": abbr, "category": category, "subject_kind": subject,
            "authority_level": level, "legal_basis": basis, "money_multiplier_individual": x_ind,
            "money_multiplier_collective": x_col, "order": order * 10})


class Migration(migrations.Migration):
    dependencies = [("awards", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
