"""Biểu 0601–0603: hand-counted cells, totals that agree across rows and columns, the XLSX and
PDF outputs re-opened, and the bad-input messages."""
from datetime import date
from io import BytesIO

import pytest
from django.urls import reverse
from openpyxl import load_workbook
from pypdf import PdfReader

from thidua.movements.models import Movement, MovementKind, MovementStatus
from thidua.reports.scope import resolve
from thidua.reports.statutory.definitions import form_0601, form_0602, form_0603
from thidua.reports.statutory.render import pdf_bytes, xlsx_bytes

pytestmark = pytest.mark.django_db


def values(form):
    return {row.code: row.values for row in form.rows if not row.is_heading}


def assert_consistent(form, parts):
    """Column 1 is the sum of the others; each group of rows adds up to its parent row (the
    total row unless named first)."""
    table = values(form)
    for code, row in table.items():
        assert row[0] == sum(row[1:]), code
    for group in parts:
        parent, group = (group[0], group[1]) if isinstance(group, tuple) else (form.rows[0].code, group)
        sums = [sum(table[code][i] for code in group) for i in range(len(table[parent]))]
        assert sums == table[parent], group


def test_0603_national(awards, vca_officer):
    form = form_0603(resolve(vca_officer), 2025, 2025)
    table = values(form)
    assert table["01"] == [6, 3, 1, 1, 1]  # BK_BO 3, CSTĐ 1, Cờ 1, KNC 1; TTLĐXS has no column
    assert table["02"][0] == 2 and table["03"][0] == 1 and table["04"][0] == 0
    assert table["05"][0] == 4
    assert table["10"][0] == 3  # direct workers and members
    assert table["08"][0] == 1  # the director as "doanh nhân"
    assert table["11"][0] == 6  # imported awards are regular ones
    assert_consistent(form, [["02", "04", "05"], ("05", ["06", "07", "08", "09", "10"]),
                             [f"{c}" for c in range(11, 18)]])
    assert form.notes  # says which level-2 type has no column


def test_0603_province(awards, hue_officer):
    assert values(form_0603(resolve(hue_officer), 2025, 2025))["01"] == [4, 3, 0, 1, 0]


def test_0602_national(awards, vca_officer):
    form = form_0602(resolve(vca_officer), 2025, 2025)
    table = values(form)
    assert table["1"][0] == 3
    assert table["2"][0] == 0 and table["3"][0] == 3
    assert table["6"][0] == 1 and table["7"][0] == 1 and table["9"][0] == 2
    assert table["14"][0] == 2
    headers = [(c.group, c.header) for c in form.columns]
    assert ("Cờ thi đua của Chính phủ", "TT") in headers
    assert_consistent(form, [["2", "3"], ["6", "8", "9"], ("9", ["10", "11", "12", "13", "14"]),
                             [str(c) for c in range(15, 22)]])


def test_two_years_add_up(awards, vca_officer):
    form = form_0603(resolve(vca_officer), 2024, 2025)
    assert values(form)["01"][0] == 7
    assert form.period_label == "Từ năm 2024 đến năm 2025"


def test_0601_movements(network, vca_officer):
    for kind, start, end, unit in [(MovementKind.REGULAR, date(2025, 1, 1), date(2025, 12, 31), network.vca),
                                   (MovementKind.THEMATIC, date(2025, 3, 1), date(2025, 6, 30), network.hue),
                                   (MovementKind.THEMATIC, date(2021, 1, 1), date(2025, 12, 31), network.hue_coop)]:
        Movement.objects.create(launched_by=unit, kind=kind, title=f"{kind} {unit.code}", goals="…",
                                start_date=start, end_date=end, status=MovementStatus.LAUNCHED)
    Movement.objects.create(launched_by=network.vca, kind=MovementKind.REGULAR, title="Nháp",
                            goals="…", start_date=date(2025, 1, 1), end_date=date(2025, 12, 31))
    form = form_0601(resolve(vca_officer), 2025, 2025)
    table = values(form)
    assert table["01"] == [3, 0, 2, 1]
    assert table["02"][0] == 1 and table["03"][0] == 1 and table["05"][0] == 1
    assert table["06"][0] == 1 and table["07"][0] == 1 and table["10"][0] == 1
    assert table["11"][0] == 2 and table["12"][0] == 1
    assert_consistent(form, [["02", "03", "04", "05"], ["06", "07", "08", "09", "10"],
                             ["11", "12"]])


