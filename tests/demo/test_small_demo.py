"""What the small demo holds, that a re-run changes nothing, and that the demo accounts see what
the README says they see. The demo is loaded once for this module (it takes half a minute) and
each test runs inside it and is rolled back; ``test_load_demo`` has the runs that need an empty
database."""
import io
import re
from datetime import UTC, date
from pathlib import Path

import pytest
import time_machine
from django.apps import apps
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings

from timekeeping import TEST_NOW
from thidua.accounts.models import Role, RoleAssignment, User
from thidua.audit.models import AuditEntry
from thidua.awards import histories, verdicts
from thidua.awards.models import Award, StoredVerdict, VerdictPass
from thidua.legal.models import OwnBasis
from thidua.demo import data
from thidua.documents.context import decision_context
from thidua.documents.models import CertificateTemplate, SealedCertificate, SignedDecision
from thidua.documents.signing import demo_hsm, validation
from thidua.organizations.geography import province_choices
from thidua.organizations.models import (EmulationGroup, GroupRole, Organization,
                                         OrganizationKind, Person)
from thidua.nominations.models import Decision
from thidua.portal.models import Article, HonourEntry, Site

# One xdist worker takes the whole module, so the demo is loaded once per run.
pytestmark = pytest.mark.xdist_group("small_demo")

README = Path(__file__).resolve().parents[2] / "README.md"
PASSWORD = "mat-khau-demo-kiem-thu"


def run_load_demo(*args):
    out = io.StringIO()
    call_command("load_demo", *args, stdout=out)
    return out.getvalue()


@pytest.fixture(scope="module")
def demo_folder(tmp_path_factory):
    """The demo's files (media, signing material, audit checkpoints) for the whole module: the
    tests read what the module's load wrote."""
    return tmp_path_factory.mktemp("small-demo")


def folder_settings(folder):
    return {"MEDIA_ROOT": folder / "media", "THIDUA_SIGNING_DIR": folder / "ky-so",
            "THIDUA_AUDIT_CHECKPOINT_FILE": folder / "audit-checkpoints.jsonl",
            "PASSWORD_HASHERS": ["django.contrib.auth.hashers.MD5PasswordHasher"],
            "THIDUA_DEMO_PASSWORD": PASSWORD}


@pytest.fixture(autouse=True)
def media_folder(settings, demo_folder):
    """Overrides the per-test folders of tests/conftest.py with the module's."""
    for name, value in folder_settings(demo_folder).items():
        setattr(settings, name, value)


@pytest.fixture(autouse=True)
def signing_material(demo_folder, monkeypatch):
    monkeypatch.setenv("SOFTHSM2_CONF", str(demo_folder / "ky-so" / "softhsm" / "softhsm2.conf"))


@pytest.fixture(autouse=True)
def audit_checkpoints():
    """Set with the other folders by ``media_folder``."""


@pytest.fixture(scope="module")
def loaded_once(django_db_setup, django_db_blocker, demo_folder):
    """``load_demo --small`` on the test clock, inside a transaction rolled back when the module
    ends; each test's own transaction is a savepoint inside it. Returns the command's output."""
    with (django_db_blocker.unblock(), override_settings(**folder_settings(demo_folder)),
          pytest.MonkeyPatch.context() as patch,
          time_machine.travel(TEST_NOW.astimezone(UTC)), transaction.atomic()):
        patch.setenv("SOFTHSM2_CONF", str(demo_folder / "ky-so" / "softhsm" / "softhsm2.conf"))
        yield run_load_demo("--small")
        transaction.set_rollback(True)


@pytest.fixture
def small_demo(loaded_once, db):
    """The module's demo for a test that reads the database; the loader's output."""
    return loaded_once


@pytest.fixture
def load(db):
    """Runs the loader again inside the test."""
    return run_load_demo


def _counts():
    """Rows of every model, history tables included."""
    return {model._meta.label: model._base_manager.count() for model in apps.get_models()}


def _current_units(person):
    return {e.organization for e in person.employments.all() if e.end_date is None}


