"""Shared fixtures: a frozen clock, a small network built through the domain services, and users
per role."""
import socket
from datetime import UTC, date
from importlib import import_module

import pytest
import time_machine
from django.apps import apps
from django.conf import settings
from django.core.cache import caches
from django.utils import timezone, translation

from timekeeping import TEST_NOW, local
from thidua.awards.models import BaseSalary
from thidua.awards.seeding import sync_catalogue
from thidua.accounts.models import RoleAssignment, User
from thidua.organizations import services
from thidua.organizations.models import Employment, Organization, OrganizationKind, Person
from thidua.settings import redis_cache


def pytest_configure(config):
    config.addinivalue_line("markers", "clock(when): start the test at this local instant (a "
                                       "datetime, a date or 'YYYY-MM-DD[ HH:MM]' in Asia/Ho_Chi_Minh)")


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_call(item):
    if not time_machine.escape_hatch.is_travelling():
        pytest.fail("This test runs on the real clock: the autouse `clock` fixture was bypassed.")


@pytest.fixture(autouse=True)
def clock(request):
    """The clock is an input: every test runs on a travelled clock that starts at ``TEST_NOW`` (or
    the test's ``clock`` marker) and ticks from there, so no result depends on the day the suite
    runs. ``clock.move_to(...)`` moves it within a test."""
    marker = request.node.get_closest_marker("clock")
    start = local(marker.args[0]) if marker else TEST_NOW
    # In UTC: a zoned destination would make time-machine reset the process's TZ.
    with time_machine.travel(start.astimezone(UTC)) as traveller:
        yield traveller


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: on a travelled clock every test begins at the same
    instant, so an entry one test leaves would never expire before the next."""
    caches["default"].clear()


@pytest.fixture
def redis_down(settings):
    """The production cache (``settings.redis_cache``) on a port where nothing listens."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"redis://127.0.0.1:{port}/0"
    settings.CACHES = {"default": redis_cache(url)}
    return url


@pytest.fixture(autouse=True)
def audit_checkpoints(settings, tmp_path):
    """Each test keeps the audit chain's checkpoints in its own file, so a checkpoint one test
    takes is never compared with another test's log."""
    settings.THIDUA_AUDIT_CHECKPOINT_FILE = tmp_path / "audit-checkpoints.jsonl"
    return settings.THIDUA_AUDIT_CHECKPOINT_FILE


@pytest.fixture(autouse=True)
def media_folder(settings, tmp_path):
    """Each test keeps its uploaded and generated files in its own folder: files are named by
    row ids, which are the same in every xdist worker's database, so a shared MEDIA_ROOT let one
    worker read another's sealed certificate."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def signing_material(settings, tmp_path, monkeypatch):
    """Each test has its own signing folder (demo CA, trust roots, the demo seal's SoftHSM2
    token): the demo signs and seals when it loads, and tests run side by side."""
    settings.THIDUA_SIGNING_DIR = tmp_path / "ky-so"
    monkeypatch.setenv("SOFTHSM2_CONF", str(tmp_path / "ky-so" / "softhsm" / "softhsm2.conf"))


@pytest.fixture
def now(clock):
    """The test's current instant: with ``today``, the one place tests take the time from."""
    return timezone.now()


@pytest.fixture
def today(clock):
    """The test's day in Asia/Ho_Chi_Minh."""
    return timezone.localdate()


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
    """Transactional tests flush the tables the data migrations filled; put the legal texts,
    base salaries and conferral powers back the way the migrations wrote them. The award types
    themselves come back from the catalogue (``awards/seeding.py``, after the flush's
    post_migrate) and are linked to their texts again. (``serialized_rollback`` would restore
    all, but on PostgreSQL it collides with the content types a flush re-creates.)"""
    import_module("thidua.legal.migrations.0002_seed_texts").load(apps, None)
    sync_catalogue()
    import_module("thidua.awards.migrations.0005_pipeline_catalogue").load(apps, None)
    import_module("thidua.awards.migrations.0009_conferral_powers").load_powers(apps, None)
    import_module("thidua.legal.migrations.0004_seed_bases").load(apps, None)
    import_module("thidua.awards.migrations.0011_award_type_texts").link(apps, None)
    import_module("thidua.awards.migrations.0013_base_salary_texts").link(apps, None)


@pytest.fixture
def base_salary_entered(db):
    """The base salary from 01/7/2026 as an administrator would enter it once NĐ 161/2026's
    amount is known (a test figure): without it a decision with money dated after 30/6/2026 waits
    (awards.base_salary.hold_reason)."""
    return BaseSalary.objects.get_or_create(effective_from=date(2026, 7, 1), defaults={
        "amount": 2_530_000, "confirmed": True, "legal_basis": "Mức dùng trong kiểm thử"})[0]


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
            organization=unit, category="MEMBER", position="Thành viên", start_date=date(2015, 1, 1)),
            twin=services.CREATE)  # tests make namesakes on purpose (all born 17/05/1980)


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
