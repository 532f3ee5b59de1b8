"""State changes on the records: bloc pledges and score sheets, cooperation programmes and their
yearly targets, exemplars (and the reviews that name them), initiatives, inspections and events.

Each function takes the acting user, checks the permission with ``user.has_perm`` (raising
``PermissionDenied``), validates (raising ``ValidationError`` with Vietnamese messages keyed by
field, before anything is written) and writes inside one transaction, stamping
``_history_user`` so django-simple-history records who did it.
"""
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

from thidua.core.permissions import require
from thidua.core.scopes import for_permission_check
from thidua.organizations.models import Employment, Organization
from thidua.organizations.scoping import current_employment_q

from .models import (Exemplar, ExemplarStage, PledgeSignature, ProgrammeIndicator, Score,
                     ScoreCriterion, ScoreSheet)

GROUP_EDIT = "organizations.change_emulationgroup"
# A higher app (awards), named by path: the authors' stored eligibility follows their initiatives.
STORED_VERDICTS = "thidua.awards.verdicts.people_changed"
STAGES = list(ExemplarStage)
STAGE_DATES = {ExemplarStage.FOUND: "found_on", ExemplarStage.NURTURED: "nurtured_on",
               ExemplarStage.HONOURED: "honoured_on", ExemplarStage.REPLICATED: "replicated_on"}


def _stamp(instance, user):
    instance._history_user = user
    return instance


def _raise_if(errors):
    if errors:
        raise ValidationError(errors)


def _in_subtree(unit, root, include_self=True):
    return unit.is_within(root) and (include_self or unit.pk != root.pk)


def _save_scoped(user, instance, unit_field, perm, errors):
    """Save ``instance`` when the user holds ``perm`` at its unit (and, on an edit that moves it,
    at the unit it had before) and ``errors`` is empty."""
    require(user, perm, getattr(instance, unit_field))
    if instance.pk:
        before = for_permission_check(type(instance).objects.filter(pk=instance.pk)).values_list(
            f"{unit_field}_id", flat=True).first()
        if before and before != getattr(instance, f"{unit_field}_id"):
            require(user, perm, Organization.objects.get(pk=before))
    _raise_if(errors)
    _stamp(instance, user).save()
    return instance


def _not_future(value, field, errors, today=None):
    if value and value > (today or timezone.localdate()):
        errors[field] = _("Ngày này không được ở tương lai.")


# Pledges ------------------------------------------------------------------------------------

@transaction.atomic
def save_pledge(user, pledge):
    """Write the bloc's pledge (content, targets, signing date). Side effects: history row."""
    require(user, GROUP_EDIT, pledge.group)
    errors = {}
    if pledge.signing_date and pledge.signing_date.year not in (pledge.group.year,
                                                                pledge.group.year - 1):
        errors["signing_date"] = _("Ngày ký kết phải thuộc năm %(year)s của khối, cụm "
                                   "(hoặc cuối năm trước).") % {"year": pledge.group.year}
    _raise_if(errors)
    _stamp(pledge, user).save()
    return pledge


@transaction.atomic
def sign_pledge(user, pledge, member, signed_on, signer_title=""):
    """Record that ``member`` signed the pledge, signed by ``user`` on ``signed_on``."""
    require(user, "movements.sign_for_unit", member)
    errors = {}
    if not pledge.group.members.filter(pk=member.pk).exists():
        errors["member"] = _("Đơn vị này không phải thành viên của khối, cụm.")
    elif pledge.signatures.filter(member=member).exists():
        errors["member"] = _("Đơn vị này đã ký giao ước.")
    _not_future(signed_on, "signed_on", errors)
    _raise_if(errors)
    return PledgeSignature.objects.create(pledge=pledge, member=member, signed_by=user,
                                          signer_title=signer_title, signed_on=signed_on)


# Score sheets -------------------------------------------------------------------------------