def test_network_has_the_vca_the_34_provincial_alliances_and_three_provinces_in_depth(small_demo):
    assert Organization.objects.get_root_nodes().get().code == "VCA"
    alliances = Organization.objects.filter(kind=OrganizationKind.PROVINCIAL_ALLIANCE,
                                            status="ACTIVE")
    assert sorted(alliances.values_list("province_code", flat=True)) == sorted(
        code for code, _name in province_choices())
    assert {a.code for a in alliances} == {f"P{code:02d}" for code, _ in province_choices()}
    hue = Organization.objects.get(code="P46")
    assert hue.name == "Liên minh Hợp tác xã thành phố Huế"
    assert Organization.objects.get(code="P66").name == "Liên minh Hợp tác xã tỉnh Đắk Lắk"
    hue_units = Organization.objects.filter(path__startswith=hue.path, depth__gt=hue.depth)
    assert 30 <= hue_units.filter(kind=OrganizationKind.COOPERATIVE).count() <= 40
    for kind in (OrganizationKind.COOPERATIVE_UNION, OrganizationKind.COOPERATIVE_GROUP,
                 OrganizationKind.CREDIT_FUND):
        assert hue_units.filter(kind=kind).exists()
    assert hue_units.filter(is_new_model=True).count() >= 5
    assert hue_units.filter(province_name="Thừa Thiên Huế").exists()
    assert hue_units.filter(province_name="Thành phố Huế").exists()
    for code in ("P01", "P66"):
        parent = Organization.objects.get(code=code)
        assert 8 <= Organization.objects.filter(path__startswith=parent.path).count() - 1 <= 12
    assert not any(Organization.objects.find_problems())
    for unit in Organization.objects.exclude(kind__in=[OrganizationKind.NATIONAL_ALLIANCE,
                                                       OrganizationKind.ALLIANCE_DEPARTMENT,
                                                       OrganizationKind.ALLIANCE_UNIT,
                                                       OrganizationKind.PROVINCIAL_ALLIANCE]):
        assert re.fullmatch(r"\d{10}", unit.tax_code), unit.code
        assert unit.ward_code and unit.ward_name and unit.founding_date, unit.code
    assert not Organization.objects.filter(sort_key="").exists()
    assert not Organization.objects.filter(search_text="").exists()


def test_the_demo_merger_goes_through_merge_unit_and_its_successor_takes_the_years(small_demo):
    merged = Organization.objects.get(name="Hợp tác xã Nông nghiệp Vinh Thanh")
    successor = merged.merged_into
    assert merged.status == "MERGED" and merged.status_date.year == 2023
    assert merged.history.first().history_user.username  # marked merged by the service
    years = histories.inherited_years(successor.pk, 2026)
    assert [(t, rating, codes, earner) for t, rating, codes, earner in years] == [
        (2022, "EXCELLENT", ["TTLDXS"], merged.pk), (2021, "EXCELLENT", [], merged.pk)]


def test_the_phu_yen_alliance_merged_into_dak_lak_on_1_july_2025_keeps_its_name_on_its_awards(
        small_demo):
    """The 2025 merger of provincial alliances, through merge_unit: the successor holds the
    former alliance's cooperative and people, the former alliance keeps its name on the awards
    decided before, its E&C officer's account is locked, and it has no portal of its own."""
    absorbed, successor = Organization.objects.get(code="P54"), Organization.objects.get(code="P66")
    assert absorbed.name == "Liên minh Hợp tác xã tỉnh Phú Yên"
    assert (absorbed.status, absorbed.status_date, absorbed.merged_into) == (
        "MERGED", date(2025, 7, 1), successor)
    assert absorbed.history.first().history_user.username == "admin"
    coop = Organization.objects.get(code="P54-HTX01")
    assert Organization.objects.get_parent(coop) == successor and coop.province_name == "Phú Yên"
    assert not Organization.objects.children_of(absorbed).exists()
    staff = Person.objects.filter(employments__organization=absorbed).distinct()
    assert staff.exists()
    for person in staff:
        old, new = person.employments.order_by("start_date").filter(
            organization__in=[absorbed, successor])
        assert (old.end_date, new.organization, new.start_date) == (
            date(2025, 6, 30), successor, date(2025, 7, 1))
    awards = Award.objects.filter(organization=absorbed)
    assert {a.award_type.code for a in awards} == {"TTLDXS", "BK_BO"}
    assert all(a.organization.name == absorbed.name and a.decision_date < date(2025, 7, 1)
               for a in awards)
    assert Award.objects.get(organization=coop).issuer_name == absorbed.name
    officer = User.objects.get(username="phuyen.tdkt")
    assert officer.is_demo and not officer.is_active
    assert not Site.objects.filter(organization=absorbed).exists()
    years = histories.inherited_years(successor.pk, 2026)
    assert (2024, "EXCELLENT", ["BK_BO", "TTLDXS"], absorbed.pk) in [
        (t, rating, sorted(codes), earner) for t, rating, codes, earner in years]


