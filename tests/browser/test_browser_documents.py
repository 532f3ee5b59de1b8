"""In a browser: the Huế alliance's signer issues a decision, downloads it as DOCX, prints the
certificates as one PDF (a background job with a progress bar), and the QR code printed on a
certificate opens the public verification page."""
import io

import docx
import pytest
import zxingcpp
from PIL import Image
from pypdf import PdfReader
from waiting import loaded

from thidua.accounts.models import Role
from thidua.awards.models import AwardType
from thidua.nominations.models import IssuerSettings, NominationBatch
from thidua.nominations.states import CouncilResult, State, SubjectKind, Verdict

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "a-long-test-password"


def log_in(page, live_server, user):
    page.goto(f"{live_server.url}/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill(user.username)
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url(f"{live_server.url}/")


def download(page, name):
    with page.expect_download() as info:
        page.get_by_role("link", name=name).click()
    return open(info.value.path(), "rb").read()


def test_issue_download_print_and_verify(page, live_server, network, make_user, settings,
                                         base_salary_entered, shoot):
    settings.THIDUA_SITE_URL = live_server.url
    signer = make_user(Role.SIGNER, network.hue)
    IssuerSettings.objects.create(organization=network.hue, decision_symbol="QĐ-LMHTX",
                                  place_name="Huế")
    batch = NominationBatch.objects.create(
        proposer=network.hue_coop, authority=network.hue, title="Đề nghị tặng Giấy khen",
        year=2025, state=State.AT_COUNCIL, created_by=signer)
    for person in (network.hue_person, network.hue_person2):
        batch.items.create(subject_kind=SubjectKind.INDIVIDUAL, person=person,
                           award_type=AwardType.objects.get(code="GK"),
                           verdict=Verdict.ELIGIBLE, council_result=CouncilResult.PASSED)

    log_in(page, live_server, signer)
    page.goto(f"{live_server.url}{batch.get_absolute_url()}")
    page.get_by_role("link", name="Lập quyết định khen thưởng").click()
    # The subject line grants what the dossier asked, without repeating "Đề nghị".
    assert page.get_by_label("Trích yếu").input_value() == "Về việc tặng Giấy khen"
    page.get_by_label("Người ký", exact=True).fill("Hồ Thị Điệp")
    page.get_by_role("button", name="Xem trước quyết định").click()
    # On a phone the preview's list is one block per nominee: nothing scrolls sideways, not
    # even inside the list's frame (shoot checks the page at 1366 and 360 px).
    page.set_viewport_size({"width": 360, "height": 740})
    frame = page.locator("article .table-responsive")
    assert frame.evaluate("element => element.scrollWidth - element.clientWidth") <= 0
    shoot(page, "ux-work/decision-preview")
    loaded(page.get_by_role("button", name="Ban hành quyết định")).click()
    page.get_by_role("dialog").get_by_role("button", name="Ban hành quyết định").click()
    page.get_by_text("Đã ban hành quyết định").wait_for()

    document = docx.Document(io.BytesIO(download(page, "Tải quyết định (DOCX)")))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "QUYẾT ĐỊNH" in text and "Hồ Thị Điệp" in "\n".join(
        c.text for t in document.tables for r in t.rows for c in r.cells)

    page.get_by_role("link", name="In bằng khen, giấy khen").click()
    page.get_by_role("button", name="Bắt đầu in").click()
    page.get_by_role("progressbar").wait_for()
    certificates = PdfReader(io.BytesIO(download(page, "Tải tệp PDF")))
    assert len(certificates.pages) == 2
    assert "Lê Thị Hương" in certificates.pages[1].extract_text()
    image = certificates.pages[0].images[0]
    url = zxingcpp.read_barcodes(Image.open(io.BytesIO(image.data)))[0].text
    assert url.startswith(f"{live_server.url}/xac-minh/")

    page.context.clear_cookies()
    page.goto(url)
    assert page.get_by_role("heading", name="Xác minh khen thưởng").is_visible()
    assert "Có hiệu lực" in page.content() and "Nguyễn Văn Điệp" in page.content()
