"""Builds the demo network from ``data``: organisations through the network services (so the
treebeard paths, derived fields and history rows are those of any other unit), blocs and clusters,
people (``people``) and demo accounts (``accounts``).

Every object is found again by a natural key — ``Organization.code``, (owner, name, year) of a
bloc, citizen ID or name and birth date of a person, username — and only what is missing is
created, so a second run changes nothing. Units, blocs and people edited in the demo keep their
edits; demo accounts are reset (password, active, roles).
"""
import random
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from django.db import transaction
from django.db.models import Count
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from thidua.awards import verdicts
from thidua.core.text import normalize_spacing
from thidua.documents.signing import demo as signing_demo
from thidua.organizations import services
from thidua.organizations.geography import province_choices, ward_choices
from thidua.organizations.models import (EmulationGroup, EmulationGroupKind,
                                         EmulationGroupMembership, Employment, GroupRole,
                                         Organization, Person)
from thidua.organizations.models import OrganizationKind as K

from . import accounts, data, people
from . import movements as demo_movements
from . import (commendations, ec_staff, merger, own_bases, pipeline, records, salary,
               streak)
from . import portal as demo_portal

TAX_WEIGHTS = (31, 29, 23, 19, 17, 13, 7, 5, 3)
WARD_PREFIXES = ("Phường ", "Xã ", "Đặc khu ")


@dataclass
class OrgSpec:
    code: str
    parent: str | None
    fields: dict
    merged_into: str = ""
    group: str = ""


@dataclass
class Summary:
    created: Counter = field(default_factory=Counter)
    totals: dict = field(default_factory=dict)
    kinds: list = field(default_factory=list)
    accounts: list = field(default_factory=list)
    signing: list = field(default_factory=list)  # what the demo's signing and sealing said


def _rng(code):
    return random.Random(f"{data.SEED}:{code}")


def _day_in(rng, year):
    return date(year, rng.randint(1, 12), rng.randint(1, 28))


def tax_code(rng, prefix):
    """Ten digits: province prefix, serial, and the check digit of the usual weighting."""
    while True:
        digits = prefix + "".join(str(rng.randrange(10)) for _ in range(9 - len(prefix)))
        check = 10 - sum(int(d) * w for d, w in zip(digits, TAX_WEIGHTS, strict=True)) % 11
        if check < 10:
            return digits + str(check)


def province_parts(name):
    """("thành phố", "Huế") for "Thành phố Huế"; ("tỉnh", "An Giang") for "An Giang"."""
    for prefix in ("Thành phố ", "Tỉnh "):
        if name.startswith(prefix):
            return prefix.strip().lower(), name[len(prefix):]
    return "tỉnh", name


def ward_index(province):
    """Ward short name ("Phong Điền") → (code, full name) in ``province``."""
    index = {}
    for code, name in ward_choices(province):
        name = normalize_spacing(name)
        short = next((name[len(p):] for p in WARD_PREFIXES if name.startswith(p)), name)
        index[short] = (code, name)
    return index


def national_specs():
    specs = [OrgSpec(data.VCA["code"], None, {
        "kind": K.NATIONAL_ALLIANCE, "name": data.VCA["name"],
        "short_name": data.VCA["short_name"], "founding_date": date(*data.VCA["founded"])})]
    for suffix, name in data.DEPARTMENTS:
        specs.append(OrgSpec(f"VCA-{suffix}", "VCA",
                             {"kind": K.ALLIANCE_DEPARTMENT, "name": name}))
    for suffix, name, short_name, year, _head, _in_bloc in data.ALLIANCE_UNITS:
        code = f"VCA-{suffix}"
        rng = _rng(code)
        specs.append(OrgSpec(code, "VCA", {
            "kind": K.ALLIANCE_UNIT, "name": name, "short_name": short_name,
            "founding_date": _day_in(rng, year), "tax_code": tax_code(rng, "01")}))
    return specs


def department_specs():
    """The Huế alliance's departments (ban), asked for opinions during appraisal."""
    alliance = f"P{data.HUE:02d}"
    return [OrgSpec(f"{alliance}-{suffix}", alliance,
                    {"kind": K.ALLIANCE_DEPARTMENT, "name": name, "province_code": data.HUE})
            for suffix, name, _username in data.HUE_DEPARTMENTS]