@transaction.atomic
def create_score_sheet(user, group, tie_break, movement=None):
    """The group's sheet, starting from ``movement``'s criteria when one is given (copied: the
    sheet's criteria stay editable without touching the movement's). Side effects: the sheet and
    its criteria rows."""
    require(user, GROUP_EDIT, group)
    if ScoreSheet.objects.filter(group=group).exists():
        raise ValidationError(_("Khối, cụm này đã có bảng chấm điểm."))
    sheet = ScoreSheet.objects.create(group=group, tie_break=tie_break)
    if movement is not None:
        for index, criterion in enumerate(movement.criteria.all(), start=1):
            ScoreCriterion.objects.create(sheet=sheet, name=criterion.name,
                                          max_points=criterion.max_points, order=index)
    return sheet


@transaction.atomic
def update_score_sheet(user, sheet, tie_break, is_open):
    """Change the tie-break rule, or close / reopen self-scoring (the owning level may still
    adjust a closed sheet)."""
    require(user, GROUP_EDIT, sheet.group)
    sheet.tie_break, sheet.is_open = tie_break, is_open
    sheet.save()
    return sheet


@transaction.atomic
def add_criterion(user, sheet, name, max_points, order=None):
    require(user, GROUP_EDIT, sheet.group)
    if not max_points or max_points < 1:
        raise ValidationError({"max_points": _("Điểm tối đa phải lớn hơn 0.")})
    if order is None:
        order = sheet.criteria.count() + 1
    return ScoreCriterion.objects.create(sheet=sheet, name=name, max_points=max_points,
                                         order=order)


@transaction.atomic
def remove_criterion(user, criterion):
    require(user, GROUP_EDIT, criterion.sheet.group)
    if criterion.scores.exists():
        raise ValidationError(_("Tiêu chí “%(name)s” đã có điểm chấm, không xóa được.")
                              % {"name": criterion.name})
    criterion.delete()


def _points(raw, criterion):
    """A Decimal in 0..max_points, or a ValidationError naming the criterion."""
    try:
        value = Decimal(str(raw).replace(",", ".")) if raw not in (None, "") else None
    except InvalidOperation:
        value = Decimal(-1)
    if value is None or value.is_nan() or not 0 <= value <= criterion.max_points:
        raise ValidationError(
            _("Điểm tiêu chí “%(name)s” phải là số từ 0 đến %(max)s.")
            % {"name": criterion.name, "max": criterion.max_points})
    return value.quantize(Decimal("0.01"))


@transaction.atomic
def self_score(user, sheet, member, entries):
    """A member unit scores itself: ``entries`` maps criterion → (points, evidence). A criterion
    left without points is not scored yet (an earlier self-score on it is withdrawn, unless the
    owning level has adjusted it); evidence without points is refused so it is not lost. Every
    entry is checked first; one bad value writes nothing. Adjustments already made are kept."""
    require(user, "movements.register_unit", member)
    if not sheet.is_open:
        raise ValidationError(_("Bảng chấm điểm đã khóa, không nhận tự chấm nữa."))
    if not sheet.group.members.filter(pk=member.pk).exists():
        raise ValidationError(_("Đơn vị này không phải thành viên của khối, cụm."))
    existing = {score.criterion_id: score for score in Score.objects.filter(
        criterion__sheet=sheet, member=member)}
    checked, errors = [], []
    for criterion, (raw, evidence) in entries.items():
        if criterion.sheet_id != sheet.pk:
            raise ValidationError(_("Tiêu chí không thuộc bảng chấm điểm này."))
        evidence = (evidence or "").strip()
        score = existing.get(criterion.pk)
        if str(raw or "").strip():
            try:
                checked.append((criterion, _points(raw, criterion), evidence))
            except ValidationError as error:
                errors.extend(error.messages)
        elif evidence:
            errors.append(_("Tiêu chí “%(name)s” có minh chứng nhưng chưa có điểm tự chấm.")
                          % {"name": criterion.name})
        elif score is not None and score.adjusted_points is not None:
            errors.append(_("Tiêu chí “%(name)s” đã được cấp tổ chức điều chỉnh, không bỏ trống "
                            "điểm tự chấm được.") % {"name": criterion.name})
        elif score is not None:
            checked.append((criterion, None, ""))
    _raise_if(errors)
    saved = []
    for criterion, points, evidence in checked:
        score = existing.get(criterion.pk) or Score(criterion=criterion, member=member)
        if points is None:
            _stamp(score, user).delete()
            continue
        score.self_points, score.evidence = points, evidence
        _stamp(score, user).save()
        saved.append(score)
    return saved


