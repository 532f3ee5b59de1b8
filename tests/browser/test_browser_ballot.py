"""A council member casts a secret ballot with real clicks, from the home page: no choice is made
for them (the form preselected "Đồng ý" for every nominee), the ballot is not cast until each
nominee has a choice, and what is stored counts the vote without linking it to the member."""
import pytest
from playwright.sync_api import expect

from tests.nomination_pipeline import Pipeline
from thidua.nominations import workflow
from thidua.nominations.models import BallotParticipation, Tally

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_member_casts_a_secret_ballot_choosing_each_vote(
        page, live_server, network, make_user, settings, base_salary_entered, log_in, shoot):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    pipeline = Pipeline(network, make_user)
    batch = pipeline.draft(codes=("CSTDCS",))
    pipeline.to_council(batch)
    items = list(batch.items.all())
    session = workflow.open_session(pipeline.hue.secretary, pipeline.hue.council,
                                    "Phiên họp xét Chiến sĩ thi đua cơ sở", items)
    assert session.secret
    member = pipeline.hue.members[1]

    log_in(page, live_server, member)
    page.get_by_test_id("work-vote").get_by_role(
        "link", name="Phiên họp xét Chiến sĩ thi đua cơ sở").click()
    expect(page.get_by_role("heading", name="Phiếu của tôi")).to_be_visible()
    expect(page.get_by_role("radio", checked=True)).to_have_count(0)
    page.get_by_role("button", name="Bỏ phiếu", exact=True).click()
    expect(page.locator("input[type=radio]:invalid").first).to_be_attached()  # the browser asks
    assert not BallotParticipation.objects.exists()
    shoot(page, "ux-work/ballot-empty")

    nominee = page.get_by_role("group", name="Nguyễn Văn Điệp — Chiến sĩ thi đua cơ sở")
    nominee.get_by_label("Không đồng ý").click()
    page.get_by_role("button", name="Bỏ phiếu", exact=True).click()
    expect(page.get_by_text("Đã ghi nhận phiếu của bạn.")).to_be_visible()
    expect(page.get_by_text("Bạn đã bỏ phiếu ở vòng này.")).to_be_visible()
    tally = Tally.objects.get(session=session, item=items[0])
    assert (tally.agree, tally.disagree, tally.abstain) == (0, 1, 0)
    assert list(BallotParticipation.objects.values_list("member__user", flat=True)) == [member.pk]
    shoot(page, "ux-work/ballot-cast")
