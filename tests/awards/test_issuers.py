"""Issuers as data: the kind a written name designates, what each kind may confer and since when
(NĐ 129/2025 Art. 59 moved the district's powers to the commune on 01/7/2025), awards counted by
what they are (a commune's CSTĐCS keeps a streak; one outside its issuer's powers does not), the
import linking issuers, the review list, and the data migration."""
from datetime import date
from importlib import import_module

import pytest
from django.apps import apps

from thidua.awards import histories, issuing
from thidua.awards.issuer_names import city_names, classify
from thidua.awards.issuers import Issuer, IssuerAlias, IssuerKind
from thidua.awards.models import Award, AwardType
from thidua.organizations.geography import province_choices
from thidua.records.models import InitiativeScope

CITIES = city_names(name for _code, name in province_choices())


@pytest.mark.parametrize("text, kind", [
    ("UBND xã Phong Điền", "COMMUNE"),
    ("Chủ tịch Ủy ban nhân dân phường Thuận Hóa", "COMMUNE"),
    ("UBND đặc khu Phú Quốc", "COMMUNE"),
    ("Chủ tịch UBND huyện Phong Điền", "DISTRICT"),
    ("UBND thị xã Hương Trà", "DISTRICT"),
    ("UBND thành phố Thủ Dầu Một", "DISTRICT"),
    ("UBND thành phố Huế", "PROVINCE"),
    ("Chủ tịch UBND tỉnh Quảng Trị", "PROVINCE"),
    ("Thủ tướng Chính phủ", "PRIME_MINISTER"),
    ("Chủ tịch nước", "PRESIDENT"),
    ("Liên minh HTX Việt Nam", "VCA"),
    ("Liên minh Hợp tác xã tỉnh Quảng Trị", "VCA_PROVINCIAL"),
    ("Giám đốc HTX Nông nghiệp Thủy Thanh", "COOPERATIVE_DIRECTOR"),
    ("Chủ tịch HĐQT HTX Dịch vụ Điện Hòa", "COOPERATIVE_BOARD"),
    ("Bộ trưởng Bộ Nông nghiệp và Môi trường", "MINISTRY"),
    ("Sở Nội vụ", None),
    ("", None),
])
def test_the_wording_of_a_name_tells_its_kind(text, kind):
    assert classify(text, CITIES) == kind


LOCAL = {"LDTT", "CSTDCS", "TTLDTT", "GK"}
MINISTERIAL = {"CSTD_BO", "CO_BO", "TTLDXS", "BK_BO"}


@pytest.mark.django_db
@pytest.mark.parametrize("kind, day, codes", [
    (IssuerKind.COMMUNE, date(2025, 7, 1), LOCAL),
    (IssuerKind.COMMUNE, date(2025, 6, 30), set()),
    (IssuerKind.DISTRICT, date(2025, 6, 30), LOCAL),
    (IssuerKind.DISTRICT, date(2025, 7, 1), set()),
    (IssuerKind.COOPERATIVE_DIRECTOR, date(2026, 1, 5), LOCAL),
    (IssuerKind.COOPERATIVE_BOARD, date(2026, 1, 5), {"GK"}),
    (IssuerKind.UNIT_HEAD, date(2026, 1, 5), LOCAL),
    (IssuerKind.VCA_PROVINCIAL, date(2026, 1, 5), LOCAL),
    (IssuerKind.VCA, date(2026, 1, 5), LOCAL | MINISTERIAL | {"KNC"}),
    (IssuerKind.MINISTRY, date(2026, 1, 5), MINISTERIAL),
    (IssuerKind.PROVINCE, date(2026, 1, 5), MINISTERIAL),
    (IssuerKind.PRIME_MINISTER, date(2026, 1, 5), {"CSTD_TQ", "CO_CP", "BK_TTG"}),
    (IssuerKind.PRESIDENT, date(2026, 1, 5), {"HCLD3", "HCLD2", "HCLD1"}),
])
def test_each_issuer_kind_confers_what_the_catalogue_allows(kind, day, codes):
    assert issuing.allowed_codes(kind, day) == codes


@pytest.mark.django_db
def test_units_of_the_network_confer_as_their_kind(network):
    day = date(2026, 1, 5)
    assert issuing.unit_issuer_kinds(network.hue_coop) == ("COOPERATIVE_DIRECTOR",
                                                           "COOPERATIVE_BOARD")
    assert issuing.unit_may_confer(network.hue_coop, "CSTDCS", day)
    assert not issuing.unit_may_confer(network.hue_coop, "BK_BO", day)
    assert issuing.unit_may_confer(network.vca, "BK_BO", day)
    assert not issuing.unit_may_confer(network.department, "GK", day)  # no legal personality
    assert not issuing.conferred_in_system("BK_TTG", day)


def _award(registry, person, code, year, issuer, day):
    return registry.award(code, year, person=person, issuer_name=issuer.name,
                          decision_date=day, decision_number=f"{year}/QĐ")


