"""Council screens: composition and sessions, a session with attendance, own-device voting,
paper tallies and live tallies (htmx polling), and the printable minutes."""
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.db.models import Q
from django.views import View

from thidua.core.fields import chosen_ids

from .. import workflow
from ..models import Council, CouncilSession, Nomination, SessionState
from ..states import CouncilResult, State, Verdict, VoteValue
from ..workflow.council import CHOSEN, counts_sealed, membership_of, passes, quorum_met
from .common import attempt


class CouncilView(LoginRequiredMixin, View):
    """The council of one organisation (pk = council): members, sessions, and a new session over
    the nominees waiting for a vote."""

    def load(self, request, pk):
        council = get_object_or_404(Council.objects.select_related("organization")
                                    .for_permission_check(), pk=pk)
        if not request.user.has_perm("nominations.view_council", council):
            raise PermissionDenied
        return council

    def get(self, request, pk):
        council = self.load(request, pk)
        waiting = Nomination.objects.in_scope(Q(batch__authority=council.organization)).filter(
            batch__state=State.AT_COUNCIL,
            verdict=Verdict.ELIGIBLE, council_result=CouncilResult.PENDING).select_related(
            "person", "organization", "award_type", "batch")
        return render(request, "nominations/council.html", {
            "council": council, "memberships": council.memberships.select_related("user"),
            "sessions": council.sessions.all(), "waiting": waiting,
            "can_run": request.user.has_perm("nominations.run_council", council)})

    def post(self, request, pk):
        council = self.load(request, pk)
        session = None

        def open_session():
            nonlocal session
            items = Nomination.objects.unscoped(CHOSEN).filter(
                pk__in=chosen_ids(request.POST.getlist("items"))).select_related("batch",
                                                                                 "award_type")
            session = workflow.open_session(request.user, council,
                                            request.POST.get("title") or _("Phiên họp"), items)

        if attempt(request, open_session, _("Đã mở phiên họp.")):
            return redirect(session)
        return redirect("nominations:council", pk)


def session_or_403(request, pk):
    session = get_object_or_404(CouncilSession.objects.select_related("council__organization")
                                .for_permission_check(), pk=pk)
    user = request.user
    if not (user.has_perm("nominations.view_council", session.council)
            or membership_of(user, session)):
        raise PermissionDenied
    return session


def ballots_cast(session):
    return session.participations.filter(round=session.round).count()


def tally_rows(session):
    """(tally, passed, sealed) per nominee and round; see ``counts_sealed``."""
    rows = []
    for tally in session.tallies.select_related(
            "item__person", "item__organization", "item__award_type").order_by("round", "item_id"):
        sealed = counts_sealed(session, tally)
        rows.append((tally, not sealed and passes(session, tally), sealed))
    return rows


def closed_batches(session):
    """The tờ trình a closed session voted on, for the secretary's next step (the decision or
    the submission upwards happens on each tờ trình's page)."""
    if session.state != SessionState.CLOSED:
        return []
    return list({item.batch_id: item.batch for item in session.agenda.select_related(
        "batch__authority").order_by("batch_id")}.values())


class SessionView(LoginRequiredMixin, View):
    def get(self, request, pk):
        session = session_or_403(request, pk)
        member = membership_of(request.user, session)
        voted = member and session.participations.filter(round=session.round,
                                                          member=member).exists()
        can_run = request.user.has_perm("nominations.run_council", session.council)
        return render(request, "nominations/session.html", {
            "session": session, "member": member, "voted": voted, "ballots": ballots_cast(session),
            "round_items": [t.item for t in session.tallies.filter(round=session.round)
                            .select_related("item__person", "item__organization",
                                            "item__award_type")],
            "attendance": session.attendance.select_related("member__user"),
            "values": VoteValue.choices, "rows": tally_rows(session),
            "can_run": can_run, "quorum": quorum_met(session),
            "next_batches": closed_batches(session) if can_run else []})

    def post(self, request, pk):
        session = session_or_403(request, pk)
        user, post, action = request.user, request.POST, request.POST.get("action")
        if action == "vote":
            votes = {key[5:]: value for key, value in post.items() if key.startswith("item-")}
            attempt(request, lambda: workflow.cast_ballot(user, session, votes),
                    _("Đã ghi nhận phiếu của bạn."))
        elif action == "attendance":
            attempt(request, lambda: workflow.set_attendance(
                user, session, chosen_ids(post.getlist("present")),
                chosen_ids(post.getlist("written"))), _("Đã lưu điểm danh."))
        elif action == "paper":
            def paper():
                voters = [a.member for a in session.attendance.filter(
                    member_id__in=chosen_ids(post.getlist("voters"))).select_related(
                        "member__user")]
                counts = {t.item_id: (post.get(f"agree-{t.item_id}") or 0,
                                      post.get(f"disagree-{t.item_id}") or 0,
                                      post.get(f"abstain-{t.item_id}") or 0)
                          for t in session.tallies.filter(round=session.round)}
                workflow.enter_paper_tally(user, session, voters, counts)

            attempt(request, paper, _("Đã nhập kết quả kiểm phiếu."))
        elif action == "round":
            attempt(request, lambda: workflow.next_round(user, session),
                    _("Đã mở vòng bỏ phiếu tiếp theo."))
        elif action == "close":
            attempt(request, lambda: workflow.close_session(user, session),
                    _("Đã kết thúc phiên họp."))
        else:
            raise PermissionDenied
        return redirect(session)


class SessionTalliesView(LoginRequiredMixin, View):
    """The live tallies fragment, polled by htmx every few seconds."""

    def get(self, request, pk):
        session = session_or_403(request, pk)
        return render(request, "nominations/_tallies.html", {
            "session": session, "rows": tally_rows(session),
            "ballots": ballots_cast(session)})


class MinutesView(LoginRequiredMixin, View):
    def get(self, request, pk):
        session = session_or_403(request, pk)
        attendance = session.attendance.select_related("member__user")
        return render(request, "nominations/minutes.html", {
            "session": session, "rows": tally_rows(session), "attendance": attendance,
            "present": sum(1 for a in attendance if a.present),
            "memberships": session.council.members_on(session.date)})
