"""Demo accounts: the superuser ``admin`` and, at the VCA, the Huế alliance and one Huế
cooperative, one account per role (``vca.tdkt``, ``hue.thamdinh``, ``htx.baocao`` …).

All are ``is_demo`` and share ``settings.THIDUA_DEMO_PASSWORD``; each run resets their password,
re-activates them and puts their role back to the documented one. A username already taken by a
real (non-demo) account is never touched: the load stops instead.
"""
import hashlib
import random
from dataclasses import dataclass
from functools import lru_cache

from django.conf import settings
from django.contrib.auth.hashers import make_password

from thidua.accounts.models import Role, RoleAssignment, User

from . import data
from .names import draw_name


class DemoAccountConflict(Exception):
    pass


@dataclass(frozen=True)
class Account:
    username: str
    role: str | None
    unit_code: str | None
    scope: str


@dataclass(frozen=True)
class AccountRow:
    username: str
    role: str
    unit: str
    scope: str
    created: bool


SUPERUSER_ROLE = "Quản trị Django (superuser)"
SUPERUSER_SCOPE = "Toàn bộ dữ liệu; trang quản trị /quan-tri/"


def account_specs():
    yield Account(data.SUPERUSER, None, None, SUPERUSER_SCOPE)
    for prefix, code, scope in data.ACCOUNT_LEVELS:
        for role, slug in data.ROLE_SLUGS.items():
            yield Account(f"{prefix}.{slug}", role, code, scope)
    for suffix, _name, username in data.HUE_DEPARTMENTS:
        yield Account(username, Role.APPRAISER, f"P{data.HUE:02d}-{suffix}", data.DEPARTMENT_SCOPE)


def password_hash():
    """The demo password hashed with a salt fixed per installation, so an unchanged password
    gives the same hash and a re-run writes nothing."""
    return _hash(settings.THIDUA_DEMO_PASSWORD, settings.SECRET_KEY,
                 tuple(settings.PASSWORD_HASHERS))


@lru_cache(maxsize=4)
def _hash(password, secret_key, _hashers):
    salt = hashlib.sha256(f"thidua-demo:{secret_key}".encode()).hexdigest()[:22]
    return make_password(password, salt)


def _ensure_user(account, hashed):
    """(user, created) for ``account``, reset to the demo password and active."""
    superuser = account.role is None
    user = User.objects.filter(username=account.username).first()
    if user is not None and not user.is_demo:
        raise DemoAccountConflict(
            f"Tên đăng nhập “{account.username}” đã thuộc một tài khoản thật (không phải demo); "
            "đổi tên tài khoản đó rồi chạy lại.")
    wanted = {"password": hashed, "is_active": True, "is_staff": superuser,
              "is_superuser": superuser}
    if user is None:
        rng = random.Random(f"{data.SEED}:{account.username}")
        family, middle, given = draw_name(rng, "01", rng.random() < 0.5)
        user = User.objects.create(
            username=account.username, first_name=given, last_name=f"{family} {middle}".strip(),
            email=f"{account.username}@demo.example.org", is_demo=True, **wanted)
        return user, True
    changed = [name for name, value in wanted.items() if getattr(user, name) != value]
    if changed:  # saved only when something differs, so that a re-run adds no history row
        for name in changed:
            setattr(user, name, wanted[name])
        user.save(update_fields=changed)
    return user, False


def ensure_superuser():
    """(user, created) for the demo ``admin``, the acting user of everything the loader creates."""
    return _ensure_user(Account(data.SUPERUSER, None, None, SUPERUSER_SCOPE), password_hash())


def _reset_roles(user, role, unit):
    RoleAssignment.objects.filter(user=user).exclude(role=role, organization=unit).delete()
    if role is None:
        return
    assignment, created = RoleAssignment.objects.get_or_create(
        user=user, organization=unit, role=role, defaults={"include_descendants": True})
    if not created and not assignment.include_descendants:
        assignment.include_descendants = True
        assignment.save()


def ensure_account(account, unit):
    """Create or reset one demo account outside the documented list (the account of a unit the
    demo then merges, which the merger locks); returns the user."""
    user, _created = _ensure_user(account, password_hash())
    _reset_roles(user, account.role, unit)
    return user


def ensure_accounts(units):
    """Create or reset every demo account; returns their AccountRows in documentation order."""
    hashed = password_hash()
    labels = dict(Role.choices)
    rows = []
    for account in account_specs():
        unit = units[account.unit_code] if account.unit_code else None
        user, created = _ensure_user(account, hashed)
        _reset_roles(user, account.role, unit)
        rows.append(AccountRow(account.username, labels.get(account.role, SUPERUSER_ROLE),
                               unit.name if unit else "—", account.scope, created))
    return rows


def created_count(rows):
    return sum(row.created for row in rows)
