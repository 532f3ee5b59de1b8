"""Pipeline rules of the catalogue (issue 4) and the base salary.

Thresholds: NĐ 98/2023 Art. 30(7) — ≥ 90% of all council members for CSTĐ toàn quốc and CSTĐ
Bộ/tỉnh, ≥ 80% for CSTĐCS and the flags (secret ballot), a simple majority otherwise. Who confers:
level 1 types by any unit's head (Director of an HTX, head of an alliance), level 2 by the VCA,
levels 3–4 by authorities outside the system (Prime Minister, President)."""
from datetime import date

from django.db import migrations

ALL_KINDS = ["NATIONAL_ALLIANCE", "ALLIANCE_DEPARTMENT", "ALLIANCE_UNIT", "PROVINCIAL_ALLIANCE",
             "COOPERATIVE_UNION", "COOPERATIVE", "COOPERATIVE_GROUP", "CREDIT_FUND", "OTHER"]
CONFERRERS = {1: ALL_KINDS, 2: ["NATIONAL_ALLIANCE"], 3: [], 4: []}
SECRET_90 = {"CSTD_BO", "CSTD_TQ"}
SECRET_80 = {"CSTDCS", "CO_BO", "CO_CP"}
PUBLICITY_10 = {"CSTD_TQ", "BK_TTG", "CO_CP", "HCLD3", "HCLD2", "HCLD1"}
HOUSEHOLD = {"GK", "BK_BO", "BK_TTG"}
CHAIN = {"LDTT": 1, "CSTDCS": 2, "CSTD_BO": 3, "CSTD_TQ": 4, "TTLDTT": 1, "TTLDXS": 2,
         "CO_BO": 3, "CO_CP": 4, "GK": 1, "BK_BO": 2, "BK_TTG": 3}


def components(code, category):
    standard = ["SUBMISSION_LETTER", "ACHIEVEMENT_REPORT", "MINUTES"]
    if code in SECRET_90 | SECRET_80:
        standard.append("BALLOT_RESULT")
    if code in {"CSTDCS", "CSTD_BO", "CSTD_TQ"}:
        standard.append("INITIATIVE_CERTIFICATE")
    return {"STANDARD": standard, "SIMPLIFIED": ["SUBMISSION_LETTER", "ACHIEVEMENT_REPORT"]}


def load(apps, schema_editor):
    AwardType = apps.get_model("awards", "AwardType")
    for award_type in AwardType.objects.all():
        code = award_type.code
        kinds = {"INDIVIDUAL": ["INDIVIDUAL"], "COLLECTIVE": ["COLLECTIVE"],
                 "BOTH": ["INDIVIDUAL", "COLLECTIVE"]}[award_type.subject_kind]
        if code in HOUSEHOLD:
            kinds = kinds + ["HOUSEHOLD"]
        award_type.subject_kinds = kinds
        award_type.conferrer_kinds = CONFERRERS[award_type.authority_level]
        award_type.chain_rank = CHAIN.get(code, 0)
        award_type.dossier_components = components(code, award_type.category)
        award_type.council_vote_required = True
        award_type.secret_ballot = code in SECRET_90 | SECRET_80
        award_type.threshold_percent = 90 if code in SECRET_90 else 80 if code in SECRET_80 else 50
        award_type.threshold_inclusive = code in SECRET_90 | SECRET_80
        award_type.publicity_required = code in PUBLICITY_10
        award_type.publicity_days = 10 if code in PUBLICITY_10 else 5
        award_type.valid_from = date(2024, 1, 1)
        award_type.save()
    BaseSalary = apps.get_model("awards", "BaseSalary")
    for amount, day, basis in [(1_800_000, date(2023, 7, 1), "Nghị định 24/2023/NĐ-CP"),
                               (2_340_000, date(2024, 7, 1), "Nghị định 73/2024/NĐ-CP")]:
        BaseSalary.objects.update_or_create(effective_from=day,
                                            defaults={"amount": amount, "legal_basis": basis})


class Migration(migrations.Migration):
    dependencies = [("awards", "0004_award_decision_award_money_amount_award_source_and_more")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
