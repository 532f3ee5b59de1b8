"""The pre-aggregated summary follows award writes: a changed year is marked and rebuilt."""

import pytest

from thidua.awards.models import Award, AwardType
from thidua.awards.services import revoke_award
from thidua.reports.models import AwardSummary, SummaryYear
from thidua.reports.summaries import refresh_dirty
from thidua.reports.tasks import refresh_summaries

pytestmark = pytest.mark.django_db


def national(year):
    return sum(AwardSummary.objects.filter(year=year).values_list("count", flat=True))


def test_a_new_award_marks_its_year_and_the_rebuild_counts_it(awards, network):
    assert national(2025) == 11
    awards.give(network.hanoi_person, "LDTT", 2025)
    assert SummaryYear.objects.get(year=2025).dirty
    assert refresh_dirty() == [2025]
    assert national(2025) == 12
    assert not SummaryYear.objects.get(year=2025).dirty


def test_a_revocation_marks_its_year(awards, network, today):
    award = Award.objects.get(person=network.hanoi_person, award_type__code="CSTD_BO")
    revoke_award(network.actor, award, "FRAUD", "5/QĐ-LMHTX", today)
    assert refresh_dirty() == [2025]
    assert (national(2024), national(2025)) == (2, 10)


@pytest.mark.clock("2025-06-01 09:00")
def test_the_periodic_task_rebuilds_this_year_and_last_year_too(awards, network):
    Award.objects.bulk_create([Award(award_type=AwardType.objects.get(code="GK"), year=2025,
                                     organization=network.hue_coop2)])  # no service
    assert national(2025) == 11
    assert refresh_summaries() == [2024, 2025]
    assert national(2025) == 12


def test_an_award_written_during_a_rebuild_keeps_the_year_dirty(awards, network, monkeypatch):
    from thidua.reports import summaries

    counted = summaries.summary_rows

    def counting_while_an_award_arrives(year):
        rows = counted(year)
        awards.give(network.hue_person2, "LDTT", year)
        return rows

    monkeypatch.setattr(summaries, "summary_rows", counting_while_an_award_arrives)
    summaries.rebuild_year(2025)
    assert national(2025) == 11
    assert SummaryYear.objects.get(year=2025).dirty
    monkeypatch.setattr(summaries, "summary_rows", counted)
    assert refresh_dirty() == [2025] and national(2025) == 12
