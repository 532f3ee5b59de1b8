"""Ballots: secret-ballot unlinkability, thresholds over total membership, voting errors."""
import pytest
from django.db import connection
from django.urls import reverse

from thidua.accounts.models import Role
from thidua.awards.models import AwardType
from thidua.core import scopes
from thidua.nominations import workflow
from thidua.nominations.models import (BallotParticipation, Council, CouncilSession, OpenVote,
                                       Tally)
from thidua.nominations.states import CouncilResult

pytestmark = pytest.mark.django_db


def session_for(pipeline, codes, person=None):
    batch = pipeline.draft(codes=codes, person=person)
    pipeline.to_council(batch)
    items = list(batch.items.all())
    return batch, items, workflow.open_session(pipeline.hue.secretary, pipeline.hue.council,
                                               "Phiên họp", items)


def test_secret_ballot_stores_nothing_that_links_a_vote_to_a_member(pipeline):
    batch, items, session = session_for(pipeline, ("CSTDCS",))
    assert session.secret
    values = ["AGREE", "DISAGREE", "AGREE", "ABSTAIN", "AGREE"]
    for member, value in zip(pipeline.hue.members, values):
        workflow.cast_ballot(member, session, {items[0].pk: value})

    tally = Tally.objects.get(session=session, item=items[0])
    assert (tally.agree, tally.disagree, tally.abstain) == (3, 1, 1)
    assert BallotParticipation.objects.filter(session=session).count() == 5
    assert not OpenVote.objects.exists()
    # Schema: the counts table has no member, the participation table has no value or time.
    tally_columns = {c.name for c in connection.introspection.get_table_description(
        connection.cursor(), Tally._meta.db_table)}
    participation_columns = {c.name for c in connection.introspection.get_table_description(
        connection.cursor(), BallotParticipation._meta.db_table)}
    assert tally_columns == {"id", "session_id", "item_id", "round", "agree", "disagree",
                             "abstain"}
    assert participation_columns == {"id", "session_id", "round", "member_id"}
    # No history table copies either of them (history rows would carry the voter).
    tables = connection.introspection.table_names()
    assert not [t for t in tables if "historical" in t and ("tally" in t or "ballot" in t)]
    # Nothing else written during voting mentions the vote values next to a member.
    from thidua.nominations.models import Transition

    assert not Transition.objects.filter(note__icontains="AGREE").exists()


def test_open_ballot_keeps_named_votes(pipeline):
    batch, items, session = session_for(pipeline, ("GK",))
    assert not session.secret
    workflow.cast_ballot(pipeline.hue.members[0], session, {items[0].pk: "AGREE"})
    assert OpenVote.objects.get().member.user == pipeline.hue.members[0]


def test_voting_twice_and_after_closing_are_refused_in_vietnamese(pipeline):
    batch, items, session = session_for(pipeline, ("GK",))
    member = pipeline.hue.members[0]
    workflow.cast_ballot(member, session, {items[0].pk: "AGREE"})
    with pytest.raises(workflow.WorkflowError, match="đã bỏ phiếu ở vòng này"):
        workflow.cast_ballot(member, session, {items[0].pk: "DISAGREE"})
    assert Tally.objects.get(item=items[0]).total == 1
    with pytest.raises(workflow.WorkflowError, match="không phải thành viên"):
        workflow.cast_ballot(pipeline.reporter, session, {items[0].pk: "AGREE"})
    for other in pipeline.hue.members[1:3]:
        workflow.cast_ballot(other, session, {items[0].pk: "AGREE"})
    workflow.close_session(pipeline.hue.secretary, session)
    with pytest.raises(workflow.WorkflowError, match="Phiên họp đã kết thúc"):
        workflow.cast_ballot(pipeline.hue.members[4], session, {items[0].pk: "AGREE"})