def provincial_specs():
    specs = []
    for province, province_name in province_choices():
        code = f"P{province:02d}"
        division, place = province_parts(province_name)
        rng = _rng(code)
        specs.append(OrgSpec(code, "VCA", {
            "kind": K.PROVINCIAL_ALLIANCE, "name": f"Liên minh Hợp tác xã {division} {place}",
            "short_name": f"LMHTX {place}", "province_code": province,
            "founding_date": _day_in(rng, rng.randint(1994, 1998))}))
    for former in data.FORMER_ALLIANCES:  # no province code: the province is no more
        specs.append(OrgSpec(former.code, "VCA", {
            "kind": K.PROVINCIAL_ALLIANCE, "name": f"Liên minh Hợp tác xã tỉnh {former.province}",
            "short_name": f"LMHTX {former.province}", "province_name": former.province,
            "founding_date": _day_in(_rng(former.code), former.founded)}))
    return specs


def local_specs(province, units, former=None):
    """Units of one province; those inside a union come after the unions. With ``former`` (a
    ``data.FormerAlliance``), the units of that alliance, on wards of ``province`` today."""
    alliance = former.code if former else f"P{province:02d}"
    historic_name = former.province if former else data.HISTORIC_PROVINCE_NAMES.get(province, "")
    tax_prefix = former.tax_prefix if former else data.TAX_PREFIXES[province]
    wards = ward_index(province)
    division, place = province_parts(dict(province_choices())[province])
    numbers = Counter()
    specs = []
    for unit in units:
        numbers[unit.kind] += 1
        code = f"{alliance}-{data.CODE_PREFIX[unit.kind]}{numbers[unit.kind]:02d}"
        rng = _rng(code)
        if unit.ward not in wards:
            raise ValueError(f"{code}: không có xã, phường “{unit.ward}” ở tỉnh mã {province}.")
        ward_code, ward_name = wards[unit.ward]
        long_prefix, short_prefix = data.SHORT_PREFIX[unit.kind]
        hamlet = "Tổ dân phố" if ward_name.startswith("Phường") else "Thôn"
        fields = {
            "kind": unit.kind, "name": unit.name,
            "short_name": short_prefix + unit.name.removeprefix(long_prefix),
            "sector": unit.sector, "founding_date": _day_in(rng, unit.founded),
            "is_new_model": unit.new_model, "province_code": province,
            "province_name": historic_name if unit.historic else "",
            "ward_code": ward_code, "ward_name": ward_name,
            "address": f"{hamlet} {rng.randint(1, 12)}, {ward_name}, {division} {place}",
            "tax_code": tax_code(rng, tax_prefix),
        }
        merged_into = ""
        if unit.ended:
            status, year, *target = unit.ended
            fields.update(status=status, status_date=_day_in(rng, year))
            merged_into = f"{alliance}-{target[0]}" if target else ""
        parent = f"{alliance}-{unit.under}" if unit.under else alliance
        specs.append(OrgSpec(code, parent, fields, merged_into, unit.group))
    return sorted(specs, key=lambda spec: spec.parent != alliance)


def network_specs():
    specs = national_specs() + provincial_specs() + department_specs()
    for province, units in data.LOCAL_UNITS.items():
        specs += local_specs(province, units)
    for former in data.FORMER_ALLIANCES:
        specs += local_specs(former.successor, former.units, former)
    return specs


def unsaved_units(specs):
    """The units as the specs describe them, unsaved: people are planned from these, not from the
    database, so that edits made in the demo do not change who is planned."""
    units = {spec.code: Organization(code=spec.code, **spec.fields) for spec in specs}
    for spec in specs:
        if spec.merged_into:
            units[spec.code].merged_into = units[spec.merged_into]
    return list(units.values())


def ensure_organizations(specs, actor, created):
    """Create the units not there yet, parents first, those to be merged still active (``merger``
    merges them); returns code → Organization."""
    units = Organization.objects.in_bulk([spec.code for spec in specs], field_name="code")
    for spec in specs:
        if spec.code in units:
            continue
        unit = Organization(code=spec.code, **merger.created_active(spec.fields))
        parent = units[spec.parent] if spec.parent else None
        units[spec.code] = services.create_organization(actor, parent, unit)
        created["organizations"] += 1
    return units


def _rotation(members, year):
    """Head and deputy for ``year``: the duty passes down the list one place a year."""
    head = members[year % len(members)]
    return head, members[(year + 1) % len(members)]


