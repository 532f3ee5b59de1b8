"""Department appraisal over the API: the Huế appraiser asks two departments, the Ban Kiểm tra
answers; a department of Hà Nội sees nothing and cannot answer; bad input is a Vietnamese 400."""
import pytest
from nomination_pipeline import Pipeline

from thidua.accounts.models import Role
from thidua.organizations import services
from thidua.organizations.models import Organization, OrganizationKind

pytestmark = pytest.mark.django_db


def post(client, url, data=None):
    return client.post(f"/api/v1{url}", data or {}, content_type="application/json")


def department(network, level, code, name):
    return services.create_organization(network.actor, level, Organization(
        kind=OrganizationKind.ALLIANCE_DEPARTMENT, code=code, name=name))


def test_departments_asked_and_answering_over_the_api(client, network, make_user,
                                                     base_salary_entered):
    pipeline = Pipeline(network, make_user, size=1)
    inspection = department(network, network.hue, "P46-BKT", "Ban Kiểm tra")
    office = department(network, network.hue, "P46-VP", "Văn phòng")
    elsewhere = department(network, network.hanoi, "P01-VP", "Văn phòng Hà Nội")
    inspector = make_user(Role.APPRAISER, inspection, include_descendants=False)
    outsider = make_user(Role.APPRAISER, elsewhere, include_descendants=False)
    batch = pipeline.to_appraisal(pipeline.draft(codes=("GK", "BK_BO")))

    client.force_login(pipeline.hue.appraiser)
    wrong = post(client, f"/nominations/{batch.pk}/opinion-requests",
                 {"department_ids": [elsewhere.pk]})
    assert wrong.status_code == 400 and "không phải là ban" in wrong.json()["detail"]
    asked = post(client, f"/nominations/{batch.pk}/opinion-requests",
                 {"department_ids": [inspection.pk, office.pk], "working_days": 3})
    assert asked.status_code == 201
    requests = {r["department_id"]: r for r in asked.json()}
    assert requests[inspection.pk]["asked"] == 2 and requests[inspection.pk]["answered"] == 0
    opinion = requests[inspection.pk]["opinions"][0]["id"]

    client.force_login(outsider)
    assert client.get("/api/v1/opinion-requests").json()["items"] == []
    assert post(client, f"/opinions/{opinion}", {"value": "AGREE"}).status_code == 404

    client.force_login(inspector)
    assert [r["department_id"] for r in client.get("/api/v1/opinion-requests").json()[
        "items"]] == [inspection.pk]
    empty = post(client, f"/opinions/{opinion}", {"value": "DISAGREE"})
    assert empty.status_code == 400 and empty.json()["detail"] == "Cần ghi nội dung ý kiến."
    answered = post(client, f"/opinions/{opinion}", {"value": "AGREE"})
    assert answered.status_code == 200 and answered.json()["value_label"] == "Đồng ý"

    client.force_login(pipeline.hue.officer)  # reads, never answers for a department
    assert client.get(f"/api/v1/opinion-requests/{requests[inspection.pk]['id']}").json()[
        "answered"] == 1
    assert post(client, f"/opinions/{opinion}", {"value": "AGREE"}).status_code == 403

    # The department still owing opinions gets a later deadline; the outsider and the department
    # itself may not give it, and a nonsense length or an earlier date is refused.
    office_request = requests[office.pk]["id"]
    extension = f"/opinion-requests/{office_request}/extension"
    client.force_login(outsider)
    assert post(client, extension, {"working_days": 5}).status_code == 404
    client.force_login(pipeline.hue.appraiser)
    zero = post(client, extension, {"working_days": 0})
    assert zero.status_code == 422  # refused by the schema, as every out-of-range field
    extended = post(client, extension, {"working_days": 10})
    assert extended.status_code == 200
    assert extended.json()["due_on"] > requests[office.pk]["due_on"]
    shorter = post(client, extension, {"working_days": 1})
    assert shorter.status_code == 400 and "phải sau hạn hiện tại" in shorter.json()["detail"]
