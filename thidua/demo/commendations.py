"""Demo commendations (issue 4): the VCA units' bloc 2022 year-end proposals and decision, the Huế
alliance's 2020 year-end decision numbered …/QĐ-LMHTX, one revoked award, one held person, the
issuers' decision symbols and a council at both levels made of the demo accounts.

Historic batches are written as records (their transitions dated at the time), not replayed
through today's workflow; their awards, the revocation and the hold go through the registry's
services, so they are audited, on the honour roll and in the summaries like any other. Everything is found again by a natural key — the decision's issuer,
year and number — so a second run writes nothing.
"""
from datetime import date, datetime, time

from django.utils import timezone

from thidua.accounts.models import User
from thidua.awards.models import (Award, AwardSource, AwardType, BaseSalary, Hold, Revocation,
                                  RevocationGround)
from thidua.awards.issuing import issuer_for_unit
from thidua.awards.money import award_amount, multiplier_for
from thidua.awards.services import add_hold, grant_awards, revoke_award
from thidua.core.workdays import WorkingCalendar
from thidua.nominations import steps
from thidua.nominations.models import (Council, CouncilMembership, Counter, Decision,
                                       DecisionItem, IssuerSettings, Nomination, NominationBatch)
from thidua.nominations.states import CouncilResult, ItemOutcome, State, Verdict
from thidua.nominations.workflow.decisions import title_for
from thidua.organizations.models import Employment, Organization
from thidua.organizations.models import OrganizationKind as K

ROAD = [State.DRAFT, State.SUBMITTED, State.RECEIVED, State.IN_APPRAISAL, State.AT_COUNCIL,
        State.DECIDED]
COUNCIL_ROLES = [("lanhdao", "CHAIR"), ("tdkt", "VICE_CHAIR"), ("thamdinh", "STANDING"),
                 ("hoidong", "MEMBER"), ("thuky", "SECRETARY")]


def _council(unit, prefix):
    council, _ = Council.objects.get_or_create(organization=unit, defaults={
        "name": f"Hội đồng Thi đua – Khen thưởng {unit.short_name or unit.name}"})
    for slug, role in COUNCIL_ROLES:
        user = User.objects.filter(username=f"{prefix}.{slug}").first()
        if user:
            CouncilMembership.objects.get_or_create(council=council, user=user, defaults={
                "role": role, "start_date": date(2020, 1, 1)})


def _history(batch, actor, day):
    moment = timezone.make_aware(datetime.combine(day, time(9)))
    calendar = WorkingCalendar.from_database()
    previous = ""
    for state in ROAD:
        steps.record(batch, state, actor, from_state=previous, at=moment, calendar=calendar)
        previous = state


def award_type_on(code, day):
    """The catalogue version of ``code`` in force on ``day``, else its newest version: demo
    history reaches back before some titles' current versions began."""
    versions = AwardType.objects.filter(code=code)
    return versions.in_force(day).first() or versions.order_by("-valid_from").first()


