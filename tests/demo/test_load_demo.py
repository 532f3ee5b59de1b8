"""``load_demo`` on an empty database: the full demo's people, the refusals, and the README's table
of accounts. What the small demo holds is in ``test_small_demo``."""
import io
import re
from datetime import date
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from thidua.accounts.models import Role, User
from thidua.demo import data
from thidua.organizations.models import Employment, Organization, OrganizationKind, Person

README = Path(__file__).resolve().parents[2] / "README.md"
PASSWORD = "mat-khau-demo-kiem-thu"


@pytest.fixture
def load(db, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.THIDUA_DEMO_PASSWORD = PASSWORD

    def run(*args):
        out = io.StringIO()
        call_command("load_demo", *args, stdout=out)
        return out.getvalue()

    return run


def test_refuses_production_and_real_accounts_under_demo_names(load, settings):
    User.objects.create_user("hue.tdkt", password="mot-mat-khau-that-dai")
    with pytest.raises(CommandError, match="hue.tdkt"):
        load("--small")
    assert not Organization.objects.exists()  # all or nothing
    settings.PRODUCTION = True
    with pytest.raises(CommandError, match="production"):
        load("--small")


def test_full_demo_people(load):
    load()
    people = Person.objects.count()
    assert 1000 <= people <= 2000
    assert Person.objects.filter(citizen_id_digest__isnull=False).count() >= people * 0.8
    hue = Organization.objects.get(code="P46")
    hue_current = Employment.objects.filter(end_date__isnull=True,
                                            organization__path__startswith=hue.path)
    ethnicities = set(Person.objects.filter(employments__in=hue_current)
                      .values_list("ethnicity", flat=True))
    assert {"01", "31", "26"} <= ethnicities  # Kinh, Tà-ôi, Cơ-tu
    sample = Person.objects.filter(employments__in=hue_current, citizen_id_digest__isnull=False)
    ids = [person.citizen_id for person in sample[:200]]
    assert all(re.fullmatch(r"\d{12}", value) for value in ids)
    assert sum(value.startswith("046") for value in ids) > len(ids) / 2
    categories = set(hue_current.values_list("category", flat=True))
    assert categories == {"STAFF", "OFFICIAL", "MEMBER", "WORKER"}
    assert hue_current.filter(is_direct_worker=True).exists()
    now_in_hue_cooperatives = hue_current.filter(organization__kind=OrganizationKind.COOPERATIVE)
    moves = Employment.objects.filter(
        end_date__isnull=False, organization__path__startswith=hue.path,
        organization__kind=OrganizationKind.COOPERATIVE,
        person__employments__in=now_in_hue_cooperatives)
    assert moves.exists()
    assert not Person.objects.filter(birth_date__gt=date(2007, 1, 1)).exists()


def test_readme_documents_every_demo_account():
    text = README.read_text(encoding="utf-8")
    assert "DEMO_ACCOUNTS_TABLE" not in text
    for prefix, _code, _scope in data.ACCOUNT_LEVELS:
        for role in Role:
            assert f"`{prefix}.{data.ROLE_SLUGS[role]}`" in text
    assert "`admin`" in text
    assert set(data.ROLE_SLUGS) == set(Role)
