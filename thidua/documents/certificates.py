"""Bằng khen, Giấy khen and Cờ thi đua certificates: every field placed in millimetres, so the
same layout prints a full certificate on white paper or only the variable fields on pre-printed
stock (docs/forms.md#certificates), with a QR code to the public verification page."""
from decimal import Decimal

import segno
from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from PIL import Image

from thidua.awards.catalogue import certificate_of

from .context import (
    in_vietnamese,
    long_date,
    place_of,
    positions,
    short_date,
    signer,
    signer_name_of,
)
from .frames import DESIGNS
from .models import CertificatePrint, CertificateTemplate, Paper, PrintState
from .sheets import Sheets
from .verification import verification_url

SIZES = {Paper.A3_LANDSCAPE: (420, 297), Paper.A4_LANDSCAPE: (297, 210)}
# Field: centre x, top y (mm on A3 landscape; scaled for A4), box width (mm), size (pt), bold.
# Every box sits inside the frame's inner margin (frames.INNER); the QR code keeps to the
# bottom-left corner and the decision and register lines start to its right.
DEFAULT_FIELDS = {
    "authority": {"x": 210, "y": 77, "width": 330, "size": 22, "bold": True},
    "gift": {"x": 210, "y": 90, "width": 200, "size": 18, "bold": True},
    "award": {"x": 210, "y": 99, "width": 340, "size": 44, "bold": True},
    "recipient": {"x": 210, "y": 123, "width": 340, "size": 28, "bold": True},
    "detail": {"x": 210, "y": 137, "width": 340, "size": 17, "bold": False},
    "achievement": {"x": 210, "y": 147, "width": 320, "size": 17, "bold": False},
    "decision": {"x": 137, "y": 212, "width": 130, "size": 14, "bold": False},
    "register": {"x": 137, "y": 220, "width": 130, "size": 14, "bold": False},
    "place_date": {"x": 300, "y": 188, "width": 180, "size": 16, "bold": False},
    "signer_title": {"x": 300, "y": 197, "width": 180, "size": 16, "bold": True},
    "signer_name": {"x": 300, "y": 250, "width": 180, "size": 18, "bold": True},
    "qr": {"x": 51, "y": 203, "width": 28, "size": 0, "bold": False},
}
QUIET_ZONE = 4  # modules of white around the QR code
GREY_OF_MODULE = bytes([255]) + bytes(255)  # segno's matrix: 0 light → white, 1 dark → black
FIELD_LABELS = {
    "authority": gettext_lazy("Dòng thẩm quyền"), "gift": gettext_lazy("TẶNG"),
    "award": gettext_lazy("Tên khen thưởng"), "recipient": gettext_lazy("Người, tập thể được tặng"),
    "detail": gettext_lazy("Chức vụ, đơn vị"), "achievement": gettext_lazy("Thành tích"),
    "decision": gettext_lazy("Số, ngày quyết định"), "register": gettext_lazy("Số vào sổ vàng"),
    "place_date": gettext_lazy("Địa danh, ngày tháng"),
    "signer_title": gettext_lazy("Chức danh người ký"),
    "signer_name": gettext_lazy("Họ tên người ký"), "qr": gettext_lazy("Mã QR xác minh"),
}


def layout_of(award_type):
    """The type's certificate layout in the catalogue (``awards/catalogue.py``): its frame's
    design, paper and heading."""
    return certificate_of(award_type.code, award_type.category)


def default_paper(award_type):
    """The paper of the type's layout: Giấy khen on A4 landscape; Bằng khen, Cờ thi đua and the
    rest on A3 landscape."""
    return Paper(layout_of(award_type).paper)


def template_for(organization, award_type):
    """The issuer's template for this award type, else its catch-all one, else an unsaved
    default."""
    rows = {row.award_type_id: row for row in CertificateTemplate.objects.filter(
        Q(award_type=award_type) | Q(award_type__isnull=True), organization=organization)}
    return rows.get(award_type.pk) or rows.get(None) or CertificateTemplate(
        organization=organization, award_type=award_type, paper=default_paper(award_type))


