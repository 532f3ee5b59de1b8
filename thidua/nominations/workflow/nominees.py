"""Adding nominees to a draft tờ trình, one or a whole list (an Excel import, a Word annex).

``add_nominations`` is the one path: every nominee gets the checks a proposer adding it by hand
gets (scope, subject kind, award type, authority, holds, not twice in the batch), the engine's
verdict from histories built for the whole list at once, and its audit entry; the rows are
written with multi-row inserts, all or nothing. ``add_nomination`` is the same for one nominee."""
from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from thidua.audit.recording import record_created
from thidua.core.scopes import system
from thidua.awards import histories
from thidua.awards.eligibility import EligibilityInputError
from thidua.awards.issuing import IN_SYSTEM_KINDS, may_confer, power_table, unit_issuer_kinds
from thidua.awards.models import AwardType
from thidua.organizations.models import Employment, Organization, Person
from thidua.organizations.scoping import current_employment_q

from ..models import Nomination
from ..states import SubjectKind
from .common import WorkflowError, locked
from .dossier import current_holds, editable

CHUNK = 2000  # ids per query, well under SQLite's limit on parameters


@dataclass(frozen=True)
class Nominee:
    """One nominee of a list: a person (individual or household head) or a unit, one type."""

    subject_kind: str
    award_type: AwardType
    person: Person | None = None
    organization: Organization | None = None
    achievement: str = ""
    household_name: str = ""

    @property
    def key(self):
        return (self.person and self.person.pk, self.organization and self.organization.pk,
                self.award_type.pk)


class NominationsRefused(WorkflowError):
    """Nominees of a list that failed a check; ``refusals`` is [(index in the list, WorkflowError)]
    and the messages are theirs, in list order. Nothing of the list was written."""

    def __init__(self, refusals):
        super().__init__([message for _index, error in refusals for message in error.messages])
        self.refusals = refusals


def _ids(values):
    values = sorted(values)
    for start in range(0, len(values), CHUNK):
        yield values[start:start + CHUNK]


class NomineeChecks:
    """Every rule a nominee must meet, for a whole list: whether its subjects are in the proposer's scope and
    whether they are on hold is read in a few queries for all of them (``people`` and ``units``,
    ids); a subject not among them is read when it is checked."""

    def __init__(self, batch, people=(), units=(), day=None):
        self.batch, self.day = batch, day or timezone.localdate()
        self.people, self.units = set(), set()  # the ids read
        self.people_in_scope, self.units_in_scope, self.held = set(), set(), set()
        self.powers = power_table()
        self.read(people, units)

    @system("the rules read every nominee's employments and holds, whoever checks them")
    def read(self, people=(), units=()):
        people, units = set(people) - self.people, set(units) - self.units
        self.people |= people
        self.units |= units
        path = self.batch.proposer.path
        for ids in _ids(people):
            self.people_in_scope.update(Employment.objects.filter(
                current_employment_q(), person_id__in=ids,
                organization__path__startswith=path).values_list("person_id", flat=True))
        for ids in _ids(units):
            self.units_in_scope.update(Organization.objects.subtree(
                self.batch.proposer, include_self=True).filter(pk__in=ids).values_list(
                "pk", flat=True))
        for field, every in (("person_id", people), ("organization_id", units)):
            for ids in _ids(every):
                self.held.update(current_holds(self.day).filter(**{f"{field}__in": ids})
                                 .values_list("person_id", "organization_id"))

    def check(self, subject_kind, person, organization, award_type):
        """Every rule a nominee must meet; raises WorkflowError naming the first one broken."""
        batch = self.batch
        if subject_kind == SubjectKind.COLLECTIVE:
            if organization is None or person is not None:
                raise WorkflowError(_("Đề nghị cho tập thể phải chọn một đơn vị."))
            self.read(units=[organization.pk])
            in_scope = organization.pk in self.units_in_scope
        else:
            if person is None or organization is not None:
                raise WorkflowError(_("Đề nghị cho cá nhân hoặc hộ gia đình phải chọn một người."))
            self.read(people=[person.pk])
            in_scope = person.pk in self.people_in_scope
        name = organization or person
        if not in_scope:
            raise WorkflowError(_("%(name)s không thuộc %(unit)s hoặc đơn vị cấp dưới, nên không "
                                  "thể được đơn vị này đề nghị.") % {"name": name,
                                                                      "unit": batch.proposer})
        if not award_type.allows_subject(subject_kind):
            raise WorkflowError(_("“%(type)s” không xét tặng cho đối tượng %(kind)s.") % {
                "type": award_type.label, "kind": SubjectKind(subject_kind).label.lower()})
        if not award_type.in_force(timezone.localdate()) or not award_type.is_active:
            raise WorkflowError(_("“%(type)s” không còn áp dụng.") % {"type": award_type.label})
        authority, code = batch.authority, award_type.code
        can_forward = (authority.pk != batch.proposer_id
                       or not any(may_confer(self.powers, kind, code, self.day)
                                  for kind in IN_SYSTEM_KINDS))
        if not can_forward and not any(may_confer(self.powers, kind, code, self.day)
                                       for kind in unit_issuer_kinds(authority)):
            raise WorkflowError(_("%(unit)s không có thẩm quyền tặng “%(type)s”; hãy gửi tờ trình "
                                  "lên cấp có thẩm quyền.") % {"unit": authority,
                                                               "type": award_type.label})
        if (person and person.pk, organization and organization.pk) in self.held:
            raise WorkflowError(_("%(name)s đang trong thời gian tạm dừng xét khen thưởng.") % {
                "name": name})


