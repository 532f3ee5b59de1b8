"""Past awards (from old decisions) imported into the registry: people and collectives, codes or
labels, Excel or text dates, preview then confirm, duplicates and permissions."""
from datetime import date, datetime
from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from thidua.accounts.models import Role
from thidua.awards.models import Award, AwardSource, AwardType

pytestmark = pytest.mark.django_db
HEADERS = ["STT", "Đối tượng", "Họ và tên", "Ngày sinh", "Đơn vị công tác",
           "Danh hiệu, hình thức khen thưởng", "Năm", "Số quyết định", "Ngày quyết định",
           "Cơ quan quyết định"]


def workbook(rows, headers=HEADERS):
    book = Workbook()
    page = book.active
    page.append(["TỔNG HỢP KHEN THƯỞNG CÁC NĂM"])
    page.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(headers))
    page.append(headers)
    for row in rows:
        page.append(row)
    buffer = BytesIO()
    book.save(buffer)
    return SimpleUploadedFile("khen-thuong.xlsx", buffer.getvalue())


@pytest.fixture(autouse=True)
def staging_dir(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def officer(network, make_user):
    return make_user(Role.EC_OFFICER, network.hue)


def post(client, unit, file, confirm=True):
    url = reverse("awards:import", args=[unit.pk])
    response = client.post(url, {"kind": "khen-thuong", "file": file})
    if confirm and response.status_code == 200 and "confirm" in response.context:
        return client.post(url, response.context["confirm"].initial)
    return response


def test_people_and_collectives_with_codes_labels_and_both_date_kinds(client, network, officer):
    client.force_login(officer)
    response = post(client, network.hue, workbook([
        [1, "Cá nhân", "Nguyễn Văn Điệp", "17/05/1980", "P46-HTX01", "CSTĐCS", 2023, "12/QĐ-LMHTX",
         datetime(2024, 1, 15), "Liên minh HTX thành phố Huế"],
        [2, "CANHAN", "lê thị hương", None, "Hợp tác xã Dịch vụ Điện Hòa", "1650360491", None,
         "45/QĐ-LMHTXVN", "20/03/2022", "Liên minh HTX Việt Nam"],
        [3, "Tập thể", "Hợp tác xã Nông nghiệp Thủy Thanh", None, None,
         "Tập thể lao động tiên tiến", 2024, "7/QĐ-LMHTX", "05/01/2025", None],
        [None, "Tổng cộng", None, None, None, None, None, None, None, None],
    ]))
    assert response.status_code == 302
    awards = {(a.recipient.pk, a.award_type.code): a for a in Award.objects.select_related(
        "award_type", "person", "organization")}
    first = awards[(network.hue_person.pk, "CSTDCS")]
    assert (first.year, first.decision_number, first.decision_date, first.source) == (
        2023, "12/QĐ-LMHTX", date(2024, 1, 15), AwardSource.IMPORTED)
    assert first.history.get().history_user == officer
    second = awards[(network.hue_person2.pk, "BK_BO")]
    assert (second.year, second.decision_date) == (2022, date(2022, 3, 20))
    unit = awards[(network.hue_coop.pk, "TTLDTT")]
    assert unit.organization == network.hue_coop and unit.person is None


def test_duplicates_unknown_types_and_scope_write_nothing(client, network, officer, registry):
    registry.award("CSTDCS", 2023, person=network.hue_person)
    client.force_login(officer)
    response = post(client, network.hue, workbook([
        [1, "Cá nhân", "Nguyễn Văn Điệp", None, "P46-HTX01", "CSTDCS", 2023, "1/QĐ", "01/02/2024"],
        [2, "Cá nhân", "Lê Thị Hương", None, "P46-HTX02", "GK", 2023, "2/QĐ", "01/02/2024"],
        [3, "Cá nhân", "Lê Thị Hương", None, "P46-HTX02", "Giấy khen", 2023, "3/QĐ", "01/02/2024"],
        [4, "Cá nhân", "Phạm Quốc Bảo", None, "P01-HTX01", "GK", 2023, "4/QĐ", "01/02/2024"],
        [5, "Cá nhân", "Lê Thị Hương", None, "P46-HTX02", "Huân chương Sao vàng", 2023, "5/QĐ",
         "01/02/2024"],
        [6, "Cá nhân", "Lê Thị Hương", None, "P46-HTX02", "LDTT", 2022, "6/QĐ", None],
    ]))
    assert response.status_code == 200 and "confirm" not in response.context
    assert response.context["errors"] == [
        "Dòng 3: Tên cá nhân, tập thể Nguyễn Văn Điệp (CSTĐCS 2023) đã có trong hệ thống.",
        "Dòng 5: Tên cá nhân, tập thể Lê Thị Hương (GK 2023) trùng với dòng 4.",
        "Dòng 6: Đơn vị công tác “P01-HTX01” không thuộc phạm vi Liên minh Hợp tác xã Thành phố "
        "Huế.",
        "Dòng 7: Danh hiệu, hình thức khen thưởng “Huân chương Sao vàng” không có trong danh sách "
        "cho phép (xem trang Hướng dẫn của tệp mẫu).",
        "Dòng 8: Ngày quyết định không được để trống.",
    ]
    assert Award.objects.count() == 1


def test_reporters_cannot_write_the_registry(client, network, make_user):
    client.force_login(make_user(Role.UNIT_REPORTER, network.hue_coop))
    response = post(client, network.hue_coop, workbook([
        [1, "Cá nhân", "Nguyễn Văn Điệp", None, "P46-HTX01", "GK", 2023, "1/QĐ", "01/02/2024"]]))
    assert response.context["errors"] == [
        "Dòng 3: Bạn không được ghi sổ khen thưởng của Nguyễn Văn Điệp."]
    assert not Award.objects.exists()
    client.force_login(make_user(Role.EC_OFFICER, network.hanoi))
    assert post(client, network.hue, workbook([])).status_code == 403


def test_catalogue_changes_show_in_the_next_file(client, network, officer):
    client.force_login(officer)
    AwardType.objects.filter(code="GK").update(abbreviation="GKM")
    response = post(client, network.hue, workbook([
        [1, "Cá nhân", "Nguyễn Văn Điệp", None, "P46-HTX01", "GKM", 2023, "1/QĐ", "01/02/2024"]]))
    assert response.status_code == 302
    assert Award.objects.get().award_type.code == "GK"


def test_imported_awards_are_on_the_honour_roll_and_counted_when_the_import_commits(
        client, network, officer, django_capture_on_commit_callbacks):
    from thidua.portal.models import Site
    from thidua.reports.models import AwardSummary

    Site.objects.create(organization=network.hue, slug="hue", name="Cổng Huế")
    client.force_login(officer)
    with django_capture_on_commit_callbacks(execute=True):
        post(client, network.hue, workbook([
            [1, "Cá nhân", "Nguyễn Văn Điệp", None, "P46-HTX01", "CSTĐCS", 2023, "12/QĐ-LMHTX",
             "15/01/2024", "Liên minh HTX thành phố Huế"]]))
    roll = client.get("/p/hue/bang-vang/").content.decode()
    assert "Nguyễn Văn Điệp" in roll and "12/QĐ-LMHTX" in roll
    assert sum(AwardSummary.objects.filter(year=2023).values_list("count", flat=True)) == 1
