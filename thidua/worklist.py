"""“Việc của tôi”: what waits for a user now, across the apps (project level, like navigation).

Each source below answers for one kind of work with a count, the nearest deadline and the first
few entries, each with a link straight to where the work is done. A source runs only when the
user holds a role that does that work, and costs at most two queries (an aggregate and the first
entries; the kinds of tờ trình work share one aggregate), so the home page stays a fixed number of queries whatever the size of the network
(bench/home.py measures it).
"""
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.db.models import Count, DateField, Exists, F, Min, OuterRef, Q, Value
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from thidua.accounts.models import Role
from thidua.movements.models import ProgressReport, Registration, ReportSchedule
from thidua.movements.models.movement import Movement, Window
from thidua.movements.models.registration import RegistrationStatus
from thidua.nominations.guards import DECIDABLE
from thidua.nominations.models import (BallotParticipation, CouncilMembership, CouncilSession,
                                       Decision, DecisionState, NominationBatch, OpinionRequest,
                                       SessionState)
from thidua.nominations.rules import DEPARTMENT_ROLES, INTAKE, ISSUERS, PROPOSERS, SECRETARIES
from thidua.nominations.states import ItemOutcome, Opinion, State
from thidua.organizations import tree
from thidua.organizations.models import Transfer, TransferState
from thidua.organizations.scoping import (NETWORK_EDITORS, PEOPLE_EDITORS, assignments,
                                          organization_q)
from thidua.portal.models import Article, Comment, CommentStatus
from thidua.portal.models.content import ArticleStatus
from thidua.portal.rules import EDITOR_ROLES, MODERATOR_ROLES
from thidua.records.models.groups import ScoreSheet

SHOWN = 3  # entries listed under each kind of work
REPORT_HORIZON_DAYS = 15  # a report round shows this many days before its due date


@dataclass
class Entry:
    title: str
    url: str
    due: date | None = None
    note: str = ""


@dataclass
class Work:
    """One kind of work waiting for the user."""

    key: str
    label: str
    count: int
    url: str
    due: date | None = None
    entries: list = field(default_factory=list)
    today: date | None = None
    # When ``due`` is not a deadline but the day something began (an open council session's
    # meeting day), what to call it; such work is never overdue.
    due_label: str = ""

    def __post_init__(self):
        # Some deadlines are moments (a session's or a publicity's time); the list compares days.
        if isinstance(self.due, datetime):
            self.due = timezone.localtime(self.due).date()

    @property
    def overdue(self):
        return (not self.due_label and self.due is not None and self.today is not None
                and self.due < self.today)


def _held(user):
    if user.is_superuser:
        return set(Role.values)
    return {role for role, *_rest in assignments(user)}


def _work(key, label, queryset, due_field, entry, list_url, today, due_label=""):
    """A Work from ``queryset``: its count and earliest ``due_field`` in one query, the first
    entries (``entry`` makes an Entry of a row) in another; None when nothing waits. With one
    entry, or no list page (``list_url`` empty), the link goes to the first entry itself."""
    totals = queryset.aggregate(n=Count("pk", distinct=True),
                                **({"due": Min(due_field)} if due_field else {}))
    return _listed(key, label, queryset, due_field, entry, list_url, today, totals["n"],
                   totals.get("due"), due_label)


def _listed(key, label, queryset, due_field, entry, list_url, today, count, due, due_label=""):
    """The Work of ``count`` rows of ``queryset`` (None if none) with its first entries."""
    if not count:
        return None
    order = [F(due_field).asc(nulls_last=True), "pk"] if due_field else ["pk"]
    entries = [entry(row) for row in queryset.order_by(*order)[:SHOWN]]
    url = list_url if count > 1 and list_url else entries[0].url
    return Work(key, label, count, url, due, entries, today, due_label)


@dataclass
class Pending:
    """One kind of work on tờ trình, counted with the others by ``_batch_works``."""

    key: str
    label: str
    queryset: object
    state: str
    due_field: str | None = "due_on"
    entry: object = None


def _batch_works(pending, today):
    """``_work`` for the kinds of tờ trình work: every count and earliest deadline in one UNION
    ALL query (one row per kind), then the first entries of the kinds that have any."""
    if not pending:
        return []
    parts = [p.queryset.order_by().values(key=Value(p.key)).annotate(
        n=Count("pk", distinct=True),
        due=Min(p.due_field) if p.due_field else Value(None, output_field=DateField()))
        for p in pending]
    totals = {row["key"]: row for row in parts[0].union(*parts[1:], all=True)}
    return [_listed(p.key, p.label, p.queryset.distinct(), p.due_field, p.entry or _batch_entry,
                    _batch_list(p.state), today, totals[p.key]["n"], totals[p.key]["due"])
            for p in pending]