def test_vca_bloc_has_15_members_headed_by_the_cooperative_development_fund(small_demo, today):
    for year in (2022, 2023, today.year):
        bloc = EmulationGroup.objects.get(owner__code="VCA", name=data.VCA_BLOC, year=year)
        assert bloc.memberships.count() == 15
        assert bloc.memberships.get(role=GroupRole.HEAD).organization.name == (
            "Quỹ Phát triển hợp tác xã")
        assert bloc.memberships.filter(role=GroupRole.DEPUTY).count() == 1
        assert set(bloc.members.values_list("kind", flat=True)) == {OrganizationKind.ALLIANCE_UNIT}


def test_hue_blocs_and_clusters_for_last_year_and_this_year_rotate_their_heads(small_demo, today):
    this_year = today.year
    groups = EmulationGroup.objects.filter(owner__code="P46")
    assert set(groups.values_list("year", flat=True)) == {this_year - 1, this_year}
    assert set(groups.values_list("kind", flat=True)) == {"BLOC", "CLUSTER"}
    for group in groups:
        assert group.memberships.filter(role=GroupRole.HEAD).count() == 1
        assert group.memberships.filter(role=GroupRole.DEPUTY).count() == 1
        assert not group.members.exclude(status="ACTIVE").exists()
    heads = {group.year: group.memberships.get(role=GroupRole.HEAD).organization_id
             for group in groups.filter(name=data.LOCAL_GROUPS[data.HUE][0][2])}
    assert heads[this_year] != heads[this_year - 1]


def test_every_role_has_a_demo_account_at_the_vca_the_hue_alliance_and_a_hue_cooperative(small_demo):
    out = small_demo
    for prefix, code, _scope in data.ACCOUNT_LEVELS:
        unit = Organization.objects.get(code=code)
        for role in Role:
            user = User.objects.get(username=f"{prefix}.{data.ROLE_SLUGS[role]}")
            assert user.is_demo and user.is_active and user.check_password(PASSWORD)
            assert user.first_name and user.last_name
            assert list(user.role_assignments.values_list("organization", "role",
                                                          "include_descendants")) == [
                (unit.pk, role, True)]
            assert user.username in out
    assert Organization.objects.get(code="P46-HTX01").kind == OrganizationKind.COOPERATIVE
    admin = User.objects.get(username="admin")
    assert admin.is_superuser and admin.is_staff and admin.is_demo
    assert admin.check_password(PASSWORD)
    assert PASSWORD in out and "http://127.0.0.1:8000" in out


def _drawn_files(media):
    return sorted(path.relative_to(media) for path in media.rglob("*.*")
                  if path.parts[len(media.parts)] == "portal" or "bieu-trung" in path.parts)


def test_the_verdicts_are_stored_as_by_the_nightly_pass(small_demo, today):
    """A unit's "Đủ điều kiện năm nay" lists people as soon as the demo is loaded (in December,
    before the year's ratings, as one condition short)."""
    years = verdicts.proposal_years(today)
    assert set(VerdictPass.objects.values_list("year", flat=True)) == set(years)
    assert StoredVerdict.objects.filter(year=years[-1]).exclude(eligible="", almost="").exists()


