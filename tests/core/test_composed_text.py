"""One spelling per name: text entering through forms, the API's JSON and spreadsheets is stored
composed (NFC), a data migration composes what is stored and reports the duplicates it reveals,
and "Ơn" typed decomposed sorts where "Ơn" does."""
import json
from importlib import import_module

from django.apps import apps
from django.http import JsonResponse
from django.test import RequestFactory

from thidua.core.middleware import ComposedTextMiddleware
from thidua.core.text import nfc, person_sort_key, sort_key
from thidua.core.xlsx_sheet import _cell
from thidua.organizations.models import Person

DECOMPOSED = "O\u031bn"  # O + combining horn: "Ơn" as some keyboards and PDFs give it
COMPOSED = "\u01a0n"


def echo(request):
    return JsonResponse({"get": request.GET.get("q"), "post": request.POST.get("name"),
                         "password": request.POST.get("new_password1"),
                         "body": json.loads(request.body) if request.content_type ==
                         "application/json" else None})


def test_forms_queries_and_json_arrive_composed():
    middleware, factory = ComposedTextMiddleware(echo), RequestFactory()
    answer = json.loads(middleware(factory.post(f"/?q={DECOMPOSED}", {
        "name": DECOMPOSED, "new_password1": DECOMPOSED})).content)
    assert answer["get"] == answer["post"] == COMPOSED
    assert answer["password"] == DECOMPOSED  # hashed from what was typed: left alone
    answer = json.loads(middleware(factory.post(
        "/", json.dumps({"given_name": DECOMPOSED, "list": [DECOMPOSED]}),
        content_type="application/json")).content)
    assert answer["body"] == {"given_name": COMPOSED, "list": [COMPOSED]}


def test_spreadsheet_cells_are_composed():
    assert _cell(f"  Nguyễn Văn {DECOMPOSED} ") == f"Nguyễn Văn {COMPOSED}"


def test_decomposed_names_sort_with_their_composed_twins():
    names = ["On", "Ơn", "Ôn", DECOMPOSED]
    assert sorted(names, key=sort_key) == ["On", "Ôn", "Ơn", DECOMPOSED]
    assert sort_key(DECOMPOSED) == sort_key(COMPOSED)


def test_migration_composes_stored_text_rekeys_and_reports_duplicates(network, capsys):
    twin = network.person("Nguyễn", "Văn", COMPOSED, network.hue_coop)
    stored = network.person("Nguyễn", "Văn", "On", network.hue_coop2)
    Person.objects.filter(pk=stored.pk).update(given_name=DECOMPOSED, sort_key=sort_key("On"))
    migration = import_module("thidua.core.migrations.0004_compose_stored_text")
    migration.compose(apps, None)
    stored.refresh_from_db()
    assert stored.given_name == COMPOSED == nfc(DECOMPOSED)
    assert stored.sort_key == person_sort_key("Nguyễn", "Văn", COMPOSED) == twin.sort_key
    assert f"Có thể trùng người sau khi chuẩn hóa Unicode: #{twin.pk}, #{stored.pk}" in (
        capsys.readouterr().out)
