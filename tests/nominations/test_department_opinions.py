"""Department appraisal: the Huế appraiser asks three departments of the alliance, each within its
field; one department is late, which the page shows without holding the others up, and the
appraiser concludes without it only by confirming so."""
import pytest
from django.core.exceptions import PermissionDenied
from timekeeping import local

from thidua.accounts.models import Role
from thidua.audit.models import AuditEntry
from thidua.awards.models import AwardType
from thidua.core.models import Notification
from thidua.nominations import opinions, workflow
from thidua.nominations.models import DepartmentField, OpinionRequest
from thidua.nominations.states import Opinion, SubjectKind, Verdict
from thidua.organizations import services
from thidua.organizations.models import Organization, OrganizationKind
from thidua.worklist import my_work

pytestmark = pytest.mark.django_db


def department(network, level, code, name):
    return services.create_organization(network.actor, level, Organization(
        kind=OrganizationKind.ALLIANCE_DEPARTMENT, code=code, name=name))


@pytest.fixture
def board(pipeline, network, make_user):
    """Three departments of the Huế alliance with one staff member each; the Văn phòng's field is
    Giấy khen only. A tờ trình with GK and BK_BO at the appraisal step."""
    units = {"organizing": department(network, network.hue, "P46-BTC", "Ban Tổ chức"),
             "inspection": department(network, network.hue, "P46-BKT", "Ban Kiểm tra"),
             "office": department(network, network.hue, "P46-VP", "Văn phòng")}
    field = DepartmentField.objects.create(department=units["office"],
                                           subject_kind=SubjectKind.INDIVIDUAL)
    field.award_types.set([AwardType.objects.get(code="GK")])
    staff = {key: make_user(Role.APPRAISER, unit, include_descendants=False)
             for key, unit in units.items()}
    batch = pipeline.to_appraisal(pipeline.draft(codes=("GK", "BK_BO")))
    return type("Board", (), {"units": units, "staff": staff, "batch": batch})


def answer(user, request, value=Opinion.AGREE, comment=""):
    for opinion in request.opinions.all():
        workflow.give_department_opinion(user, opinion, value, comment)


def test_one_department_late_shows_red_and_the_appraiser_confirms_concluding_without_it(
        pipeline, board, clock, client):
    appraiser, batch, units, staff = pipeline.hue.appraiser, board.batch, board.units, board.staff
    requests = workflow.request_department_opinions(appraiser, batch, units.values(), 3,
                                                    "Đề nghị cho ý kiến trước khi trình Hội đồng")
    by_key = dict(zip(units, requests, strict=True))
    assert [r.due_on.isoformat() for r in requests] == ["2026-11-26"] * 3  # 3 working days (24/11 is a holiday)
    assert by_key["office"].opinions.count() == 1  # GK only: BK_BO is outside its field
    assert Notification.objects.filter(recipient=staff["office"]).count() == 1
    assert AuditEntry.objects.filter(model="nominations.DepartmentOpinion").count() == 5

    work = {w.key: w for w in my_work(staff["office"])}["opinions"]
    assert (work.count, work.due, work.entries[0].url) == (
        1, by_key["office"].due_on, by_key["office"].get_absolute_url())
    answer(staff["organizing"], by_key["organizing"])
    assert "opinions" not in {w.key for w in my_work(staff["organizing"])}
    answer(staff["inspection"], by_key["inspection"], Opinion.NOTE, "Đề nghị xác minh sáng kiến")
    assert Notification.objects.filter(recipient=appraiser, title__contains="đủ các hồ sơ").count() == 2
    clock.move_to(local("2026-11-27 09:00"))  # the Văn phòng lets its deadline pass

    summaries, by_item = opinions.progress(batch)
    assert {s.request.department.code: s.late for s in summaries} == {
        "P46-BTC": False, "P46-BKT": False, "P46-VP": True}
    gk, bk = batch.items.order_by("award_type__order")
    assert (by_item[gk.pk].answered, by_item[gk.pk].asked) == (2, 3)
    assert (by_item[bk.pk].answered, by_item[bk.pk].asked) == (2, 2)
    client.force_login(appraiser)
    page = client.get(f"/ho-so/{batch.pk}/tham-dinh/").content.decode()
    assert "2/3 ban đã cho ý kiến" in page and "2/2 ban đã cho ý kiến" in page
    assert "list-group-item-danger" in page and "Quá hạn" in page

    with pytest.raises(workflow.WorkflowError, match="Văn phòng"):
        workflow.appraise_item(appraiser, gk, Verdict.ELIGIBLE)
    checked = "Đã xác minh thành tích"
    workflow.appraise_item(appraiser, bk, Verdict.ELIGIBLE, override_reason=checked)  # all answered
    workflow.appraise_item(appraiser, gk, Verdict.ELIGIBLE, override_reason=checked,
                           confirm_missing=True)
    gk.refresh_from_db()
    assert gk.concluded_without == "Văn phòng"

    answer(staff["office"], by_key["office"], Opinion.DISAGREE, "Chưa đủ thời gian công tác")
    late = by_key["office"].opinions.get()
    assert late.late and late.value == Opinion.DISAGREE  # taken, and marked late


