"""Quotas checked over a unit's list: the pure check, the registry counts and the two screens."""
import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from thidua.accounts.models import Role
from thidua.awards.eligibility import EligibilityInputError, check_quotas
from thidua.awards.models import AwardQuota, AwardType, QuotaBasis


def check(as_of="2025-12-15", quotas=(), counts=None, members=None, settings=None):
    payload = {"as_of": as_of, "quotas": list(quotas), "counts": counts or {},
               "members": members or {}}
    if settings is not None:
        payload["settings"] = settings
    return check_quotas(payload)


def test_law_2003_caps_cstdcs_at_15_percent_of_ldtt_holders_rounded_down():
    [result] = check("2023-12-15", counts={"individual": {"LDTT": 20, "CSTDCS": 4}})
    assert (result["type"], result["limit"], result["count"], result["ok"]) == ("CSTDCS", 3, 4,
                                                                               False)
    assert result["excess"] == 1
    assert "vượt hạn mức 3" in result["message"] and "15% số LĐTT (20)" in result["message"]
    assert result["rule"].startswith("Nghị định 91/2017")


def test_exactly_at_the_limit_passes():
    [result] = check("2023-12-15", counts={"individual": {"LDTT": 20, "CSTDCS": 3}})
    assert result["ok"] and result["excess"] == 0


def test_law_2022_has_no_cap_unless_the_organisation_sets_one():
    assert check("2024-12-15", counts={"individual": {"LDTT": 20, "CSTDCS": 20}}) == []
    [result] = check("2024-12-15", settings={"cstdcs_quota_percent": 10},
                     counts={"individual": {"LDTT": 20, "CSTDCS": 3}})
    assert (result["limit"], result["ok"]) == (2, False)


def test_an_organisation_quota_replaces_the_default_one():
    results = check("2023-12-15", quotas=[{"type": "CSTDCS", "percent": 50, "of": "LDTT",
                                           "rule": "Quy chế LMHTX"}],
                    counts={"individual": {"LDTT": 10, "CSTDCS": 4}})
    assert [(r["limit"], r["ok"], r["rule"]) for r in results] == [(5, True, "Quy chế LMHTX")]


def test_share_of_members_and_fixed_counts_per_kind():
    results = check(quotas=[
        {"type": "LDTT", "percent": 80, "of": "MEMBERS"},
        {"type": "TTLDXS", "kind": "collective", "percent": 50, "of": "MEMBERS"},
        {"type": "BK_BO", "kind": "collective", "max": 1},
    ], counts={"individual": {"LDTT": 9}, "collective": {"TTLDXS": 2, "BK_BO": 2}},
        members={"individual": 10, "collective": 3})
    assert [(r["limit"], r["count"], r["ok"]) for r in results] == [(8, 9, False), (1, 2, False),
                                                                    (1, 2, False)]
    assert "tổng số tập thể (3)" in results[1]["message"]
    assert "1 suất" in results[2]["message"]


def test_no_basis_holders_allows_nobody():
    [result] = check(quotas=[{"type": "CSTDCS", "percent": 15, "of": "LDTT"}],
                     counts={"individual": {"CSTDCS": 1}})
    assert (result["limit"], result["ok"]) == (0, False)


@pytest.mark.parametrize(("quota", "field"), [
    ({"type": "XX", "max": 1}, "quotas[0].type"),
    ({"type": "LDTT", "kind": "household", "max": 1}, "quotas[0].kind"),
    ({"type": "LDTT"}, "quotas[0]"),
    ({"type": "LDTT", "max": 1, "percent": 5, "of": "MEMBERS"}, "quotas[0]"),
    ({"type": "LDTT", "percent": 120, "of": "MEMBERS"}, "quotas[0].percent"),
    ({"type": "LDTT", "percent": 10, "of": "NOBODY"}, "quotas[0].of"),
    ({"type": "LDTT", "max": -1}, "quotas[0].max"),
])
def test_malformed_quota_names_the_field(quota, field):
    with pytest.raises(EligibilityInputError) as error:
        check(quotas=[quota])
    assert error.value.field == field


def test_malformed_counts_name_the_field():
    with pytest.raises(EligibilityInputError) as error:
        check(counts={"individual": {"LDTT": "many"}})
    assert error.value.field == "counts.individual.LDTT"


@pytest.mark.django_db
def test_quota_row_validation(network):
    quota = AwardQuota(organization=network.hue_coop, award_type=AwardType.objects.get(code="CSTDCS"),
                       basis=QuotaBasis.HOLDERS, percent=120, year_from=2026, year_to=2025)
    with pytest.raises(ValidationError) as error:
        quota.full_clean()
    assert set(error.value.message_dict) >= {"percent", "basis_type", "year_to"}


def cstdcs_quota(unit, percent, **fields):
    return AwardQuota.objects.create(
        organization=unit, award_type=AwardType.objects.get(code="CSTDCS"),
        basis=QuotaBasis.HOLDERS, basis_type=AwardType.objects.get(code="LDTT"), percent=percent,
        legal_basis="Quy chế thi đua của Liên minh HTX Huế", **fields)


@pytest.mark.django_db
def test_who_qualifies_checks_the_unit_quota(client, network, registry, make_user):
    for person in (network.hue_person, network.hue_person2):
        registry.rating(2025, "EXCELLENT", person=person)
    cstdcs_quota(network.hue, 50, year_from=2025)
    client.force_login(make_user(Role.EC_OFFICER, network.hue))
    url = reverse("awards:qualification", args=[network.hue.pk])
    response = client.get(url, {"year": 2025})
    [quota] = response.context["report"].quotas
    assert (quota["count"], quota["limit"], quota["ok"]) == (2, 1, False)
    assert "Hạn mức khen thưởng của đơn vị" in response.content.decode()
    assert "Quy chế thi đua của Liên minh HTX Huế" in response.content.decode()
    # a quota of another year or another unit does not apply
    assert client.get(url, {"year": 2024}).context["report"].quotas == []
    hanoi = client.get(reverse("awards:qualification", args=[network.hanoi.pk]), {"year": 2025})
    assert hanoi.status_code == 403 or hanoi.context["report"].quotas == []