def _batches(user, roles, prefix, states):
    return NominationBatch.objects.in_scope(organization_q(user, roles, prefix)).filter(
        state__in=states).select_related("proposer", "authority")


def _batch_entry(batch):
    return Entry(batch.title, batch.get_absolute_url(), batch.due_on, str(batch.proposer))


def _batch_list(state, mine=True):
    return reverse("nominations:batch_list") + f"?state={state}" + ("&mine=on" if mine else "")


def batch_work(user, held, today):
    """Dossiers to finish, correct, receive, assign, appraise, take to the council, decide."""
    return _batch_works(batch_pending(user, held), today)


def batch_pending(user, held):
    """The kinds of tờ trình work ``user``'s roles do, each with the query of its dossiers."""
    pending = []
    if held & PROPOSERS:
        # The proposing side; an authority's own officers see these as intake work instead.
        mine = organization_q(user, PROPOSERS, "proposer__") & (
            ~organization_q(user, INTAKE, "authority__") | Q(proposer=F("authority")))
        pending += [
            Pending("correct", _("Tờ trình bị trả lại, cần bổ sung"),
                    _batches(user, PROPOSERS, "proposer__", {State.RETURNED_FOR_CORRECTION})
                    .filter(mine), State.RETURNED_FOR_CORRECTION),
            Pending("drafts", _("Tờ trình nháp chưa gửi"), NominationBatch.objects.in_scope(
                Q(created_by=user)).filter(state=State.DRAFT).select_related("proposer"),
                State.DRAFT, None)]
    if held & INTAKE:
        pending += [
            Pending("receive", _("Tờ trình chờ tiếp nhận"),
                    _batches(user, INTAKE, "authority__", {State.SUBMITTED}), State.SUBMITTED),
            Pending("assign", _("Tờ trình chờ giao thẩm định"),
                    _batches(user, INTAKE, "authority__", {State.RECEIVED}), State.RECEIVED),
            Pending("publicity", _("Danh sách đang công khai"),
                    _batches(user, INTAKE, "authority__", {State.PUBLICITY})
                    .select_related("disclosure"), State.PUBLICITY, "disclosure__ends_on",
                    lambda b: Entry(b.title, b.get_absolute_url(), b.disclosure.ends_on,
                                    str(b.proposer))),
            Pending("appraise", _("Tờ trình được giao thẩm định"), NominationBatch.objects
                    .in_scope(Q(appraiser=user)).filter(state=State.IN_APPRAISAL)
                    .select_related("proposer"), State.IN_APPRAISAL)]
    if held & SECRETARIES:
        pending.append(Pending(
            "council", _("Tờ trình chờ Hội đồng xét"),
            _batches(user, SECRETARIES, "authority__", {State.AT_COUNCIL}).filter(
                items__council_result="PENDING", items__verdict="ELIGIBLE"), State.AT_COUNCIL))
    if held & ISSUERS:
        pending.append(Pending(
            "to_decide", _("Đã qua Hội đồng, chờ lập quyết định"),
            _batches(user, ISSUERS, "authority__", {State.AT_COUNCIL}).filter(
                items__council_result__in=DECIDABLE, items__outcome=ItemOutcome.OPEN,
                items__decision_item__isnull=True), State.AT_COUNCIL))
    return pending


def decision_work(user, held, today):
    if not held & ISSUERS:
        return []
    drafts = Decision.objects.in_scope(organization_q(user, ISSUERS, "issuer__")).filter(
        state=DecisionState.DRAFT).select_related("issuer")
    return [_work("sign", _("Quyết định chờ ký ban hành"), drafts, None,
                  lambda d: Entry(d.title, d.get_absolute_url(), None, str(d.issuer)),
                  reverse("nominations:batch_list") + "?mine=on", today)]


def council_work(user, held, today):
    """Open sessions in which the user sits and has not voted in the current round."""
    seats = CouncilMembership.objects.filter(user=user, start_date__lte=today).filter(
        Q(end_date__isnull=True) | Q(end_date__gte=today))
    voted = BallotParticipation.objects.filter(session=OuterRef("pk"), round=OuterRef("round"),
                                               member__user=user)
    sessions = CouncilSession.objects.in_scope(Q(council__in=seats.values("council"))).filter(
        state=SessionState.OPEN).exclude(
        Exists(voted)).select_related("council")
    # An open session has no deadline: voting lasts until the secretary ends the session, so
    # its meeting day is shown as such and never as overdue.
    return [_work("vote", _("Phiên họp Hội đồng chờ bạn bỏ phiếu"), sessions, "date",
                  lambda s: Entry(s.title, s.get_absolute_url(), note=_(
                      "%(council)s · họp từ ngày %(day)s") % {
                          "council": s.council, "day": s.date.strftime("%d/%m/%Y")}),
                  "", today, due_label=_("Đang họp từ ngày"))]