@transaction.atomic
def adjust_score(user, score, points, reason):
    """The owning level sets the points that count, with a mandatory reason."""
    require(user, GROUP_EDIT, score.criterion.sheet.group)
    errors = {}
    reason = (reason or "").strip()
    if not reason:
        errors["reason"] = _("Cần ghi lý do điều chỉnh điểm.")
    try:
        value = _points(points, score.criterion)
    except ValidationError as error:
        errors["points"] = error.messages[0]
    _raise_if(errors)
    score.adjusted_points, score.adjust_reason = value, reason
    _stamp(score, user).save()
    return score


# Programmes ---------------------------------------------------------------------------------

@transaction.atomic
def save_programme(user, programme):
    """Create or edit a cooperation programme at the owner's level. Side effects: history row."""
    errors = {}
    if programme.start_year and programme.end_year and programme.end_year < programme.start_year:
        errors["end_year"] = _("Năm kết thúc phải từ năm bắt đầu trở đi.")
    elif programme.pk and programme.targets.exclude(
            year__range=(programme.start_year, programme.end_year)).exists():
        errors["end_year"] = _("Đã có chỉ tiêu năm nằm ngoài thời gian mới; hãy sửa chỉ tiêu trước.")
    if programme.signed_on and programme.signed_on.year > programme.start_year:
        errors["signed_on"] = _("Ngày ký phải trước hoặc trong năm bắt đầu.")
    return _save_scoped(user, programme, "owner", "movements.manage_level", errors)


@transaction.atomic
def save_target(user, target):
    """Create or edit one yearly target: year within the programme, min ≤ max, an entered actual
    only on an "other" indicator and always with its source."""
    programme = target.programme
    require(user, "movements.manage_level", programme.owner)
    errors = {}
    if not programme.start_year <= target.year <= programme.end_year:
        errors["year"] = _("Năm phải trong thời gian chương trình (%(start)s–%(end)s).") % {
            "start": programme.start_year, "end": programme.end_year}
    elif programme.targets.filter(year=target.year, indicator=target.indicator).exclude(
            pk=target.pk).exists():
        errors["indicator"] = _("Năm này đã có chỉ tiêu này.")
    if target.maximum is not None and target.maximum < target.minimum:
        errors["maximum"] = _("Mức tối đa phải không nhỏ hơn mức tối thiểu.")
    if target.indicator != ProgrammeIndicator.OTHER and target.entered_actual is not None:
        errors["entered_actual"] = _("Chỉ tiêu này được tính tự động từ dữ liệu; để trống ô này.")
    elif target.entered_actual is not None and not target.actual_source.strip():
        errors["actual_source"] = _("Cần ghi nguồn của số liệu nhập tay.")
    _raise_if(errors)
    _stamp(target, user).save()
    return target


# Exemplars and initiatives ------------------------------------------------------------------

def _employed_in(person, unit):
    return Employment.objects.filter(current_employment_q(), person=person,
                                     organization__path__startswith=unit.path).exists()


@transaction.atomic
def save_exemplar(user, exemplar):
    """Create or edit an exemplar at its managing unit; stage dates must run in order."""
    errors = {}
    _not_future(exemplar.found_on, "found_on", errors)
    if exemplar.person_id and exemplar.unit_id and not _employed_in(exemplar.person, exemplar.unit):
        errors["person"] = _("Cá nhân này không công tác tại đơn vị quản lý hoặc đơn vị cấp dưới.")
    previous = None
    for stage in STAGES:
        value = getattr(exemplar, STAGE_DATES[stage])
        if value and previous and value < previous:
            errors[STAGE_DATES[stage]] = _("Ngày các giai đoạn phải theo thứ tự thời gian.")
        previous = value or previous
    return _save_scoped(user, exemplar, "unit", "movements.manage_level", errors)


