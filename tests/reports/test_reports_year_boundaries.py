"""Reports at the turn of the year: the dashboard's "this year" is Việt Nam's year (at 00:30 on
1/1 it is still 31/12 in UTC), and the night rebuild after New Year still counts last year."""
import pytest
from django.urls import reverse

from thidua.awards.models import Award, AwardType
from thidua.reports.models import AwardSummary
from thidua.reports.tasks import refresh_summaries

pytestmark = pytest.mark.django_db


@pytest.mark.clock("2027-01-01 00:30")
def test_the_dashboard_opens_on_the_local_year(client, hue_officer):
    client.force_login(hue_officer)
    response = client.get(reverse("reports:dashboard"))
    assert response.status_code == 200
    assert response.context["form"].cleaned_data["year"] == 2027


@pytest.mark.clock("2027-01-01 01:00")
def test_the_night_rebuild_after_new_year_counts_last_years_late_decisions(awards, network):
    def counted(year):
        return sum(AwardSummary.objects.filter(year=year).values_list("count", flat=True))

    before = counted(2025)
    # A decision signed on 31/12 and written in bulk (no signal marks its year dirty).
    Award.objects.bulk_create([Award(award_type=AwardType.objects.get(code="GK"), year=2026,
                                     organization=network.hue_coop2)])
    assert refresh_summaries() == [2026, 2027]
    assert counted(2026) == 1
    assert counted(2025) == before
