"""Reading department appraisal: which units are a level's departments, who answers for one,
what falls within its field, and each nominee's progress ("5/7 ban đã cho ý kiến").

A department (ban, văn phòng) is an ``Organization`` of kind ALLIANCE_DEPARTMENT directly under
the level (the alliance) that decides; its staff are the users holding a role that appraises
(``rules.DEPARTMENT_ROLES``) at the department itself. A role held at the level with its subtree
does not make someone a department's voice: the level's officers read the opinions, they do
not give them."""
from dataclasses import dataclass, field
from datetime import date

from django.utils import timezone

from thidua.accounts.models import User
from thidua.organizations.models import Organization, OrganizationKind, OrganizationStatus
from thidua.organizations.scoping import assignments

from .models import DepartmentField, DepartmentOpinion
from .rules import DEPARTMENT_ROLES
from .states import Opinion


def departments_of(level):
    """The active departments directly under ``level``, by name."""
    return list(Organization.objects.filter(
        path__startswith=level.path, depth=level.depth + 1,
        kind=OrganizationKind.ALLIANCE_DEPARTMENT, status=OrganizationStatus.ACTIVE
    ).select_related("opinion_field").prefetch_related("opinion_field__award_types")
        .order_by("name"))


def department_staff(department):
    """Active users who answer for ``department`` (a role assigned at the department itself)."""
    return User.objects.filter(is_active=True, role_assignments__organization=department,
                               role_assignments__role__in=DEPARTMENT_ROLES).distinct()


def field_of(department):
    try:
        return department.opinion_field
    except DepartmentField.DoesNotExist:
        return None


def covers(department_field, item):
    """Whether ``item`` (a Nomination) is within the department's field; no field: everything."""
    if department_field is None:
        return True
    if department_field.subject_kind and item.subject_kind != department_field.subject_kind:
        return False
    types = {award_type.pk for award_type in department_field.award_types.all()}
    return not types or item.award_type_id in types


def describe_field(department_field):
    """The field in a few words for the page ("" when the department is asked about every
    nominee)."""
    if department_field is None:
        return ""
    parts = []
    if department_field.subject_kind:
        parts.append(department_field.get_subject_kind_display())
    parts += [award_type.abbreviation or award_type.label
              for award_type in department_field.award_types.all()]
    return ", ".join(str(part) for part in parts)


@dataclass
class ItemProgress:
    """The opinions asked on one nominee and how many came in."""

    opinions: list = field(default_factory=list)

    @property
    def asked(self):
        return len(self.opinions)

    @property
    def answered(self):
        return sum(opinion.value != Opinion.PENDING for opinion in self.opinions)

    @property
    def missing(self):
        return [opinion.request.department for opinion in self.opinions
                if opinion.value == Opinion.PENDING]

    @property
    def complete(self):
        return self.answered == self.asked


@dataclass
class RequestProgress:
    request: object
    asked: int = 0
    answered: int = 0
    answered_late: int = 0
    today: date | None = None

    @property
    def late(self):
        """Past its deadline with nominees still unanswered: shown in red, blocks nobody."""
        return self.answered < self.asked and self.request.due_on < self.today


def progress(batch):
    """(per request [RequestProgress], {item id: ItemProgress}) for ``batch``, in two queries."""
    today = timezone.localdate()
    requests = {request.pk: RequestProgress(request, today=today) for request in
                batch.opinion_requests.select_related("department").order_by("department__name")}
    items = {}
    opinions = DepartmentOpinion.objects.filter(request__batch=batch).select_related(
        "request__department", "answered_by").order_by("request__department__name")
    for opinion in opinions:
        opinion.request = requests[opinion.request_id].request
        items.setdefault(opinion.item_id, ItemProgress()).opinions.append(opinion)
        summary = requests[opinion.request_id]
        summary.asked += 1
        summary.answered += opinion.value != Opinion.PENDING
        summary.answered_late += opinion.late
    return list(requests.values()), items


def missing_for(item):
    """Names of the departments asked about ``item`` that have not answered yet."""
    return [str(name) for name in item.department_opinions.filter(value=Opinion.PENDING)
            .order_by("request__department__name")
            .values_list("request__department__name", flat=True)]


def answered_for(user):
    """Ids of the departments ``user`` answers for (a department role at the unit itself)."""
    return {org_id for role, org_id, _path, _subtree in assignments(user)
            if role in DEPARTMENT_ROLES}


def sent_to_department(user, attachment):
    """Whether ``attachment`` was sent to a department of ``user`` with a request: a file of a
    nominee it was asked about, or a file of the whole tờ trình it was asked on."""
    departments = answered_for(user)
    if not departments:
        return False
    opinions = DepartmentOpinion.objects.filter(request__batch_id=attachment.batch_id,
                                                request__department_id__in=departments)
    if attachment.item_id:
        opinions = opinions.filter(item_id=attachment.item_id)
    return opinions.exists()
