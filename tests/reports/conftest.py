"""Hand-counted awards on the shared network (see the table in ``awards``)."""
from datetime import date

import pytest

from thidua.accounts.models import Role
from thidua.awards import services as award_services
from thidua.awards.models import Award, AwardStatus, AwardType
from thidua.organizations import services
from thidua.organizations.models import Employment, Person
from thidua.reports.summaries import refresh_all


class Awards:
    """2025, active (11): Huế 7 — Điệp LĐTT + BK_BO, Hương BK_TTG, the director (a woman of the
    Tày people) BK_BO, Thủy Thanh TTLĐXS + CO_BO, the Huế alliance BK_BO; Hà Nội 3 — Bảo CSTD_BO +
    HCLĐ3, Văn Đức CO_CP; VCA department 1 — Mai KNC. Plus a revoked BK_BO of Điệp (not counted).
    2024 (2): Điệp LĐTT, Văn Đức BK_BO."""

    def __init__(self, network):
        self.network = network
        self.director = services.create_person(network.actor, Person(
            family_name="Hoàng", middle_name="Thị", given_name="Lan", gender="FEMALE",
            ethnicity="02", birth_date=date(1975, 3, 2)), Employment(
            organization=network.hue_coop, category="STAFF", position="Giám đốc",
            start_date=date(2016, 1, 1)))
        n = network
        for recipient, code, year in [
            (n.hue_person, "LDTT", 2025), (n.hue_person, "BK_BO", 2025),
            (n.hue_person2, "BK_TTG", 2025), (self.director, "BK_BO", 2025),
            (n.hue_coop, "TTLDXS", 2025), (n.hue_coop, "CO_BO", 2025), (n.hue, "BK_BO", 2025),
            (n.hanoi_person, "CSTD_BO", 2025), (n.hanoi_person, "HCLD3", 2025),
            (n.hanoi_coop, "CO_CP", 2025), (n.vca_person, "KNC", 2025),
            (n.hue_person, "LDTT", 2024), (n.hanoi_coop, "BK_BO", 2024),
        ]:
            self.give(recipient, code, year)
        self.give(n.hue_person, "BK_BO", 2025, status=AwardStatus.REVOKED)

    def give(self, recipient, code, year, **fields):
        field = "person" if isinstance(recipient, Person) else "organization"
        return award_services.record_award(self.network.actor, Award(
            award_type=AwardType.objects.get(code=code), year=year, **{field: recipient},
            **fields))


@pytest.fixture
def awards(network):
    registry = Awards(network)
    refresh_all()
    return registry


@pytest.fixture
def hue_officer(make_user, network):
    return make_user(Role.EC_OFFICER, network.hue)


@pytest.fixture
def vca_officer(make_user, network):
    return make_user(Role.EC_OFFICER, network.vca)
