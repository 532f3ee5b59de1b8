"""The demo's mergers, performed through ``organizations.merging.merge_unit`` as an officer would.

A unit ``data`` marks as merged ("ended" MERGED, with its successor) is created active by
``builders.ensure_organizations``; here it first gets the collective record it earned before
(excellent years and a "Tập thể lao động xuất sắc"), then is merged on its day. Its page then says
"Đã sáp nhập từ … vào …", and its successor is judged for collective titles with those years
(``awards.succession``). A unit already merged is left as it is, so a second run writes nothing.

``load_provincial`` does the same for the 2025 merger of provincial alliances
(``data.FORMER_ALLIANCES``): the former alliance has its people, a cooperative, an E&C officer's
account and its awards under its own name, then is merged into the successor alliance on
01/7/2025, its accounts locked.
"""
from datetime import date

from thidua.accounts.models import Role
from thidua.awards.models import Award, AwardSource, AwardType
from thidua.awards.services import record_award, set_rating
from thidua.organizations.merging import LOCK_ACCOUNTS, merge_unit
from thidua.core.text import normalize
from thidua.organizations.models import Employment, Organization, OrganizationStatus

from . import accounts, data

RECORD_SOURCE = "Biên bản đánh giá, xếp loại tập thể cuối năm"
PROVINCE = "Ủy ban nhân dân tỉnh Thừa Thiên Huế"  # the name the decisions were issued under


def created_active(fields):
    """The fields a unit is created with when its merger is to be performed here."""
    if fields.get("status") != OrganizationStatus.MERGED:
        return fields
    return {name: value for name, value in fields.items()
            if name not in ("status", "status_date")}


def load(actor, specs, units, created):
    """Perform every merger ``specs`` describe whose unit is still active."""
    for spec in specs:
        unit = units[spec.code]
        if spec.fields.get("status") != OrganizationStatus.MERGED or not unit.is_active:
            continue
        day = spec.fields["status_date"]
        _record_before(actor, unit, day)
        merge_unit(actor, unit, units[spec.merged_into], day)
        created["mergers"] += 1


def load_provincial(actor, units, created, today):
    """Merge each former provincial alliance still active into its successor on its day (not
    before that day: the demo may be loaded on any date)."""
    for former in data.FORMER_ALLIANCES:
        unit, successor = units[former.code], units[f"P{former.successor:02d}"]
        if not unit.is_active or today < former.day:
            continue
        _record_before(actor, unit, former.day, f"Ủy ban nhân dân tỉnh {former.province}")
        _alliance_awards(actor, unit, former)
        accounts.ensure_account(former_account(former), unit)
        merge_unit(actor, unit, successor, former.day, accounts=LOCK_ACCOUNTS)
        created["mergers"] += 1


def former_account(former):
    """The E&C officer's account of a former alliance (``phuyen.tdkt``), locked by the merger."""
    slug = normalize(former.province).replace(" ", "")
    return accounts.Account(f"{slug}.{data.ROLE_SLUGS[Role.EC_OFFICER]}", Role.EC_OFFICER,
                            former.code, "")


def _alliance_awards(actor, unit, former):
    """A Bằng khen of the VCA to the alliance and one to its chairman, and a Giấy khen the
    alliance gave its cooperative, all decided before the merger under the former names."""
    last = former.day.year - 1
    vca = "Liên minh Hợp tác xã Việt Nam"
    chairman = (Employment.objects.filter(organization=unit, position="Chủ tịch")
                .select_related("person").order_by("pk").first())
    holders = [{"organization": unit}] + ([{"person": chairman.person}] if chairman else [])
    for holder in holders:
        record_award(actor, Award(
            award_type=AwardType.objects.get(code="BK_BO"), year=last,
            decision_number="268/QĐ-LMHTXVN", decision_date=date(last + 1, 3, 14),
            issuer_name=vca, source=AwardSource.IMPORTED, **holder))
    coop = next(iter(Organization.objects.children_of(unit).order_by("path")), None)
    if coop is not None:
        record_award(actor, Award(
            award_type=AwardType.objects.get(code="GK"), year=last, organization=coop,
            decision_number="41/QĐ-LMHTX", decision_date=date(last + 1, 2, 10),
            issuer_name=unit.name, source=AwardSource.IMPORTED))


def _record_before(actor, unit, day, province=PROVINCE):
    """Two excellent years before the merger's, the second with a TTLĐXS of the province."""
    last = day.year - 1
    for year in (last - 1, last):
        set_rating(actor, year, "EXCELLENT", RECORD_SOURCE, organization=unit)
    record_award(actor, Award(
        award_type=AwardType.objects.get(code="TTLDXS"), year=last, organization=unit,
        decision_number="152/QĐ-UBND", decision_date=date(last + 1, 1, 20), issuer_name=province,
        source=AwardSource.IMPORTED))