def test_threshold_counts_total_membership_so_absentees_weigh_against(pipeline, make_user):
    for _ in range(5):  # ten members in all
        from thidua.nominations.models import CouncilMembership

        CouncilMembership.objects.create(council=pipeline.hue.council, user=make_user(),
                                         role="MEMBER", start_date="2020-01-01")
    batch, items, session = session_for(pipeline, ("CSTDCS",))
    assert session.total_members == 10
    members = list(session.attendance.all())
    # 8 present, all agree: 80% of 10 reaches CSTĐCS's 80% …
    workflow.set_attendance(pipeline.hue.secretary, session, [a.member_id for a in members[:8]])
    workflow.enter_paper_tally(pipeline.hue.secretary, session, [a.member for a in members[:8]],
                               {items[0].pk: (8, 0, 0)})
    workflow.close_session(pipeline.hue.secretary, session)
    items[0].refresh_from_db()
    assert items[0].council_result == CouncilResult.PASSED
    # … but the same 8 of 10 would not reach CSTĐ cấp bộ's 90%.
    assert not AwardType.objects.get(code="CSTD_BO").vote_passes(8, 10)
    # and a simple majority needs more than half of all members, not of those present.
    assert not AwardType.objects.get(code="GK").vote_passes(5, 10)


def test_quorum_and_paper_tally_checks(pipeline):
    batch, items, session = session_for(pipeline, ("GK",))
    attendance = list(session.attendance.all())
    workflow.set_attendance(pipeline.hue.secretary, session, [attendance[0].member_id],
                            written=[a.member_id for a in attendance[1:]])
    with pytest.raises(workflow.WorkflowError, match="vượt số phiếu"):
        workflow.enter_paper_tally(pipeline.hue.secretary, session, [attendance[0].member],
                                   {items[0].pk: (2, 0, 0)})
    with pytest.raises(workflow.WorkflowError, match="chưa đủ số thành viên có mặt"):
        workflow.close_session(pipeline.hue.secretary, session)


def test_second_round_only_for_those_who_failed(pipeline, network):
    batch, items, session = session_for(pipeline, ("GK", "LDTT"))
    gk, ldtt = items
    for member in pipeline.hue.members:
        workflow.cast_ballot(member, session, {gk.pk: "AGREE", ldtt.pk: "DISAGREE"})
    session = workflow.next_round(pipeline.hue.secretary, session)
    assert set(session.tallies.filter(round=2).values_list("item_id", flat=True)) == {ldtt.pk}
    for member in pipeline.hue.members:
        workflow.cast_ballot(member, session, {ldtt.pk: "AGREE"})
    with pytest.raises(workflow.WorkflowError, match="hết số vòng"):
        workflow.next_round(pipeline.hue.secretary, session)
    workflow.close_session(pipeline.hue.secretary, session)
    assert set(batch.items.values_list("council_result", flat=True)) == {CouncilResult.PASSED}


def test_the_session_page_counts_the_ballots_cast_and_says_whether_i_voted(pipeline, client):
    _batch, items, session = session_for(pipeline, ("CSTDCS",))
    for member in pipeline.hue.members[:2]:
        workflow.cast_ballot(member, session, {items[0].pk: "AGREE"})
    client.force_login(pipeline.hue.members[0])
    page = client.get(session.get_absolute_url()).content.decode()
    assert "Đã có 2 phiếu ở vòng này." in page
    assert "Bạn đã bỏ phiếu ở vòng này." in page
    client.force_login(pipeline.hue.members[2])
    page = client.get(session.get_absolute_url()).content.decode()
    assert "Đã có 2 phiếu ở vòng này." in page
    assert "Bạn đã bỏ phiếu ở vòng này." not in page


BROKEN_IDS = "Lựa chọn gửi lên không hợp lệ (không phải mã của bản ghi nào)."


@pytest.mark.parametrize("garbage", ["abc", "a\x00b", "9" * 40, "-1"])
def test_broken_ids_and_counts_from_the_council_pages_are_refused_in_vietnamese(
        pipeline, client, garbage):
    """The form fuzzer's garbage in the council's checkboxes and tally boxes was a 500 (int() or
    the id lookup failing); it is now a message and nothing written."""
    _batch, items, session = session_for(pipeline, ("GK",))
    client.force_login(pipeline.hue.secretary)
    council = client.post(f"/ho-so/hoi-dong/{pipeline.hue.council.pk}/",
                          {"items": [items[0].pk, garbage]}, follow=True)
    assert BROKEN_IDS in council.content.decode()
    assert pipeline.hue.council.sessions.count() == 1
    for data in ({"action": "attendance", "present": [garbage]},
                 {"action": "paper", "voters": [garbage]}):
        page = client.post(session.get_absolute_url(), data, follow=True)
        assert BROKEN_IDS in page.content.decode()
    present = [a.member_id for a in session.attendance.all()]
    page = client.post(session.get_absolute_url(), {
        "action": "paper", "voters": present, f"agree-{items[0].pk}": garbage}, follow=True)
    body = page.content.decode()
    assert ("Số phiếu phải là số nguyên không âm." in body  # not a number
            or "Tổng số phiếu của một hồ sơ không được vượt số phiếu thu vào" in body)
    assert not session.participations.exists()


