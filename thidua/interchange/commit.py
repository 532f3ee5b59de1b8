"""Turning a reviewed Intake into a draft nomination batch, all or nothing.

The nominees go through one ``workflow.add_nominations`` (scope, award type, authority and hold
checks, the engine's verdicts); people the system does not know yet are created through
``organizations.services``; past awards the officer confirmed go through ``awards.services.record_award``. Any refusal rolls
the whole transaction back and every refusal is reported at once."""
from dataclasses import dataclass, field
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils.translation import gettext as _

from thidua.awards import services as award_services
from thidua.awards.models import Award, AwardSource
from thidua.core.permissions import require
from thidua.core.scopes import ROW_LOCK
from thidua.core.text import normalize
from thidua.nominations import workflow
from thidua.nominations.states import AttachmentKind, SubjectKind
from thidua.organizations import services as network_services
from thidua.organizations.models import (
    Employment,
    EmploymentCategory,
    Organization,
    OrganizationKind,
    Person,
)

from .catalogue import Catalogue
from .intake import IntakeRejected
from .matching import AMBIGUOUS, MATCHED, NEW
from .models import FileRole, Intake, Status

NEW_CHOICE, SKIP_CHOICE = "new", "skip"
ATTACHMENT_KINDS = {FileRole.LETTER: AttachmentKind.SUBMISSION_LETTER,
                    FileRole.REPORT: AttachmentKind.ACHIEVEMENT_REPORT,
                    FileRole.MINUTES: AttachmentKind.MINUTES,
                    FileRole.BALLOT_RESULT: AttachmentKind.BALLOT_RESULT,
                    FileRole.ANNEX: AttachmentKind.OTHER, FileRole.OTHER: AttachmentKind.OTHER}
MEMBER_KINDS = {OrganizationKind.COOPERATIVE, OrganizationKind.COOPERATIVE_GROUP,
                OrganizationKind.COOPERATIVE_UNION, OrganizationKind.CREDIT_FUND}


@dataclass
class Review:
    """What the officer settled on the review screen. ``rows`` maps a row index to
    {"choice": person/unit id, "new" or "skip"; "award": code; "gender": MALE/FEMALE}."""

    authority: Organization
    title: str
    year: int
    reference: str = ""
    rows: dict = field(default_factory=dict)
    past_awards: set = field(default_factory=set)
    submit: bool = False


def default_choice(row):
    match = row["match"]
    if match["status"] == MATCHED:
        return str(match["id"])
    return NEW_CHOICE if match["status"] == NEW else ""


def guessed_gender(row):
    """The gender written, else the usual reading of a “Thị” middle name."""
    if row.get("gender"):
        return row["gender"]
    return "FEMALE" if " thi " in f" {normalize(row['person_name'])} " else "MALE"


def _plan(intake, review, catalogue):
    """[(row index, row, award type, choice)] or IntakeRejected naming every unsettled row."""
    plan, errors = [], []
    for index, row in enumerate(intake.rows):
        settled = review.rows.get(index, {})
        choice = str(settled.get("choice") or default_choice(row))
        if choice == SKIP_CHOICE:
            continue
        where = f"{row['source']} — {row['name']}"
        award_type = catalogue.get(settled.get("award") or row["award"])
        if award_type is None:
            errors.append(_("%(where)s: chưa chọn danh hiệu, hình thức.") % {"where": where})
        match = row["match"]
        allowed = {str(match["id"])} if match["status"] == MATCHED else {
            str(c["id"]) for c in match["choices"]}
        if match["status"] in {AMBIGUOUS, NEW} and match["unit_id"] and \
                row["kind"] != SubjectKind.COLLECTIVE:
            allowed.add(NEW_CHOICE)
        if choice not in allowed:
            errors.append(_("%(where)s: hãy chọn người hoặc tập thể tương ứng (hoặc bỏ qua dòng "
                            "này).") % {"where": where})
        plan.append((index, row, award_type, choice))
    if not plan and not errors:
        errors.append(_("Không còn dòng nào để tạo tờ trình."))
    if errors:
        raise IntakeRejected(errors)
    return plan


def _new_person(user, row, gender):
    words = row["person_name"].split()
    if len(words) < 2:
        raise workflow.WorkflowError(_("Họ tên “%(name)s” cần có cả họ và tên.") % {
            "name": row["person_name"]})
    birth = date.fromisoformat(row["birth"]) if len(row["birth"]) == 10 else None
    unit = Organization.objects.get(pk=row["match"]["unit_id"])
    person = Person(family_name=words[0], middle_name=" ".join(words[1:-1]), given_name=words[-1],
                    gender=gender, birth_date=birth)
    category = EmploymentCategory.MEMBER if unit.kind in MEMBER_KINDS else EmploymentCategory.STAFF
    return network_services.create_person(user, person, Employment(
        organization=unit, position=row["position"][:128], category=category),
        twin=network_services.KEEP)  # the same name and birth date at that unit: that person


def _subjects(plan):
    """({person id: Person}, {unit id: Organization}) chosen in ``plan``, read in two queries."""
    chosen = {kind: {int(choice) for _i, row, _t, choice in plan if choice != NEW_CHOICE and
                     (row["kind"] == SubjectKind.COLLECTIVE) == kind} for kind in (False, True)}
    people = Person.objects.unscoped("ids checked against the intake's scoped matches (plan)")
    return people.in_bulk(chosen[False]), Organization.objects.in_bulk(chosen[True])


