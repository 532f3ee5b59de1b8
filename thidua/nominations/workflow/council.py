"""Council sessions and ballots. Secret ballots write a BallotParticipation (who voted) and
increment anonymous Tally counters with F() in the same transaction — nothing else, not even an
audit entry (it names the voter). Every other write here is in the audit log."""
from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.audit.recording import audited_update, record_created
from thidua.core.permissions import require
from thidua.core.scopes import ROW_LOCK

from ..models import (Attendance, BallotParticipation, CouncilSession, Nomination, OpenVote,
                      SessionState, Tally)
from ..rules import ISSUERS
from ..states import CouncilResult, State, Verdict, VoteValue
from .common import WorkflowError, tell

# Nominees chosen for a session by id: open_session checks each against the council below.
CHOSEN = "nominees chosen for a council session, each checked by open_session"
COLUMNS = {VoteValue.AGREE: "agree", VoteValue.DISAGREE: "disagree", VoteValue.ABSTAIN: "abstain"}


@transaction.atomic
def open_session(user, council, title, items, day=None):
    """Open a session on ``items`` (eligible nominees of batches at this council's unit, waiting
    for a vote). The ballot is secret when any item's type asks for it. Side effects: session,
    attendance rows (everyone present by default), round-1 tallies; members notified."""
    require(user, "nominations.run_council", council)
    day = day or timezone.localdate()
    items = list(Nomination.objects.unscoped(CHOSEN).filter(
        pk__in=[i.pk for i in items]).select_related("batch", "award_type"))
    if not items:
        raise WorkflowError(_("Phiên họp cần ít nhất một hồ sơ để xét."))
    for item in items:
        if (item.batch.authority_id != council.organization_id or item.batch.state != State.AT_COUNCIL
                or item.verdict != Verdict.ELIGIBLE or item.council_result != CouncilResult.PENDING):
            raise WorkflowError(_("%(item)s không ở danh sách chờ Hội đồng này bỏ phiếu.") % {
                "item": item})
    members = list(council.members_on(day))
    if not members:
        raise WorkflowError(_("Hội đồng chưa có thành viên vào ngày họp."))
    session = CouncilSession.objects.create(
        council=council, title=title, date=day, created_by=user, total_members=len(members),
        secret=any(item.award_type.secret_ballot for item in items),
        quorum_percent=settings.THIDUA_COUNCIL_QUORUM_PERCENT)
    session.agenda.set(items)
    record_created(Attendance.objects.bulk_create(Attendance(session=session, member=m)
                                                  for m in members))
    record_created(Tally.objects.bulk_create(Tally(session=session, item=item, round=1)
                                             for item in items))
    from thidua.core.notifications import notify

    notify([m.user for m in members], _("Phiên họp Hội đồng mở bỏ phiếu"), str(session),
           session.get_absolute_url())
    return session


def _open(session):
    session = CouncilSession.objects.unscoped(ROW_LOCK).select_for_update().get(pk=session.pk)
    if session.state != SessionState.OPEN:
        raise WorkflowError(_("Phiên họp đã kết thúc, không thể bỏ phiếu nữa."))
    return session


def membership_of(user, session):
    return session.council.members_on(session.date).filter(user=user).first()


@transaction.atomic
def set_attendance(user, session, present, written=()):
    """Mark who is present and which absent members sent a written vote (membership ids)."""
    require(user, "nominations.run_council", session.council)
    session = _open(session)
    present, written = set(present), set(written)
    for row in session.attendance.all():
        row.present = row.member_id in present
        row.written_vote = not row.present and row.member_id in written
        row.save(update_fields=["present", "written_vote"])


def _round_items(session):
    return {t.item_id for t in session.tallies.filter(round=session.round)}


def _count(session, votes):
    """Add one ballot's ``votes`` ({item id: value}) to the round's tallies with F()."""
    items = _round_items(session)
    if set(votes) != items:
        raise WorkflowError(_("Phiếu phải có ý kiến cho đúng và đủ các hồ sơ của vòng này."))
    for item_id, value in votes.items():
        if value not in COLUMNS:
            raise WorkflowError(_("Ý kiến không hợp lệ."))
        column = COLUMNS[value]
        tallies = Tally.objects.filter(session=session, item_id=item_id, round=session.round)
        if session.secret:
            tallies.update(**{column: F(column) + 1})
        else:
            audited_update(tallies, **{column: F(column) + 1})


def _participate(session, member):
    try:
        with transaction.atomic():
            BallotParticipation.objects.create(session=session, round=session.round, member=member)
    except IntegrityError:
        raise WorkflowError(_("%(member)s đã bỏ phiếu ở vòng này; mỗi thành viên chỉ bỏ một "
                              "phiếu.") % {"member": member.user}) from None


