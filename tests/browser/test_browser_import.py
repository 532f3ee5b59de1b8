"""An officer imports a nominee list from Excel into a draft tờ trình: upload, read the preview,
confirm, and find the nominees on the batch."""
import pytest
from openpyxl import Workbook

from thidua.accounts.models import Role
from thidua.nominations import workflow
from thidua.nominations.models import Nomination

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def log_in(page, live_server, username, password):
    page.goto(f"{live_server.url}/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(password)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url(f"{live_server.url}/")


def nominee_list(path):
    book = Workbook()
    sheet = book.active
    sheet.append(["DANH SÁCH ĐỐI TƯỢNG ĐỀ NGHỊ KHEN THƯỞNG"])
    sheet.merge_cells("A1:E1")
    sheet.append([])
    sheet.append(["STT", "Họ và tên", "Ngày sinh", "Tên đơn vị/tập thể công tác",
                  "Mã hình thức khen thưởng"])
    sheet.append([1, "Nguyễn Văn Điệp", "17/05/1980", "Hợp tác xã Nông nghiệp Thủy Thanh",
                  "1650360499"])
    sheet.append([2, "Lê Thị Hương", None, "P46-HTX02", "Giấy khen"])
    sheet.append([None, "Tổng cộng: 2 người"])
    book.save(path)
    return path


def test_officer_uploads_previews_and_confirms_a_nominee_list(
        page, live_server, network, make_user, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    officer = make_user(Role.EC_OFFICER, network.hue)
    batch = workflow.create_batch(officer, network.hue, network.hue, title="Đề nghị năm 2025",
                                  year=2025)
    log_in(page, live_server, officer.username, "a-long-test-password")

    page.goto(f"{live_server.url}{batch.get_absolute_url()}doi-tuong/")
    page.get_by_role("link", name="Nhập danh sách từ Excel").click()
    page.get_by_role("heading", name="Nhập danh sách đề nghị vào tờ trình").wait_for()
    page.get_by_label("Tệp Excel (.xlsx)").set_input_files(nominee_list(tmp_path / "ds.xlsx"))
    page.get_by_role("button", name="Tải lên và xem trước").click()

    ready = page.locator("#import-ready")
    ready.wait_for()
    assert "2 dòng" in ready.inner_text()
    rows = page.locator("#import-rows tbody tr")
    assert rows.count() == 2
    assert "Nguyễn Văn Điệp, sinh 17/05/1980 — GK" in rows.nth(0).inner_text()
    assert "Bỏ qua 1 dòng tổng cộng" in page.locator("#import-rows").inner_text()
    assert not Nomination.objects.exists()

    page.get_by_role("button", name="Xác nhận nhập").click()
    page.get_by_text("Đã thêm 2 người, tập thể vào tờ trình.").wait_for()
    table = page.locator("main table").first.inner_text()
    assert "Nguyễn Văn Điệp" in table and "Lê Thị Hương" in table and "Giấy khen" in table
    assert Nomination.objects.filter(batch=batch).count() == 2