def test_second_run_changes_nothing(small_demo, load, settings):
    """Nor does it add files: with the logos and covers gone from the database (an emptied
    database, var/media kept) they are drawn again under the same names, never beside the old
    ones as ``…_eWKZLNO.png``."""
    before = _counts()
    passwords = dict(User.objects.values_list("username", "password"))
    out = load("--small")
    assert _counts() == before
    assert dict(User.objects.values_list("username", "password")) == passwords
    assert re.findall(r"\((\d+)\)", out) == ["0"] * 6
    media = Path(settings.MEDIA_ROOT)
    files = _drawn_files(media)
    Site.objects.update(logo="")
    CertificateTemplate.objects.update(logo="")
    Article.objects.update(cover="", cover_thumb="")
    load("--small")
    assert any(path.parts[:2] == ("portal", "logos") for path in files)
    assert _drawn_files(media) == files
    assert not Site.objects.filter(logo="").exists()


def test_second_run_resets_demo_accounts_and_keeps_edits_to_the_data(small_demo, load):
    user = User.objects.get(username="hue.tdkt")
    user.set_password("something-else-entirely")
    user.save()
    RoleAssignment.objects.create(user=user, organization=Organization.objects.get(code="P01"),
                                  role=Role.EC_OFFICER)
    unit = Organization.objects.get(code="P46-HTX02")
    unit.name = "Hợp tác xã đã đổi tên"
    unit.founding_date = date(2024, 1, 1)  # people are planned from the data, not the database
    unit.save()
    people = Person.objects.count()
    load("--small")
    assert Person.objects.count() == people
    user.refresh_from_db()
    assert user.check_password(PASSWORD)
    assert list(user.role_assignments.values_list("organization__code", flat=True)) == ["P46"]
    assert Organization.objects.get(code="P46-HTX02").name == "Hợp tác xã đã đổi tên"


def test_hue_ec_officer_sees_hue_people_and_not_hanoi_people(small_demo):
    officer = User.objects.get(username="hue.tdkt")
    visible = Person.objects.visible_to(officer)
    hue, hanoi = Organization.objects.get(code="P46"), Organization.objects.get(code="P01")
    hue_people = Person.objects.filter(employments__end_date__isnull=True,
                                       employments__organization__path__startswith=hue.path)
    hanoi_people = Person.objects.filter(employments__end_date__isnull=True,
                                         employments__organization__path__startswith=hanoi.path)
    assert hue_people.exists() and hanoi_people.exists()
    assert set(visible) == set(hue_people)
    assert not visible.filter(pk__in=hanoi_people).exists()
    # One person moved from Huế to Hà Nội: past employment in Huế, invisible to Huế now.
    moved_away = hanoi_people.filter(employments__organization__path__startswith=hue.path)
    assert moved_away.exists() and not visible.filter(pk__in=moved_away).exists()
    cooperative = User.objects.get(username="htx.baocao")
    own = Organization.objects.get(code="P46-HTX01")
    assert {u for p in Person.objects.visible_to(cooperative) for u in _current_units(p)} == {own}


def test_disable_demo_accounts_deactivates_every_demo_account_and_only_those(small_demo, load):
    real = User.objects.create_user("nguoi.that", password="mot-mat-khau-that-dai")
    out = io.StringIO()
    call_command("disable_demo_accounts", stdout=out)
    assert not User.objects.filter(is_demo=True, is_active=True).exists()
    active = 1 + 3 * len(Role) + len(data.HUE_DEPARTMENTS)  # the former alliances' were locked
    assert User.objects.filter(is_demo=True).count() == active + len(data.FORMER_ALLIANCES)
    real.refresh_from_db()
    assert real.is_active
    assert f"Đã khóa {active} tài khoản demo" in out.getvalue()
    load("--small")  # the demo loader re-opens them, but for those its mergers locked
    assert set(User.objects.filter(is_demo=True, is_active=False).values_list(
        "username", flat=True)) == {"phuyen.tdkt"}


