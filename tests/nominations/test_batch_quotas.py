"""A unit's quota is checked over its whole list of the year, shown at appraisal."""
import pytest
from django.urls import reverse

from thidua.awards.models import AwardQuota, AwardType, QuotaBasis
from thidua.nominations import workflow
from thidua.nominations.workflow.quotas import batch_quotas

pytestmark = pytest.mark.django_db


def fixed_quota(unit, code, count, **fields):
    return AwardQuota.objects.create(organization=unit, award_type=AwardType.objects.get(code=code),
                                     basis=QuotaBasis.FIXED, max_count=count, **fields)


def test_quota_counts_every_live_batch_of_the_proposer(pipeline, network):
    fixed_quota(network.hue_coop, "GK", 1)
    first = pipeline.draft(codes=("GK",))
    [quota] = batch_quotas(first)
    assert (quota["count"], quota["limit"], quota["ok"]) == (1, 1, True)
    colleague = network.person("Võ", "Văn", "An", network.hue_coop)
    second = pipeline.draft(codes=("GK",), person=colleague)
    [quota] = batch_quotas(second)
    assert (quota["count"], quota["excess"]) == (2, 1)  # splitting the list does not escape it
    workflow.withdraw_batch(pipeline.reporter, first)
    assert batch_quotas(second)[0]["ok"]  # a withdrawn batch no longer counts


def test_quota_of_another_year_or_unit_does_not_apply(pipeline, network):
    fixed_quota(network.hue_coop, "GK", 0, year_from=2026)
    fixed_quota(network.hue_coop2, "GK", 0)
    assert batch_quotas(pipeline.draft(codes=("GK",))) == []


def test_appraisal_page_shows_the_exceeded_quota(client, pipeline, network):
    fixed_quota(network.hue_coop, "GK", 0, legal_basis="Quy chế thi đua HTX Thủy Thanh")
    batch = pipeline.to_appraisal(pipeline.draft(codes=("GK",)))
    client.force_login(pipeline.hue.appraiser)
    page = client.get(reverse("nominations:batch_appraisal", args=[batch.pk])).content.decode()
    assert "Vượt hạn mức" in page and "Quy chế thi đua HTX Thủy Thanh" in page
