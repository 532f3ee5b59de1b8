"""Department appraisal in a browser, with real clicks and typing: the Huế appraiser asks two
departments of the alliance for their opinion, the Ban Kiểm tra answers on each nominee from
its own page; after the deadline the appraiser sees "1/2 ban đã cho ý kiến" beside each nominee
and the silent Văn phòng marked late. Screenshots
of the appraisal page at 1366 and 360 px go to var/screenshots/opinions/."""
import pytest
from nomination_pipeline import Pipeline
from timekeeping import local
from waiting import loaded

from thidua.accounts.models import Role
from thidua.nominations.models import DepartmentOpinion
from thidua.nominations.states import Opinion
from thidua.organizations import services
from thidua.organizations.models import Organization, OrganizationKind

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def department(network, code, name):
    return services.create_organization(network.actor, network.hue, Organization(
        kind=OrganizationKind.ALLIANCE_DEPARTMENT, code=code, name=name))


def test_the_appraiser_asks_departments_and_sees_their_progress(page, live_server, network,
                                                                 make_user, log_in, shoot, clock):
    pipeline = Pipeline(network, make_user, size=1)
    inspection = department(network, "P46-BKT", "Ban Kiểm tra")
    department(network, "P46-VP", "Văn phòng")
    inspector = make_user(Role.APPRAISER, inspection, include_descendants=False)
    batch = pipeline.to_appraisal(pipeline.draft(codes=("GK", "BK_BO")))
    appraisal = f"{live_server.url}/ho-so/{batch.pk}/tham-dinh/"

    log_in(page, live_server, pipeline.hue.appraiser)
    page.get_by_role("link", name="Hồ sơ khen thưởng").first.click()
    page.get_by_role("link", name=batch.title).first.click()
    page.get_by_role("link", name="Thẩm định từng hồ sơ").click()
    page.get_by_label("Ban Kiểm tra").check()
    page.get_by_label("Văn phòng").check()
    page.get_by_label("Thời hạn (ngày làm việc)").fill("3")
    page.get_by_label("Nội dung đề nghị").fill("Cho ý kiến về việc chấp hành kỷ luật")
    shoot(page, "opinions/ask")
    with page.expect_navigation():
        page.get_by_role("button", name="Gửi đề nghị cho ý kiến").click()
    page.get_by_text("Đã gửi đề nghị cho ý kiến tới 2 ban.").wait_for()
    assert page.get_by_text("0/2 ban đã cho ý kiến").count() == 2

    log_in(page, live_server, inspector)
    page.get_by_role("link", name="Hồ sơ khen thưởng").first.click()
    page.get_by_role("link", name="Ý kiến các ban").click()
    page.get_by_role("link", name=batch.title).click()
    page.get_by_text("Cho ý kiến về việc chấp hành kỷ luật").wait_for()
    for index, (value, comment) in enumerate((("Đồng ý", ""),
                                              ("Có ý kiến khác", "Đề nghị bổ sung xác nhận"))):
        card = page.locator("section.card").nth(index)
        card.get_by_label(value, exact=True).check()
        if comment:
            card.get_by_label("Nội dung ý kiến").fill(comment)
        with page.expect_navigation():
            loaded(card.get_by_role("button", name="Lưu ý kiến")).click()
        page.get_by_text("Đã ghi ý kiến về").wait_for()
    shoot(page, "opinions/department")
    assert sorted(DepartmentOpinion.objects.filter(request__department=inspection)
                  .values_list("value", flat=True)) == [Opinion.AGREE, Opinion.NOTE]

    clock.move_to(local("2026-11-27 09:00"))  # the Văn phòng's deadline (26/11) has passed
    log_in(page, live_server, pipeline.hue.appraiser)
    page.goto(appraisal)
    page.locator(".list-group-item-danger", has_text="Văn phòng").get_by_text("Quá hạn").wait_for()
    assert page.get_by_text("1/2 ban đã cho ý kiến").count() == 2
    page.get_by_text("Đề nghị bổ sung xác nhận").wait_for()
    shoot(page, "opinions/appraisal")

    # The late Văn phòng gets three more working days and a reminder (the form is open on a
    # late department).
    late = page.locator(".list-group-item-danger", has_text="Văn phòng")
    late.get_by_label("Hạn mới: số ngày làm việc từ hôm nay").fill("3")
    with page.expect_navigation():
        late.get_by_role("button", name="Gia hạn").click()
    page.get_by_text("Đã gia hạn cho Văn phòng và nhắc ban.").wait_for()
    assert page.locator(".list-group-item-danger").count() == 0
    page.get_by_text("hạn 02/12/2026", exact=True).wait_for()
    page.set_viewport_size({"width": 360, "height": 740})
    shoot(page, "opinions/extended")