def test_accounts_can_do_what_the_readme_says(small_demo):
    """The README table, row by row, on one Huế cooperative and one of its members."""
    unit = Organization.objects.get(code="P46-HTX01")
    person = Person.objects.filter(employments__organization=unit,
                                   employments__end_date__isnull=True).first()
    bloc = EmulationGroup.objects.filter(members=unit).first()
    readme = {match[0]: match[1] for match in re.findall(r"^\| `([a-z.]+)` \|.*\| ([^|]+) \|$",
                                                         README.read_text(encoding="utf-8"),
                                                         flags=re.MULTILINE)}
    for user in User.objects.filter(is_demo=True, is_superuser=False):
        claim = readme[user.username]
        sees_network = "không xem đơn vị" not in claim  # a department's staff: its requests only
        assert user.has_perm("organizations.view_organization", unit) == sees_network, user
        assert user.has_perm("organizations.view_emulationgroup", bloc) == sees_network, user
        assert user.has_perm("organizations.change_organization", unit) == claim.startswith(
            "Xem và sửa"), user
        assert user.has_perm("organizations.change_emulationgroup", bloc) == (
            "sửa đơn vị, khối/cụm" in claim), user
        assert user.has_perm("organizations.view_person", person) == (
            "không xem cá nhân" not in claim), user
        assert user.has_perm("organizations.change_person", person) == (
            "Xem và sửa" in claim or "sửa cá nhân" in claim), user
        assert user.has_perm("organizations.view_citizen_id", person) == (
            "xem đủ số CCCD" in claim), user


def test_the_demo_signs_its_decisions_and_seals_the_latest_ones_certificates(small_demo):
    out = small_demo
    signed = SignedDecision.objects.all()
    assert signed.exists() and "CA trình diễn (không có giá trị pháp lý)" in out
    row = signed.first()
    with row.file.open("rb") as handle:
        assert validation.check_pdf(handle.read()).ok
    sealed = SealedCertificate.objects.select_related("award__decision__issuer")
    assert sealed.exists(), [line for line in out.splitlines() if "dấu" in line or "ký" in line]
    decision = sealed.first().award.decision
    assert decision.signed_versions.exists()
    assert sealed.filter(award__decision=decision).count() == decision.awards.count()
    for seal in sealed:
        with seal.file.open("rb") as handle:
            check = validation.check_pdf(handle.read())
        assert check.ok and check.signer_name == seal.award.decision.issuer.name
    if demo_hsm.softhsm_module():
        assert set(sealed.values_list("method", flat=True)) == {"pkcs11"}
        assert "token SoftHSM2 “thidua-demo-seal”" in out
    else:
        assert "dấu số trình diễn dùng khóa phần mềm" in out
    assert f"Đã đóng dấu số {sealed.count()} giấy khen." in out


def test_historic_awards_go_through_the_registry_services(small_demo):
    """The demo's historic decisions enter their awards as any decision does: audited, on the
    public honour roll, and the revoked one off it with its revocation and history."""
    awards = Award.objects.filter(decision__number__in=[312, 125], decision__year__in=[2020, 2023])
    assert awards.count() >= 2
    revoked = awards.get(status="REVOKED")
    assert revoked.revocation.revoking_decision == "18/QĐ-LMHTX"
    assert revoked.history.filter(status="REVOKED").exists()
    assert not HonourEntry.objects.filter(award=revoked).exists()
    assert HonourEntry.objects.filter(award__in=awards.exclude(pk=revoked.pk)).count() == (
        awards.count() - 1)
    assert AuditEntry.objects.filter(model="awards.Award",
                                     object_id__in=[str(a.pk) for a in awards]).exists()


def test_demo_decisions_cite_the_alliances_own_charter_and_regulation(small_demo):
    """Entered through legal.services like an administrator's own bases; a decision of this year
    cites them after the law, the decree and the circular."""
    decision = Decision.objects.filter(issuer__code="P46", number__isnull=False).latest("date")
    lines = decision_context(decision)["legal_bases"]
    charter = lines.index("Căn cứ Điều lệ Liên minh Hợp tác xã thành phố Huế;")
    regulation = next(index for index, line in enumerate(lines)
                      if line.startswith("Căn cứ Quy chế Thi đua, khen thưởng của Liên minh Hợp "
                                         "tác xã thành phố Huế"))
    law = next(index for index, line in enumerate(lines) if "06/2022/QH15" in line)
    assert law < charter < regulation
    assert not any("của Liên minh Hợp tác xã;" in line for line in lines)
    assert OwnBasis.history.filter(history_user__isnull=False).count() == 4

