"""Initiatives from Excel: the DETAI.xlsx layout (docs/forms.md#excel-import-templates) and our
own, authors matched at the unit, preview then confirm, bad rows and permissions."""
from datetime import datetime
from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from thidua.accounts.models import Role
from thidua.records.models import Initiative

pytestmark = pytest.mark.django_db
DETAI = ["STT", "Tên đề tài", "Ngày công nhân", "Đơn vị công nhận", "Tóm tắt thành tích đạt được",
         "Tên tác giả", "Phòng ban làm việc", "Tên cơ quan làm việc"]


def workbook(rows, headers=DETAI):
    book = Workbook()
    page = book.active
    page.append(["DANH SÁCH ĐỀ TÀI SÁNG KIẾN"])
    page.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(headers))
    page.append([])
    page.append(headers)
    for row in rows:
        page.append(row)
    buffer = BytesIO()
    book.save(buffer)
    return SimpleUploadedFile("detai.xlsx", buffer.getvalue())


@pytest.fixture(autouse=True)
def staging_dir(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def post(client, unit, file):
    url = reverse("records:initiative_import", args=[unit.pk])
    response = client.post(url, {"kind": "sang-kien", "file": file})
    if response.status_code == 200 and "confirm" in response.context:
        return client.post(url, response.context["confirm"].initial)
    return response


def test_detai_layout_imports_with_authors_at_their_unit(client, network, make_user):
    client.force_login(make_user(Role.EC_OFFICER, network.hue))
    response = post(client, network.hue, workbook([
        [1, "Quy trình sấy lúa tiết kiệm điện", datetime(2024, 11, 2), "Liên minh HTX Huế",
         "Giảm 20% điện năng", "Nguyễn Văn Điệp", "Kỹ thuật", "Hợp tác xã Nông nghiệp Thủy Thanh"],
        [2, "Sổ tay dịch vụ điện", "15/06/2023", None, None, "lê thị hương", None, "P46-HTX02"],
    ]))
    assert response.status_code == 302
    drying = Initiative.objects.get(title="Quy trình sấy lúa tiết kiệm điện")
    handbook = Initiative.objects.get(title="Sổ tay dịch vụ điện")
    assert (drying.unit, drying.year, drying.scope, drying.recognised_by) == (
        network.hue_coop, 2024, 1, "Liên minh HTX Huế")
    assert list(drying.authors.all()) == [network.hue_person]
    assert (handbook.unit, handbook.year, list(handbook.authors.all())) == (
        network.hue_coop2, 2023, [network.hue_person2])


def test_bad_rows_are_listed_and_nothing_is_written(client, network, make_user):
    client.force_login(make_user(Role.EC_OFFICER, network.hue))
    response = post(client, network.hue, workbook([
        [1, "Sáng kiến A", "01/02/2024", None, None, "Nguyễn Văn Điệp", None, "P46-HTX02"],
        [2, "Sáng kiến B", None, None, None, "Lê Thị Hương", None, "P46-HTX02"],
        [3, "Sáng kiến C", "01/02/2024", None, None, "Phạm Quốc Bảo", None, "P01-HTX01"],
        [4, "Sáng kiến C", "01/02/2024", None, None, "Phạm Quốc Bảo", None, "P01-HTX01"],
    ]))
    assert response.context["errors"] == [
        "Dòng 4: Không tìm thấy Nguyễn Văn Điệp đang công tác tại Hợp tác xã Dịch vụ Điện Hòa.",
        "Dòng 5: Cần ghi Năm công nhận hoặc Ngày công nhận.",
        "Dòng 6: Đơn vị áp dụng “P01-HTX01” không thuộc phạm vi Liên minh Hợp tác xã Thành phố "
        "Huế.",
        "Dòng 7: Đơn vị áp dụng “P01-HTX01” không thuộc phạm vi Liên minh Hợp tác xã Thành phố "
        "Huế.",
        "Dòng 7: Tên sáng kiến, đề tài “Sáng kiến C” (2024) trùng với dòng 6.",
    ]
    assert not Initiative.objects.exists()


def test_only_managers_of_the_unit_import(client, network, make_user):
    url = reverse("records:initiative_import", args=[network.hue.pk])
    for user in (make_user(Role.VIEWER, network.hue), make_user(Role.EC_OFFICER, network.hanoi)):
        client.force_login(user)
        assert client.get(url).status_code == 403
    client.force_login(make_user(Role.VIEWER, network.hue))
    assert client.get(reverse("records:initiative_import_start")).status_code == 403
    client.force_login(make_user(Role.EC_OFFICER, network.hue))
    start = client.get(reverse("records:initiative_import_start"))
    assert start.status_code == 302 and start.url == url
