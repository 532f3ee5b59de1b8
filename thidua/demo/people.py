"""Demo people: who works where, planned from a fixed seed, then saved in bulk.

The plan depends only on the unit specifications and the seed, never on the database or today's
date, so every run plans the same people; a person already stored (same citizen ID, or same name
and birth date for the few without one) is left as it is.
"""
import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from simple_history.utils import bulk_create_with_history

from thidua.core import crypto
from thidua.core.text import normalize, person_sort_key
from thidua.organizations import unit_scope
from thidua.organizations.models import (Employment, Gender, MemberKind, Membership,
                                         OrganizationStatus, Person)
from thidua.organizations.models import EmploymentCategory as E
from thidua.organizations.models import OrganizationKind as K

from . import data
from .names import draw_name

REFERENCE_DATE = date(2025, 6, 30)  # ages and start dates are drawn up to here, not up to today
HEAD, DEPUTY = "{head}", "{deputy}"

# kind → (position, category, share of direct workers, fewest, most); the first rows are the
# leaders and are the only ones kept by ``--small``.
ROSTERS = {
    K.NATIONAL_ALLIANCE: [("Chủ tịch", E.STAFF, 0, 1, 1), ("Phó Chủ tịch", E.STAFF, 0, 2, 3),
                          ("Ủy viên Ban Thường vụ", E.STAFF, 0, 0, 2)],
    K.ALLIANCE_DEPARTMENT: [(HEAD, E.STAFF, 0, 1, 1), (DEPUTY, E.STAFF, 0, 1, 2),
                            ("Chuyên viên", E.OFFICIAL, 0, 2, 5)],
    K.ALLIANCE_UNIT: [(HEAD, E.STAFF, 0, 1, 1), (DEPUTY, E.STAFF, 0, 1, 2),
                      ("Kế toán trưởng", E.OFFICIAL, 0, 1, 1), ("Viên chức", E.OFFICIAL, 0, 3, 6),
                      ("Nhân viên hợp đồng", E.OFFICIAL, 0, 0, 2)],
    K.PROVINCIAL_ALLIANCE: [("Chủ tịch", E.STAFF, 0, 1, 1), ("Phó Chủ tịch", E.STAFF, 0, 1, 2),
                            ("Chánh Văn phòng", E.STAFF, 0, 1, 1),
                            ("Chuyên viên thi đua – khen thưởng", E.OFFICIAL, 0, 1, 1),
                            ("Chuyên viên", E.OFFICIAL, 0, 1, 3)],
    K.COOPERATIVE: [("Chủ tịch Hội đồng quản trị kiêm Giám đốc", E.STAFF, 0, 1, 1),
                    ("Kế toán trưởng", E.STAFF, 0, 1, 1), ("Phó Giám đốc", E.STAFF, 0, 0, 1),
                    ("Kiểm soát viên", E.STAFF, 0, 1, 1), ("Thành viên", E.MEMBER, 0.8, 6, 16),
                    ("Người lao động", E.WORKER, 1, 1, 5)],
    K.COOPERATIVE_UNION: [("Chủ tịch Hội đồng quản trị", E.STAFF, 0, 1, 1),
                          ("Giám đốc", E.STAFF, 0, 1, 1), ("Kế toán trưởng", E.STAFF, 0, 1, 1),
                          ("Nhân viên", E.WORKER, 0, 2, 4)],
    K.COOPERATIVE_GROUP: [("Tổ trưởng", E.MEMBER, 1, 1, 1), ("Tổ phó", E.MEMBER, 1, 0, 1),
                          ("Thành viên", E.MEMBER, 1, 4, 9)],
    K.CREDIT_FUND: [("Chủ tịch Hội đồng quản trị", E.STAFF, 0, 1, 1),
                    ("Giám đốc", E.STAFF, 0, 1, 1), ("Trưởng Ban kiểm soát", E.STAFF, 0, 1, 1),
                    ("Kế toán trưởng", E.STAFF, 0, 1, 1), ("Nhân viên tín dụng", E.WORKER, 0, 2, 3),
                    ("Thủ quỹ", E.WORKER, 0, 1, 1), ("Thành viên", E.MEMBER, 0, 4, 8)],
}
LEADER_WORDS = ("Chủ tịch", "Giám đốc", "Trưởng", "Chánh", "Hiệu", "Viện", "Tổng", "Tổ trưởng")
SENIOR_WORDS = LEADER_WORDS + ("Phó", "Ủy viên", "Kế toán trưởng")
AGES = {E.STAFF: (28, 62), E.OFFICIAL: (23, 58), E.MEMBER: (22, 70), E.WORKER: (19, 55)}
FEMALE_TRADES = ("Dệt", "Nón", "Hoa giấy", "thổ cẩm", "Mây tre", "Mè xửng")
FEMALE_JOBS = ("Kế toán", "Thủ quỹ", "tín dụng")
# Birth registration codes (first three digits of a citizen ID) of people born elsewhere.
OTHER_BIRTHPLACES = (1, 31, 33, 35, 36, 37, 38, 40, 42, 44, 45, 46, 48, 49, 51, 54, 66, 79)
UNIT_HEADS = {f"VCA-{row[0]}": row[4] for row in data.ALLIANCE_UNITS}


