"""The dashboard page, its chart exports and the annual report draft, per role and scope."""
from io import BytesIO

import pytest
from django.core.cache import cache
from django.urls import reverse
from docx import Document
from openpyxl import load_workbook

from thidua.accounts.models import Role

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()


def test_dashboard_shows_the_scope_figures(client, awards, hue_officer, network):
    client.force_login(hue_officer)
    response = client.get(reverse("reports:dashboard"), {"year": 2025})
    body = response.content.decode()
    assert response.status_code == 200
    assert 'id="report-charts"' in body and "chart-awards_by_type" in body
    assert network.hanoi.name not in body and network.hanoi_coop.name not in body
    assert "<script>" not in body.replace('<script src=', '')  # data only through json_script


def test_chart_data_as_xlsx(client, awards, vca_officer):
    client.force_login(vca_officer)
    response = client.get(reverse("reports:dashboard"),
                          {"year": 2025, "chart": "awards_province", "format": "xlsx"})
    sheet = load_workbook(BytesIO(response.content)).active
    rows = {row[0]: row[1] for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert rows == {"Thành phố Huế": 7, "Thành phố Hà Nội": 3, "Các đơn vị của Liên minh": 1}


def test_unknown_chart_is_404(client, awards, vca_officer):
    client.force_login(vca_officer)
    response = client.get(reverse("reports:dashboard"), {"chart": "nope", "format": "xlsx"})
    assert response.status_code == 404


def test_another_province_is_refused(client, awards, hue_officer, network):
    client.force_login(hue_officer)
    response = client.get(reverse("reports:dashboard"), {"unit": network.hanoi.pk, "year": 2025})
    assert response.status_code == 400
    body = response.content.decode()
    assert "Bạn không có quyền xem số liệu" in body and "report-charts" not in body


def test_bad_year_is_a_message(client, awards, hue_officer):
    client.force_login(hue_officer)
    response = client.get(reverse("reports:dashboard"), {"year": "20x5"})
    assert response.status_code == 400
    assert "report-charts" not in response.content.decode()


def test_anonymous_is_sent_to_login(client):
    response = client.get(reverse("reports:dashboard"))
    assert response.status_code == 302


def test_annual_report_draft(client, awards, network, make_user):
    client.force_login(make_user(Role.EC_OFFICER, network.hue))
    response = client.get(reverse("reports:annual"), {"year": 2025})
    assert response["Content-Disposition"].endswith('P46-2025.docx"')
    document = Document(BytesIO(response.content))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Tổng kết công tác thi đua, khen thưởng năm 2025" in text
    assert "[Phần này do cán bộ thi đua, khen thưởng soạn thảo.]" in text
    cells = {tuple(cell.text for cell in row.cells) for table in document.tables for row in table.rows}
    assert ("Lao động tiên tiến", "1", "1", "+0%") in cells  # Điệp in 2025 and in 2024
    assert ("Tổng số", "7", "1", "+600%") in cells
    assert ("Cá nhân là cán bộ quản lý, lãnh đạo", "1", "0", "—") in cells


def test_annual_report_of_a_hidden_unit(client, awards, hue_officer, network):
    client.force_login(hue_officer)
    response = client.get(reverse("reports:annual"), {"unit": network.hanoi.pk, "year": 2025})
    assert response.status_code == 400


def test_the_page_says_when_cached_activity_figures_were_counted(client, awards, hue_officer,
                                                                 network, make_user):
    client.force_login(hue_officer)
    body = client.get(reverse("reports:dashboard"), {"year": 2025}).content.decode()
    assert "Số liệu phong trào, đăng ký, báo cáo, hồ sơ đề nghị tính lúc" in body
    client.force_login(make_user(Role.EC_OFFICER, network.hue_coop))
    body = client.get(reverse("reports:dashboard"), {"year": 2025}).content.decode()
    assert "hồ sơ đề nghị tính lúc" not in body
