"""Draft batches handed over from elsewhere: a review's proposals, or a selection made in the
"who qualifies" report. Both go through ``create_batch`` and ``add_nomination``, so every scope,
authority and hold check applies; a nominee that fails one is reported, not silently dropped."""
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.audit.recording import audited_update
from thidua.movements.models import Review

from ..states import SubjectKind
from .common import WorkflowError
from .dossier import create_batch
from .nominees import add_nomination


def _add_all(user, batch, nominees):
    """Add (person, organization, award type, note) tuples; returns [(nominee, error message)]."""
    refused = []
    for person, organization, award_type, note in nominees:
        kind = SubjectKind.COLLECTIVE if organization else SubjectKind.INDIVIDUAL
        try:
            with transaction.atomic():
                add_nomination(user, batch, kind, award_type, person=person,
                               organization=organization, achievement=note)
        except WorkflowError as error:
            refused.append((person or organization, str(error)))
    return refused


@transaction.atomic
def batch_from_review(user, review: Review):
    """A draft tờ trình of the reviewing level with every proposal not yet handed over; marks
    them handed over. Returns (batch, refused)."""
    proposals = list(review.proposals.filter(handed_over_at__isnull=True).select_related(
        "person", "organization", "award_type"))
    if not proposals:
        raise WorkflowError(_("Không còn đề nghị nào chưa chuyển thành hồ sơ."))
    level = review.organization
    batch = create_batch(user, level, level, year=review.held_on.year,
                         title=_("Đề nghị khen thưởng qua %(review)s") % {"review": review},
                         basis="MOVEMENT", movement=review.movement)
    refused = _add_all(user, batch, [(p.person, p.organization, p.award_type, p.note)
                                     for p in proposals])
    audited_update(review.proposals.filter(pk__in=[p.pk for p in proposals]),
                   handed_over_at=timezone.now())
    return batch, refused


@transaction.atomic
def batch_from_selection(user, unit, year, nominees):
    """A draft tờ trình of ``unit`` for ``year`` with the (person, organization, award type)
    picked in the "who qualifies" report. Returns (batch, refused)."""
    if not nominees:
        raise WorkflowError(_("Hãy chọn ít nhất một đối tượng."))
    batch = create_batch(user, unit, unit, year=year,
                         title=_("Đề nghị khen thưởng năm %(year)s") % {"year": year})
    refused = _add_all(user, batch, [(p, o, t, "") for p, o, t in nominees])
    return batch, refused