@pytest.fixture
def two_tier(network, registry):
    """Điệp: CSTĐCS 2023 and 2024 from the district (decided before 01/7/2025), 2025 from the
    commune that took its powers, excellent ratings and a provincial initiative of 2025."""
    person = network.hue_person
    district = Issuer.objects.create(kind=IssuerKind.DISTRICT, name="UBND huyện Phong Điền")
    commune = Issuer.objects.create(kind=IssuerKind.COMMUNE, name="UBND xã Phong Điền")
    for year in range(2021, 2026):
        registry.rating(year, "EXCELLENT", person=person)
        registry.award("LDTT", year, person=person)
    _award(registry, person, "CSTDCS", 2023, district, date(2024, 1, 10))
    _award(registry, person, "CSTDCS", 2024, district, date(2025, 1, 15))
    registry.initiative(person, InitiativeScope.PROVINCIAL, 2025)
    return person, district, commune


def _verdict(person, code, year=2025):
    subjects = histories.person_subjects([person.pk], year, date(year, 12, 31))
    result = histories.judge({"as_of": f"{year}-12-31", "year": year, "types": [code],
                              "subjects": subjects})
    return result["results"][0]


@pytest.mark.django_db
def test_a_commune_issued_cstdcs_counts_in_the_streak(two_tier, registry):
    person, _district, commune = two_tier
    _award(registry, person, "CSTDCS", 2025, commune, date(2025, 12, 20))
    verdict = _verdict(person, "CSTD_BO")
    assert verdict["eligible"], verdict["missing"]
    assert {"type": "CSTDCS", "year": 2025} in verdict["evidence"]["awards"]
    assert not any("Không tính" in text or "rà soát" in text
                   for text in verdict["manual_checks"])


@pytest.mark.django_db
def test_a_district_issued_cstdcs_after_the_reform_does_not_count(two_tier, registry):
    person, district, _commune = two_tier
    registry.rating(2026, "GOOD", person=person)
    late = _award(registry, person, "CSTDCS", 2025, district, date(2025, 12, 20))
    verdict = _verdict(person, "BK_BO", 2026)
    assert not verdict["eligible"]  # 2025 is left out: no two-year CSTĐCS streak up to 2026
    assert any("Không tính CSTĐCS năm 2025" in text and "20/12/2025" in text
               for text in verdict["manual_checks"])
    assert issuing.award_standing(late, issuing.power_table()) == issuing.Standing.OUTSIDE


@pytest.mark.django_db
def test_an_award_whose_issuer_is_not_identified_counts_with_a_check(two_tier, registry):
    person, _district, _commune = two_tier
    registry.award("CSTDCS", 2025, person=person, issuer_name="Sở Nội vụ")
    assert Award.objects.get(person=person, year=2025, award_type__code="CSTDCS").issuer is None
    verdict = _verdict(person, "CSTD_BO")
    assert verdict["eligible"]
    assert "CSTĐCS năm 2025 chưa xác định cơ quan quyết định: cần rà soát trước khi tính" in \
        verdict["manual_checks"]


@pytest.mark.django_db
def test_recording_links_known_and_plainly_worded_issuers(network, registry):
    person = network.hue_person
    by_unit = registry.award("GK", 2024, person=person, issuer_name=network.hue_coop.name)
    by_wording = registry.award("GK", 2023, person=person, issuer_name="UBND xã Quảng Điền")
    unknown = registry.award("GK", 2022, person=person, issuer_name="Ban Thi đua tỉnh")
    assert (by_unit.issuer.kind, by_unit.issuer.organization) == ("COOPERATIVE_DIRECTOR",
                                                                   network.hue_coop)
    assert by_wording.issuer.kind == "COMMUNE"
    assert IssuerAlias.objects.filter(key="ubnd xa quang dien").exists()
    assert unknown.issuer is None


@pytest.mark.django_db
def test_mapping_a_name_links_every_award_written_so_and_later_ones(network, registry,
                                                                    root_user):
    person, other = network.hue_person, network.hue_person2
    registry.award("GK", 2022, person=person, issuer_name="Ban Thi đua tỉnh")
    registry.award("GK", 2023, person=other, issuer_name="Ban Thi đua tỉnh")
    assert issuing.unmapped_names(root_user) == [("Ban Thi đua tỉnh", 2)]
    linked = issuing.map_issuer_name(root_user, "Ban Thi đua tỉnh", kind=IssuerKind.PROVINCE,
                                     name="Chủ tịch UBND tỉnh Quảng Trị")
    assert linked == 2 and issuing.unmapped_names(root_user) == []
    later = registry.award("GK", 2024, person=person, issuer_name="ban thi dua tinh")
    assert later.issuer.name == "Chủ tịch UBND tỉnh Quảng Trị"


@pytest.mark.django_db
def test_decisions_link_their_awards_to_the_unit_as_issuer(network):
    issuer = issuing.issuer_for_unit(network.vca)
    assert (issuer.kind, issuer.organization) == ("VCA", network.vca)
    assert issuing.issuer_for_unit(network.vca) == issuer
    assert issuing.issuer_for_unit(network.department) is None


@pytest.mark.django_db
def test_the_migration_maps_existing_names_and_leaves_the_rest(network, registry):
    person = network.hue_person
    for year, name in ((2020, network.hue.name), (2021, "UBND xã Phong Điền"),
                       (2022, "Sở Nội vụ")):
        Award.objects.create(person=person, year=year, issuer_name=name,
                             award_type=AwardType.objects.get(code="GK"))
    import_module("thidua.awards.migrations.0009_conferral_powers").link_awards(apps, None)
    kinds = dict(Award.objects.filter(person=person).values_list("year", "issuer__kind"))
    assert kinds == {2020: "VCA_PROVINCIAL", 2021: "COMMUNE", 2022: None}
