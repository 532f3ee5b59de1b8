"""Decisions (numbered, immutable once issued) and forwarding upward."""
import re

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.audit.recording import audited_update, record_created
from thidua.awards import base_salary
from thidua.awards.issuing import issuer_for_unit
from thidua.awards.models import Award, AwardSource
from thidua.awards.money import award_amount, multiplier_for
from thidua.awards.services import grant_awards
from thidua.core.permissions import require
from thidua.core.scopes import ROW_LOCK
from thidua.records.models import Initiative

from .. import guards, steps
from ..guards import decidable_items, forwardable_items
from ..models import (Attachment, Counter, Decision, DecisionItem, DecisionState, IssuerSettings,
                      Nomination, NominationBatch)
from ..numbering import next_number
from ..rules import INTAKE, PROPOSERS
from ..states import ItemOutcome, State
from .common import WorkflowError, enforce, locked, move, tell, working_days_from_today


@transaction.atomic
def save_issuer_settings(user, row):
    """Set how ``row.organization`` numbers and signs its decisions (its system administrators).
    Side effects: the row (audited); decisions issued later use its symbol, place and signer
    title, and the signing page offers only the ways of signing it accepts."""
    require(user, "nominations.manage_issuer_settings", row.organization)
    row.full_clean()
    row.save()
    return row


def issuer_settings(issuer):
    """The organisation's settings row, or an unsaved one with the defaults (one query)."""
    short = (issuer.short_name or issuer.code).replace(" ", "").upper()
    return (IssuerSettings.objects.filter(organization=issuer).first()
            or IssuerSettings(organization=issuer, decision_symbol=f"QĐ-{short}"))


def symbol_for(issuer):
    return issuer_settings(issuer).decision_symbol


PROPOSING = re.compile(r"^đề\s+nghị(\s+|$)", re.IGNORECASE)
SUBJECT = "Về việc "


def title_for(batch):
    """The decision's subject line (trích yếu) proposed from its dossier: a dossier asks ("Đề
    nghị tặng Giấy khen cho …"), the decision grants ("Về việc tặng Giấy khen cho …"), so the
    asking word is dropped rather than repeated after "Về việc khen thưởng". The line is the
    document's own Vietnamese text, whatever the reader's language."""
    subject = PROPOSING.sub("", (batch.title or "").strip())
    if not subject:
        return f"{SUBJECT}khen thưởng năm {batch.year}"
    if subject[:len(SUBJECT)].lower() == SUBJECT.lower():
        return subject
    return SUBJECT + subject[0].lower() + subject[1:]


@transaction.atomic
def create_decision(user, batch, items, title, legal_bases="", signer_name="", signer_title=""):
    """A DRAFT decision of the batch's authority over chosen council-approved ``items``.
    Side effects: Decision and DecisionItem rows (no number yet)."""
    batch = locked(batch)
    enforce(guards.create_decision(user, batch))
    if batch.state not in guards.DECIDING:
        raise WorkflowError(_("Chỉ lập quyết định khi Hội đồng đã xét tờ trình."))
    items = list(items)
    if not items:
        raise WorkflowError(_("Quyết định phải có ít nhất một cá nhân hoặc tập thể được khen "
                              "thưởng."))
    allowed = {item.pk for item in decidable_items(batch)}
    for item in items:
        if item.pk not in allowed or DecisionItem.objects.filter(nomination=item).exists():
            raise WorkflowError(_("%(item)s chưa được Hội đồng thông qua, đã có trong quyết định "
                                  "khác, hoặc vượt thẩm quyền của %(unit)s.") % {
                                      "item": item, "unit": batch.authority})
    decision = Decision.objects.create(
        issuer=batch.authority, year=timezone.localdate().year, symbol=symbol_for(batch.authority),
        title=title, legal_bases=legal_bases, signer_name=signer_name, signer_title=signer_title,
        batch=batch, created_by=user)
    record_created(DecisionItem.objects.bulk_create(DecisionItem(decision=decision, nomination=item)
                                                    for item in items))
    return decision