def _nominee(user, row, award_type, choice, gender, subjects):
    kind = row["kind"]
    people, units = subjects
    if kind == SubjectKind.COLLECTIVE:
        return workflow.Nominee(kind, award_type, organization=units[int(choice)],
                                achievement=row["achievement"])
    person = _new_person(user, row, gender) if choice == NEW_CHOICE else people[int(choice)]
    return workflow.Nominee(kind, award_type, person=person, achievement=row["achievement"],
                            household_name=row["name"] if kind == SubjectKind.HOUSEHOLD else "")


def _add_all(user, batch, intake, review, plan):
    """{row index: Nomination} for ``plan``, new people created on the way; or IntakeRejected
    naming every refused row, in row order."""
    subjects, errors, listed = _subjects(plan), [], []
    for index, row, award_type, choice in plan:
        gender = review.rows.get(index, {}).get("gender") or guessed_gender(row)
        try:
            with transaction.atomic():
                listed.append((index, _nominee(user, row, award_type, choice, gender, subjects)))
        except (workflow.WorkflowError, ValidationError, PermissionDenied) as refused:
            errors += [(index, m) for m in _messages(refused)]
    try:
        items = workflow.add_nominations(user, batch, [nominee for _index, nominee in listed])
    except workflow.NominationsRefused as refused:
        errors += [(listed[position][0], m) for position, error in refused.refusals
                   for m in _messages(error)]
    except (ValidationError, PermissionDenied) as refused:
        errors += [(-1, m) for m in _messages(refused)]
    if errors:
        where = {index: f"{row['source']} — {row['name']}: " for index, row in enumerate(intake.rows)}
        raise IntakeRejected([where.get(index, "") + m
                              for index, m in sorted(errors, key=lambda error: error[0])])
    return {index: item for (index, _nominee), item in zip(listed, items, strict=True)}


def _messages(error):
    return getattr(error, "messages", None) or [str(error) or _("Không có quyền.")]


@transaction.atomic
def commit_intake(user, intake, review):
    """OPEN intake → a DRAFT batch of its proposer (SUBMITTED too when ``review.submit``).
    Side effects: the batch, its nominees, new Person/Employment rows, attachments from the
    intake's files, the confirmed past awards; the intake marked COMMITTED."""
    intake = Intake.objects.unscoped(ROW_LOCK).select_for_update().get(pk=intake.pk)
    if intake.status != Status.OPEN:
        raise IntakeRejected([_("Hồ sơ tiếp nhận này đã được xử lý.")])
    require(user, "nominations.propose_for", intake.proposer)
    catalogue = Catalogue()
    plan = _plan(intake, review, catalogue)
    batch = workflow.create_batch(user, intake.proposer, review.authority, title=review.title,
                                  reference=review.reference, year=review.year)
    items = _add_all(user, batch, intake, review, plan)
    people, errors = {index: item.person for index, item in items.items()}, []
    for stored in intake.files.exclude(role=FileRole.PACKAGE):
        item = items.get(stored.row)
        kind = ATTACHMENT_KINDS[stored.role]
        if kind == AttachmentKind.ACHIEVEMENT_REPORT and item is None:
            kind = AttachmentKind.OTHER
        with stored.file.open("rb") as handle:
            upload = SimpleUploadedFile(stored.original_name, handle.read())
        try:
            workflow.add_attachment(user, batch, kind, upload, item=item)
        except ValidationError as refused:
            errors += [f"{stored.original_name}: {m}" for m in _messages(refused)]
    errors += _record_past_awards(user, intake, review, people, catalogue)
    if errors:
        raise IntakeRejected(errors)
    intake.status, intake.batch = Status.COMMITTED, batch
    intake.save(update_fields=["status", "batch"])
    if review.submit:
        try:
            batch = workflow.submit_batch(user, batch)
        except workflow.WorkflowError as refused:
            raise IntakeRejected(_messages(refused)) from refused
    return batch


def _record_past_awards(user, intake, review, people, catalogue):
    errors = []
    for index in sorted(review.past_awards):
        past = intake.past_awards[index]
        person = people.get(past.get("row"))
        award_type = catalogue.get(past["award"])
        if person is None or award_type is None:
            errors.append(_("%(source)s: không nhập được “%(award)s” vì không rõ người nhận hoặc "
                            "danh hiệu.") % {"source": past["source"], "award": past["award_text"]})
            continue
        if Award.objects.filter(person=person, award_type=award_type, year=past["year"]).exists():
            errors.append(_("%(source)s: “%(award)s” năm %(year)s đã có trong sổ khen thưởng.") % {
                "source": past["source"], "award": award_type.name, "year": past["year"]})
            continue
        award = Award(person=person, year=past["year"], award_type=award_type,
                      decision_number=past["decision_number"][:32],
                      decision_date=date.fromisoformat(past["decision_date"])
                      if past["decision_date"] else None,
                      issuer_name=past["issuer"], source=AwardSource.IMPORTED)
        try:
            with transaction.atomic():
                award_services.record_award(user, award)
        except (ValidationError, PermissionDenied) as refused:
            errors += [f"{past['source']}: {m}" for m in _messages(refused)]
    return errors


@transaction.atomic
def discard_intake(user, intake):
    """OPEN → DISCARDED; its stored files are deleted."""
    intake = Intake.objects.unscoped(ROW_LOCK).select_for_update().get(pk=intake.pk)
    require(user, "nominations.propose_for", intake.proposer)
    if intake.status != Status.OPEN:
        raise IntakeRejected([_("Hồ sơ tiếp nhận này đã được xử lý.")])
    for stored in intake.files.all():
        stored.file.delete(save=False)
    intake.files.all().delete()
    intake.status = Status.DISCARDED
    intake.save(update_fields=["status"])
    return intake
