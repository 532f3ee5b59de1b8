"""A decision prints the law, decree and circular in force on its date (from the legal register)
before its typed lines, without citing a text twice."""
from datetime import date

import pytest

from thidua.documents.context import decision_context

pytestmark = pytest.mark.django_db


def test_the_decision_prints_the_bases_in_force_once(commendation):
    decision = commendation.decision()
    decision.legal_bases = ("Căn cứ Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025;\n"
                            "Căn cứ Kế hoạch số 5/KH-LMHTX")
    context = decision_context(decision)
    lines = context["legal_bases"]
    assert lines[0].startswith("Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15")
    assert sum("152/2025/NĐ-CP" in line for line in lines) == 1
    # The Giấy khen's article (Luật TĐKT 2022, Điều 75) is in the law cited first: not again.
    assert lines[-1] == "Căn cứ Kế hoạch số 5/KH-LMHTX."
    assert not any("Điều 75" in line for line in lines)
    assert [basis["key"] for basis in context["bases_in_force"]] == [
        "law-2022", "nd-152-2025", "tt-15-2025-bnv"]


def test_the_award_basis_is_the_one_in_force_on_the_decision_date(commendation, client):
    """Giấy khen: a decision dated 2020 cites the 2003 law, never Law 2022; one dated 2026 cites
    Law 2022 and not the 2003 law, each once (the type's article, Law 2022 Art. 75, is inside the
    law cited). The preview shows the same lines as the document."""
    decision = commendation.decision()
    lines = decision_context(decision)["legal_bases"]
    assert sum("2022" in line for line in lines) == 1 and not any("2003" in line for line in lines)
    decision.date = date(2020, 3, 2)
    decision.save(update_fields=["date"])
    lines = decision_context(decision)["legal_bases"]
    assert not any("2022" in line for line in lines), lines
    assert lines[0].startswith("Căn cứ Luật Thi đua, khen thưởng năm 2003")
    client.force_login(commendation.signer)
    page = client.get(decision.get_absolute_url()).content.decode()
    assert lines[0] in page and "Điều 75" not in page
    assert "Hồ Thị Điệp" in page and "KT. CHỦ TỊCH<br>PHÓ CHỦ TỊCH" in page  # the signer, as printed
