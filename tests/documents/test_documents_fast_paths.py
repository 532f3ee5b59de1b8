"""The fast ways documents are written give what the slow ways gave: a prepared Word template
writes the body docxtpl writes (escaped values, line breaks, column loops), an annex keeps every
row in order, a template with tags in its header still goes through docxtpl, and a certificate
frame written again from its operators is the frame drawn afresh."""
import io
import zipfile

import docx
import pytest
from docxtpl import DocxTemplate
from lxml import etree
from pypdf import PdfReader

from thidua.documents import certificates, wordfiles
from thidua.documents.context import decision_context, in_vietnamese
from thidua.documents.layouts import default_template
from thidua.documents.models import CertificateTemplate
from thidua.documents.sheets import Sheets

pytestmark = pytest.mark.django_db
TRICKY = 'Lê <b>Thị</b> & “Hương” \'Ngô\' {{ x }}'


def docxtpl_fill(data, context):
    template = DocxTemplate(io.BytesIO(data))
    template.render(context, autoescape=True)
    buffer = io.BytesIO()
    template.save(buffer)
    return buffer.getvalue()


def body(data):
    """word/document.xml, canonical (the same XML written either way compares equal)."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return etree.tostring(etree.fromstring(archive.read("word/document.xml")),
                              method="c14n")


@in_vietnamese
def context_of(decision):
    return decision_context(decision)


def test_a_prepared_template_writes_the_body_docxtpl_writes(commendation):
    context = context_of(commendation.decision())
    context["sections"][0]["rows"][0]["name"] = TRICKY
    context["article3"] += "\nDòng thứ hai\tsau một tab"  # docxtpl's line break and tab
    for kind in ("decision", "annex"):
        data = default_template(kind)
        assert wordfiles.prepared(data).simple
        assert body(wordfiles.fill(data, context)) == body(docxtpl_fill(data, context))
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(
        wordfiles.render("decision", context))).paragraphs)
    assert "Dòng thứ hai\tsau một tab" in text


def test_every_annex_row_is_written_escaped_and_in_order(commendation):
    context = context_of(commendation.decision())
    rows = [{"index": n, "name": f"{TRICKY} {n}", "detail": f"Đơn vị <{n}> & con",
             "note": "1.000 đ" if n % 2 else ""} for n in range(1, 601)]
    context["sections"] = [{"heading": "I. Cá nhân", "rows": rows}]
    table = docx.Document(io.BytesIO(wordfiles.render("decision", context))).tables[-1]
    written = [[cell.text for cell in row.cells] for row in table.rows[1:]]
    assert written == [[str(row["index"]), row["name"], row["detail"], row["note"]]
                       for row in rows]


def test_column_loops_are_fixed_as_docxtpl_fixes_them():
    document = docx.Document()
    document.add_paragraph("{{ title }}")
    table = document.add_table(rows=1, cols=3)
    for cell, text in zip(table.rows[0].cells, ("{%tc for c in columns %}", "{{ c }}",
                                                  "{%tc endfor %}")):
        cell.text = text
    buffer = io.BytesIO()
    document.save(buffer)
    data = buffer.getvalue()
    context = {"title": "Bảng", "columns": ["Một", "Hai", "Ba", "Bốn", "Năm"]}
    assert wordfiles.prepared(data).fix
    assert body(wordfiles.fill(data, context)) == body(docxtpl_fill(data, context))
    filled = docx.Document(io.BytesIO(wordfiles.fill(data, context))).tables[0]
    assert [cell.text for cell in filled.rows[0].cells] == context["columns"]


def test_a_template_with_a_tag_in_its_header_goes_through_docxtpl():
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "Số {{ reference }}"
    document.add_paragraph("{{ title }}")
    buffer = io.BytesIO()
    document.save(buffer)
    data = buffer.getvalue()
    assert not wordfiles.prepared(data).simple
    filled = docx.Document(io.BytesIO(wordfiles.fill(data, {"reference": "12/QĐ-LMHTX",
                                                             "title": "Quyết định"})))
    assert filled.sections[0].header.paragraphs[0].text == "Số 12/QĐ-LMHTX"
    assert filled.paragraphs[0].text == "Quyết định"


def test_a_frame_written_again_is_the_frame_drawn_afresh():
    page = certificates.page(CertificateTemplate(paper="A3"),
                             {name: name for name in certificates.DEFAULT_FIELDS}
                             | {"qr": certificates.qr_image("https://x.vn")}, "merit")
    replayed, drawn = Sheets(), Sheets()
    for _copy in range(4):
        replayed.add(page)
        drawn.frames.clear()  # nothing to write again: every frame is drawn
        drawn.add(page)
    # the first frame starts from fpdf2's first state, the others from a page's end: the
    # second is drawn, the third and fourth written again
    assert len(replayed.frames) == 2
    pages = [PdfReader(io.BytesIO(sheets.bytes())).pages for sheets in (replayed, drawn)]
    for mine, theirs in zip(*pages):
        assert mine.get_contents().get_data() == theirs.get_contents().get_data()