def _judge(as_of, year, code, subjects):
    """{subject id: the engine's result} for type ``code``; a subject whose history the engine
    refuses gets none (as if judged alone), the others still get theirs."""
    try:
        results = histories.judge({"as_of": as_of.isoformat(), "year": year, "types": [code],
                            "subjects": subjects})["results"]
    except EligibilityInputError:
        if len(subjects) == 1:
            return {}
        return {key: value for subject in subjects
                for key, value in _judge(as_of, year, code, [subject]).items()}
    return {result["subject"]: result for result in results}


# The parts of a verdict that are sentences; the record keeps them in every language of the site.
VERDICT_WORDING = ("reasons", "missing", "manual_checks", "rule")


def engine_verdicts(batch, items):
    """The engine's verdict for each of ``items`` (None for types it does not judge), from the
    histories of all their subjects built at once. The verdict is what the engine said in the
    site's language; its wording in each other language rides along under ``wording`` so an
    English page shows English sentences (the record is frozen at the time of the check, so it
    cannot be re-worded later)."""
    year = batch.year
    as_of = histories.default_as_of(year)
    people = {item.person_id for item in items if not item.organization_id}
    units = {item.organization_id for item in items if item.organization_id}
    subjects = {subject["id"]: subject for subject in
                histories.person_subjects(sorted(people), year, as_of)
                + histories.unit_subjects(sorted(units), year, as_of)}

    def subject_id(item):
        return f"o{item.organization_id}" if item.organization_id else f"p{item.person_id}"

    by_type = defaultdict(dict)
    for item in items:
        by_type[item.award_type.code][subject_id(item)] = subjects[subject_id(item)]

    def worded_in(language):
        with translation.override(language):
            verdicts = {code: _judge(as_of, year, code, list(chosen.values()))
                        for code, chosen in by_type.items()}
        return [verdicts[item.award_type.code].get(subject_id(item)) for item in items]

    results = worded_in(settings.LANGUAGE_CODE)
    others = {language: worded_in(language) for language, _name in settings.LANGUAGES
              if language != settings.LANGUAGE_CODE}
    for index, verdict in enumerate(results):
        if verdict:
            verdict["wording"] = {
                language: {key: verdicts[index][key] for key in VERDICT_WORDING}
                for language, verdicts in others.items()}
    return results


@transaction.atomic
def add_nominations(user, batch, nominees):
    """Add ``nominees`` (a list of Nominee) to a draft batch, all or none: each after the same
    checks as one added by hand, none twice, each with the engine's verdict beside it. Raises
    NominationsRefused listing every refused nominee. Side effects: the Nomination rows and their
    audit entries. Returns the rows, in list order."""
    batch = locked(batch)
    editable(user, batch)
    checks = NomineeChecks(batch, people={n.person.pk for n in nominees if n.person},
                           units={n.organization.pk for n in nominees if n.organization})
    taken = set(batch.items.values_list("person_id", "organization_id", "award_type_id"))
    items, refusals = [], []
    for index, nominee in enumerate(nominees):
        try:
            checks.check(nominee.subject_kind, nominee.person, nominee.organization,
                         nominee.award_type)
            if nominee.key in taken:
                raise WorkflowError(_("%(name)s đã có trong tờ trình với “%(type)s”.") % {
                    "name": nominee.person or nominee.organization,
                    "type": nominee.award_type.label})
        except WorkflowError as error:
            refusals.append((index, error))
            continue
        taken.add(nominee.key)
        items.append(Nomination(
            batch=batch, subject_kind=nominee.subject_kind, person=nominee.person,
            organization=nominee.organization, award_type=nominee.award_type,
            achievement=nominee.achievement, household_name=nominee.household_name))
    if refusals:
        raise NominationsRefused(refusals)
    for item, verdict in zip(items, engine_verdicts(batch, items), strict=True):
        item.engine_verdict = verdict
    items = Nomination.objects.bulk_create(items, batch_size=500)
    record_created(items)
    return items


def add_nomination(user, batch, subject_kind, award_type, person=None, organization=None,
                   achievement="", household_name=""):
    """Add one nominee to a draft batch (``add_nominations`` of one); returns its row."""
    try:
        return add_nominations(user, batch, [Nominee(
            subject_kind, award_type, person, organization, achievement, household_name)])[0]
    except NominationsRefused as refused:
        raise refused.refusals[0][1] from None
