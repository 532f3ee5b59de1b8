"""The demo's base salary from 01/7/2026. NĐ 161/2026 replaces NĐ 73/2024 from that day and the
seeded register holds no amount for it (the operator enters it from the official text, docs/law.md
section 4), so decisions with money dated after it wait. The demo plays decisions up to today, so
it enters a row as an operator would — the old amount again, labelled as a demo figure, never
presented as the decree's."""
from datetime import date

from thidua.awards.base_salary import record_base_salary
from thidua.awards.models import BaseSalary
from thidua.legal.models import LegalText

START = date(2026, 7, 1)
DEMO_AMOUNT = 2_340_000  # the amount of NĐ 73/2024, kept: not the new decree's figure
LABEL = "DỮ LIỆU DEMO — không phải mức chính thức của NĐ 161/2026; nhập lại từ văn bản gốc"


def load(actor):
    """Enter the demo row once; an operator's own row for the day is left as it is."""
    if BaseSalary.objects.filter(effective_from=START).exists():
        return
    record_base_salary(actor, BaseSalary(
        amount=DEMO_AMOUNT, effective_from=START, legal_basis=LABEL, confirmed=True,
        legal_text=LegalText.objects.filter(key="nd-161-2026").first()))