def test_only_the_departments_asked_see_and_answer(pipeline, board, network, make_user, client):
    batch, units, staff = board.batch, board.units, board.staff
    hanoi_unit = department(network, network.hanoi, "P01-BKT", "Ban Kiểm tra Hà Nội")
    hanoi_staff = make_user(Role.APPRAISER, hanoi_unit, include_descendants=False)
    with pytest.raises(workflow.WorkflowError, match="không phải là ban"):
        workflow.request_department_opinions(pipeline.hue.appraiser, batch, [hanoi_unit], 5)
    with pytest.raises(PermissionDenied):  # a department does not ask other departments
        workflow.request_department_opinions(staff["office"], batch, [units["office"]], 5)
    request, = workflow.request_department_opinions(pipeline.hue.appraiser, batch,
                                                    [units["inspection"]], 5)
    opinion = request.opinions.first()
    url = f"/ho-so/y-kien-cac-ban/{request.pk}/"

    for outsider in (hanoi_staff, staff["organizing"]):  # another level; a department not asked
        assert not OpinionRequest.objects.visible_to(outsider).exists()
        client.force_login(outsider)
        assert client.get(url).status_code == 403
        assert client.post(url, {"opinion": opinion.pk, "value": "AGREE"}).status_code == 403
        with pytest.raises(PermissionDenied):
            workflow.give_department_opinion(outsider, opinion, Opinion.AGREE)
    for officer in (pipeline.hue.officer, pipeline.hue.appraiser):  # they read, never answer
        client.force_login(officer)
        assert client.get(url).status_code == 200
        with pytest.raises(PermissionDenied):
            workflow.give_department_opinion(officer, opinion, Opinion.AGREE)

    report = batch.attachments.exclude(item=None).first()
    for outsider in (hanoi_staff, staff["organizing"]):
        client.force_login(outsider)
        assert client.get(f"/ho-so/tep/{report.pk}/").status_code == 403
    client.force_login(staff["inspection"])
    assert client.get(batch.get_absolute_url()).status_code == 403  # only what was sent to it
    assert client.get(f"/ho-so/tep/{report.pk}/").status_code == 200  # a nominee it is asked on
    assert list(OpinionRequest.objects.visible_to(staff["inspection"])) == [request]
    client.post(url, {"opinion": opinion.pk, "value": "AGREE"})
    opinion.refresh_from_db()
    assert opinion.value == Opinion.AGREE and opinion.answered_by == staff["inspection"]


def test_the_appraiser_gives_a_late_department_more_time(pipeline, board, network, make_user,
                                                         clock, client):
    """A department past its deadline gets a later one and a reminder, from the appraisal page;
    an earlier date, a department that has answered everything and anyone but the level's intake
    staff are refused, and the deadline stays."""
    appraiser, batch, units, staff = pipeline.hue.appraiser, board.batch, board.units, board.staff
    office, organizing = workflow.request_department_opinions(
        appraiser, batch, [units["office"], units["organizing"]], 3)
    answer(staff["organizing"], organizing)
    clock.move_to(local("2026-11-27 09:00"))  # past the 26/11 deadline
    client.force_login(appraiser)
    page = client.get(f"/ho-so/{batch.pk}/tham-dinh/").content.decode()
    assert page.count("Gia hạn và nhắc ban") == 1  # the office only: the other has answered

    hanoi_officer = make_user(Role.EC_OFFICER, network.hanoi)
    for outsider in (staff["office"], hanoi_officer):
        with pytest.raises(PermissionDenied):
            workflow.extend_opinion_deadline(outsider, office, 5)
    with pytest.raises(workflow.WorkflowError, match="đủ các hồ sơ"):
        workflow.extend_opinion_deadline(appraiser, organizing, 5)
    response = client.post(f"/ho-so/{batch.pk}/xin-y-kien/{office.pk}/gia-han/", {"days": "0"},
                           follow=True)
    assert "từ 1 đến 60 ngày làm việc" in response.content.decode()
    office.refresh_from_db()
    assert office.due_on.isoformat() == "2026-11-26"

    response = client.post(f"/ho-so/{batch.pk}/xin-y-kien/{office.pk}/gia-han/", {"days": "3"},
                           follow=True)
    assert "Đã gia hạn cho Văn phòng" in response.content.decode()
    office.refresh_from_db()
    assert office.due_on.isoformat() == "2026-12-02"  # three working days from Friday 27/11
    reminder = Notification.objects.get(recipient=staff["office"], title__startswith="Gia hạn")
    assert reminder.title_params == {"day": "02/12/2026"}
    assert AuditEntry.objects.filter(model="nominations.OpinionRequest",
                                     object_id=str(office.pk)).exists()
    assert not {s.request.pk: s.late for s in opinions.progress(batch)[0]}[office.pk]
    with pytest.raises(workflow.WorkflowError, match="phải sau hạn hiện tại"):
        workflow.extend_opinion_deadline(appraiser, office, 1)  # 30/11, before 02/12
