"""State changes of movements, registrations, periodic reports and reviews.

Each function takes the acting user, checks the permission, writes inside one transaction, leaves
a history row (``_history_user``) and notifies whoever must act next (after commit)."""
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.accounts.models import Role
from thidua.audit.recording import record_created
from thidua.core.notifications import notify
from thidua.core.permissions import require
from thidua.organizations.models import Organization

from .models import Movement, MovementStatus, ProgressReport, RegistrationStatus
from .models.movement import Window


def _save(user, instance, validate=True):
    instance._history_user = user
    if validate:
        instance.full_clean()
    instance.save()
    return instance


def officers_at(units, roles=(Role.EC_OFFICER, Role.UNIT_REPORTER)):
    """Users holding one of ``roles`` directly at one of ``units``."""
    return get_user_model().objects.filter(
        role_assignments__organization__in=units, role_assignments__role__in=roles,
        is_active=True).distinct()


@transaction.atomic
def save_movement(user, movement, chosen_units=None, parts=(), removed=()):
    """Create or edit a movement (draft or launched) of the level it is launched by, with the
    units it was chosen for and its ``parts`` (criteria and planned awards, new or changed, as
    the page's formsets give them); ``removed`` are the parts deleted on the page."""
    require(user, "movements.launch_movement_at", movement.launched_by)
    _save(user, movement)
    if chosen_units is not None:
        movement.chosen_units.set(chosen_units)
    for part in parts:
        part.movement = movement
        _save(user, part, validate=False)  # validated by the formset
    for part in removed:
        part.delete()
    return movement


@transaction.atomic
def attach_document(user, movement, document):
    """Attach a plan, launching decision or guidance (validated by ``DocumentForm``)."""
    require(user, "movements.change_movement", movement)
    document.movement = movement
    return _save(user, document, validate=False)


@transaction.atomic
def launch_movement(user, movement):
    """DRAFT → LAUNCHED. Side effects: the E&C officers of the units directly below the launcher
    (those in scope) get an inbox item; lower levels see it in their movement inbox."""
    require(user, "movements.change_movement", movement)
    if movement.status != MovementStatus.DRAFT:
        raise ValidationError(_("Phong trào này đã được phát động."))
    movement.status, movement.launched_at = MovementStatus.LAUNCHED, timezone.now()
    _save(user, movement)
    below = Organization.objects.children_of(movement.launched_by)
    if movement.scope_chosen:
        below = movement.chosen_units.all()
    notify(officers_at(below), _("Phong trào mới: %(title)s"),
           _("%(unit)s đã phát động phong trào.") % {"unit": movement.launched_by},
           movement.get_absolute_url(), title_params={"title": movement.title})
    return movement


@transaction.atomic
def derive_movement(user, parent, unit):
    """A unit in scope makes the parent movement its own: a draft copy for its subtree, linked."""
    require(user, "movements.launch_movement_at", unit)
    if parent.status != MovementStatus.LAUNCHED or not parent.covers(unit):
        raise ValidationError(_("Đơn vị không thuộc phạm vi của phong trào này."))
    if unit.pk == parent.launched_by_id:
        raise ValidationError(_("Đơn vị phát động không triển khai lại chính phong trào của mình."))
    derived = Movement(
        launched_by=unit, parent=parent, kind=parent.kind, title=parent.title,
        slogan=parent.slogan, goals=parent.goals, content=parent.content,
        for_collectives=parent.for_collectives, for_individuals=parent.for_individuals,
        for_households=parent.for_households, target_categories=parent.target_categories,
        direct_workers_only=parent.direct_workers_only, start_date=parent.start_date,
        end_date=parent.end_date, registration_deadline=parent.registration_deadline,
        midterm_review_date=parent.midterm_review_date, final_review_date=parent.final_review_date)
    _save(user, derived)
    for criterion in parent.criteria.all():
        criterion.pk, criterion.movement = None, derived
        criterion.save()
    return derived


def _open_registration(movement):
    if movement.registration_window() != Window.OPEN:
        raise ValidationError(_("Ngoài thời gian đăng ký thi đua của phong trào này."))