def _reviewed_by(user):
    """Registrations whose unit sits directly under a unit where the user is an E&C officer (the
    level that reviews them), or anywhere below one held with its subtree."""
    condition = Q(pk__in=[])
    for role, _org, path, subtree in assignments(user):
        if role not in NETWORK_EDITORS:
            continue
        below = Q(unit__path__startswith=path) & ~Q(unit__path=path)
        condition |= below if subtree else below & Q(unit__depth=tree.depth(path) + 1)
    return Q() if user.is_superuser else condition


def registration_work(user, held, today):
    if not held & NETWORK_EDITORS:
        return []
    pending = Registration.objects.in_scope(_reviewed_by(user)).filter(
        status=RegistrationStatus.SUBMITTED).select_related("unit", "movement")
    # A registration has no review deadline: the earliest sent is shown as waiting since then,
    # never as overdue.
    return [_work("registrations", _("Đăng ký thi đua chờ duyệt"), pending, "submitted_at",
                  lambda r: Entry(str(r.unit), reverse("movements:registration",
                                                       args=[r.movement_id, r.unit_id]),
                                  None, str(r.movement)),
                  reverse("movements:movement_list"), today, due_label=_("Chờ duyệt từ ngày"))]


def registration_open_work(user, held, today):
    """Movements open for registration that cover a unit the user registers (a role at the unit
    itself) and that the unit has not sent its registration for yet. A movement a level above
    derived for the unit stands for its parent, as on the unit's movement list. One query per
    such unit (a user registers for one or two)."""
    units = {org: path for role, org, path, _sub in assignments(user) if role in PEOPLE_EDITORS}
    entries = []
    for org, path in units.items():
        sent = Registration.objects.filter(
            movement=OuterRef("pk"), unit_id=org, year=F("movement__start_date__year"),
            status__in=(RegistrationStatus.SUBMITTED, RegistrationStatus.APPROVED,
                        RegistrationStatus.CLOSED))
        covering = list(Movement.objects.covering_path(path).exclude(launched_by_id=org)
                        .annotate(sent=Exists(sent)).select_related("launched_by"))
        stood_for = {m.parent_id for m in covering}
        entries += [Entry(m.title, reverse("movements:registration", args=[m.pk, org]),
                          m.registration_deadline or m.end_date, str(m.launched_by))
                    for m in covering if m.pk not in stood_for and not m.sent
                    and m.registration_window(today) == Window.OPEN]
    if not entries:
        return []
    entries.sort(key=lambda entry: entry.due)
    first_unit = next(iter(units))
    url = (reverse("movements:unit_movements", args=[first_unit]) if len(entries) > 1
           else entries[0].url)
    return [Work("registration_open", _("Phong trào đang mở đăng ký thi đua cho đơn vị"),
                 len(entries), url, entries[0].due, entries[:SHOWN], today)]


def score_work(user, held, today):
    """This year's open bloc score sheets on which a unit the user registers for (a role at the
    unit itself) has not self-scored every criterion yet. A sheet has no deadline: it is open
    until the owning level locks it. One query per such unit."""
    entries = []
    for org in {org for role, org, _path, _sub in assignments(user) if role in PEOPLE_EDITORS}:
        sheets = ScoreSheet.objects.filter(
            is_open=True, group__year=today.year, group__memberships__organization_id=org,
        ).annotate(
            criteria_count=Count("criteria", distinct=True),
            scored=Count("criteria__scores", filter=Q(criteria__scores__member_id=org),
                         distinct=True),
        ).filter(criteria_count__gt=F("scored")).select_related("group")
        entries += [Entry(sheet.group.name,
                          reverse("records:score_sheet", args=[sheet.group_id]) + f"#self-{org}",
                          note=_("Đã tự chấm %(scored)s/%(count)s tiêu chí") % {
                              "scored": sheet.scored, "count": sheet.criteria_count})
                    for sheet in sheets]
    if not entries:
        return []
    return [Work("scores", _("Khối, cụm thi đua chờ đơn vị tự chấm điểm"), len(entries),
                 entries[0].url, None, entries[:SHOWN], today)]


