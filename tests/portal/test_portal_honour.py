"""The honour roll: issued, not revoked awards of the site's subtree only, filters, unaccented
search, decision reference and verification link, and never a birth date or ID number."""
from datetime import date

import pytest

from thidua.awards import services
from thidua.awards.models import Award, AwardType
from thidua.portal import honour
from thidua.portal.models import HonourEntry
from thidua.portal.tasks import refresh_honour_roll

pytestmark = pytest.mark.django_db


@pytest.fixture
def awards(network, root_user, today):
    network.hue_person.citizen_id = "046080001234"
    network.hue_person.save()

    def award(code="GK", year=2024, **recipient):
        return services.record_award(root_user, Award(
            award_type=AwardType.objects.get(code=code), year=year,
            decision_number="15/QĐ-LMHTX", decision_date=date(year, 12, 20),
            issuer_name="Liên minh HTX thành phố Huế", **recipient))

    class Awards:
        person = award(person=network.hue_person)
        unit = award(year=2023, organization=network.hue_coop2)
        hanoi = award(person=network.hanoi_person)
        revoked = services.revoke_award(root_user, award(person=network.hue_person2, year=2022),
                                        "FRAUD", "3/QĐ-LMHTX", today)
    return Awards


def test_roll_holds_the_sites_subtree_and_not_revoked_awards(client, sites, awards):
    page = client.get("/p/hue/bang-vang/").content.decode()
    assert "Nguyễn Văn Điệp" in page and "Hợp tác xã Dịch vụ Điện Hòa" in page
    assert "Phạm Quốc Bảo" not in page  # Hà Nội
    assert "Lê Thị Hương" not in page  # revoked
    assert "15/QĐ-LMHTX" in page and "20/12/2024" in page
    national = client.get("/p/vca/bang-vang/").content.decode()
    assert "Phạm Quốc Bảo" in national and "Nguyễn Văn Điệp" in national


def test_roll_never_shows_birth_dates_or_id_numbers(client, sites, awards):
    page = client.get("/p/hue/bang-vang/").content.decode()
    for secret in ("046080001234", "17/05/1980", "1980-05-17", "080001234"):
        assert secret not in page
    fields = {f.name for f in HonourEntry._meta.get_fields()}
    assert not fields & {"birth_date", "citizen_id", "citizen_id_encrypted", "phone", "email"}


def rows(client, site, **params):
    """The roll's table only (the unit filter lists unit names too)."""
    page = client.get(f"/p/{site}/bang-vang/", params).content.decode()
    return page[page.index("<tbody>"):page.index("</tbody>")] if "<tbody>" in page else ""


def test_search_ignores_diacritics_and_filters_narrow(client, sites, awards):
    found = rows(client, "hue", q="nguyen van diep")
    assert "Nguyễn Văn Điệp" in found and "Điện Hòa" not in found
    by_year = rows(client, "hue", nam="2023")
    assert "Điện Hòa" in by_year and "Nguyễn Văn Điệp" not in by_year
    gk = AwardType.objects.get(code="GK").pk
    assert "Điệp" in rows(client, "vca", loai=gk, **{"don-vi": "P46"})
    by_unit = rows(client, "vca", **{"don-vi": "P01"})
    assert "Phạm Quốc Bảo" in by_unit and "Điệp" not in by_unit
    by_province = rows(client, "vca", tinh="1")
    assert "Phạm Quốc Bảo" in by_province and "Điện Hòa" not in by_province


def test_search_matches_word_starts(client, sites, awards, network, root_user):
    services.record_award(root_user, Award(
        award_type=AwardType.objects.get(code="GK"), year=2024, decision_number="16/QĐ-LMHTX",
        decision_date=date(2024, 12, 20), issuer_name="Liên minh HTX thành phố Huế",
        person=network.person("Võ", "Văn", "Lê", network.hue_coop)))
    assert "Võ Văn Lê" in rows(client, "hue", q="le")         # a two-letter word
    assert "Nguyễn Văn Điệp" not in rows(client, "hue", q="le")
    assert "Nguyễn Văn Điệp" in rows(client, "hue", q="ng van")
    assert "Võ Văn Lê" in rows(client, "hue", q="Võ VĂN")     # accents and case ignored
    assert "Điệp" not in rows(client, "hue", q="guyen")       # not inside a word
    assert "Điện Hòa" in rows(client, "hue", q="dich vu")     # the unit's words too
    assert "Võ Văn Lê" not in rows(client, "ha-noi", q="vo van")  # another province
    assert "Võ Văn Lê" in rows(client, "vca", q="vo van")     # the national roll


@pytest.mark.parametrize("window", [1, 2, 1000])
def test_a_search_page_is_the_rolls_page_whichever_way_it_is_found(
        sites, network, root_user, monkeypatch, window):
    """Newest first within the window, or every match sorted (PostgreSQL), or the plain query:
    the same entries in the same order, page after page."""
    monkeypatch.setattr(honour, "SEARCH_WINDOW", window)
    gk = AwardType.objects.get(code="GK")
    for index, (name, year) in enumerate([("Lê Văn An", 2021), ("Lê Thị Bình", 2024),
                                          ("Trần Văn Lê", 2023), ("Lê Văn Cường", 2024),
                                          ("Hồ Văn Lý", 2022)]):
        services.record_award(root_user, Award(
            award_type=gk, year=year, decision_number=f"{index}/QĐ-LMHTX",
            decision_date=date(year, 12, 20), issuer_name="Liên minh HTX",
            person=network.person(*name.split(), network.hue_coop)))
    for site, filters in [(sites.hue, {}), (sites.vca, {}), (sites.vca, {"year": 2024}),
                          (sites.hue, {"award_type": gk}), (sites.vca, {"unit": network.hue}),
                          (sites.hue, {"unit": network.hue_coop}), (sites.vca, {"province": 46})]:
        for query in ("le", "le van", "van", "ly", "xyz"):
            expected = list(honour.roll(site, query=query, **filters))
            pages = [honour.search_page(site, start, 2, query=query, **filters)
                     for start in (0, 2, 4)]
            assert [e for page in pages for e in page] == expected, (site, query, filters)
            assert expected or query in ("ly", "xyz"), (site, query, filters)
    assert [e.recipient_name for e in honour.roll(sites.hue, query="le van")] == [
        "Lê Văn Cường", "Trần Văn Lê", "Lê Văn An"]


def test_each_row_links_to_the_verification_page(client, sites, awards):
    from thidua.documents.verification import verification_path
    page = client.get("/p/hue/bang-vang/").content.decode()
    assert verification_path(awards.person) in page


def test_revoking_and_rebuilding_keep_the_roll_in_step(sites, awards, root_user, today):
    assert HonourEntry.objects.count() == 3
    services.revoke_award(root_user, awards.person, "FRAUD", "4/QĐ-LMHTX", today)
    assert not HonourEntry.objects.filter(award=awards.person).exists()
    HonourEntry.objects.all().delete()
    assert refresh_honour_roll() == 2
    assert honour.rebuild(only_missing=True) == 0
