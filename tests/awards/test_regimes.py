"""Regimes as data, with a FICTIONAL future regime entered in the tests only (no real one is
seeded): an unconfirmed regime never applies; each rule follows the receipt date, the decision
date or the achievement year; "old unless the new is more favourable" runs both and explains."""
from datetime import timedelta

import pytest

from thidua.awards import histories
from thidua.legal import regimes
from thidua.legal.models import Regime, RegimeRule

pytestmark = pytest.mark.django_db
NAME = "Chế độ hư cấu dùng trong kiểm thử"


@pytest.fixture
def fictional(today):
    """Starts 30 days before the test's today; TTLĐTT needs 50 % of members with LĐTT instead of
    70 %; eligibility follows the receipt date, old unless the new is more favourable."""
    regime = Regime.objects.create(key="test-fictional", name=NAME, engine="LAW_2022",
                                   settings={"collective_ldtt_percent": 50},
                                   valid_from=today - timedelta(days=30), confirmed=True)
    RegimeRule.objects.create(regime=regime, topic="ELIGIBILITY", follows="RECEIPT",
                              transition="FAVOURABLE")
    return regime


def dates(today, receipt_days_ago):
    return {"decision": today, "receipt": today - timedelta(days=receipt_days_ago),
            "year": today.year - 1}


def test_with_no_regime_entered_the_engine_keeps_its_own_periods(today):
    choice = regimes.choose("ELIGIBILITY", dates(today, 60))
    assert choice.primary.regime is None and choice.alternative is None


def test_an_unconfirmed_regime_never_applies(fictional, today):
    Regime.objects.filter(pk=fictional.pk).update(confirmed=False)
    assert regimes.choose("ELIGIBILITY", dates(today, 5)).primary.regime is None


def test_a_dossier_received_after_the_start_follows_the_new_regime(fictional, today):
    choice = regimes.choose("ELIGIBILITY", dates(today, 5))
    assert choice.primary.regime == fictional and choice.alternative is None
    assert "Ngày tiếp nhận hồ sơ".lower() in choice.reason


def test_a_dossier_received_before_compares_old_and_new(fictional, today):
    choice = regimes.choose("ELIGIBILITY", dates(today, 60))
    assert choice.primary.regime is None and choice.primary.day == today - timedelta(days=60)
    assert choice.alternative.regime == fictional
    assert "trừ khi" in choice.reason


@pytest.mark.parametrize("follows, receipt_days_ago, new", [
    ("DECISION", 60, True), ("ACHIEVEMENT_YEAR", 5, False), ("RECEIPT", 5, True)])
def test_each_rule_says_which_date_decides(fictional, today, follows, receipt_days_ago, new):
    RegimeRule.objects.filter(regime=fictional).update(follows=follows)
    choice = regimes.choose("ELIGIBILITY", dates(today, receipt_days_ago))
    assert (choice.primary.regime == fictional) == new


def unit(share):
    members = [{"id": f"m{i}", "rating": "GOOD" if i < share else "COMPLETED", "awards": []}
               for i in range(10)]  # a good rating counts as LĐTT
    return {"id": f"u{share}", "kind": "collective", "ratings": {}, "members": members}


def payload(today, *subjects):
    year = today.year - 1
    for subject in subjects:
        subject["ratings"] = {str(year): "GOOD"}
    return {"as_of": today.isoformat(), "year": year, "types": ["TTLDTT"],
            "subjects": list(subjects)}


def test_the_more_favourable_regime_is_chosen_and_explained(fictional, today):
    output = histories.judge(payload(today, unit(6), unit(4)), dates(today, 60))
    six, four = output["results"]
    assert six["eligible"] and six["regime_name"] == NAME
    assert "có lợi hơn: đủ điều kiện" in six["regime_note"]
    assert not four["eligible"] and four["regime_name"].startswith("quy định áp dụng ngày")
    assert "không có lợi hơn" in four["regime_note"]


def test_the_old_regime_alone_when_the_transition_says_so(fictional, today):
    RegimeRule.objects.filter(regime=fictional).update(transition="OLD")
    output = histories.judge(payload(today, unit(6)), dates(today, 60))
    assert not output["results"][0]["eligible"]


def test_without_dates_the_evaluation_date_decides(fictional, today):
    assert histories.judge(payload(today, unit(6)))["results"][0]["eligible"]


def test_the_page_shows_the_regime_in_force(client, network, make_user, fictional, today):
    from django.urls import reverse

    from thidua.accounts.models import Role

    client.force_login(make_user(Role.VIEWER, network.hue))
    page = client.get(reverse("awards:legal_bases")).content.decode()
    assert NAME in page and "trừ khi chế độ mới có lợi hơn" in page
    earlier = client.get(reverse("awards:legal_bases"),
                         {"day": (today - timedelta(days=31)).strftime("%d/%m/%Y")})
    assert "Chưa có chế độ nào được nhập" in earlier.content.decode()
