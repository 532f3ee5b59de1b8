"""The demo's merger, performed through ``organizations.merging.merge_unit`` as an officer would.

A unit ``data`` marks as merged ("ended" MERGED, with its successor) is created active by
``builders.ensure_organizations``; here it first gets the collective record it earned before
(excellent years and a "Tập thể lao động xuất sắc"), then is merged on its day. Its page then says
"Đã sáp nhập từ … vào …", and its successor is judged for collective titles with those years
(``awards.succession``). A unit already merged is left as it is, so a second run writes nothing.
"""
from datetime import date

from thidua.awards.models import Award, AwardSource, AwardType
from thidua.awards.services import record_award, set_rating
from thidua.organizations.merging import merge_unit
from thidua.organizations.models import OrganizationStatus

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


def _record_before(actor, unit, day):
    """Two excellent years before the merger's, the second with a TTLĐXS of the province."""
    last = day.year - 1
    for year in (last - 1, last):
        set_rating(actor, year, "EXCELLENT", RECORD_SOURCE, organization=unit)
    record_award(actor, Award(
        award_type=AwardType.objects.get(code="TTLDXS"), year=last, organization=unit,
        decision_number="152/QĐ-UBND", decision_date=date(last + 1, 1, 20), issuer_name=PROVINCE,
        source=AwardSource.IMPORTED))