def logo_of(template):
    """The template's logo mark as an RGBA image, else the one last uploaded on another of the
    issuer's templates (a body uploads its mark once), else None."""
    source = template
    if not template.logo and template.organization_id:
        source = CertificateTemplate.objects.filter(
            organization_id=template.organization_id).exclude(logo="").order_by(
            "-updated_at").first()
    if source is None or not source.logo:
        return None
    try:
        with source.logo.open("rb") as handle, Image.open(handle) as image:
            return image.convert("RGBA")
    except (OSError, ValueError):  # a file gone missing must not stop a print run
        return None


def layout(template):
    """Field boxes in mm for ``template``: defaults scaled to the paper, then the template's own
    positions, then the calibration offsets."""
    width, _height = SIZES[template.paper]
    scale = Decimal(width) / Decimal(420)
    boxes = {}
    for name, spec in DEFAULT_FIELDS.items():
        box = {key: (Decimal(value) * scale if key != "bold" else value)
               for key, value in spec.items()}
        box.update({key: (Decimal(str(value)) if key != "bold" else bool(value))
                    for key, value in (template.fields or {}).get(name, {}).items()
                    if key in spec})
        box["x"] += Decimal(template.offset_x)
        box["y"] += Decimal(template.offset_y)
        box["left"] = box["x"] - box["width"] / 2
        boxes[name] = {key: (round(value, 2) if isinstance(value, Decimal) else value)
                       for key, value in box.items()}
    return boxes


def qr_image(url):
    """The QR code as a black-and-white raster (8 px a module, 4 modules of quiet zone), so it
    survives any print path and can be read back from the PDF. A fixed mask skips segno's
    pure-Python search for the best one, the slowest step of a print run; any mask is valid.
    The raster is segno's matrix of rows, framed and mapped to grey levels as bytes."""
    code = segno.make(url, error="m", micro=False, mask=0)
    size = len(code.matrix) + 2 * QUIET_ZONE
    side, blank = bytes(QUIET_ZONE), bytes(size * QUIET_ZONE)
    modules = blank + b"".join(side + row + side for row in code.matrix) + blank
    return Image.frombytes("L", (size, size), modules.translate(GREY_OF_MODULE)).resize(
        (size * 8, size * 8), Image.Resampling.NEAREST).convert("1")


def issuer_texts(decision):
    """What every certificate of one decision shares: authority, signer, place."""
    if decision is None:
        return {"signer_lines": [], "signer_name": "", "authority_line": "", "place": ""}
    issuer = decision.issuer
    return {**signer(issuer, decision.signer_title, signer_name_of(decision)),
            "place": place_of(issuer)}


def heading(award_type):
    """(gift line, award line) of the type's layout: "TẶNG" / "BẰNG KHEN" for an award form,
    "CÔNG NHẬN DANH HIỆU" / the title for a danh hiệu; the catalogue's level ("cấp bộ, ban,
    ngành, tỉnh") is the authority line's business, not the paper's."""
    layout = layout_of(award_type)
    return str(layout.gift), str(layout.title) or award_type.name.upper()


def values(award, where, shared, item=None):
    """The text of each field for one award; ``shared`` is its decision's ``issuer_texts``."""
    if award.person_id:
        person = award.person
        honorific = _("Bà") if person.gender == "FEMALE" else _("Ông")
        recipient, detail = f"{honorific} {person.full_name}", where.get(award.person_id, "")
    else:
        recipient, detail = award.organization.name, ""
    achievement = (item.nomination.achievement if item and item.nomination.achievement else
                   _("Đã có thành tích xuất sắc năm %(year)s") % {"year": award.year})
    day = long_date(award.decision_date)
    gift, title = heading(award.award_type)
    return {
        "authority": shared["authority_line"] or award.issuer_name.upper(), "gift": gift,
        "award": title, "recipient": recipient, "detail": detail,
        "achievement": achievement,
        "decision": _("Quyết định số: %(ref)s ngày %(day)s") % {
            "ref": award.decision_number, "day": short_date(award.decision_date)},
        "register": _("Vào sổ vàng số: %(n)s") % {"n": award.register_number or "…"},
        "place_date": f"{shared['place']}, {day}" if shared["place"] else day,
        "signer_title": "\n".join(shared["signer_lines"]), "signer_name": shared["signer_name"],
        "qr": qr_image(verification_url(award)),
    }


