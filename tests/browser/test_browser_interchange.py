"""The review screen in a browser: a Huế alliance officer uploads a cooperative's Word tờ trình,
sees every row with its match and problems, settles the ambiguous person and the unknown award,
and gets the draft batch."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "interchange"))  # the Word samples
from interchange_samples import letter

from thidua.accounts.models import Role
from thidua.nominations.models import NominationBatch

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "a-long-test-password"


def test_review_screen_settles_ambiguity_then_creates_the_batch(page, live_server, network,
                                                                 make_user, tmp_path):
    officer = make_user(Role.EC_OFFICER, network.hue)
    twin = network.person("Nguyễn", "Văn", "Điệp", network.hue_coop)
    path = tmp_path / "to-trinh.docx"
    letter(rows=[("1", "Nguyễn Văn Điệp", "Thành viên", "HTX Nông nghiệp Thủy Thanh", "Giấy khen"),
                 ("2", "Hồ Thị Lan", "Kế toán", "HTX Nông nghiệp Thủy Thanh", "Huân chương X")]
           ).save(path)

    page.goto(f"{live_server.url}/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill(officer.username)
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url(f"{live_server.url}/")
    page.goto(f"{live_server.url}/ho-so/")
    page.get_by_role("link", name="Tiếp nhận từ tệp Word, Excel").click()
    page.locator("input[type=file][name=files]").set_input_files(str(path))
    page.get_by_role("button", name="Đọc tờ trình").click()
    page.wait_for_load_state()

    rows = page.locator("#intake-rows tbody tr")
    assert rows.count() == 2
    assert "Nhiều người trùng" in rows.nth(0).inner_text()
    assert "Người mới" in rows.nth(1).inner_text()
    assert "Không nhận ra “Huân chương X”" in rows.nth(1).inner_text()

    page.get_by_role("button", name="Tạo tờ trình").click()
    page.wait_for_load_state()
    assert "hãy chọn người hoặc tập thể" in page.locator("#intake-errors").inner_text()
    assert not NominationBatch.objects.exists()

    page.get_by_label("Đối tượng dòng 1").select_option(str(twin.pk))
    page.get_by_label("Danh hiệu, hình thức dòng 2").select_option("GK")
    page.get_by_role("button", name="Tạo tờ trình").click()
    page.wait_for_url(f"{live_server.url}/ho-so/*/")
    assert "Đã tạo tờ trình với 2 đối tượng" in page.content()
    batch = NominationBatch.objects.get()
    assert {item.person for item in batch.items.all()} >= {twin}
    assert batch.items.count() == 2
