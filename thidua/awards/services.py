"""State changes on the registry. Each function checks permission, writes in one transaction and
leaves a history row carrying the acting user; every function that writes awards ends by calling
``followups.awards_written`` (summaries, honour roll, stored verdicts), every other change to a
person's history ``verdicts.people_changed``."""
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history

from thidua.accounts.directory import users_with_roles
from thidua.audit.recording import record_created
from thidua.core.notifications import notify
from thidua.core.permissions import require
from thidua.organizations.models import Employment
from thidua.organizations.services import refuse_if_closed
from thidua.organizations.scoping import PEOPLE_EDITORS, current_employment_q

from . import followups, issuing, verdicts
from .models import AnnualRating, Award, AwardStatus, Revocation, RevocationGround


def _keeper_check(user, instance):
    """Registry rows about a person need the keeper role for that person, about a unit for it."""
    if instance.person_id:
        require(user, "awards.keep_registry_for_person", instance.person)
    else:
        require(user, "awards.keep_registry_of", instance.organization)


def _save(user, instance):
    instance._history_user = user
    instance.full_clean()
    instance.save()
    return instance


def _link_issuers(awards, kind=""):
    """Give each award without an identified issuer the one its written name designates, when
    that can be told (``issuing.issuer_named``, with the issuer ``kind`` an officer chose); one
    look-up per distinct name."""
    found = {}
    for award in awards:
        if award.issuer_id is None and award.issuer_name.strip():
            name = award.issuer_name.strip()
            if name not in found:
                found[name] = issuing.issuer_named(name, kind)
            award.issuer = found[name]
        elif award.issuer_id and not award.issuer_name:
            award.issuer_name = award.issuer.name


@transaction.atomic
def record_award(user, award, issuer_kind=""):
    """Enter an award into the registry (e.g. a past decision, so streaks can be counted).
    Side effects: the award linked to its issuer when the name (or ``issuer_kind``) says which
    (see ``_link_issuers``), its history row."""
    _keeper_check(user, award)
    _link_issuers([award], issuer_kind)
    _save(user, award)
    followups.awards_written([award])
    return award


def _insert(user, awards, batch_size):
    """Multi-row inserts of ``awards`` (validated) with their history rows and audit entries,
    then the follow-ups."""
    created = bulk_create_with_history(awards, Award, batch_size=batch_size, default_user=user)
    record_created(created)
    followups.awards_written(created)
    return created


@transaction.atomic
def import_awards(user, awards, batch_size=1000):
    """Enter many awards at once (a list imported from old decisions): the same permission and
    field checks as ``record_award`` for each, then ``_insert``: on the honour roll and counted
    in the summaries when the import commits.
    The recipients and award types must be instances read from the database, so their keys are
    not looked up again."""
    for award in awards:
        _keeper_check(user, award)
    _link_issuers(awards)
    for award in awards:
        award.full_clean(exclude=["person", "organization", "award_type", "decision", "issuer"],
                         validate_constraints=False)  # the one-recipient rule is in clean()
    return _insert(user, awards, batch_size)


def grant_awards(user, awards, batch_size=1000):
    """The awards of a decision being issued (``nominations.workflow.decisions.issue_decision``,
    which checked the signer's permission and built each award from an appraised item), entered
    with ``_insert``. Call it inside that transaction."""
    return _insert(user, awards, batch_size)


@transaction.atomic
def set_ratings(user, unit, year, ratings, source=""):
    """Set each person's rating for ``year``: ``ratings`` maps Person → rating code or "" to
    clear it. Every person must currently work at ``unit``. Returns how many rows changed."""
    refuse_if_closed(unit)
    require(user, "awards.rate_people_of", unit)
    allowed = set(unit.employments.filter(current_employment_q()).values_list("person_id", flat=True))
    changed = []
    for person, rating in ratings.items():
        if person.pk not in allowed:
            raise PermissionDenied(_("%(name)s không thuộc đơn vị này.") % {"name": person})
        existing = AnnualRating.objects.in_scope(Q(person=person)).filter(year=year).first()
        if not rating:
            if existing:
                existing._history_user = user
                existing.delete()
                changed.append(person.pk)
            continue
        if existing and existing.rating == rating:
            continue
        row = existing or AnnualRating(person=person, year=year)
        row.rating, row.source = rating, source or row.source
        _save(user, row)
        changed.append(person.pk)
    verdicts.people_changed(changed)
    return len(changed)