def page(template, texts, design="merit", logo=None):
    """One page: its paper, the form's frame design, the issuer's logo mark (a PIL image or
    None) and each field's box with its text."""
    boxes = layout(template)
    return {"paper": template.paper, "size": SIZES[template.paper],
            "preprinted": template.preprinted, "design": design, "logo": logo,
            "title_colour": DESIGNS[design].title,
            "fields": [{"name": name, "text": texts[name], **box} for name, box in boxes.items()]}


def _pages(awards, template_of):
    awards = list(awards)
    where = positions({a.person_id for a in awards if a.person_id})
    shared, logos = {}, {}
    pages = []
    for award in awards:
        template = template_of(award)
        key = (template.pk, template.organization_id, template.award_type_id)
        if key not in logos:
            logos[key] = logo_of(template)
        if award.decision_id not in shared:
            shared[award.decision_id] = issuer_texts(award.decision)
        texts = values(award, where, shared[award.decision_id],
                       getattr(award, "decision_item", None))
        if template.authority_line:
            texts["authority"] = template.authority_line
        pages.append(page(template, texts, layout_of(award.award_type).design, logos[key]))
    return pages


def render_pages(pages, calibration=False):
    sheets = Sheets(calibration)
    for one in pages:
        sheets.add(one)
    return sheets.bytes()


def certificate_pdf(award):
    issuer = award.decision.issuer if award.decision else None

    def template_of(one):
        return (template_for(issuer, one.award_type) if issuer else CertificateTemplate(
            paper=default_paper(one.award_type)))

    return render_pages(_pages([award], template_of))


@in_vietnamese
def calibration_pdf(template):
    """A test print: every field's sample text in its box, with crosshairs at the anchors and a
    10 mm grid, to lay over a blank and measure the offsets."""
    sample = {name: f"[{label}]" for name, label in FIELD_LABELS.items()}
    sample["qr"] = qr_image(settings.THIDUA_SITE_URL)
    test_page = page(template, sample)
    test_page["preprinted"] = True
    return render_pages([test_page], calibration=True)


def decision_awards(decision):
    return (decision.awards.select_related("award_type", "person", "organization",
                                           "decision__issuer", "decision_item__nomination")
            .order_by("decision_item__pk"))


CHUNK = 50


@in_vietnamese
def print_decision(print_id):
    """The background job: render the decision's certificates in chunks (updating the progress)
    and store one PDF. A retry of a finished job does nothing; an interrupted one starts over
    and overwrites the same file."""
    with transaction.atomic():
        job = CertificatePrint.objects.select_for_update().select_related(
            "decision__issuer").get(pk=print_id)
        if job.state == PrintState.DONE and job.file:
            return job
        job.state, job.done, job.error = PrintState.RUNNING, 0, ""
        job.save()
    awards = list(decision_awards(job.decision))
    templates = {}

    def template_of(award):
        if award.award_type_id not in templates:
            templates[award.award_type_id] = template_for(job.decision.issuer, award.award_type)
        return templates[award.award_type_id]

    sheets = Sheets()
    try:
        for start in range(0, len(awards), CHUNK):
            part = awards[start:start + CHUNK]
            for one in _pages(part, template_of):
                sheets.add(one)
            CertificatePrint.objects.filter(pk=job.pk).update(done=start + len(part),
                                                              total=len(awards))
        data = sheets.bytes()
    except Exception as error:
        CertificatePrint.objects.filter(pk=job.pk).update(state=PrintState.FAILED,
                                                          error=str(error))
        raise
    job.refresh_from_db()
    job.file.save("in.pdf", ContentFile(data), save=False)
    job.state, job.done, job.total = PrintState.DONE, len(awards), len(awards)
    job.save()
    return job