def report_work(user, held, today):
    """Report rounds due within the horizon or late for the units the user reports for (the
    units of their own assignments, not the whole subtree: that is the compliance page's job)."""
    units = {org: path for role, org, path, _sub in assignments(user) if role in PEOPLE_EDITORS}
    if not units:
        return []
    parents = {tree.ancestor_paths(path, include_self=False)[-1]: org
               for org, path in units.items() if not tree.is_root(path)}
    reported = ProgressReport.objects.filter(schedule=OuterRef("pk"), unit_id__in=units)
    rounds = ReportSchedule.objects.in_scope(Q(owner__path__in=parents)).filter(
        due_date__lte=today + timedelta(days=REPORT_HORIZON_DAYS)).filter(
        Q(closes_on__isnull=True) | Q(closes_on__gte=today)).exclude(
        Exists(reported)).select_related("owner", "movement")

    def entry(schedule):
        unit = parents[schedule.owner.path]
        late = _("quá hạn") if schedule.due_date < today else _("sắp đến hạn")
        return Entry(f"{schedule} — {schedule.movement or schedule.owner}",
                     reverse("movements:report_submit", args=[schedule.pk, unit]),
                     schedule.due_date, late)

    first_unit = next(iter(parents.values()), None)
    return [_work("reports", _("Báo cáo định kỳ đến hạn hoặc quá hạn"), rounds, "due_date",
                  entry, reverse("movements:unit_reports", args=[first_unit]) if first_unit
                  else "", today)]


def transfer_work(user, held, today):
    """People another unit asks the user's units to take (``organizations.transfers``)."""
    if not held & PEOPLE_EDITORS:
        return []
    pending = Transfer.objects.filter(state=TransferState.REQUESTED).filter(
        organization_q(user, PEOPLE_EDITORS, "to_unit__")).select_related(
        "employment__person", "employment__organization")
    # The transfer's date is when the person moves, not a deadline: no due date.
    return [_work("transfers", _("Điều chuyển cá nhân chờ đơn vị nhận xác nhận"), pending, None,
                  lambda t: Entry(t.person.full_name, t.get_absolute_url(), None, _(
                      "%(unit)s · từ %(day)s") % {"unit": t.from_unit.name,
                                                   "day": t.effective_date.strftime("%d/%m/%Y")}),
                  "", today)]


def opinion_work(user, held, today):
    """Tờ trình on which a department the user answers for still owes opinions, while the batch
    is at the appraisal step (``nominations.opinions``: a role at the department itself)."""
    departments = {org_id for role, org_id, _path, _subtree in assignments(user)
                   if role in DEPARTMENT_ROLES}
    if not departments:
        return []
    pending = OpinionRequest.objects.in_scope(Q(department_id__in=departments)).filter(
        batch__state=State.IN_APPRAISAL, opinions__value=Opinion.PENDING).select_related(
        "batch", "department")
    return [_work("opinions", _("Tờ trình chờ ban cho ý kiến"), pending.distinct(), "due_on",
                  lambda r: Entry(r.batch.title, r.get_absolute_url(), r.due_on,
                                  r.department.name),
                  reverse("nominations:opinion_requests"), today)]


def portal_work(user, held, today):
    found = []
    if held & MODERATOR_ROLES:
        comments = Comment.objects.filter(status=CommentStatus.PENDING).filter(
            organization_q(user, MODERATOR_ROLES, "article__site__organization__")).select_related(
            "article__site")
        found.append(_work("comments", _("Bình luận chờ kiểm duyệt"), comments, "created_at",
                           lambda c: Entry(c.body[:80], reverse("portal:staff_comments", kwargs={
                               "site": c.article.site.slug}), None, c.article.site.name),
                           "", today))
    if held & EDITOR_ROLES:
        drafts = Article.objects.filter(status=ArticleStatus.DRAFT).filter(
            organization_q(user, EDITOR_ROLES, "site__organization__")).select_related("site")
        found.append(_work("articles", _("Tin bài nháp chờ xuất bản"), drafts, None,
                           lambda a: Entry(a.title, reverse("portal:staff_article", kwargs={
                               "site": a.site.slug, "pk": a.pk}), None, a.site.name),
                           "", today))
    return found


SOURCES = (batch_work, decision_work, council_work, registration_work, registration_open_work,
           score_work, report_work, transfer_work, opinion_work, portal_work)


def my_work(user, today=None):
    """Every kind of work waiting for ``user``, overdue first, then by nearest deadline."""
    today = today or timezone.localdate()
    held = _held(user)
    found = [work for source in SOURCES for work in source(user, held, today) if work]
    return sorted(found, key=lambda w: (not w.overdue, w.due is None, w.due or today))
