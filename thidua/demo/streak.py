"""A member (in the small demo, whoever works there) of the htx.* cooperative with two Chiến sĩ thi đua cơ sở in a row, the later one
conferred by the chairman of the commune's People's Committee: since 01/7/2025 (two-tier local
government) the commune confers CSTĐCS where the district did, and the engine counts that award
in the streak a Bằng khen asks for (docs/law.md §2). The earlier one is the cooperative
director's. Years are relative to the demo's day, so the streak is current on any date; the
award is found again by its decision number, so a second run writes nothing."""
from datetime import date

from thidua.awards.models import Award, AwardSource, AwardType
from thidua.awards.services import record_award, set_rating
from thidua.organizations.models import Employment, EmploymentCategory, Organization

COOPERATIVE = "P46-HTX01"
COMMUNES_CONFER = date(2025, 7, 1)  # NĐ 152/2025: CSTĐCS by the commune, no longer the district
RATING_SOURCE = "Biên bản đánh giá, xếp loại thành viên cuối năm"


def _decided_on(year):
    """The day a year's CSTĐCS is decided: 15 January of the next year."""
    return date(year + 1, 1, 15)


def load(actor, created, today):
    unit = Organization.objects.filter(code=COOPERATIVE).first()
    jobs = Employment.objects.filter(organization=unit, end_date__isnull=True).select_related(
        "person").order_by("person__sort_key", "pk") if unit else Employment.objects.none()
    job = jobs.filter(category=EmploymentCategory.MEMBER).first() or jobs.first()  # small demo
    if job is None:
        return
    person, last = job.person, today.year - 1
    if _decided_on(last) >= today:  # this January's decision is not made yet
        last -= 1
    commune = f"Chủ tịch UBND {unit.ward_name or 'xã'}"
    director = f"Giám đốc {unit.name}"
    for year in (last - 1, last):
        day = _decided_on(year)
        number = f"{year % 100:02d}{person.pk}/QĐ-CSTĐCS"
        if Award.objects.unscoped("the demo finds its own award by number").filter(
                person=person, decision_number=number).exists():
            continue
        set_rating(actor, year, "EXCELLENT", RATING_SOURCE, person=person)
        record_award(actor, Award(
            award_type=AwardType.objects.in_force(day).get(code="CSTDCS"), year=year,
            person=person, decision_number=number, decision_date=day,
            issuer_name=commune if day >= COMMUNES_CONFER else director,
            source=AwardSource.IMPORTED))
        created["awards"] += 1