def test_the_tally_spans_the_page_and_closing_the_session_asks_first(pipeline, client):
    """The tally sits above the ballot and the secretary's panel, over the whole width (beside the
    panel its threshold and result columns were cut off); a member's ballot takes the whole row;
    ending the session, which fixes the results, asks for confirmation."""
    _batch, _items, session = session_for(pipeline, ("CSTDCS",))
    client.force_login(pipeline.hue.members[0])
    page = client.get(session.get_absolute_url()).content.decode()
    assert page.index('data-testid="session-tally"') < page.index('<div class="row g-3">')
    assert '<div class="col-12">' in page and "col-lg-5" not in page
    assert "Kết thúc phiên họp" not in page and "The tally over" not in page
    client.force_login(pipeline.hue.secretary)
    page = client.get(session.get_absolute_url()).content.decode()
    assert page.index('data-testid="session-tally"') < page.index('<div class="col-lg-7">')
    assert 'data-confirm="Kết thúc phiên họp: kết quả bỏ phiếu được chốt' in page


def test_a_secret_ballots_counts_are_sealed_until_the_round_ends(pipeline, client):
    """While a secret round is open nobody — not the member about to vote, not the secretary —
    sees how the others voted, only how many ballots are in; the counts show once it closes,
    and the secretary is pointed to the tờ trình for the next step. A named (open) vote shows
    its counts as they come."""
    batch, items, session = session_for(pipeline, ("CSTDCS",))
    for member in pipeline.hue.members[:4]:
        workflow.cast_ballot(member, session, {items[0].pk: "AGREE"})
    tallies = reverse("nominations:session_tallies", args=[session.pk])
    for user in (pipeline.hue.members[4], pipeline.hue.secretary):
        client.force_login(user)
        for url in (session.get_absolute_url(), tallies):
            page = client.get(url).content.decode()
            assert "Đã có 4 phiếu ở vòng này." in page and "Đạt</span>" not in page
            assert ">4</td>" not in page and "Đang bỏ phiếu" in page
    workflow.close_session(pipeline.hue.secretary, session)
    page = client.get(tallies).content.decode()
    assert ">4</td>" in page and "Đang bỏ phiếu" not in page
    page = client.get(session.get_absolute_url()).content.decode()  # the secretary's
    assert "Bước tiếp theo" in page and batch.get_absolute_url() in page
    client.force_login(pipeline.hue.members[4])
    assert "Bước tiếp theo" not in client.get(session.get_absolute_url()).content.decode()

    _batch, items, named = session_for(pipeline, ("GK",))
    workflow.cast_ballot(pipeline.hue.members[0], named, {items[0].pk: "AGREE"})
    page = client.get(reverse("nominations:session_tallies", args=[named.pk])).content.decode()
    assert ">1</td>" in page


def test_a_user_of_another_unit_sees_no_council_or_session(pipeline, network, make_user,
                                                           client, settings):
    settings.THIDUA_UNSCOPED_READS = "raise"
    batch, items, session = session_for(pipeline, ("GK",))
    council = pipeline.hue.council
    other = make_user(Role.EC_OFFICER, network.hanoi)
    member = pipeline.hue.members[0]
    with scopes.serving("/ho-so/phien-hop/"):
        assert list(Council.objects.visible_to(other)) == []
        assert list(CouncilSession.objects.visible_to(other)) == []
        assert list(CouncilSession.objects.visible_to(member)) == [session]
        assert list(Council.objects.visible_to(pipeline.hue.officer)) == [council]
        for model in (Council, CouncilSession):
            with pytest.raises(scopes.ScopeError, match=model._meta.label):
                list(model.objects.all())
    client.force_login(other)
    assert client.get(reverse("nominations:council", args=[council.pk])).status_code == 403
    assert client.get(session.get_absolute_url()).status_code == 403
    assert client.get("/api/v1/councils").json()["items"] == []
    assert client.get("/api/v1/council-sessions").json()["items"] == []
    assert client.get(f"/api/v1/council-sessions/{session.pk}").status_code == 404
