from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from thidua.accounts.models import Role
from thidua.awards.models import AnnualRating, Discipline


def workbook(rows):
    book = Workbook()
    sheet = book.active
    sheet.append(["BẢNG TỔNG HỢP XẾP LOẠI NĂM 2025"])
    sheet.merge_cells("A1:F1")
    sheet.append([])
    for row in rows:
        sheet.append(row)
    buffer = BytesIO()
    book.save(buffer)
    return SimpleUploadedFile("xep-loai.xlsx", buffer.getvalue())


RATING_HEADER = ["STT", "Họ và tên", "Ngày sinh", "Mã đơn vị", "Năm", "Xếp loại", "Căn cứ"]


@pytest.mark.django_db
def test_ratings_import_finds_people_by_name_and_unit(client, network, make_user):
    officer = make_user(Role.EC_OFFICER, network.hue)
    client.force_login(officer)
    upload = workbook([RATING_HEADER,
                       [1, "Nguyễn Văn Điệp", "17/05/1980", "P46-HTX01", 2025, "Hoàn thành xuất sắc nhiệm vụ", "BB 01/2026"],
                       [2, "le thi huong", None, "P46-HTX02", 2025, "GOOD", None]])
    url = reverse("awards:import", args=[network.hue.pk])
    preview = client.post(url, {"kind": "xep-loai", "file": upload})
    response = client.post(url, preview.context["confirm"].initial)
    assert response.status_code == 302
    ratings = dict(AnnualRating.objects.values_list("person__given_name", "rating"))
    assert ratings == {"Điệp": "EXCELLENT", "Hương": "GOOD"}
    assert AnnualRating.objects.get(person=network.hue_person).history.first().history_user == officer


@pytest.mark.django_db
def test_ratings_import_is_all_or_nothing(client, network, make_user):
    client.force_login(make_user(Role.EC_OFFICER, network.hue))
    upload = workbook([RATING_HEADER,
                       [1, "Nguyễn Văn Điệp", None, "P46-HTX01", 2025, "Hoàn thành tốt nhiệm vụ"],
                       [2, "Phạm Quốc Bảo", None, "P01-HTX01", 2025, "GOOD"],
                       [3, "Người Lạ", None, "P46-HTX01", 2025, "GOOD"],
                       [4, "Nguyễn Văn Điệp", None, "P46-HTX01", 20255, "Tuyệt vời"]])
    page = client.post(reverse("awards:import", args=[network.hue.pk]),
                       {"kind": "xep-loai", "file": upload}).content.decode()
    assert "Dòng 5: Mã đơn vị P01-HTX01 không thuộc phạm vi" in page
    assert "Dòng 6: Không tìm thấy Người Lạ đang công tác tại" in page
    assert "Dòng 7: Năm “20255” không phải năm hợp lệ." in page
    assert "Dòng 7: Xếp loại “Tuyệt vời” không có trong danh sách cho phép" in page
    assert not AnnualRating.objects.exists()


@pytest.mark.django_db
def test_disciplines_need_the_registry_keeper(client, network, make_user):
    header = ["Họ và tên", "Mã đơn vị", "Năm", "Hình thức kỷ luật", "Quyết định"]
    rows = [header, ["Nguyễn Văn Điệp", "P46-HTX01", 2025, "Khiển trách", "QĐ 3/QĐ-HTX"]]
    client.force_login(make_user(Role.UNIT_REPORTER, network.hue_coop))
    page = client.post(reverse("awards:import", args=[network.hue_coop.pk]),
                       {"kind": "ky-luat", "file": workbook(rows)}).content.decode()
    assert "không thuộc phạm vi" in page and not Discipline.objects.exists()
    client.force_login(make_user(Role.EC_OFFICER, network.hue))
    url = reverse("awards:import", args=[network.hue.pk])
    preview = client.post(url, {"kind": "ky-luat", "file": workbook(rows)})
    client.post(url, preview.context["confirm"].initial)
    assert Discipline.objects.get().level == 1


@pytest.mark.django_db
def test_import_page_and_template_permissions(client, network, make_user):
    client.force_login(make_user(Role.VIEWER, network.hue))
    assert client.get(reverse("awards:import", args=[network.hue.pk])).status_code == 403
    client.force_login(make_user(Role.UNIT_REPORTER, network.hue))
    assert client.get(reverse("awards:import", args=[network.hue.pk])).status_code == 200
    assert client.get(reverse("awards:import", args=[network.hanoi.pk])).status_code == 403
    template = client.get(reverse("awards:import_template", args=[network.hue.pk, "xep-loai"]))
    assert template["Content-Type"].startswith("application/vnd.openxmlformats")
