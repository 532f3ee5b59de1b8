"""The bases a decision and a tờ trình cite follow their date (law, decree, circular in force, then
the unit's own charter and regulation); an unconfirmed text is never cited; documents print them
without repeating a typed line."""
from datetime import date, timedelta

import pytest

from thidua.legal import citing
from thidua.legal.models import BasisTopic, LegalBasis, LegalText, OwnBasis

pytestmark = pytest.mark.django_db


def keys(day, unit=None, document="decision"):
    return [line["key"] or line["citation"] for line in citing.issuing_bases(day, unit, document)]


@pytest.mark.parametrize("day, expected", [
    (date(2023, 6, 1), ["law-2003", "nd-91-2017"]),
    (date(2024, 6, 1), ["law-2022", "nd-98-2023", "tt-01-2024-bnv"]),
    (date(2025, 7, 1), ["law-2022", "nd-152-2025", "tt-01-2024-bnv"]),
    (date(2025, 8, 4), ["law-2022", "nd-152-2025", "tt-01-2024-bnv"]),
    (date(2025, 8, 5), ["law-2022", "nd-152-2025", "tt-15-2025-bnv"]),
])
def test_a_decision_cites_the_law_decree_and_circular_in_force_on_its_date(day, expected):
    assert keys(day) == expected
    assert keys(day, document="proposal") == expected


def test_today_tt_15_2025_is_cited_and_tt_01_2024_is_not(today):
    lines = citing.issuing_bases(today, None)
    assert "Thông tư số 15/2025/TT-BNV ngày 04/08/2025 của Bộ Nội vụ" in [
        line["citation"] for line in lines]
    assert "tt-01-2024-bnv" not in keys(today)


def test_the_units_own_charter_and_regulation_follow_within_their_validity(network, today):
    OwnBasis.objects.create(organization=network.hue, kind="REGULATION",
                            wording="Quy chế thi đua, khen thưởng của Liên minh HTX Huế",
                            valid_from=today - timedelta(days=30))
    OwnBasis.objects.create(organization=network.hue, kind="CHARTER",
                            wording="Điều lệ Liên minh HTX thành phố Huế")
    OwnBasis.objects.create(organization=network.hue, kind="REGULATION",
                            wording="Quy chế cũ", valid_to=today - timedelta(days=31))
    assert keys(today, network.hue)[-2:] == ["Điều lệ Liên minh HTX thành phố Huế",
                                             "Quy chế thi đua, khen thưởng của Liên minh HTX Huế"]
    assert "Quy chế cũ" in keys(today - timedelta(days=60), network.hue)
    assert not any(line["own"] for line in citing.issuing_bases(today, network.hanoi))


def test_an_unconfirmed_text_is_never_cited_until_confirmed(today):
    text = LegalText.objects.create(key="test-future-law", kind="LAW", title="Luật thử nghiệm",
                                    short_name="Luật thử", effective_from=today - timedelta(1))
    LegalBasis.objects.create(topic=BasisTopic.ISSUING, subject="decision", label="Quyết định",
                              legal_text=text)
    assert "test-future-law" not in keys(today)
    text.confirmed = True
    text.save()
    assert keys(today)[:2] == ["law-2022", "test-future-law"]
    assert "test-future-law" not in keys(today - timedelta(2))


def test_the_register_gives_each_statistical_form_and_the_procedure_its_text(today):
    statistics = citing.bases_in_force(today, BasisTopic.STATISTICS)
    assert {row.subject: row.legal_text.key for row in statistics} == {
        code: "tt-02-2023-bnv" for code in ("0601", "0602", "0603", "0604", "0605")}
    procedure = citing.bases_in_force(today, BasisTopic.PROCEDURE).filter(subject="procedure")
    assert [row.legal_text.key for row in procedure] == ["tt-15-2025-bnv"]
    procedure = citing.bases_in_force(date(2025, 1, 1), BasisTopic.PROCEDURE).filter(
        subject="procedure")
    assert [row.legal_text.key for row in procedure] == ["tt-01-2024-bnv"]


def test_the_catalogue_points_at_its_texts():
    from thidua.awards.models import AwardType

    texts = dict(AwardType.objects.values_list("code", "legal_text__key"))
    assert texts["CSTDCS"] == "law-2022" and texts["KNC"] == "vca-knc"