def test_xlsx_layout_and_figures(awards, vca_officer):
    form = form_0603(resolve(vca_officer), 2025, 2025)
    sheet = load_workbook(BytesIO(xlsx_bytes(form))).active
    texts = [cell for row in sheet.iter_rows(values_only=True) for cell in row if cell]
    assert "Biểu số: 0603.N/BNV-TĐKT" in texts
    assert form.title in texts
    assert "Thời điểm báo cáo: Năm 2025" in texts
    total_row = next(row for row in sheet.iter_rows(values_only=True) if row[1] == "01")
    assert list(total_row[3:8]) == [6, 3, 1, 1, 1]
    assert sheet.merged_cells.ranges  # title and header blocks are merged


def test_xlsx_grouped_headers_are_merged(awards, vca_officer):
    form = form_0602(resolve(vca_officer), 2025, 2025)
    sheet = load_workbook(BytesIO(xlsx_bytes(form))).active
    merged = [str(r) for r in sheet.merged_cells.ranges]
    bk_column = next(i for i, c in enumerate(form.columns) if c.group.startswith("Bằng khen")) + 4
    from openpyxl.utils import get_column_letter
    assert any(r.startswith(get_column_letter(bk_column)) and ":" in r for r in merged)


def test_pdf_prints_the_form(awards, vca_officer):
    form = form_0603(resolve(vca_officer), 2025, 2025)
    content = pdf_bytes(form)
    text = " ".join(page.extract_text() for page in PdfReader(BytesIO(content)).pages)
    assert "0603.N/BNV-TĐKT" in text
    assert "Người lập biểu" in text


def test_page_and_downloads(client, awards, hue_officer, network):
    client.force_login(hue_officer)
    url = reverse("reports:statutory")
    page = client.get(url, {"form": "0603", "year_from": 2025, "year_to": 2025})
    assert page.status_code == 200
    assert network.hue.name in page.content.decode()
    xlsx = client.get(url, {"form": "0603", "year_from": 2025, "year_to": 2025, "format": "xlsx"})
    assert xlsx["Content-Type"].startswith("application/vnd.openxmlformats")
    pdf = client.get(url, {"form": "0602", "year_from": 2025, "year_to": 2025, "format": "pdf"})
    assert pdf.content.startswith(b"%PDF")


def test_the_page_is_in_the_readers_language_and_the_files_in_the_circulars(
        client, awards, hue_officer, settings):
    """In English the page translates the form's words and names award forms from the catalogue
    in English; the XLSX and PDF filed with the Ministry stay in Vietnamese."""
    client.force_login(hue_officer)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    url = reverse("reports:statutory")
    query = {"form": "0602", "year_from": 2025, "year_to": 2025}
    page = client.get(url, query).content.decode()
    for english in ("NUMBER OF STATE-LEVEL COMMENDATIONS", "2. By recipient", "Code",
                    "Labour Order 1 (individual)", "Government Emulation Flag"):
        assert english in page
    assert "Chia theo đối tượng khen thưởng" not in page and "HCLĐ1 (CN)" not in page
    sheet = load_workbook(BytesIO(client.get(url, {**query, "format": "xlsx"}).content)).active
    cells = {str(cell.value) for row in sheet.iter_rows() for cell in row if cell.value}
    assert {"2. Chia theo đối tượng khen thưởng", "HCLĐ1 (CN)", "Mã số"} <= cells
    pdf = client.get(url, {**query, "format": "pdf"}).content
    text = " ".join(page.extract_text() for page in PdfReader(BytesIO(pdf)).pages)
    assert "SỐ LƯỢNG KHEN THƯỞNG CẤP NHÀ NƯỚC" in text and "By recipient" not in text


def test_end_before_start(client, awards, hue_officer):
    client.force_login(hue_officer)
    response = client.get(reverse("reports:statutory"),
                          {"form": "0603", "year_from": 2025, "year_to": 2024, "format": "xlsx"})
    assert response.status_code == 400
    assert "Năm kết thúc phải bằng hoặc sau năm bắt đầu." in response.content.decode()


def test_hidden_scope_leaks_nothing(client, awards, hue_officer, network):
    client.force_login(hue_officer)
    for unit in (network.hanoi.pk, 999999, "abc"):
        response = client.get(reverse("reports:statutory"), {
            "form": "0603", "unit": unit, "year_from": 2025, "year_to": 2025, "format": "xlsx"})
        assert response.status_code == 400
        body = response.content.decode()
        assert "Bạn không có quyền xem số liệu của đơn vị này" in body
        assert network.hanoi.name not in body


def test_empty_period_says_so(client, awards, hue_officer):
    client.force_login(hue_officer)
    response = client.get(reverse("reports:statutory"),
                          {"form": "0603", "year_from": 2001, "year_to": 2002})
    assert response.status_code == 200
    assert "Không có số liệu trong kỳ và phạm vi đã chọn" in response.content.decode()
