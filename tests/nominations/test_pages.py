"""The screens: each renders for who may see it and its buttons call the workflow."""
import pytest

from thidua.accounts.models import RoleAssignment
from thidua.nominations import workflow
from thidua.nominations.models import Decision, NominationBatch
from thidua.nominations.states import State
from thidua.nominations.views.batches import appraisers

pytestmark = pytest.mark.django_db


def test_pages_render_along_the_pipeline(client, pipeline, network):
    client.force_login(pipeline.reporter)
    assert client.get("/ho-so/").status_code == 200
    assert client.get("/ho-so/moi/").status_code == 200
    response = client.post("/ho-so/moi/", {
        "proposer": network.hue_coop.pk, "authority": network.hue.pk, "title": "Tờ trình thử",
        "year": 2025, "basis": "MERIT", "procedure": "STANDARD"})
    batch = NominationBatch.objects.get(title="Tờ trình thử")
    assert response.status_code == 302
    page = client.get(f"/ho-so/{batch.pk}/doi-tuong/").content.decode()
    assert "Thêm nhiều người từ danh sách" in page
    client.post(f"/ho-so/{batch.pk}/doi-tuong/", {
        "form": "many", "award_type": 9 if False else
        __import__("thidua.awards.models", fromlist=["AwardType"]).AwardType.objects.get(
            code="GK").pk, "people": [network.hue_person.pk]})
    assert batch.items.count() == 1
    response = client.post(f"/ho-so/{batch.pk}/thao-tac/gui/", follow=True)
    assert "Hồ sơ còn thiếu" in response.content.decode()

    full = pipeline.draft(codes=("GK",))
    pipeline.to_council(full)
    client.force_login(pipeline.hue.secretary)
    assert client.get(f"/ho-so/hoi-dong/{pipeline.hue.council.pk}/").status_code == 200
    client.post(f"/ho-so/hoi-dong/{pipeline.hue.council.pk}/", {
        "items": [i.pk for i in full.items.all()], "title": "Phiên họp"})
    session = pipeline.hue.council.sessions.get()
    client.force_login(pipeline.hue.members[0])
    page = client.get(session.get_absolute_url()).content.decode()
    assert "Phiếu của tôi" in page
    item = full.items.get()
    client.post(session.get_absolute_url(), {"action": "vote", f"item-{item.pk}": "AGREE"})
    response = client.post(session.get_absolute_url(), {"action": "vote",
                                                        f"item-{item.pk}": "AGREE"}, follow=True)
    assert "đã bỏ phiếu ở vòng này" in response.content.decode()
    assert client.get(f"/ho-so/phien-hop/{session.pk}/ket-qua/").status_code == 200
    for member in pipeline.hue.members[1:]:
        client.force_login(member)
        client.post(session.get_absolute_url(), {"action": "vote", f"item-{item.pk}": "AGREE"})
    client.force_login(pipeline.hue.secretary)
    client.post(session.get_absolute_url(), {"action": "close"})
    assert "BIÊN BẢN KIỂM PHIẾU" in client.get(f"/ho-so/phien-hop/{session.pk}/bien-ban/").content.decode()

    client.force_login(pipeline.hue.signer)
    assert client.get(f"/ho-so/{full.pk}/quyet-dinh/").status_code == 200
    client.post(f"/ho-so/{full.pk}/quyet-dinh/", {"items": [item.pk], "title": "Về việc tặng GK"})
    decision = Decision.objects.get()
    assert "Bản xem trước" in client.get(decision.get_absolute_url()).content.decode()
    client.post(decision.get_absolute_url(), {"action": "issue"})
    decision.refresh_from_db()
    full.refresh_from_db()
    assert decision.number == 1 and full.state == State.DECIDED
    detail = client.get(full.get_absolute_url()).content.decode()
    assert "Đã quyết định" in detail and "Lịch sử trạng thái" in detail


def test_public_disclosure_page_with_captcha(client, pipeline, network):
    from thidua.nominations import captcha, workflow

    batch = pipeline.draft(codes=("BK_TTG",))
    pipeline.to_appraisal(batch)
    pipeline.appraise_all(batch)
    workflow.open_publicity(pipeline.hue.officer, batch)
    url = f"/ho-so/cong-khai/{batch.disclosure.token}/"
    page = client.get(url).content.decode()
    assert network.hue_person.full_name in page and "1980" not in page
    question, token = captcha.new_challenge()
    wrong = client.post(url, {"name": "A", "body": "Ý kiến", "answer": "999", "token": token})
    assert "chưa đúng" in wrong.content.decode()
    answer = sum(int(n) for n in question.split(" + "))
    client.post(url, {"name": "A", "body": "Ý kiến", "answer": answer, "token": token})
    assert batch.disclosure.comments.count() == 1



def test_the_deciding_units_own_appraiser_is_offered_first(client, pipeline):
    """A Huế dossier is given to Huế's appraiser: offered are the deciding unit's own intake
    staff, its appraisers first (so preselected), and not the national officers above it."""
    batch = pipeline.draft()
    workflow.submit_batch(pipeline.reporter, batch)
    workflow.receive_batch(pipeline.hue.officer, batch)
    client.force_login(pipeline.hue.officer)
    page = client.get(f"/ho-so/{batch.pk}/")
    offered = [user.pk for user in page.context["appraisers"]]
    assert offered == [pipeline.hue.appraiser.pk, pipeline.hue.officer.pk]
    html = page.content.decode()
    assert f'<option value="{pipeline.vca.appraiser.pk}"' not in html


def test_a_unit_without_intake_staff_is_offered_the_staff_above(pipeline):
    """Only when the deciding unit has no intake officer of its own are the officers above it
    offered, those whose role reaches down to it — each of whom may then take the dossier."""
    batch = pipeline.draft()
    RoleAssignment.objects.filter(organization=batch.authority).delete()
    offered = list(appraisers(batch))
    assert {user.pk for user in offered} == {pipeline.vca.appraiser.pk, pipeline.vca.officer.pk}
    assert offered[0] == pipeline.vca.appraiser
    assert all(user.has_perm("nominations.intake_batch", batch) for user in offered)
