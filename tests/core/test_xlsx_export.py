"""Excel exports re-opened with openpyxl: typed cells, bold frozen header, widths, the statutory
title block; and every list's ?format=xlsx still answers with a readable workbook."""
from datetime import date, datetime
from decimal import Decimal
from io import BytesIO
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from thidua.accounts.models import Role
from thidua.core.excel import workbook_bytes

HEADERS = ["Họ và tên", "Ngày sinh", "Lúc nộp", "Số tiền", "Tỷ lệ", "Đạt"]
ROWS = [("Nguyễn Văn Điệp", date(1980, 5, 17), datetime(2026, 1, 2, 3, 4, tzinfo=ZoneInfo("UTC")),
         1_800_000, Decimal("1.5"), True),
        ("Một tên rất dài " * 3, None, None, None, None, False)]


def sheet_of(content):
    return load_workbook(BytesIO(content)).worksheets[0]


def test_cells_keep_their_types_and_the_header_is_bold_and_frozen():
    sheet = sheet_of(workbook_bytes("Danh sách: năm 2025/2026", HEADERS, iter(ROWS)))
    assert sheet.title == "Danh sách- năm 2025-2026"
    assert [c.value for c in sheet[1]] == HEADERS
    assert all(cell.font.b for cell in sheet[1]) and sheet.freeze_panes == "A2"
    name, born, sent, money, rate, passed = sheet[2]
    assert born.value == datetime(1980, 5, 17) and born.number_format == "DD/MM/YYYY"
    assert sent.value == datetime(2026, 1, 2, 10, 4)  # Asia/Ho_Chi_Minh, as Excel has no zones
    assert sent.number_format == "DD/MM/YYYY HH:MM"
    assert (money.value, money.data_type, rate.value, passed.value) == (1_800_000, "n", 1.5, "Có")
    assert [c.value for c in sheet[3]][1:] == [None, None, None, None, "Không"]
    widths = sheet.column_dimensions
    assert widths["A"].width == 50 and 10 <= widths["B"].width < 20


def test_title_block_for_lists_officials_file():
    sheet = sheet_of(workbook_bytes("Ai đủ điều kiện", HEADERS, ROWS, organization="Liên minh HTX "
                                    "thành phố Huế"))
    assert sheet["A1"].value == "LIÊN MINH HTX THÀNH PHỐ HUẾ" and sheet["A1"].font.b
    assert sheet["A2"].value == "AI ĐỦ ĐIỀU KIỆN"
    assert sheet["A2"].alignment.horizontal == "centerContinuous"
    assert sheet["A3"].value.startswith("(Xuất ngày ")
    assert [c.value for c in sheet[5]] == HEADERS and sheet.freeze_panes == "A6"
    assert sheet["A6"].value == "Nguyễn Văn Điệp"


@pytest.mark.django_db
@pytest.mark.parametrize("name, args", [
    ("organizations:organization_list", []), ("organizations:person_list", []),
    ("movements:movement_list", []), ("records:exemplar_list", []),
    ("records:initiative_list", []), ("records:inspection_list", []),
    ("nominations:batch_list", []), ("awards:qualification", ["hue"]),
])
def test_every_list_exports_a_readable_workbook(client, network, make_user, award_catalogue,
                                                name, args):
    client.force_login(make_user(Role.EC_OFFICER, network.vca))
    response = client.get(reverse(name, args=[getattr(network, a).pk for a in args]),
                          {"format": "xlsx", "year": 2025})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = sheet_of(response.content)
    header = next(row for row in sheet.iter_rows() if all(c.font.b for c in row if c.value)
                  and sum(1 for c in row if c.value) > 1)
    assert all(isinstance(c.value, str) for c in header if c.value)


@pytest.mark.django_db
def test_report_standings_export_has_the_title_block_and_real_times(client, network, make_user):
    from thidua.movements import services
    from thidua.movements.models import ProgressReport, ReportSchedule

    schedule = services.save_schedule(network.actor, ReportSchedule(
        owner=network.hue, year=2026, period="Q1", due_date=date(2026, 4, 8)))
    services.submit_report(make_user(Role.UNIT_REPORTER, network.hue_coop), ProgressReport(
        schedule=schedule, unit=network.hue_coop, text="Báo cáo quý I", participants=40))
    client.force_login(make_user(Role.EC_OFFICER, network.hue))
    response = client.get(reverse("movements:compliance", args=[schedule.pk]), {"format": "xlsx"})
    sheet = sheet_of(response.content)
    assert sheet["A1"].value == "LIÊN MINH HỢP TÁC XÃ THÀNH PHỐ HUẾ"
    submitted = {row[0].value: row[2].value for row in sheet.iter_rows(min_row=6)}
    assert isinstance(submitted["Hợp tác xã Nông nghiệp Thủy Thanh"], datetime)
    assert submitted["Hợp tác xã Dịch vụ Điện Hòa"] is None