@dataclass
class Job:
    code: str
    position: str
    category: str
    direct: bool
    start: date
    end: date | None = None


@dataclass
class PlannedPerson:
    family: str
    middle: str
    given: str
    female: bool
    birth: date
    ethnicity: str
    citizen_id: str
    jobs: list = field(default_factory=list)

    @property
    def name_key(self):
        return (self.family, self.middle, self.given, self.birth)


def head_title(org):
    if org.kind == K.ALLIANCE_UNIT:
        return UNIT_HEADS.get(org.code, "Giám đốc")
    if org.name.startswith("Văn phòng đại diện"):
        return "Trưởng Văn phòng đại diện"
    return "Chánh Văn phòng" if org.name.startswith("Văn phòng") else "Trưởng ban"


def ethnic_mix(org):
    province = org.province_code
    if province in data.HIGHLAND_WARDS and any(
            word in org.ward_name for word in data.HIGHLAND_WARDS[province]):
        return data.ETHNIC_MIX[data.HIGHLAND_MIX[province]]
    return data.ETHNIC_MIX[data.PROVINCE_MIX.get(province, "default")]


def _between(rng, first, last):
    """A date from ``first`` to ``last``; draws once even when the range is empty, so that the
    rest of the plan does not shift."""
    days = max(0, (last - first).days)
    return first + timedelta(days=int(rng.random() * (days + 1)))


class Planner:
    """Plans every person of the given organisations (parents before children)."""

    def __init__(self, organizations, small=False):
        self.organizations = {org.code: org for org in organizations}
        self.small = small
        self.people = []
        self.citizen_ids = set()
        self.name_keys = set()

    def plan(self):
        for org in self.organizations.values():
            if org.kind in ROSTERS:
                self._plan_unit(org, random.Random(f"{data.SEED}:{org.code}"))
        self._plan_moves(random.Random(f"{data.SEED}:moves"))
        return self.people

    def _plan_unit(self, org, rng):
        mix = ethnic_mix(org)
        roster = ROSTERS[org.kind][:2] if self.small else ROSTERS[org.kind]
        for position, category, direct_share, fewest, most in roster:
            count = 1 if self.small else rng.randint(fewest, most)
            title = position.format(head=head_title(org), deputy="Phó " + head_title(org))
            for _ in range(count):
                person = self._new_person(rng, org, title, category, mix)
                person.jobs.append(Job(org.code, title, category, rng.random() < direct_share,
                                       self._start(rng, org, person.birth)))
                self._close_if_ended(org, person)

    def _new_person(self, rng, org, title, category, mix):
        codes, weights = zip(*mix, strict=True)
        leader = any(word in title for word in LEADER_WORDS)
        female_share = 0.3 if leader else 0.45
        if any(word in title for word in FEMALE_JOBS) or any(
                word in org.name for word in FEMALE_TRADES):
            female_share = 0.75
        female = rng.random() < female_share
        ethnicity = rng.choices(codes, weights)[0]
        low, high = (38, 62) if any(word in title for word in SENIOR_WORDS) else AGES[category]
        while True:
            family, middle, given = draw_name(rng, ethnicity, female)
            birth = date(REFERENCE_DATE.year - rng.randint(low, high), rng.randint(1, 12),
                         rng.randint(1, 28))
            citizen_id = self._citizen_id(rng, org, female, birth) if rng.random() < 0.9 else ""
            person = PlannedPerson(family, middle, given, female, birth, ethnicity, citizen_id)
            if person.name_key not in self.name_keys and (
                    not citizen_id or citizen_id not in self.citizen_ids):
                break
        self.citizen_ids.add(citizen_id)
        self.name_keys.add(person.name_key)
        self.people.append(person)
        return person

    @staticmethod
    def _citizen_id(rng, org, female, birth):
        """12 digits: birth registration province (3), sex and century (1), year (2), serial (6)."""
        place = org.province_code if org.province_code and rng.random() < 0.85 else (
            rng.choice(OTHER_BIRTHPLACES))
        century = 0 if birth.year < 2000 else 2
        return f"{place:03d}{century + int(female)}{birth.year % 100:02d}{rng.randrange(10**6):06d}"

    @staticmethod
    def _start(rng, org, birth):
        first = max(org.founding_date or date(1995, 1, 1), birth.replace(year=birth.year + 18))
        last = REFERENCE_DATE
        if org.status_date:
            last = org.status_date - timedelta(days=365)
        return _between(rng, first, last)

    def _close_if_ended(self, org, person):
        """People of a dissolved unit leave on its closing date; those of a merged unit move on
        to the unit it merged into the next day, as members."""
        if org.status == OrganizationStatus.ACTIVE:
            return
        job = person.jobs[-1]
        job.start = min(job.start, org.status_date - timedelta(days=1))
        job.end = org.status_date
        if org.status == OrganizationStatus.MERGED:
            person.jobs.append(Job(org.merged_into.code, "Thành viên", E.MEMBER, job.direct,
                                   org.status_date + timedelta(days=1)))

    def _plan_moves(self, rng):
        """Six Huế cooperative members came from another Huế cooperative, one from Hà Nội, and
        one Hà Nội member from Huế: scoping must follow the current unit, not the past one."""
        hue, hanoi = self._units(data.HUE), self._units(data.HANOI)
        settled = [p for p in self.people if len(p.jobs) == 1 and p.citizen_id]
        movers = [p for p in settled if p.jobs[0].code in hue]
        rng.shuffle(movers)
        moves = [(hue, person) for person in movers[:6]] + [(hanoi, p) for p in movers[6:7]]
        moves += [(hue, p) for p in settled if p.jobs[0].code in hanoi][:1]
        for origins, person in moves:
            self._add_past_job(rng, person, origins)

    def _units(self, province):
        return [code for code, org in self.organizations.items()
                if org.province_code == province and org.kind == K.COOPERATIVE and org.is_active]

    def _add_past_job(self, rng, person, origins):
        current = person.jobs[0]
        choices = [code for code in origins if code != current.code]
        if not choices:
            return
        origin = self.organizations[rng.choice(choices)]
        current.start = max(current.start, date(2016, 1, 1) + timedelta(days=rng.randrange(2500)))
        first = max(origin.founding_date, person.birth.replace(year=person.birth.year + 18),
                    current.start - timedelta(days=365 * 8))
        if first >= current.start - timedelta(days=200):
            return
        person.jobs.append(Job(origin.code, "Thành viên", E.MEMBER, current.direct, first,
                               current.start - timedelta(days=1)))


