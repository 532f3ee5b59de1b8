"""Ad-hoc reports: pivots within the viewer's scope, bad choices, saving, sharing, export."""
from datetime import date
from io import BytesIO

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from thidua.accounts.models import Role
from thidua.core import scopes
from thidua.movements.models import Movement, MovementKind, MovementStatus
from thidua.reports import adhoc
from thidua.reports.models import SavedReport
from thidua.reports.scope import resolve

pytestmark = pytest.mark.django_db

BY_PROVINCE = {"rows": "province", "columns": "subject", "measure": "count", "year_from": 2024,
               "year_to": 2025, "award_type": None}


def test_awards_by_province_and_subject(awards, vca_officer):
    result = adhoc.run("awards", resolve(vca_officer), BY_PROVINCE)
    assert result.column_labels == ["Tập thể", "Cá nhân"]
    table = {label: (values, total) for label, values, total in result.rows}
    assert table["Thành phố Huế"] == ([3, 5], 8)  # with Điệp’s LĐTT of 2024
    assert table["Thành phố Hà Nội"] == ([2, 2], 4)  # 2024 Bằng khen of Văn Đức included
    assert result.grand_total == 13


def test_same_definition_in_a_province_scope(awards, hue_officer):
    result = adhoc.run("awards", resolve(hue_officer), BY_PROVINCE)
    assert [label for label, _v, _t in result.rows] == ["Thành phố Huế"]
    assert result.grand_total == 8


def test_movements_by_kind(network, hue_officer):
    for unit in (network.hue, network.hanoi):
        Movement.objects.create(launched_by=unit, kind=MovementKind.THEMATIC, title="Xanh",
                                goals="…", start_date=date(2025, 1, 1),
                                end_date=date(2025, 12, 31), status=MovementStatus.LAUNCHED)
    result = adhoc.run("movements", resolve(hue_officer), {
        "rows": "kind", "columns": "", "measure": "count", "year_from": 2025, "year_to": 2025})
    assert [(label, total) for label, _v, total in result.rows] == [("Chuyên đề", 1)]


def test_page_rejects_a_dimension_the_source_lacks(client, awards, hue_officer):
    client.force_login(hue_officer)
    response = client.get(reverse("reports:adhoc"), {
        "source": "movements", "rows": "gender", "measure": "count", "year_from": 2025,
        "year_to": 2025})
    assert "Nguồn số liệu này không chia được theo tiêu chí đã chọn." in response.content.decode()


def test_save_share_and_reuse_within_own_scope(client, awards, network, vca_officer, make_user):
    client.force_login(vca_officer)
    query = "source=awards&rows=province&measure=count&year_from=2025&year_to=2025"
    response = client.post(f"{reverse('reports:adhoc')}?{query}",
                           {"name": "Theo tỉnh", "shared_with": network.vca.pk})
    assert response.status_code == 302
    saved = SavedReport.objects.get(name="Theo tỉnh")
    assert saved.definition["rows"] == "province"
    # A province officer holds no role at the VCA: the definition is not shared with them.
    hue = make_user(Role.EC_OFFICER, network.hue)
    client.force_login(hue)
    assert client.get(reverse("reports:adhoc"), {"saved": saved.pk}).status_code == 404
    # A colleague at the VCA reuses it; an export gives the figures.
    client.force_login(make_user(Role.VIEWER, network.vca))
    page = client.get(reverse("reports:adhoc"), {"saved": saved.pk})
    assert "Thành phố Hà Nội" in page.content.decode()
    export = client.get(reverse("reports:adhoc"), {"saved": saved.pk, "format": "xlsx"})
    sheet = load_workbook(BytesIO(export.content)).active
    rows = {row[0]: row[-1] for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert rows["Thành phố Huế"] == 7 and rows["Tổng"] == 11


def test_shared_definition_counts_in_the_viewers_scope(client, awards, network, make_user):
    author = make_user(Role.EC_OFFICER, network.hue)
    saved = SavedReport.objects.create(owner=author, name="Huế", source="awards",
                                       shared_with=network.hue_coop, definition=BY_PROVINCE)
    client.force_login(make_user(Role.EC_OFFICER, network.hue_coop))
    body = client.get(reverse("reports:adhoc"), {"saved": saved.pk}).content.decode()
    assert "Thành phố Huế" in body
    export = client.get(reverse("reports:adhoc"), {"saved": saved.pk, "format": "xlsx"})
    rows = {row[0]: row[-1] for row in load_workbook(BytesIO(export.content)).active.iter_rows(
        min_row=2, values_only=True)}
    assert rows["Tổng"] == 6  # the cooperative's own: 5 in 2025 and Điệp's LĐTT of 2024


def test_a_user_of_another_unit_sees_no_saved_report(client, network, make_user, settings):
    settings.THIDUA_UNSCOPED_READS = "raise"
    author = make_user(Role.EC_OFFICER, network.hue)
    own = SavedReport.objects.create(owner=author, name="Riêng của Huế", source="awards",
                                     definition=BY_PROVINCE)
    shared = SavedReport.objects.create(owner=author, name="Chia sẻ trong Huế", source="awards",
                                        shared_with=network.hue_coop, definition=BY_PROVINCE)
    other = make_user(Role.EC_OFFICER, network.hanoi)
    with scopes.serving("/bao-cao/tu-chon/"):
        assert list(SavedReport.objects.visible_to(other)) == []
        assert set(SavedReport.objects.visible_to(author)) == {own, shared}
        with pytest.raises(scopes.ScopeError, match="reports.SavedReport"):
            list(SavedReport.objects.all())
    client.force_login(other)
    page = client.get(reverse("reports:adhoc")).content.decode()
    assert own.name not in page and shared.name not in page
    assert client.get(reverse("reports:adhoc"), {"saved": shared.pk}).status_code == 404