@transaction.atomic
def save_registration(user, registration, titles, items):
    """Save a draft: collective titles and (person, award type) pairs replace the previous ones."""
    require(user, "movements.register_unit", registration.unit)
    if not registration.movement.covers(registration.unit):
        raise ValidationError(_("Đơn vị không thuộc phạm vi của phong trào này."))
    _open_registration(registration.movement)
    if registration.pk and not registration.is_editable:
        raise ValidationError(_("Bản đăng ký đã gửi, không sửa được nữa."))
    _save(user, registration)
    registration.collective_titles.set(titles)
    registration.items.all().delete()
    record_created(registration.items.bulk_create(
        registration.items.model(registration=registration, person=person, award_type=award_type)
        for person, award_type in items))
    return registration


@transaction.atomic
def submit_registration(user, registration):
    require(user, "movements.register_unit", registration.unit)
    _open_registration(registration.movement)
    if not registration.is_editable:
        raise ValidationError(_("Bản đăng ký đã được gửi."))
    registration.status, registration.submitted_at = RegistrationStatus.SUBMITTED, timezone.now()
    _save(user, registration)
    superior = Organization.objects.get_parent(registration.unit)
    notify(officers_at([superior], (Role.EC_OFFICER,)) if superior else [],
           _("Đăng ký thi đua mới: %(unit)s"), str(registration.movement),
           registration_url(registration), title_params={"unit": registration.unit})
    return registration


def _review(user, registration, status, reason=""):
    require(user, "movements.review_unit_of", registration.unit)
    if registration.status != RegistrationStatus.SUBMITTED:
        raise ValidationError(_("Chỉ duyệt hoặc trả lại bản đăng ký đã gửi."))
    registration.status, registration.return_reason = status, reason
    registration.reviewed_at = timezone.now()
    _save(user, registration)
    notify(officers_at([registration.unit]),
           _("Đăng ký thi đua: %(status)s"), reason, registration_url(registration),
           title_params={"status": registration.get_status_display()})
    return registration


@transaction.atomic
def approve_registration(user, registration):
    return _review(user, registration, RegistrationStatus.APPROVED)


@transaction.atomic
def return_registration(user, registration, reason):
    if not reason.strip():
        raise ValidationError(_("Cần ghi lý do trả lại."))
    return _review(user, registration, RegistrationStatus.RETURNED, reason.strip())


def registration_url(registration):
    from django.urls import reverse

    return reverse("movements:registration", args=[registration.movement_id, registration.unit_id])


@transaction.atomic
def save_schedule(user, schedule):
    require(user, "movements.manage_level", schedule.owner)
    return _save(user, schedule)


@transaction.atomic
def submit_report(user, report):
    """A unit submits (or corrects) its report for a schedule; refused once the round is closed."""
    require(user, "movements.report_for_unit", report.unit)
    schedule = report.schedule
    if not report.unit.is_within(schedule.owner) or report.unit == schedule.owner:
        raise ValidationError(_("Đơn vị không thuộc cấp nhận báo cáo này."))
    today = timezone.localdate()
    if schedule.closes_on and today > schedule.closes_on:
        raise ValidationError(_("Kỳ báo cáo này đã khóa sổ, không nhận thêm báo cáo."))
    report.submitted_at, report.submitted_by = timezone.now(), user
    _save(user, report)
    return report


def aggregate_reports(movement, organization, kind_until=None):
    """Totals of the figures reported under ``organization`` for the movement (its schedules)."""
    reports = ProgressReport.objects.in_scope(Q(unit__path__startswith=organization.path)).filter(
        schedule__movement=movement)
    if kind_until:
        reports = reports.filter(schedule__due_date__lte=kind_until)
    totals = reports.aggregate(**{name: Sum(name) for name in ProgressReport.FIGURES})
    return {name: value or 0 for name, value in totals.items()}


@transaction.atomic
def save_review(user, review, proposals=()):
    """Record a mid-term or final review with its figures and proposed commendations."""
    require(user, "movements.manage_level", review.organization)
    _save(user, review)
    for proposal in proposals:
        proposal.review = review
        proposal.full_clean()
        proposal.save()
    return review