def save(people, organizations, actor):
    """Store the planned people not stored yet, with their jobs; returns (people, jobs) created."""
    by_digest = {crypto.digest(p.citizen_id): p for p in people if p.citizen_id}
    known = set(Person.objects.filter(citizen_id_digest__in=list(by_digest))
                .values_list("citizen_id_digest", flat=True))
    nameless = [p for p in people if not p.citizen_id]
    known_names = set(Person.objects.filter(
        citizen_id_digest__isnull=True, birth_date__in={p.birth for p in nameless},
    ).values_list("family_name", "middle_name", "given_name", "birth_date"))
    fresh = [p for digest, p in by_digest.items() if digest not in known]
    fresh += [p for p in nameless if p.name_key not in known_names]
    rows = [_person_row(p) for p in fresh]
    if not rows:
        return 0, 0
    bulk_create_with_history(rows, Person, batch_size=500, default_user=actor)
    jobs = [Employment(person=row, organization=organizations[job.code], position=job.position,
                       category=job.category, membership=_membership(job, index),
                       **_member_kind(job, index, planned), is_direct_worker=job.direct, start_date=job.start, end_date=job.end)
            for index, (row, planned) in enumerate(zip(rows, fresh, strict=True))
            for job in planned.jobs]
    bulk_create_with_history(jobs, Employment, batch_size=500, default_user=actor)
    unit_scope.refresh(row.pk for row in rows)  # bulk_create sends no signals
    return len(rows), len(jobs)


def _membership(job, index):
    """Members are official, but for a few associate members (Luật HTX 2023) — by the person's
    place in the plan, so the demo's random draws stay as they were."""
    if job.category != E.MEMBER:
        return ""
    if job.position == "Thành viên" and index % 9 == 4:
        return Membership.ASSOCIATE_CAPITAL
    if job.position == "Thành viên" and index % 13 == 6:
        return Membership.ASSOCIATE
    return Membership.OFFICIAL


def _member_kind(job, index, planned):
    """Members are people in their own name, but for a few who represent their household (Luật
    HTX 2023), by the same rule as ``_membership``."""
    if job.category != E.MEMBER:
        return {}
    if job.position == "Thành viên" and index % 11 == 3:
        head = "bà" if planned.female else "ông"
        return {"member_kind": MemberKind.HOUSEHOLD,
                "represents": f"Hộ {head} {planned.family} {planned.middle} {planned.given}"
                .replace("  ", " ")}
    return {"member_kind": MemberKind.PERSON}


def _person_row(planned):
    """A Person with what ``Person.save`` would derive (bulk_create skips ``save``)."""
    person = Person(family_name=planned.family, middle_name=planned.middle,
                    given_name=planned.given, gender=Gender.FEMALE if planned.female else Gender.MALE,
                    birth_date=planned.birth, ethnicity=planned.ethnicity)
    person.citizen_id = planned.citizen_id
    person.search_text = normalize(person.full_name)
    person.sort_key = person_sort_key(person.family_name, person.middle_name, person.given_name)
    return person