@transaction.atomic
def cast_ballot(user, session, votes):
    """A member votes on every nominee of the current round from their own device. Side effects:
    a BallotParticipation row and tally increments; for open ballots also named OpenVote rows."""
    session = _open(session)
    member = membership_of(user, session)
    if member is None:
        raise WorkflowError(_("Bạn không phải thành viên Hội đồng của phiên họp này."))
    votes = {int(k): v for k, v in votes.items()}
    _participate(session, member)
    _count(session, votes)
    if not session.secret:
        record_created(OpenVote.objects.bulk_create(
            OpenVote(session=session, round=session.round, member=member, item_id=k, value=v)
            for k, v in votes.items()))


@transaction.atomic
def enter_paper_tally(user, session, voters, counts):
    """The secretary enters paper ballots: ``voters`` (memberships who handed one in) and
    ``counts`` {item id: (agree, disagree, abstain)}. Side effects: participations, tallies."""
    require(user, "nominations.run_council", session.council)
    session = _open(session)
    voters = list(voters)
    items = _round_items(session)
    try:
        counts = {int(k): tuple(int(n) for n in v) for k, v in counts.items()}
    except (TypeError, ValueError):
        raise WorkflowError(_("Số phiếu phải là số nguyên không âm.")) from None
    if set(counts) != items:
        raise WorkflowError(_("Cần nhập kết quả cho đúng và đủ các hồ sơ của vòng này."))
    for item_id, numbers in counts.items():
        if any(n < 0 for n in numbers) or sum(numbers) > len(voters):
            raise WorkflowError(_("Tổng số phiếu của một hồ sơ không được vượt số phiếu thu vào "
                                  "(%(n)s).") % {"n": len(voters)})
    for member in voters:
        _participate(session, member)
    for item_id, (agree, disagree, abstain) in counts.items():
        audited_update(
            Tally.objects.filter(session=session, item_id=item_id, round=session.round),
            agree=F("agree") + agree, disagree=F("disagree") + disagree,
            abstain=F("abstain") + abstain)


def passes(session, tally):
    return tally.item.award_type.vote_passes(tally.agree, session.total_members)


def counts_sealed(session, tally):
    """A secret ballot's counts for the round being voted stay sealed until that round ends
    (the next round or the close): a member who has not voted yet must not see how the others
    voted. Only the number of ballots cast shows meanwhile."""
    return session.secret and session.state == SessionState.OPEN and tally.round == session.round


@transaction.atomic
def next_round(user, session):
    """Open another round for the nominees that have not reached their threshold (at most
    THIDUA_MAX_BALLOT_ROUNDS rounds). Side effects: the round number, new tally rows."""
    require(user, "nominations.run_council", session.council)
    session = _open(session)
    if session.round >= settings.THIDUA_MAX_BALLOT_ROUNDS:
        raise WorkflowError(_("Đã hết số vòng bỏ phiếu cho phép."))
    failing = [t.item for t in session.tallies.filter(round=session.round).select_related(
        "item__award_type") if not passes(session, t)]
    if not failing:
        raise WorkflowError(_("Mọi hồ sơ đã đạt; không cần bỏ phiếu thêm."))
    session.round += 1
    session.save(update_fields=["round"])
    record_created(Tally.objects.bulk_create(Tally(session=session, item=item, round=session.round)
                                             for item in failing))
    return session


def quorum_met(session):
    present = session.attendance.filter(present=True).count()
    return present * 100 >= session.quorum_percent * session.total_members


@transaction.atomic
def close_session(user, session):
    """Close the session and settle each nominee against its type's threshold over the total
    membership, on its last round. Refused without quorum. Side effects: session CLOSED, item
    council results; the issuers notified."""
    require(user, "nominations.run_council", session.council)
    session = _open(session)
    if not quorum_met(session):
        raise WorkflowError(_("Phiên họp chưa đủ số thành viên có mặt theo quy định (tối thiểu "
                              "%(p)s%% tổng số thành viên).") % {"p": session.quorum_percent})
    latest = {}
    for tally in session.tallies.select_related("item__award_type").order_by("round"):
        latest[tally.item_id] = tally
    for tally in latest.values():
        tally.item.council_result = (CouncilResult.PASSED if passes(session, tally)
                                     else CouncilResult.FAILED)
        tally.item.save(update_fields=["council_result"])
    session.state = SessionState.CLOSED
    session.save(update_fields=["state"])
    for batch in {t.item.batch for t in latest.values()}:
        tell(batch.authority, ISSUERS, _("Hội đồng đã có kết quả; chờ ban hành quyết định"), batch)
    return session
