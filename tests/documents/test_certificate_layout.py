"""Certificates measured on the PDF itself: every line of text and every picture stays inside the
frame's inner margin (the motto no longer sits on the gold line), the QR code never covers the
decision reference, no two lines overlap — for each form's design and paper, with long names
too; the issuer's logo mark is printed when uploaded; the signer's name is on the paper and on the
decision; names keep their capitals."""
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from fpdf import FPDF
from PIL import Image
from pypdf import PdfReader

from thidua.awards.models import AwardType
from thidua.documents import certificates, services
from thidua.documents.frames import INNER
from thidua.documents.models import CertificateTemplate
from thidua.documents.pdf import FONTS
from thidua.documents.sheets import FAMILY, Sheets

pytestmark = pytest.mark.django_db
PT = 72 / 25.4  # points per mm
LONG_UNIT = "Hợp tác xã Dịch vụ sản xuất kinh doanh tổng hợp nông nghiệp và du lịch cộng đồng"


class Metrics:
    """Widths of text as the PDF sets it, from the same embedded fonts."""

    def __init__(self):
        self.pdf = FPDF(unit="pt")
        for style, face in (("", "Regular"), ("B", "Bold")):
            self.pdf.add_font(FAMILY, style, str(FONTS / f"LiberationSerif-{face}.ttf"))

    def width(self, text, bold, size):
        self.pdf.set_font(FAMILY, "B" if bold else "", size)
        return self.pdf.get_string_width(text)


def boxes(data):
    """(text boxes, image boxes) of the first page in PDF points, origin bottom-left:
    (x0, y0, x1, y1, label)."""
    page = PdfReader(io.BytesIO(data)).pages[0]
    metrics, texts, images = Metrics(), [], []

    def on_text(text, cm, tm, font, size):
        if not text.strip():
            return
        scale = tm[0] * cm[0] or 1
        size = size * scale
        x, y = tm[4] * cm[0] + cm[4], tm[5] * cm[3] + cm[5]
        bold = "Bold" in str(font.get("/BaseFont", ""))
        texts.append((x, y - size * 0.25, x + metrics.width(text, bold, size), y + size * 0.8,
                      text))

    def on_operand(operator, args, cm, tm):
        if operator == b"Do":
            images.append((cm[4], cm[5], cm[4] + cm[0], cm[5] + cm[3], "image"))

    page.extract_text(visitor_text=on_text, visitor_operand_before=on_operand)
    return texts, images, (float(page.mediabox.width), float(page.mediabox.height))


def intersects(a, b):
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def check_layout(data):
    texts, images, (width, height) = boxes(data)
    margin = INNER * width / 420  # points: the A3 drawing scaled to this paper
    for box in texts + images:
        assert margin <= box[0] and box[2] <= width - margin, box
        assert margin <= box[1] and box[3] <= height - margin, box
    qr = [box for box in images if box[0] < width / 3]
    assert len(qr) == 1
    reference = [box for box in texts if "Quyết định số" in box[4] or "sổ vàng" in box[4]]
    assert len(reference) == 2 and not any(intersects(qr[0], box) for box in reference)
    for index, first in enumerate(texts):
        for second in texts[index + 1:]:
            assert not intersects(first, second), (first[4], second[4])
    return texts, images


def page_text(data):
    return PdfReader(io.BytesIO(data)).pages[0].extract_text()


@pytest.mark.parametrize("code", ["GK", "BK_BO", "CSTDCS", "CO_BO", "TTLDXS"])
def test_each_form_fits_inside_its_frame_and_keeps_the_reference_clear(commendation, code):
    decision = commendation.decision()
    award = decision.awards.get(person=commendation.network.hue_person)
    award.award_type = AwardType.objects.get(code=code)
    data = services.certificate_pdf(award)
    check_layout(data)
    text = page_text(data)
    assert "Hồ Thị Điệp" in text and "PHÓ CHỦ TỊCH" in text
    assert "Quyết định số" in text


def test_long_names_shrink_instead_of_running_into_the_next_line(commendation):
    decision = commendation.decision()
    award = decision.awards.get(organization=commendation.network.hue_coop)
    award.organization.name = LONG_UNIT
    award.issuer_name = "Liên minh Hợp tác xã thành phố Hồ Chí Minh"
    for code in ("GK", "BK_BO"):
        award.award_type = AwardType.objects.get(code=code)
        texts, _images = check_layout(services.certificate_pdf(award))
        assert LONG_UNIT in {box[4] for box in texts}


def test_the_issuers_logo_mark_is_printed_when_uploaded(commendation, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    decision = commendation.decision()
    award = decision.awards.get(person=commendation.network.hue_person)
    buffer = io.BytesIO()
    Image.new("RGBA", (300, 300), (11, 79, 138, 255)).save(buffer, "PNG")
    template = CertificateTemplate(organization=commendation.network.hue,
                                   award_type=AwardType.objects.get(code="BK_BO"))
    template.logo.save("logo.png", SimpleUploadedFile("logo.png", buffer.getvalue()))
    data = services.certificate_pdf(award)  # a Giấy khen: the mark comes from the BK layout
    _texts, images = check_layout(data)
    assert len(images) == 2  # the logo over the motto, the QR code
    logo = max(images, key=lambda box: box[3])
    page_width = float(PdfReader(io.BytesIO(data)).pages[0].mediabox.width)
    assert logo[0] + logo[2] == pytest.approx(page_width, abs=1)  # centred


def test_the_motto_is_not_on_the_frame_on_either_paper(commendation):
    for paper in ("A3", "A4"):
        page = certificates.page(CertificateTemplate(paper=paper),
                                 {name: "" for name in certificates.DEFAULT_FIELDS}
                                 | {"qr": certificates.qr_image("https://x.vn")}, "paper")
        sheets = Sheets()
        sheets.add(page)
        texts, _images, (width, _height) = boxes(sheets.bytes())
        motto = [box for box in texts if box[4].startswith("CỘNG HÒA")]
        assert motto and motto[0][3] < _height - INNER * width / 420


def decision_text(decision):
    return " ".join(" ".join(page.extract_text() for page in PdfReader(
        io.BytesIO(services.decision_pdf(decision))).pages).split())


def test_the_decision_prints_the_signer_and_keeps_names_capitalised(commendation):
    text = decision_text(commendation.decision())
    assert "Hồ Thị Điệp" in text
    assert f"- {commendation.network.vca.name};" in text  # the parent body, as registered
    assert "Liên Minh" not in text and "hợp tác xã việt nam" not in text
    assert f"của Chủ tịch {commendation.network.hue.name})" in text


def test_without_a_typed_name_the_signing_users_name_is_printed(commendation):
    decision = commendation.decision()
    signer = commendation.signer
    signer.first_name, signer.last_name = "Điệp", "Hồ Thị"
    signer.save()
    decision.signer_name, decision.signer = "", signer
    assert signer.get_full_name() in decision_text(decision)
