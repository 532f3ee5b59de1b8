"""One catalogue (awards/catalogue.py): each award type is declared once, and the engine, the
database rows, the imports, the certificates and the admin all read that one declaration —
adding a type is one change, shown here by adding one."""
import io
from datetime import date

import pytest
from django.urls import reverse
from django.utils import translation
from pypdf import PdfReader

from thidua.awards import catalogue
from thidua.awards.catalogue import (
    DECORATION,
    FORM,
    INDIVIDUAL,
    STATE,
    AwardKind,
    PeerCode,
    Standard,
)
from thidua.awards.eligibility import collective, evaluate, individual, period_for
from thidua.awards.importing import AwardTypeChoice
from thidua.awards.models import Award, AwardType
from thidua.awards.seeding import row_values, sync_catalogue
from thidua.documents import certificates
from thidua.interchange.catalogue import Catalogue

pytestmark = pytest.mark.django_db

NEW = AwardKind(
    "HCDL3", "Huân chương Độc lập hạng Ba", "Third-Class Independence Order", "HCĐL3",
    "Independence Order 3", "Huân chương Độc lập hạng Ba", "Third-Class Independence Order",
    FORM, (INDIVIDUAL,), STATE, DECORATION, article="Chương III",
    individual=Standard("Chương III"), publicity_days=10,
    aliases=("Huân chương Độc lập hạng 3",),
    peer_codes=(PeerCode("1671246999", "Huân chương Độc lập hạng ba"),))


@pytest.fixture
def added(monkeypatch):
    """The one change: a type declared in the catalogue."""
    monkeypatch.setitem(catalogue.TYPES, NEW.code, NEW)
    return NEW


def test_the_migrated_rows_are_the_catalogues_declarations():
    for order, (code, kind) in enumerate(catalogue.TYPES.items()):
        row = AwardType.objects.select_related("legal_text").get(code=code)
        for name, value in row_values(kind, order).items():
            stored = getattr(row, name)
            assert (str(stored) if name.startswith("money") and stored is not None
                    else stored) == value, (code, name)
        assert row.legal_text.key == kind.legal_text


def test_every_type_checked_by_machine_has_its_rule():
    rules = {"individual": individual.RULES, "collective": collective.RULES}
    for (kind, code), rule in period_for(date(2025, 12, 15)).rules.items():
        assert rule.machine == (code in rules[kind]), (kind, code)


def test_adding_a_type_is_one_change(added, client, root_user, network):
    # the engine: its name and legal basis, asked for by name (no machine rule: people judge)
    assert period_for(date(2025, 12, 15)).rules["individual", "HCDL3"].legal_basis == \
        "Luật TĐKT 2022, Chương III"
    verdict = evaluate({"as_of": "2025-12-15", "year": 2025, "types": ["HCDL3"],
                        "subjects": [{"id": "p1", "kind": "individual"}]})["results"][0]
    assert verdict["rule"] == "Luật TĐKT 2022, Chương III" and not verdict["eligible"]
    assert "Huân chương Độc lập hạng Ba" in verdict["missing"][0]
    with translation.override("en"):
        english = evaluate({"as_of": "2025-12-15", "year": 2025, "types": ["HCDL3"],
                            "subjects": [{"id": "p1", "kind": "individual"}]})
    assert "Third-Class Independence Order" in english["results"][0]["missing"][0]

    # the database: its first version, once; the existing rows untouched
    before = {row.pk: row.name for row in AwardType.objects.all()}
    (row,) = sync_catalogue()
    assert (row.code, row.name_en, row.legal_basis, row.order) == (
        "HCDL3", "Third-Class Independence Order", "Luật TĐKT 2022, Chương III", 150)
    assert (row.publicity_days, row.subject_kinds, row.legal_text.key) == (
        10, ["INDIVIDUAL"], "law-2022")
    assert sync_catalogue() == []
    assert {r.pk: r.name for r in AwardType.objects.exclude(pk=row.pk)} == before

    # the Excel imports: its name, abbreviation, another wording and the peer templates' code
    choice = AwardTypeChoice()
    for cell in ("Huân chương Độc lập hạng Ba", "HCĐL3", "huan chuong doc lap hang 3",
                 "1671246999"):
        assert choice(cell) == row
    # the Word lists and tờ trình: a heading naming it
    assert Catalogue().resolve("Đề nghị tặng Huân chương Độc lập hạng 3") == row

    # its certificate, with its layout: an order named in full on A3, the "merit" frame
    award = Award(pk=1, award_type=row, person=network.hue_person, year=2025,
                  decision_number="12/QĐ-CTN", decision_date=date(2025, 12, 20),
                  issuer_name="Chủ tịch nước")
    assert (certificates.layout_of(row).design, certificates.default_paper(row)) == ("merit", "A3")
    assert certificates.heading(row) == ("TẶNG", "HUÂN CHƯƠNG ĐỘC LẬP HẠNG BA")
    printed = PdfReader(io.BytesIO(certificates.certificate_pdf(award))).pages[0]
    assert "HUÂN CHƯƠNG ĐỘC LẬP HẠNG BA" in printed.extract_text()
    assert round(float(printed.mediabox.width) * 25.4 / 72) == 420  # A3 landscape

    # the admin lists it, with what the catalogue says of its check
    client.force_login(root_user)
    listing = client.get(reverse("admin:awards_awardtype_changelist")).content.decode()
    assert "HCDL3" in listing and "Huân chương Độc lập hạng Ba" in listing


def test_a_type_entered_only_in_the_admin_prints_by_its_category():
    row = AwardType(code="DH_KHAC", name="Danh hiệu khác", category="TITLE")
    assert certificates.heading(row) == ("CÔNG NHẬN DANH HIỆU", "DANH HIỆU KHÁC")
    assert certificates.layout_of(row).design == "title"
