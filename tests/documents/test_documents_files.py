"""Generated files read back: python-docx finds every block and annex row, pypdf finds the
Vietnamese text with its diacritics and the fonts embedded, the QR decodes to the verification
URL."""
import io

import docx
import pytest
import zxingcpp
from PIL import Image
from pypdf import PdfReader

from thidua.documents import services

pytestmark = pytest.mark.django_db


def word_text(data):
    document = docx.Document(io.BytesIO(data))
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                lines.extend(p.text for p in cell.paragraphs)
    return "\n".join(lines), document


def pdf_text(data):
    reader = PdfReader(io.BytesIO(data))
    return "\n".join(page.extract_text() for page in reader.pages), reader


def embedded_fonts(reader):
    fonts = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor") or font["/DescendantFonts"][0].get_object()[
                "/FontDescriptor"]
            descriptor = descriptor.get_object()
            assert any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))
            fonts.add(str(font["/BaseFont"]))
    return fonts


def assert_only_liberation(reader):
    """Every font is embedded and is Liberation Serif: no glyph fell back to another font,
    which would mean a Vietnamese letter was missing."""
    fonts = embedded_fonts(reader)
    assert fonts and all("LiberationSerif" in name.replace("-", "") for name in fonts), fonts


def test_decision_docx_has_every_block_and_the_annex(commendation):
    decision = commendation.decision()
    text, document = word_text(services.decision_docx(decision))
    for block in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                  "LIÊN MINH HỢP TÁC XÃ VIỆT NAM", "LIÊN MINH HỢP TÁC XÃ THÀNH PHỐ HUẾ",
                  f"Số: {decision.number:02d}/QĐ-LMHTX", "Huế, ngày 05 tháng 01 năm 2026",
                  "QUYẾT ĐỊNH", "Về việc tặng Giấy khen năm 2025",
                  "\nCHỦ TỊCH LIÊN MINH HỢP TÁC XÃ THÀNH PHỐ HUẾ", "PHÓ CHỦ TỊCH",
                  "Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15", "Tờ trình số 12/TTr-HTX",
                  "QUYẾT ĐỊNH:",
                  "Điều 1.", "cho 1 tập thể và 2 cá nhân (có danh sách kèm theo)", "Điều 2.",
                  "Điều 3.", "Nơi nhận:", "- Như Điều 3;", "KT. CHỦ TỊCH", "Hồ Thị Điệp",
                  "DANH SÁCH", "I. Cá nhân", "II. Tập thể"):
        assert block in text, block
    assert "III. Hộ gia đình" not in text
    annex = document.tables[-1]
    assert [c.text for c in annex.rows[1].cells[:2]] == ["1", "Hợp tác xã Nông nghiệp Thủy Thanh"]
    people = document.tables[-2]
    assert [r.cells[1].text for r in people.rows[1:]] == ["Nguyễn Văn Điệp", "Lê Thị Hương"]
    assert people.rows[1].cells[2].text == "Thành viên, Hợp tác xã Nông nghiệp Thủy Thanh"
    assert f"(Kèm theo Quyết định số {decision.reference} ngày 05 tháng 01 năm 2026" in text


def test_decision_pdf_text_and_fonts(commendation):
    decision = commendation.decision()
    text, reader = pdf_text(services.decision_pdf(decision))
    for phrase in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                   "QUYẾT ĐỊNH", "Nguyễn Văn Điệp", "Lê Thị Hương", "Hợp tác xã Nông nghiệp Thủy",
                   decision.reference):
        assert phrase in text, phrase
    assert reader.pages[0].mediabox.width == pytest.approx(595.28, abs=1)
    assert_only_liberation(reader)


def test_certificate_qr_decodes_to_the_verification_url(commendation):
    decision = commendation.decision()
    award = decision.awards.get(person=commendation.network.hue_person)
    text, reader = pdf_text(services.certificate_pdf(award))
    assert "GIẤY KHEN" in text and "Ông Nguyễn Văn Điệp" in text and "TẶNG" in text
    assert reader.pages[0].mediabox.width == pytest.approx(841.89, abs=1)  # A4 landscape
    images = reader.pages[0].images
    decoded = zxingcpp.read_barcodes(Image.open(io.BytesIO(images[0].data)))
    assert decoded[0].text == services.verification_url(award)
    assert_only_liberation(reader)
