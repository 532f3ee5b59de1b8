"""Nominee lists from Excel into a draft tờ trình: our template and the layouts of
docs/forms.md#excel-import-templates (CANHAN, TAPTHE, MauTDKT) built here with openpyxl, matching
people and units, preview then confirm, and every way a list can be wrong."""
from datetime import datetime
from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from thidua.accounts.models import Role
from thidua.awards.models import AwardType
from thidua.nominations import workflow
from thidua.nominations.models import Nomination
from thidua.nominations.states import SubjectKind

pytestmark = pytest.mark.django_db

CANHAN = ["STT", "Họ và tên", "Giới tính", "Ngày sinh", "Chức vụ",
          "Tên phòng ban/ khối, tổ công tác", "Tên đơn vị/tập thể công tác", "Địa chỉ / Nơi ở",
          "Mã phân loại cán bộ", "Mã hình thức khen thưởng", "Mã danh hiệu thi đua (nếu có)"]
TAPTHE = ["STT", "Tên đơn vị / tập thể", "Mã phân loại tập thể", "Mã hình thức khen thưởng",
          "Mã danh hiệu thi đua (nếu có)"]
MAUTDKT = ["STT", "Tên gọi (Ông/Bà/Chức danh)", "Tên tập thể/cá nhân/hộ gia đình", "Chức vụ",
           "Đơn vị công tác", "Phân loại khen thưởng", "Danh hiệu thi đua/Hình thức khen thưởng",
           "Phân loại đối tượng", "Lĩnh vực hoạt động"]


def sheet(headers, rows, title="DANH SÁCH ĐỐI TƯỢNG ĐỀ NGHỊ KHEN THƯỞNG", header_row=3,
          extra_sheet=None):
    """A workbook like the official ones: a title merged across the table, the header on row
    ``header_row``, then ``rows``; ``extra_sheet`` adds a code list (DANHMUC) after it."""
    book = Workbook()
    page = book.active
    page.title = "DANHSACH"
    page.append([title])
    page.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(headers))
    for _ in range(header_row - 2):
        page.append([])
    page.append(headers)
    for row in rows:
        page.append(row)
    if extra_sheet:
        book.create_sheet("DANHMUC").append(extra_sheet)
    buffer = BytesIO()
    book.save(buffer)
    return SimpleUploadedFile("danh-sach.xlsx", buffer.getvalue())