def _draft(user, decision):
    require(user, "nominations.manage_decision", decision)
    decision = Decision.objects.unscoped(ROW_LOCK).select_for_update().get(pk=decision.pk)
    if decision.state != DecisionState.DRAFT:
        raise WorkflowError(_("Quyết định đã ban hành không được sửa; muốn đính chính hãy ban "
                              "hành một quyết định mới."))
    return decision


@transaction.atomic
def update_decision(user, decision, **fields):
    """Edit a draft (title, legal bases, signer). Issued decisions are immutable."""
    decision = _draft(user, decision)
    for name in ("title", "legal_bases", "signer_name", "signer_title"):
        if name in fields:
            setattr(decision, name, fields[name])
    decision.save()
    return decision


def _use_initiatives(item, award):
    evidence = (item.engine_verdict or {}).get("evidence", {}).get("initiatives", [])
    ids = [int(i) for i in evidence if str(i).isdigit()]
    if ids:
        audited_update(Initiative.objects.filter(pk__in=ids, used_for__isnull=True), used_for=award)


def _salary_for(items, day):
    """The base salary row the decision's money is computed on; refuses while the amount in
    force on ``day`` is not entered and confirmed (a decision without money never waits)."""
    if not any(multiplier_for(row.nomination.award_type, row.nomination.subject_kind) is not None
               for row in items):
        return None
    reason = base_salary.hold_reason(day)
    if reason:
        raise WorkflowError(reason)
    return base_salary.salary_for(day)


@transaction.atomic
def issue_decision(user, decision, day=None):
    """DRAFT → ISSUED: take the next number of the issuer's year, create one Award per item with
    its golden-book number and money (multiplier × base salary on the decision date, rounded up
    to 10,000 đồng), mark the initiatives used. Side effects: Award rows through
    ``awards.services.grant_awards`` (with its follow-ups: summaries, honour roll), counters,
    item outcomes, batch → DECIDED with a Transition row; the proposer notified."""
    decision = _draft(user, decision)
    items = list(decision.items.select_related("nomination__award_type", "nomination__batch"))
    if not items:
        raise WorkflowError(_("Quyết định phải có ít nhất một cá nhân hoặc tập thể được khen "
                              "thưởng."))
    day = day or timezone.localdate()
    salary = _salary_for(items, day)
    decision.year, decision.date, decision.signer = day.year, day, user
    decision.number = next_number(decision.issuer, day.year)
    decision.state = DecisionState.ISSUED
    decision.save()
    issuer = issuer_for_unit(decision.issuer)
    awards = []
    for row in items:
        item = row.nomination
        row.money_amount = award_amount(multiplier_for(item.award_type, item.subject_kind),
                                        salary.amount if salary else 0)
        row.register_number = (f"{next_number(decision.issuer, day.year, Counter.REGISTER)}"
                               f"/{day.year}")
        awards.append(Award(
            person=item.person, organization=item.organization, year=item.batch.year,
            award_type=item.award_type, decision_number=decision.reference, decision_date=day,
            issuer_name=decision.issuer.name, issuer=issuer, register_number=row.register_number,
            source=AwardSource.DECISION, decision=decision, money_amount=row.money_amount))
    for row, award in zip(items, grant_awards(user, awards)):
        row.award = award
        row.save(update_fields=["award", "money_amount", "register_number"])
        _use_initiatives(row.nomination, award)
    audited_update(Nomination.objects.filter(pk__in=[r.nomination_id for r in items]),
                   outcome=ItemOutcome.AWARDED)
    batch = locked(decision.batch)
    if batch.state != State.DECIDED:
        move(user, batch, {State.AT_COUNCIL, State.FORWARDED}, State.DECIDED,
             note=decision.reference)
    else:
        steps.record(batch, batch.state, user, note=decision.reference)
    tell(batch.proposer, PROPOSERS, _("Đã ban hành quyết định khen thưởng %(ref)s"), batch,
         title_params={"ref": decision.reference})
    return decision


