"""State changes on the registry. Each function checks permission, writes in one transaction and
leaves a history row carrying the acting user."""
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history

from thidua.audit.recording import record_created
from thidua.organizations.scoping import current_employment_q

from .models import AnnualRating, Award, Discipline, Hold


def _require(user, perm, obj):
    if not user.has_perm(perm, obj):
        raise PermissionDenied(_("Bạn không có quyền thực hiện thao tác này."))


def _keeper_check(user, instance):
    """Registry rows about a person need the keeper role for that person, about a unit for it."""
    if instance.person_id:
        _require(user, "awards.keep_registry_for_person", instance.person)
    else:
        _require(user, "awards.keep_registry_of", instance.organization)


def _save(user, instance):
    instance._history_user = user
    instance.full_clean()
    instance.save()
    return instance


@transaction.atomic
def record_award(user, award):
    """Enter an award into the registry (e.g. a past decision, so streaks can be counted)."""
    _keeper_check(user, award)
    return _save(user, award)


@transaction.atomic
def record_awards(user, awards, batch_size=1000):
    """Enter many awards at once (a list imported from old decisions): the same permission and
    field checks as ``record_award`` for each, then multi-row inserts with their history rows
    and audit entries.
    The recipients and award types must be instances read from the database, so their keys are
    not looked up again."""
    for award in awards:
        _keeper_check(user, award)
        award.full_clean(exclude=["person", "organization", "award_type", "decision"],
                         validate_constraints=False)  # the one-recipient rule is in clean()
    created = bulk_create_with_history(awards, Award, batch_size=batch_size, default_user=user)
    record_created(created)
    return created


@transaction.atomic
def set_ratings(user, unit, year, ratings, source=""):
    """Set each person's rating for ``year``: ``ratings`` maps Person → rating code or "" to
    clear it. Every person must currently work at ``unit``. Returns how many rows changed."""
    _require(user, "awards.rate_people_of", unit)
    allowed = set(unit.employments.filter(current_employment_q()).values_list("person_id", flat=True))
    changed = 0
    for person, rating in ratings.items():
        if person.pk not in allowed:
            raise PermissionDenied(_("%(name)s không thuộc đơn vị này.") % {"name": person})
        existing = AnnualRating.objects.filter(person=person, year=year).first()
        if not rating:
            if existing:
                existing._history_user = user
                existing.delete()
                changed += 1
            continue
        if existing and existing.rating == rating:
            continue
        row = existing or AnnualRating(person=person, year=year)
        row.rating, row.source = rating, source or row.source
        _save(user, row)
        changed += 1
    return changed


@transaction.atomic
def set_rating(user, year, rating, source="", person=None, organization=None):
    """Set one person's or one collective's rating for ``year`` from its record page."""
    row = AnnualRating.objects.filter(person=person, organization=organization, year=year).first()
    row = row or AnnualRating(person=person, organization=organization, year=year)
    _keeper_check(user, row)
    row.rating, row.source = rating, source
    return _save(user, row)


@transaction.atomic
def add_discipline(user, discipline):
    _require(user, "awards.keep_registry_for_person", discipline.person)
    return _save(user, discipline)


@transaction.atomic
def add_hold(user, hold):
    _keeper_check(user, hold)
    return _save(user, hold)


@transaction.atomic
def end_hold(user, hold, end_date):
    _keeper_check(user, hold)
    hold.end_date = end_date
    return _save(user, hold)


@transaction.atomic
def revoke_award(user, award, ground, revoking_decision, decided_on, artefacts_recovered=False,
                 recovered_amount=0, note=""):
    """Cancel ``award`` on one of the four grounds of Law Art. 93, by the authority that awarded.
    Side effects: a Revocation row (revoking decision, recovery), the award REVOKED with a
    history row carrying ``user``."""
    from django.core.exceptions import ValidationError

    from .models import AwardStatus, Revocation, RevocationGround

    _require(user, "awards.revoke_award", award)
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
    return _save(user, award)