@transaction.atomic
def advance_exemplar_stage(user, exemplar, on=None):
    """Move the exemplar to its next stage (found → nurtured → honoured → replicated) and set
    that stage's date (today by default). Side effects: history row."""
    require(user, "movements.manage_level", exemplar.unit)
    on = on or timezone.localdate()
    index = STAGES.index(exemplar.stage)
    if index == len(STAGES) - 1:
        raise ValidationError(_("Điển hình đã ở giai đoạn cuối (nhân rộng)."))
    errors = {}
    last = max(d for d in (getattr(exemplar, STAGE_DATES[s]) for s in STAGES[:index + 1]) if d)
    if on < last:
        errors["on"] = _("Ngày chuyển giai đoạn không được trước ngày %(date)s của giai đoạn "
                         "trước.") % {"date": last.strftime("%d/%m/%Y")}
    _not_future(on, "on", errors)
    _raise_if(errors)
    exemplar.stage = STAGES[index + 1]
    setattr(exemplar, STAGE_DATES[exemplar.stage], on)
    _stamp(exemplar, user).save()
    return exemplar


@transaction.atomic
def save_initiative(user, initiative, authors):
    """Create or edit an initiative; its authors must work at its unit. Its authors' stored
    eligibility, before and after, is refreshed after the commit."""
    errors = {}
    if not authors:
        errors["authors"] = _("Cần ít nhất một tác giả.")
    elif initiative.unit_id and any(not _employed_in(a, initiative.unit) for a in authors):
        errors["authors"] = _("Tác giả phải là người đang công tác tại đơn vị áp dụng.")
    if initiative.year and initiative.year > timezone.localdate().year:
        errors["year"] = _("Năm công nhận không được ở tương lai.")
    elif initiative.recognised_on and initiative.recognised_on.year != initiative.year:
        errors["recognised_on"] = _("Ngày công nhận phải thuộc năm công nhận.")
    before = set(initiative.authors.values_list("pk", flat=True)) if initiative.pk else set()
    _save_scoped(user, initiative, "unit", "movements.manage_level", errors)
    initiative.authors.set(authors)
    import_string(STORED_VERDICTS)(before | {author.pk for author in authors})
    return initiative


# Inspections and events ---------------------------------------------------------------------

@transaction.atomic
def save_inspection(user, inspection, units):
    """Create or edit an inspection by a level of units below it; dates in order; a finished
    inspection carries its findings."""
    errors = {}
    if inspection.start_date and inspection.end_date and inspection.end_date < inspection.start_date:
        errors["end_date"] = _("Ngày kết thúc phải từ ngày bắt đầu trở đi.")
    if not units:
        errors["inspected_units"] = _("Cần ít nhất một đơn vị được kiểm tra.")
    elif inspection.organizer_id and any(not _in_subtree(u, inspection.organizer) for u in units):
        errors["inspected_units"] = _("Đơn vị được kiểm tra phải thuộc phạm vi của cấp kiểm tra.")
    if inspection.status != "PLANNED" and not inspection.findings.strip():
        errors["findings"] = _("Đã kiểm tra thì cần ghi kết quả kiểm tra.")
    _save_scoped(user, inspection, "organizer", "movements.manage_level", errors)
    inspection.inspected_units.set(units)
    return inspection


@transaction.atomic
def save_event(user, event, reviews=(), exemplars=()):
    """Create or edit a congress or exemplar conference and link its reviews and exemplars, all
    from the organiser's subtree."""
    errors = {}
    if event.organizer_id:
        if any(not _in_subtree(r.organization, event.organizer) for r in reviews):
            errors["reviews"] = _("Sơ kết, tổng kết phải của cấp tổ chức hoặc cấp dưới.")
        if any(not _in_subtree(e.unit, event.organizer) for e in exemplars):
            errors["exemplars"] = _("Điển hình phải thuộc cấp tổ chức hoặc cấp dưới.")
    _save_scoped(user, event, "organizer", "movements.manage_level", errors)
    event.reviews.set(reviews)
    event.exemplars.set(exemplars)
    return event


@transaction.atomic
def name_exemplars(user, review, exemplar_ids):
    """Set the exemplars a review names, among those of the review's own subtree."""
    require(user, "movements.manage_level", review.organization)
    review.exemplars.set(Exemplar.objects.in_scope(
        Q(unit__in=Organization.objects.subtree(review.organization, include_self=True)))
        .filter(pk__in=exemplar_ids))
    return review