def group_specs(specs, today):
    """(owner code, kind, name, year, member codes, head, deputy) of every demo bloc/cluster."""
    bloc = [f"VCA-{row[0]}" for row in data.ALLIANCE_UNITS if row[5]]
    head = f"VCA-{data.VCA_BLOC_HEAD}"
    others = [code for code in bloc if code != head]
    departments = [f"VCA-{suffix}" for suffix, _name in data.DEPARTMENTS]
    for year in range(data.FIRST_BLOC_YEAR, today.year + 1):
        yield ("VCA", EmulationGroupKind.BLOC, data.VCA_BLOC, year, bloc, head,
               others[year % len(others)])
        yield ("VCA", EmulationGroupKind.BLOC, data.DEPARTMENT_BLOC, year, departments,
               *_rotation(departments, year))
    for province, groups in data.LOCAL_GROUPS.items():
        for key, kind, name in groups:
            members = [spec.code for spec in specs if spec.group == key
                       and spec.code.startswith(f"P{province:02d}-")
                       and "status" not in spec.fields]
            for year in (today.year - 1, today.year):
                yield (f"P{province:02d}", kind, name, year, members, *_rotation(members, year))


def ensure_groups(group_rows, units, actor, created):
    """Create the blocs/clusters not there yet, through the service, with their members (in bulk:
    a new group has no previous head to replace)."""
    rows = list(group_rows)
    owners = {units[row[0]].pk for row in rows}
    existing = set(EmulationGroup.objects.filter(owner__in=owners)
                   .values_list("owner_id", "name", "year"))
    memberships = []
    for owner, kind, name, year, members, head, deputy in rows:
        if (units[owner].pk, name, year) in existing:
            continue
        group = services.create_emulation_group(actor, EmulationGroup(
            owner=units[owner], kind=kind, name=name, year=year))
        roles = {head: GroupRole.HEAD, deputy: GroupRole.DEPUTY}
        memberships += [EmulationGroupMembership(group=group, organization=units[code],
                                                 role=roles.get(code, GroupRole.MEMBER))
                        for code in members]
        created["groups"] += 1
    if memberships:
        bulk_create_with_history(memberships, EmulationGroupMembership, default_user=actor)
    created["memberships"] += len(memberships)


@transaction.atomic
def load(small=False, today=None):
    """Load (or complete) the demo; ``small`` keeps the whole network but only one or two people
    per unit, for tests. Returns a Summary."""
    today = today or timezone.localdate()
    summary = Summary()
    actor, admin_created = accounts.ensure_superuser()
    specs = network_specs()
    units = ensure_organizations(specs, actor, summary.created)
    ensure_groups(group_specs(specs, today), units, actor, summary.created)
    planned = people.Planner(unsaved_units(specs), small=small).plan()
    summary.created["people"], summary.created["employments"] = people.save(
        planned, units, actor)
    merger.load(actor, specs, units, summary.created)
    merger.load_provincial(actor, units, summary.created, today)
    summary.accounts = accounts.ensure_accounts(units)
    summary.created["accounts"] = admin_created + accounts.created_count(summary.accounts)
    salary.load(actor)
    own_bases.load(actor, today)
    demo_movements.load(actor, today)
    records.load(actor, summary.created)
    commendations.load(actor, summary.created, today)
    streak.load(actor, summary.created, today)
    pipeline.load(actor, today)
    demo_portal.load(actor, summary.created, today)
    ec_staff.load(actor, summary.created)
    signing_demo.sign_demo_decisions(summary.signing.append)
    signing_demo.seal_demo_certificates(summary.signing.append)
    signing_demo.sign_demo_submissions(summary.signing.append)
    for year in verdicts.proposal_years(today):  # "Đủ điều kiện năm nay" is full at once
        if verdicts.last_pass(year) is None:  # the night's pass does it once a day after
            verdicts.refresh_all(year)
    summary.totals = {
        "organizations": Organization.objects.count(),
        "groups": EmulationGroup.objects.count(),
        "memberships": EmulationGroupMembership.objects.count(),
        "people": Person.objects.count(),
        "employments": Employment.objects.count(),
        "accounts": len(summary.accounts),
    }
    per_kind = dict(Organization.objects.order_by().values_list("kind").annotate(Count("pk")))
    summary.kinds = [(label, per_kind[kind]) for kind, label in K.choices if kind in per_kind]
    return summary
