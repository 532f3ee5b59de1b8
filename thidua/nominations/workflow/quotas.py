"""The proposer's quotas, checked over its whole list of the year: every nominee of its batches
for that year that is still alive (not withdrawn or rejected), so splitting a list over several
batches does not escape a quota."""
from collections import defaultdict

from django.db.models import Q

from thidua.awards import histories
from thidua.awards.eligibility.ruleset import COLLECTIVE, INDIVIDUAL
from thidua.awards.quotas import quota_results, subject_key

from ..models import Nomination
from ..states import State, SubjectKind

DEAD_STATES = (State.WITHDRAWN, State.REJECTED)


def proposer_list(proposer, year):
    """{kind: {type code: subject keys}} of ``proposer``'s live nominees for ``year``."""
    lists = {INDIVIDUAL: defaultdict(set), COLLECTIVE: defaultdict(set)}
    rows = Nomination.objects.in_scope(Q(batch__proposer=proposer)).filter(
        batch__year=year).exclude(
        batch__state__in=DEAD_STATES).exclude(subject_kind=SubjectKind.HOUSEHOLD).values_list(
        "person_id", "organization_id", "award_type__code")
    for person_id, organization_id, code in rows:
        kind = INDIVIDUAL if person_id else COLLECTIVE
        lists[kind][code].add(subject_key(person_id, organization_id))
    return lists


def batch_quotas(batch):
    """The proposer's quotas for the batch's year, checked over its whole list."""
    as_of = histories.default_as_of(batch.year)
    return quota_results(batch.proposer, batch.year, as_of, proposer_list(batch.proposer,
                                                                          batch.year))
