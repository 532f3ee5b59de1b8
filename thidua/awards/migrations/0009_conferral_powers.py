"""The catalogue of conferral powers (who may confer which title or form, from when), and each
recorded award linked to its issuer where the name written on it says which.

Powers: Law 06/2022/QH15 Art. 80 (heads of units with legal personality, Directors of
cooperatives, their boards for Giấy khen), as amended for local government by NĐ 129/2025/NĐ-CP
Art. 59 (from 01/7/2025 the commune chairman confers what the district chairman did). Rows whose
article was not read in the text (Prime Minister, President, ministries and provinces, the VCA as
a ministry-level body) are stored unconfirmed: they apply, and the pages say they need checking.

Issuers: a name equal to a unit of the network becomes that unit's issuer; a name whose wording
shows the kind ("UBND xã …", "Thủ tướng Chính phủ") becomes an issuer of that kind; any other name
is left for the review page ("Cơ quan quyết định chưa xác định")."""
from datetime import date

from django.db import migrations

from thidua.awards.issuer_names import UNIT_ISSUER_KIND, city_names, classify
from thidua.core.text import normalize
from thidua.organizations.geography import province_choices

LOCAL = ("LDTT", "CSTDCS", "TTLDTT", "GK")
MINISTERIAL = ("CSTD_BO", "CO_BO", "TTLDXS", "BK_BO")
CHANGEOVER = date(2025, 7, 1)
UNCHECKED = "Điều khoản về thẩm quyền chưa được đối chiếu với nguyên văn."

# kind, codes, from, to, text key, article, confirmed, note
POWERS = [
    ("UNIT_HEAD", LOCAL, None, None, "law-2022", "Điều 80; Điều 75", True, ""),
    ("VCA", LOCAL, None, None, "law-2022", "Điều 80; Điều 75", True,
     "Với cán bộ, người lao động của cơ quan Liên minh (thủ trưởng đơn vị)."),
    ("VCA_PROVINCIAL", LOCAL, None, None, "law-2022", "Điều 80; Điều 75", True,
     "Với cán bộ, người lao động của cơ quan Liên minh tỉnh (thủ trưởng đơn vị)."),
    ("COOPERATIVE_DIRECTOR", LOCAL, None, None, "law-2022", "khoản 4 Điều 80", True, ""),
    ("COOPERATIVE_BOARD", ("GK",), None, None, "law-2022", "khoản 4 Điều 80", True, ""),
    ("DISTRICT", LOCAL, None, date(2025, 6, 30), "law-2022", "khoản 2 Điều 80", True,
     "Cấp huyện chấm dứt hoạt động từ 01/07/2025."),
    ("COMMUNE", LOCAL, CHANGEOVER, None, "nd-129-2025", "Điều 59", True,
     "Thẩm quyền trước đây của Chủ tịch UBND cấp huyện. Thẩm quyền của cấp xã trước 01/07/2025 "
     "chưa được đối chiếu nên chưa ghi."),
    ("VCA", MINISTERIAL + ("KNC",), None, None, "law-2022", "", False,
     "Liên minh HTX Việt Nam có được coi là cấp bộ, ban, ngành hay không chưa được xác nhận. "
     + UNCHECKED),
    ("MINISTRY", MINISTERIAL, None, None, "law-2022", "", False, UNCHECKED),
    ("PROVINCE", MINISTERIAL, None, None, "law-2022", "", False, UNCHECKED),
    ("PRIME_MINISTER", ("CSTD_TQ", "CO_CP", "BK_TTG"), None, None, "law-2022", "", False,
     UNCHECKED),
    ("PRESIDENT", ("HCLD3", "HCLD2", "HCLD1"), None, None, "law-2022", "", False, UNCHECKED),
]


def load_powers(apps, schema_editor):
    ConferralPower = apps.get_model("awards", "ConferralPower")
    LegalText = apps.get_model("legal", "LegalText")
    texts = {text.key: text for text in LegalText.objects.all()}
    for kind, codes, start, end, key, article, confirmed, note in POWERS:
        for code in codes:
            ConferralPower.objects.update_or_create(
                issuer_kind=kind, award_code=code, valid_from=start, defaults={
                    "valid_to": end, "legal_text": texts.get(key), "article": article,
                    "confirmed": confirmed, "note": note})


def _unit_issuer(Issuer, unit):
    kind = UNIT_ISSUER_KIND.get(unit.kind)
    if kind is None:
        return None
    issuer, _created = Issuer.objects.get_or_create(
        organization=unit, kind=kind, defaults={
            "name": unit.name, "province_code": unit.province_code,
            "search_text": normalize(unit.name)[:250]})
    return issuer


def link_awards(apps, schema_editor):
    Award = apps.get_model("awards", "Award")
    Issuer = apps.get_model("awards", "Issuer")
    IssuerAlias = apps.get_model("awards", "IssuerAlias")
    Organization = apps.get_model("organizations", "Organization")
    cities = city_names(name for _code, name in province_choices())
    names = Award.objects.filter(issuer__isnull=True).exclude(issuer_name="").values_list(
        "issuer_name", flat=True).distinct()
    for name in list(names):
        key = normalize(name)[:200]
        unit = next((u for u in Organization.objects.filter(search_text__contains=key)[:20]
                     if normalize(u.name) == key), None)
        issuer = _unit_issuer(Issuer, unit) if unit else None
        if issuer is None:
            kind = classify(name, cities)
            if kind is None:
                continue
            issuer = Issuer.objects.create(kind=kind, name=name.strip()[:200],
                                           search_text=key[:250])
        IssuerAlias.objects.get_or_create(key=key, defaults={"issuer": issuer,
                                                             "text": name.strip()[:200]})
        Award.objects.filter(issuer__isnull=True, issuer_name=name).update(issuer=issuer)


class Migration(migrations.Migration):
    dependencies = [("awards", "0008_issuers"), ("legal", "0002_seed_texts"),
                    ("organizations", "0004_person_unit_scope")]
    operations = [migrations.RunPython(load_powers, migrations.RunPython.noop),
                  migrations.RunPython(link_awards, migrations.RunPython.noop)]