@transaction.atomic
def set_rating(user, year, rating, source="", person=None, organization=None):
    """Set one person's or one collective's rating for ``year`` from its record page."""
    row = AnnualRating.objects.in_scope(Q(person=person, organization=organization)).filter(
        year=year).first()
    row = row or AnnualRating(person=person, organization=organization, year=year)
    _keeper_check(user, row)
    row.rating, row.source = rating, source
    _save(user, row)
    verdicts.people_changed([row.person_id])
    return row


@transaction.atomic
def add_discipline(user, discipline):
    require(user, "awards.keep_registry_for_person", discipline.person)
    _save(user, discipline)
    verdicts.people_changed([discipline.person_id])
    return discipline


@transaction.atomic
def add_hold(user, hold):
    _keeper_check(user, hold)
    _save(user, hold)
    verdicts.people_changed([hold.person_id])
    return hold


@transaction.atomic
def end_hold(user, hold, end_date):
    _keeper_check(user, hold)
    hold.end_date = end_date
    _save(user, hold)
    verdicts.people_changed([hold.person_id])
    return hold


def _holder_units(award):
    """The units an award's holder belongs to: the collective, or the person's current units."""
    if award.organization_id:
        return [award.organization]
    return [employment.organization for employment in Employment.objects.filter(
        current_employment_q(), person_id=award.person_id).select_related("organization")]


def _tell_holder(award, title, title_params):
    """Inbox (and email after commit) for whoever keeps the people of the holder's units."""
    recipients = [user for unit in _holder_units(award)
                  for user in users_with_roles(unit, PEOPLE_EDITORS)]
    url = (reverse("awards:unit_record", args=[award.organization_id]) if award.organization_id
           else reverse("awards:person_record", args=[award.person_id]))
    return notify(recipients, title, award.revocation_reason, url, title_params=title_params)


@transaction.atomic
def revoke_award(user, award, ground, revoking_decision, decided_on, artefacts_recovered=False,
                 recovered_amount=0, note=""):
    """Cancel ``award`` on one of the four grounds of Law Art. 93, by the authority that awarded.
    Side effects: a Revocation row (revoking decision, recovery), the award REVOKED with a
    history row carrying ``user``, the follow-ups (off the honour roll, its year's summaries
    rebuilt), the holder's unit notified."""
    require(user, "awards.revoke_award", award)
    award = Award.objects.select_for_update().get(pk=award.pk)
    if award.status == AwardStatus.REVOKED:
        raise ValidationError(_("Khen thưởng này đã bị thu hồi."))
    if ground not in RevocationGround.values:
        raise ValidationError(_("Chọn một trong bốn căn cứ thu hồi theo Điều 93 Luật Thi đua, "
                                "khen thưởng."))
    if not (revoking_decision or "").strip():
        raise ValidationError(_("Cần ghi số quyết định hủy bỏ."))
    Revocation.objects.create(award=award, ground=ground, revoking_decision=revoking_decision,
                              decided_on=decided_on, artefacts_recovered=artefacts_recovered,
                              recovered_amount=recovered_amount or 0, note=note, recorded_by=user)
    award.status, award.revoked_on = AwardStatus.REVOKED, decided_on
    award.revocation_reason = f"{RevocationGround(ground).label} — {revoking_decision}"
    _save(user, award)
    followups.awards_written([award])
    _tell_holder(award, _("Khen thưởng “%(award)s” đã bị thu hồi"), {"award": award})
    return award