@pytest.fixture(autouse=True)
def staging_dir(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def batch(network, make_user):
    officer = make_user(Role.EC_OFFICER, network.hue)
    batch = workflow.create_batch(officer, network.hue, network.hue, title="Đề nghị năm 2025",
                                  year=2025)
    batch.officer = officer
    return batch


@pytest.fixture
def upload(client, batch):
    client.force_login(batch.officer)
    url = reverse("nominations:import", args=[batch.pk])

    def post(file, confirm=True):
        response = client.post(url, {"kind": "de-nghi", "file": file})
        if confirm and response.status_code == 200 and "confirm" in response.context:
            return client.post(url, response.context["confirm"].initial)
        return response

    return post


def items(batch):
    return sorted((i.subject_kind, str(i.subject), i.award_type.code, i.achievement)
                  for i in Nomination.objects.filter(batch=batch).select_related(
                      "person", "organization", "award_type"))


def errors(response):
    assert response.status_code == 200 and "confirm" not in response.context
    return response.context["errors"]


def test_canhan_layout_with_codes_excel_dates_and_a_total_row(upload, batch, network):
    response = upload(sheet(CANHAN, [
        [1, "Nguyễn Văn Điệp", "NAM", datetime(1980, 5, 17), "Giám đốc", "", "P46-HTX01", "Huế",
         1660638930, 1650360499, None],
        [2, "le thi huong", "NU", "17/05/1980", "Kế toán", "", "Hợp tác xã Dịch vụ Điện Hòa", "",
         "1660638976", "1650360499", "1647933380"],
        [None, "Tổng cộng: 2 người"],
    ], extra_sheet=["Hình thức khen thưởng", "1650360499", "Giấy khen"]))
    assert response.status_code == 302
    assert response.url == reverse("nominations:batch_nominees", args=[batch.pk])
    assert items(batch) == [
        ("INDIVIDUAL", "Lê Thị Hương", "CSTDCS", ""), ("INDIVIDUAL", "Lê Thị Hương", "GK", ""),
        ("INDIVIDUAL", "Nguyễn Văn Điệp", "GK", "")]


def test_tapthe_layout_reads_units_by_name_or_code(upload, batch):
    response = upload(sheet(TAPTHE, [
        [1, "Hợp tác xã Nông nghiệp Thủy Thanh", 1668477439, "Giấy khen"],
        [2, "P46-HTX02", "1668477439", "GK", None],
    ], title="DANH SÁCH TẬP THỂ ĐỀ NGHỊ KHEN THƯỞNG"))
    assert response.status_code == 302
    assert items(batch) == [
        ("COLLECTIVE", "Hợp tác xã Dịch vụ Điện Hòa", "GK", ""),
        ("COLLECTIVE", "Hợp tác xã Nông nghiệp Thủy Thanh", "GK", "")]


def test_mautdkt_layout_with_labels_and_sections(upload, batch):
    response = upload(sheet(MAUTDKT, [
        ["I. Cá nhân"],
        [1, "Ông", "Nguyễn Văn Điệp", "Giám đốc", "Hợp tác xã Nông nghiệp Thủy Thanh", "CANHAN",
         "Giấy khen", "Doanh nhân", "Nông nghiệp"],
        ["II. Tập thể"],
        [1, None, "HTX Dịch vụ Điện Hòa", None, "P46-HTX02", None, "giay khen", None, None],
    ], header_row=1))
    assert response.status_code == 302
    assert items(batch) == [("COLLECTIVE", "Hợp tác xã Dịch vụ Điện Hòa", "GK", ""),
                            ("INDIVIDUAL", "Nguyễn Văn Điệp", "GK", "")]


def test_preview_lists_every_row_and_writes_nothing_until_confirmed(upload, batch, client):
    response = upload(sheet(["Họ và tên", "Ngày sinh", "Đơn vị công tác", "Hình thức khen thưởng",
                             "Tóm tắt thành tích"],
                            [["Nguyễn Văn Điệp", "17/05/1980", "P46-HTX01", "GK", "Xuất sắc"]]),
                      confirm=False)
    assert response.status_code == 200
    preview = response.context["preview"]
    assert [(row.number, row.errors) for row in preview.rows] == [(4, [])]
    assert preview.rows[0].outcome == "Nguyễn Văn Điệp, sinh 17/05/1980 — GK"
    page = response.content.decode()
    assert "Xác nhận nhập" in page and "Nguyễn Văn Điệp, sinh 17/05/1980 — GK" in page
    assert not Nomination.objects.exists()
    cancel = client.post(reverse("nominations:import", args=[batch.pk]),
                         {**response.context["confirm"].initial, "cancel": "1"})
    assert cancel.status_code == 302 and not Nomination.objects.exists()
    again = client.post(reverse("nominations:import", args=[batch.pk]),
                        response.context["confirm"].initial)
    assert "Bản xem trước đã hết hạn" in errors(again)[0] and not Nomination.objects.exists()


def test_row_errors_are_all_listed_and_nothing_is_written(upload, batch, network):
    network.person("Nguyễn", "Văn", "Điệp", network.hue_coop2)  # a namesake in another cooperative
    response = upload(sheet(["STT", "Họ và tên", "Ngày sinh", "Đơn vị công tác",
                             "Hình thức khen thưởng"], [
        [1, "Lê Thị Hương", None, "P46-HTX02", "GK"],
        [2, "Lê Thị Hương", None, None, "Giấy khen"],
        [3, "Nguyễn Văn Điệp", None, None, "GK"],
        [4, "Phạm Quốc Bảo", None, "P01-HTX01", "GK"],
        [5, "Người Lạ", None, "P46-HTX01", "Huy chương vàng"],
        [6, "Trần Văn Lạ", "31/02/1990", "P46-HTX01", "GK"],
    ]))
    assert errors(response) == [
        "Dòng 5: Họ và tên Lê Thị Hương trùng với dòng 4.",
        "Dòng 6: Có 2 người tên Nguyễn Văn Điệp tại Liên minh Hợp tác xã Thành phố Huế; hãy ghi "
        "Ngày sinh hoặc Số CCCD.",
        "Dòng 7: Đơn vị công tác “P01-HTX01” không thuộc phạm vi Liên minh Hợp tác xã Thành phố "
        "Huế.",
        "Dòng 8: Danh hiệu, hình thức khen thưởng “Huy chương vàng” không có trong danh sách cho "
        "phép (xem trang Hướng dẫn của tệp mẫu).",
        "Dòng 8: Không tìm thấy Người Lạ đang công tác tại Hợp tác xã Nông nghiệp Thủy Thanh.",
        "Dòng 9: Ngày sinh “31/02/1990” không phải ngày hợp lệ; hãy ghi dạng dd/mm/yyyy.",
        "Dòng 9: Không tìm thấy Trần Văn Lạ đang công tác tại Hợp tác xã Nông nghiệp Thủy Thanh.",
    ]
    preview = response.context["preview"]
    assert preview.error_rows == 5 and "table-danger" in response.content.decode()
    assert not Nomination.objects.exists()


def test_already_in_batch_and_award_not_for_subject(upload, batch, network):
    workflow.add_nomination(batch.officer, batch, SubjectKind.INDIVIDUAL,
                            AwardType.objects.get(code="GK"), person=network.hue_person)
    response = upload(sheet(["Họ và tên", "Đơn vị công tác", "Hình thức khen thưởng"], [
        ["Nguyễn Văn Điệp", "P46-HTX01", "Giấy khen"],
        ["Lê Thị Hương", "P46-HTX02", "Tập thể lao động tiên tiến"],
    ]))
    messages = errors(response)
    assert messages[0] == "Dòng 4: Nguyễn Văn Điệp đã có trong tờ trình với “Giấy khen”."
    assert messages[1].startswith("Dòng 5: “Tập thể lao động tiên tiến” không xét tặng cho")
    assert Nomination.objects.count() == 1


def test_an_officer_cannot_import_into_another_units_batch(client, batch, network, make_user):
    url = reverse("nominations:import", args=[batch.pk])
    file = sheet(["Họ và tên", "Hình thức khen thưởng"], [["Nguyễn Văn Điệp", "GK"]])
    for user in (make_user(Role.EC_OFFICER, network.hanoi), make_user(Role.VIEWER, network.hue),
                 make_user(Role.UNIT_REPORTER, network.hue_coop)):
        client.force_login(user)
        assert client.get(url).status_code == 403
        assert client.post(url, {"kind": "de-nghi", "file": file}).status_code == 403
    assert not Nomination.objects.exists()


def test_a_submitted_batch_takes_no_import(client, batch, network):
    batch.state = "SUBMITTED"
    batch.save()
    client.force_login(batch.officer)
    assert client.get(reverse("nominations:import", args=[batch.pk])).status_code == 403


def test_a_preview_key_works_only_for_its_batch_and_user(client, batch, network, make_user):
    other = workflow.create_batch(batch.officer, network.hue, network.hue, title="Khác", year=2025)
    client.force_login(batch.officer)
    file = sheet(["Họ và tên", "Hình thức khen thưởng"], [["Nguyễn Văn Điệp", "GK"]])
    preview = client.post(reverse("nominations:import", args=[batch.pk]),
                          {"kind": "de-nghi", "file": file})
    key = preview.context["confirm"].initial
    elsewhere = client.post(reverse("nominations:import", args=[other.pk]), key)
    assert "Bản xem trước đã hết hạn" in errors(elsewhere)[0]
    client.force_login(make_user(Role.EC_OFFICER, network.hue))
    stolen = client.post(reverse("nominations:import", args=[batch.pk]), key)
    assert "Bản xem trước đã hết hạn" in errors(stolen)[0]
    assert not Nomination.objects.exists()


def test_template_download_reads_back(client, batch):
    client.force_login(batch.officer)
    page = client.get(reverse("nominations:import", args=[batch.pk]))
    url = reverse("nominations:import_template", args=[batch.pk, "de-nghi"])
    assert url in page.content.decode()
    book = load_workbook(BytesIO(client.get(url).content))
    assert book.worksheets[0]["A1"].value == "Đối tượng"
    guide = {cell for row in book["Hướng dẫn"].iter_rows(values_only=True) for cell in row}
    assert {"GK", "Giấy khen", "INDIVIDUAL", "Cá nhân"} <= guide


# The peer system's own templates (CANHAN, TAPTHE, NHANDULIEU, MauTDKT of the provincial E&C
# software), rebuilt here with their layout and codes; the catalogue (awards/catalogue.py, peer_codes) maps them.
MAUTDKT_FILE = MAUTDKT + ["Mã Phân loại khen thưởng", "Mã Danh hiệu thi đua",
                          "Mã phân loại loại tượng", "Mã Lĩnh vực hoạt động"]
NHANDULIEU = ["STT", "Phân loại khen thưởng", "Tên tập thể/cá nhân/hộ gia đình", "Chức vụ",
              "Đơn vị công tác", "Danh hiệu thi đua/Hình thức khen thưởng", "Phân loại đối tượng",
              "Lĩnh vực hoạt động"]


def test_canhan_row_with_only_a_title_code(upload, batch):
    response = upload(sheet(CANHAN, [
        [1, "Nguyễn Văn Điệp", "NAM", "17/05/1980", "Giám đốc", "", "P46-HTX01", "",
         "1660638930", None, "1647933042"],
        [2, "Lê Thị Hương", "NU", "17/05/1980", "Kế toán", "", "P46-HTX02", "", "1660638976",
         "1650360499", None],
    ], extra_sheet=["STT", "Mã số", "Danh hiệu thi đua"]))
    assert response.status_code == 302, response.context and response.context.get("errors")
    assert items(batch) == [("INDIVIDUAL", "Lê Thị Hương", "GK", ""),
                            ("INDIVIDUAL", "Nguyễn Văn Điệp", "LDTT", "")]


def test_tapthe_collective_title_code(upload, batch):
    response = upload(sheet(TAPTHE, [[1, "P46-HTX01", "1668477439", None, "1647933198"]],
                            title="DANH SÁCH TẬP THỂ ĐỀ NGHỊ KHEN THƯỞNG"))
    assert response.status_code == 302, response.context and response.context.get("errors")
    assert items(batch) == [("COLLECTIVE", "Hợp tác xã Nông nghiệp Thủy Thanh", "TTLDTT", "")]


def test_mautdkt_file_sheet_with_its_own_values_and_codes(upload, batch):
    response = upload(sheet(MAUTDKT_FILE, [
        [1, "Ông", "Nguyễn Văn Điệp", "Giám đốc", "P46-HTX01", "Khen thưởng cá nhân",
         "Lao động tiên tiến", "Doanh nhân", "Nông nghiệp - Nông thôn", "CANHAN", "1647933042",
         1660638864, "0007"],
        [2, None, "Hợp tác xã Dịch vụ Điện Hòa", None, "P46-HTX02", "Khen thưởng tập thể",
         "Tập thể lao động tiên tiến", "Hợp tác xã", None, "TAPTHE", "1647933198", 1668477439,
         None],
    ], header_row=1))
    assert response.status_code == 302, response.context and response.context.get("errors")
    assert items(batch) == [("COLLECTIVE", "Hợp tác xã Dịch vụ Điện Hòa", "TTLDTT", ""),
                            ("INDIVIDUAL", "Nguyễn Văn Điệp", "LDTT", "")]


def test_nhandulieu_layout(upload, batch):
    response = upload(sheet(NHANDULIEU, [
        [1, "TAPTHE", "P46-HTX02", None, None, "1647933198", "Hợp tác xã"],
        [2, "CANHAN", "Nguyễn Văn Điệp", "Giám đốc", "P46-HTX01", "Giấy khen", None],
    ], title="DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG"))
    assert response.status_code == 302, response.context and response.context.get("errors")
    assert items(batch) == [("COLLECTIVE", "Hợp tác xã Dịch vụ Điện Hòa", "TTLDTT", ""),
                            ("INDIVIDUAL", "Nguyễn Văn Điệp", "GK", "")]


def test_guide_sheet_lists_the_peer_codes_and_values(client, batch):
    client.force_login(batch.officer)
    url = reverse("nominations:import_template", args=[batch.pk, "de-nghi"])
    rows = list(load_workbook(BytesIO(client.get(url).content))["Hướng dẫn"].iter_rows(
        values_only=True))
    listed = {row[0]: row[1] for row in rows if row and row[0]}
    assert listed["1647933042"].endswith("→ Lao động tiên tiến")
    assert listed["1647933198"].endswith("→ Tập thể lao động tiên tiến")
    assert listed["1650360184"].startswith("Huân chương Lao động (mẫu")
    assert listed["1650360184"].endswith("→ Huân chương Lao động hạng Ba")
    assert listed["Khen thưởng hộ gia đình"] == "Hộ gia đình"
