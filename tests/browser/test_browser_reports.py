"""A province officer opens the dashboard, sees the charts drawn with their data tables, and
downloads one chart as a PNG."""
import pytest

from thidua.accounts.models import Role
from thidua.awards.followups import awards_written
from thidua.awards.models import Award, AwardType

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "a-long-test-password"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def test_dashboard_chart_and_png_download(browser, live_server, network, make_user, shoot):
    awards = []
    for recipient, code in [(network.hue_person, "LDTT"), (network.hue_person2, "BK_BO"),
                            (network.hue_coop, "TTLDTT"), (network.hanoi_person, "CSTD_BO")]:
        field = "organization" if recipient in (network.hue_coop,) else "person"
        awards.append(Award.objects.create(award_type=AwardType.objects.get(code=code),
                                           year=2025, **{field: recipient}))
    awards_written(awards)  # as the award services do: the summaries follow the write
    officer = make_user(Role.EC_OFFICER, network.hue)
    context = browser.new_context(locale="vi-VN", accept_downloads=True,
                                  viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(30_000)
    page.goto(f"{live_server.url}/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill(officer.username)
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url(f"{live_server.url}/")

    page.get_by_role("link", name="Báo cáo").first.click()
    page.get_by_role("spinbutton", name="Năm").fill("2025")
    page.get_by_role("button", name="Xem").click()
    panel = page.locator('[data-chart-panel="awards_by_type"]')
    panel.get_by_role("heading", name="Khen thưởng trong năm theo danh hiệu, hình thức").wait_for()
    assert panel.get_by_role("row", name="Lao động tiên tiến 1", exact=True).is_visible()
    assert "Chiến sĩ thi đua cấp bộ" not in page.content()  # Hà Nội's award stays out
    page.wait_for_function("() => window.Chart"  # drawn by charts.js once the page has loaded
                           " && Chart.getChart(document.getElementById('chart-awards_by_type'))")
    drawn = page.evaluate("Chart.getChart(document.getElementById('chart-awards_by_type'))"
                          ".data.datasets[0].data")
    assert sorted(drawn) == [1, 1, 1]
    ticks = page.evaluate("(() => { const chart = Chart.getChart("
                          "document.getElementById('chart-awards_by_type'));"
                          " const axis = chart.options.indexAxis === 'y' ? 'x' : 'y';"
                          " return chart.scales[axis].ticks.map(t => t.value); })()")
    assert ticks and all(value == int(value) for value in ticks)  # a count: 0, 1 — never 0.2
    # Every data table shows all its columns at 1366 px: long headings wrap rather than push the
    # last column ("Số lượt quá hạn") out of the panel, and the hidden caption leaves no blank row.
    page.set_viewport_size({"width": 1366, "height": 900})
    measured = page.evaluate("""() => [...document.querySelectorAll('[data-chart-panel] table')]
      .map(table => [table.closest('.table-responsive').scrollWidth
                     - table.closest('.table-responsive').clientWidth,
                     table.tBodies[0].getBoundingClientRect().top
                     - table.tHead.getBoundingClientRect().bottom])""")
    assert measured and all(cut <= 0 and gap < 2 for cut, gap in measured), measured
    shoot(page, "ux-work/dashboard")

    with page.expect_download() as download_info:
        panel.get_by_role("button", name="Tải ảnh PNG").click()
    download = download_info.value
    assert download.suggested_filename == "bieu-do-awards_by_type.png"
    with open(download.path(), "rb") as image:
        assert image.read(8) == PNG_SIGNATURE
    context.close()