def _decided(actor, proposer, authority, title, year, number, day, subjects, code):
    """A decided batch and its issued decision, unless (authority, year, number) exists."""
    if Decision.objects.filter(issuer=authority, year=day.year, number=number).exists():
        return 0
    award_type = award_type_on(code, day)
    batch = NominationBatch.objects.create(
        proposer=proposer, authority=authority, title=title, year=year, state=State.DECIDED,
        created_by=actor)
    _history(batch, actor, day)
    symbol = IssuerSettings.objects.get(organization=authority).decision_symbol
    decision = Decision.objects.create(
        issuer=authority, year=day.year, number=number, symbol=symbol, date=day,
        title=title_for(batch),
        # no typed "Căn cứ" line: the documents cite the texts in force on ``day`` themselves
        legal_bases="", batch=batch, state="ISSUED",
        signer_title="CHỦ TỊCH", created_by=actor, signer=actor)
    salary, issuer = BaseSalary.objects.in_force(day), issuer_for_unit(authority)
    items, awards = [], []
    for index, subject in enumerate(subjects, start=1):
        collective = isinstance(subject, Organization)
        kind = "COLLECTIVE" if collective else "INDIVIDUAL"
        item = Nomination.objects.create(
            batch=batch, subject_kind=kind, person=None if collective else subject,
            organization=subject if collective else None, award_type=award_type,
            achievement=f"Hoàn thành xuất sắc nhiệm vụ năm {year}", verdict=Verdict.ELIGIBLE,
            council_result=CouncilResult.PASSED, outcome=ItemOutcome.AWARDED)
        money = award_amount(multiplier_for(award_type, kind), salary.amount if salary else 0)
        items.append((item, money, f"{index}/{day.year}"))
        awards.append(Award(
            person=item.person, organization=item.organization, year=year, award_type=award_type,
            decision_number=decision.reference, decision_date=day, issuer_name=authority.name,
            issuer=issuer, register_number=items[-1][2], source=AwardSource.DECISION,
            decision=decision, money_amount=money))
    # Through the registry's service, as a decision's awards are: audited, on the honour roll
    # and counted in the summaries.
    for (item, money, register), award in zip(items, grant_awards(actor, awards)):
        DecisionItem.objects.create(decision=decision, nomination=item, award=award,
                                    money_amount=money, register_number=register)
    for kind, last in ((Counter.DECISION, number), (Counter.REGISTER, len(subjects))):
        counter, _ = Counter.objects.get_or_create(issuer=authority, year=day.year, kind=kind)
        counter.last = max(counter.last, last)
        counter.save()
    return len(subjects)


def _people(unit, count):
    rows = Employment.objects.filter(organization__path__startswith=unit.path).select_related(
        "person").order_by("person__sort_key", "pk")
    seen = []
    for row in rows:
        if row.person not in seen:
            seen.append(row.person)
        if len(seen) == count:
            break
    return seen


def load(actor, created, today=None):
    vca = Organization.objects.filter(kind=K.NATIONAL_ALLIANCE).first()
    hue = Organization.objects.filter(code="P46").first()
    if vca is None or hue is None:
        return
    IssuerSettings.objects.get_or_create(organization=vca, defaults={
        "decision_symbol": "QĐ-LMHTXVN", "place_name": "Hà Nội", "signer_title": "CHỦ TỊCH"})
    IssuerSettings.objects.get_or_create(organization=hue, defaults={
        "decision_symbol": "QĐ-LMHTX", "place_name": "Huế", "signer_title": "CHỦ TỊCH"})
    _council(vca, "vca")
    _council(hue, "hue")
    units = list(Organization.objects.filter(kind=K.ALLIANCE_UNIT).order_by("path")[:3])
    if units:
        created["awards"] += _decided(
            actor, units[0], vca, "Đề nghị tặng Bằng khen cho các đơn vị khối sự nghiệp, doanh "
            "nghiệp năm 2022", 2022, 312, date(2023, 1, 16), units, "BK_BO")
    coops = Organization.objects.filter(code__startswith="P46-HTX").order_by("path")
    people = [p for coop in coops[:4] for p in _people(coop, 1)]
    if people:
        created["awards"] += _decided(
            actor, hue, hue, "Khen thưởng tổng kết phong trào thi đua năm 2020", 2020, 125,
            date(2020, 12, 28), people, "GK")
        award = Award.objects.filter(decision__issuer=hue, decision__number=125).order_by(
            "pk").first()
        if award and not Revocation.objects.filter(award=award).exists():
            revoke_award(actor, award, RevocationGround.FORGERY, "18/QĐ-LMHTX",
                         date(2021, 3, 15), artefacts_recovered=True,
                         recovered_amount=award.money_amount or 0,
                         note="Hồ sơ kê khai thành tích không đúng sự thật")
        held = _people(coops[1], 1) if coops.count() > 1 else []
        for person in held:
            if not Hold.objects.filter(person=person, reason="INSPECTION").exists():
                add_hold(actor, Hold(person=person, reason="INSPECTION",
                                     start_date=date(2025, 10, 1),
                                     note="Đang thanh tra tài chính HTX"))