def _copy_attachments(batch, new_batch, pairs):
    record_created(Attachment.objects.bulk_create([
        Attachment(batch=new_batch, item=pairs.get(a.item_id), kind=a.kind, file=a.file.name,
                   original_name=a.original_name, content_type=a.content_type, size=a.size,
                   uploaded_by=a.uploaded_by)
        for a in batch.attachments.all() if a.item_id is None or a.item_id in pairs]))


@transaction.atomic
def forward_to(user, batch, items, parent=None, external_authority="", external_reference=""):
    """Send ``items`` upward (AT_COUNCIL/DECIDED → FORWARDED). To ``parent`` in the system: a new
    SUBMITTED batch there, linked to this one, with the items and their files. Outside the
    system: the authority's name and our reference are recorded. Side effects: Transition rows,
    the new batch, item outcomes; the receiving level notified."""
    batch = locked(batch)
    enforce(guards.forward(user, batch))
    items = list(items)
    allowed = {item.pk for item in forwardable_items(batch)}
    if not items or any(item.pk not in allowed for item in items):
        raise WorkflowError(_("Chỉ trình cấp trên những hồ sơ Hội đồng đã thông qua và vượt thẩm "
                              "quyền của cấp này."))
    if (parent is None) == (not external_authority.strip()):
        raise WorkflowError(_("Chọn một cấp trên trong hệ thống hoặc ghi tên cơ quan ngoài hệ "
                              "thống."))
    if parent is not None and not (batch.authority.is_within(parent)
                                   and parent.pk != batch.authority_id):
        raise WorkflowError(_("Chỉ trình lên cấp trên của %(unit)s.") % {"unit": batch.authority})
    move(user, batch, guards.FORWARDING, State.FORWARDED,
         note=str(parent or external_authority))
    audited_update(Nomination.objects.filter(pk__in=allowed & {i.pk for i in items}),
                   outcome=ItemOutcome.FORWARDED)
    if parent is None:
        batch.external_authority, batch.external_reference = external_authority, external_reference
        batch.save(update_fields=["external_authority", "external_reference"])
        return None
    new_batch = NominationBatch.objects.create(
        proposer=batch.authority, authority=parent, title=batch.title, basis=batch.basis,
        movement=batch.movement, movement_name=batch.movement_name, year=batch.year,
        procedure=batch.procedure, simplified_reason=batch.simplified_reason, origin=batch, created_by=user,
        state=State.SUBMITTED,
        due_on=working_days_from_today(settings.THIDUA_INTAKE_WORKING_DAYS))
    steps.record(new_batch, State.SUBMITTED, user, from_state="",
                 note=_("Chuyển từ %(unit)s") % {"unit": batch.authority})
    pairs = {}
    for item in items:
        copy = Nomination.objects.create(
            batch=new_batch, subject_kind=item.subject_kind, person=item.person,
            organization=item.organization, household_name=item.household_name,
            award_type=item.award_type, achievement=item.achievement,
            engine_verdict=item.engine_verdict)
        audited_update(Nomination.objects.filter(pk=item.pk), forwarded_as=copy)
        pairs[item.pk] = copy
    _copy_attachments(batch, new_batch, pairs)
    tell(parent, INTAKE, _("Tờ trình mới chờ tiếp nhận"), new_batch)
    return new_batch


@transaction.atomic
def record_external_outcome(user, batch, outcome):
    """Record what an outside authority (Prime Minister, President) answered."""
    batch = locked(batch)
    enforce(guards.record_external_outcome(user, batch))
    if not batch.external_authority:
        raise WorkflowError(_("Tờ trình này không trình cơ quan ngoài hệ thống."))
    batch.external_outcome = outcome
    batch.save(update_fields=["external_outcome"])
    steps.record(batch, batch.state, user, note=outcome)
    return batch
