"""Shared fixtures: a small network built through the domain services, and users per role."""
from datetime import date

from importlib import import_module

import pytest
from django.apps import apps
from django.conf import settings
from django.utils import translation

from thidua.accounts.models import RoleAssignment, User
from thidua.organizations import services
from thidua.organizations.models import Employment, Organization, OrganizationKind, Person


@pytest.fixture(autouse=True)
def vietnamese():
    """Every test starts in the default language: a request with an English cookie leaves English
    active in the thread, which would leak into the next test's service calls."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def fast_passwords(settings):
    """Tests create many users; the production hasher would dominate the run time."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def award_catalogue(transactional_db):
    """Transactional tests flush the tables the data migrations filled; put the award catalogue
    (and base salaries) back the way the migrations wrote them. (``serialized_rollback`` would
    too, but on PostgreSQL it collides with the content types a flush re-creates.)"""
    for migration in ("0002_award_catalogue", "0005_pipeline_catalogue"):
        import_module(f"thidua.awards.migrations.{migration}").load(apps, None)


@pytest.fixture
def root_user(db):
    return User.objects.create_superuser("root", "root@example.org", "root-password-123")


class Network:
    """VCA → (a department, Huế alliance → two cooperatives, Hà Nội alliance → one cooperative),
    with one person per cooperative and one at the VCA."""

    def __init__(self, actor):
        self.actor = actor
        self.vca = services.create_organization(actor, None, Organization(
            kind=OrganizationKind.NATIONAL_ALLIANCE, code="VCA", name="Liên minh Hợp tác xã Việt Nam",
            short_name="LMHTX VN"))
        self.department = self.add(self.vca, OrganizationKind.ALLIANCE_DEPARTMENT, "VCA-TDKT",
                                   "Ban Thi đua – Khen thưởng")
        self.hue = self.add(self.vca, OrganizationKind.PROVINCIAL_ALLIANCE, "P46",
                            "Liên minh Hợp tác xã Thành phố Huế", province_code=46)
        self.hue_coop = self.add(self.hue, OrganizationKind.COOPERATIVE, "P46-HTX01",
                                 "Hợp tác xã Nông nghiệp Thủy Thanh", province_code=46)
        self.hue_coop2 = self.add(self.hue, OrganizationKind.COOPERATIVE, "P46-HTX02",
                                  "Hợp tác xã Dịch vụ Điện Hòa", province_code=46)
        self.hanoi = self.add(self.vca, OrganizationKind.PROVINCIAL_ALLIANCE, "P01",
                              "Liên minh Hợp tác xã Thành phố Hà Nội", province_code=1)
        self.hanoi_coop = self.add(self.hanoi, OrganizationKind.COOPERATIVE, "P01-HTX01",
                                   "Hợp tác xã Rau sạch Văn Đức", province_code=1)
        self.vca_person = self.person("Trần", "Thị", "Mai", self.department)
        self.hue_person = self.person("Nguyễn", "Văn", "Điệp", self.hue_coop)
        self.hue_person2 = self.person("Lê", "Thị", "Hương", self.hue_coop2)
        self.hanoi_person = self.person("Phạm", "Quốc", "Bảo", self.hanoi_coop)

    def add(self, parent, kind, code, name, **fields):
        return services.create_organization(self.actor, parent, Organization(
            kind=kind, code=code, name=name, **fields))

    def person(self, family, middle, given, unit, citizen_id=None):
        person = Person(family_name=family, middle_name=middle, given_name=given, gender="MALE",
                        birth_date=date(1980, 5, 17))
        if citizen_id:
            person.citizen_id = citizen_id
        return services.create_person(self.actor, person, Employment(
            organization=unit, category="MEMBER", position="Thành viên", start_date=date(2015, 1, 1)))


@pytest.fixture
def network(root_user):
    return Network(root_user)


@pytest.fixture
def make_user(db):
    counter = {"n": 0}

    def make(role=None, organization=None, include_descendants=True, **fields):
        counter["n"] += 1
        user = User.objects.create_user(f"user{counter['n']}", password="a-long-test-password",
                                        **fields)
        if role:
            RoleAssignment.objects.create(user=user, organization=organization, role=role,
                                          include_descendants=include_descendants)
        return user

    return make
