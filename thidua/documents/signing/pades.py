"""PAdES B-T with pyHanko: a visible block where NĐ 30/2020 (Phụ lục I) puts the signature —
between the signer's title and name — and an RFC 3161 timestamp over the signature."""
import asyncio
import functools
import io
import os
import tempfile
from pathlib import Path

from django.conf import settings
from django.utils import timezone
from fontTools.ttLib import TTFont
from fontTools.subset import Options, Subsetter
from fontTools.ttLib.scaleUpem import scale_upem
from fpdf import FPDF
from pyhanko.pdf_utils.font.opentype import GlyphAccumulatorFactory
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.pdf_utils.text import TextBoxStyle
from pyhanko.sign import fields, signers, validation
from pyhanko.sign.signers.pdf_signer import PdfTBSDocument
from pyhanko.stamp import StaticStampStyle, TextStampStyle
from pypdf import PdfReader

from .loop import call_synchronously

FONT = Path(__file__).resolve().parent.parent / "fonts" / "LiberationSerif-Regular.ttf"
FIELD = "ChuKySo"
BOX_WIDTH, BOX_HEIGHT = 190, 62
STAMP_TEXT = ("Ký bởi: %(name)s\nChức vụ: %(title)s\nCơ quan: %(organisation)s\n"
              "Thời gian ký: %(time)s")
# The organisation seal on a certificate: the organisation signs, no person.
SEAL_FIELD = "ConDauSo"
SEAL_TEXT = "Ký bởi: %(organisation)s\nThời gian ký: %(time)s"
RED = (0.8, 0.1, 0.1)


def signature_place(pdf_bytes, signer_name):
    """(page index, box) for the block: just above the signer's printed name, centred on it;
    without the name, the lower right of the first page."""
    reader = PdfReader(io.BytesIO(pdf_bytes))
    for index, page in enumerate(reader.pages):
        width = float(page.mediabox.width)
        found = []

        def visit(text, cm, tm, font_dict, font_size, found=found):
            if signer_name and signer_name in text and tm[4] * cm[0] + cm[4] > width / 2:
                found.append((tm[4] * cm[0] + cm[4], tm[5] * cm[3] + cm[5], font_size))

        page.extract_text(visitor_text=visit)
        if found:
            x, y, size = found[-1]
            centre = x + len(signer_name) * size * 0.25
            left = max(min(centre - BOX_WIDTH / 2, width - BOX_WIDTH - 20), width / 2)
            return index, (left, y + size + 4, left + BOX_WIDTH, y + size + 4 + BOX_HEIGHT)
    width = float(reader.pages[0].mediabox.width)
    return 0, (width - BOX_WIDTH - 40, 120, width - 40, 120 + BOX_HEIGHT)


# Latin, Vietnamese and punctuation: all a signature block writes. Kept to these (≈ 600 of
# Liberation's 2,600 glyphs) the font pyHanko reads and subsets for every signature is small,
# which makes a certificate's seal several times faster.
STAMP_CHARACTERS = [*range(0x20, 0x7F), *range(0xA0, 0x250), *range(0x300, 0x370),
                    *range(0x1E00, 0x1F00), *range(0x2000, 0x2070)]


def stamp_font():
    """Liberation Serif rescaled to 1,000 units per em and kept to ``STAMP_CHARACTERS``, made
    once under VAR_DIR: pyHanko writes glyph widths in font units, which a PDF reader takes as
    thousandths of an em, and Liberation has 2,048 per em, so its text would spread to twice its
    width."""
    path = Path(settings.VAR_DIR) / "fonts" / "LiberationSerif-Regular-1000-vi-1.ttf"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        font = TTFont(FONT)
        scale_upem(font, 1000)
        subsetter = Subsetter(Options(layout_features=[], notdef_outline=True, hinting=False))
        subsetter.populate(unicodes=STAMP_CHARACTERS)
        subsetter.subset(font)
        partial = path.with_suffix(f".{os.getpid()}.tmp")
        font.save(partial)
        partial.replace(path)
    return path


def stamp_style():
    """A block laid out by pyHanko for this signature (its text and time to the second)."""
    return TextStampStyle(
        stamp_text=STAMP_TEXT, border_width=1, border_color=RED,
        text_box_style=TextBoxStyle(font=GlyphAccumulatorFactory(str(stamp_font())),
                                    font_size=8, leading=10, text_color=RED))


@functools.lru_cache(maxsize=4)
def seal_block_file(text):
    """The seal's block with ``text`` drawn once as a one-page PDF (fpdf2, the stamp font) in a
    temporary file, deleted when it leaves this cache. Certificates sealed in bulk within the
    same minute import this page instead of having pyHanko lay out the text and subset the font
    for each signature, which was a third of a seal's time."""
    pdf = FPDF(unit="pt", format=(BOX_WIDTH, BOX_HEIGHT))
    pdf.set_margins(5, 5, 5)
    pdf.set_auto_page_break(False)
    pdf.add_page()
    pdf.add_font("Stamp", "", str(stamp_font()))
    red = [round(255 * part) for part in RED]
    pdf.set_draw_color(*red)
    pdf.set_line_width(1)
    pdf.rect(0.5, 0.5, BOX_WIDTH - 1, BOX_HEIGHT - 1)
    pdf.set_text_color(*red)
    pdf.set_font("Stamp", size=8)
    lines = pdf.multi_cell(0, 10, text, dry_run=True, output="LINES")
    pdf.set_y((BOX_HEIGHT - 10 * len(lines)) / 2)  # the lines in the middle of the box
    pdf.multi_cell(0, 10, text)
    handle = tempfile.NamedTemporaryFile(suffix=".pdf")  # noqa: SIM115 — kept open by the cache
    handle.write(bytes(pdf.output()))
    handle.flush()
    return handle


def seal_style(organisation, moment):
    """The organisation seal's block: the organisation and the minute it was sealed."""
    text = SEAL_TEXT % {"organisation": organisation, "time": moment.strftime("%d/%m/%Y %H:%M %z")}
    return StaticStampStyle.from_pdf_file(seal_block_file(text).name, border_width=0)


# Bytes pyHanko reserved in a file for a signature by (certificate, with a timestamp): it finds
# the figure by making a whole trial signature (a trial timestamp included) before the real one;
# the same signer needs the same room, so each process makes that trial once per signer.
_reserved = {}


def _reservation_key(signer, timestamper):
    return signer.certificate().serial_number, timestamper is not None


def _reserved_in(signed_pdf):
    """The room (in hexadecimal digits, as pyHanko counts it) of the newest signature."""
    signature = PdfFileReader(io.BytesIO(signed_pdf)).embedded_signatures[-1]
    return 2 * len(signature.sig_object["/Contents"])


def _pdf_signer(pyhanko_signer, block, timestamper, moment, seal, place):
    page, box = place
    field = SEAL_FIELD if seal else FIELD
    return signers.PdfSigner(
        signers.PdfSignatureMetadata(field_name=field, md_algorithm="sha256",
                                     subfilter=fields.SigSeedSubFilter.PADES,
                                     name=block.organisation if seal else block.signer_name,
                                     location=block.place,
                                     reason=block.signer_title.replace("\n", " ")),
        signer=pyhanko_signer, timestamper=timestamper,
        stamp_style=seal_style(block.organisation, moment) if seal else stamp_style(),
        new_field_spec=fields.SigFieldSpec(field, on_page=page, box=box))


def _block_text(block, moment):
    return {"name": block.signer_name, "title": block.signer_title.replace("\n", " "),
            "organisation": block.organisation, "time": moment.strftime("%d/%m/%Y %H:%M:%S %z")}


def sign_pdf(pdf_bytes, signer, block, timestamper, signed_at=None, seal=False, place=None):
    """``pdf_bytes`` signed by ``signer`` (a ``base.Signer``) with the visible ``block``
    (``base.SignatureBlock``) and a timestamp from ``timestamper``; returns the signed bytes.
    ``seal``: the organisation's seal ("Ký bởi: <organisation>"), placed where the signer's
    name is printed like a signature. ``place``: (page, box) when the caller knows it already
    (``signature_place`` of a page laid out the same way)."""
    moment = timezone.localtime(signed_at or timezone.now())
    pdf_signer = _pdf_signer(signer.pyhanko_signer(), block, timestamper, moment, seal,
                             place or signature_place(pdf_bytes, block.signer_name))
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf_bytes), strict=False)
    key = _reservation_key(signer, timestamper)
    output = call_synchronously(
        pdf_signer.sign_pdf, writer, bytes_reserved=_reserved.get(key),
        appearance_text_params=_block_text(block, moment)).getvalue()
    if key not in _reserved:
        _reserved[key] = _reserved_in(output)
    return output


# Room for a signature made elsewhere (a token agent that signs a digest and returns the whole
# CMS): its size is not known in advance; 16 KB holds a signature with a certificate chain of
# four and a timestamp token with its own chain.
EXTERNAL_ROOM = 16384


def prepare_for_cms(pdf_bytes, block, signed_at=None):
    """``pdf_bytes`` with the signature field, its visible ``block`` and room for a CMS made
    elsewhere (pyHanko's interrupted signing). Returns the prepared bytes and the
    ``PreparedByteRangeDigest``: ``document_digest`` (SHA-256) is what the signer signs."""
    moment = timezone.localtime(signed_at or timezone.now())
    external = signers.ExternalSigner(None, None, signature_value=bytes(256))
    pdf_signer = _pdf_signer(external, block, None, moment, False,
                             signature_place(pdf_bytes, block.signer_name))
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf_bytes), strict=False)
    digest, _document, output = call_synchronously(
        lambda: asyncio.run(pdf_signer.async_digest_doc_for_signing(
            writer, bytes_reserved=EXTERNAL_ROOM,
            appearance_text_params=_block_text(block, moment))))
    return output.getvalue(), digest


def embed_cms(prepared, digest, cms):
    """``prepared`` (from ``prepare_for_cms``) with the CMS ``cms`` (asn1crypto ContentInfo) in
    its reserved room; refuses a CMS larger than the room."""
    output = io.BytesIO(prepared)
    call_synchronously(lambda: asyncio.run(PdfTBSDocument.async_finish_signing(
        output, prepared_digest=digest, signature_cms=cms)))
    return output.getvalue()


def with_validation_data(signed, validation_context):
    """``signed`` (a PDF whose last signature was checked) with the validation data of that
    signature and of its timestamp — the chain's certificates and the CRLs the organisation
    loaded — added in a document security store after it (PAdES B-LT): the signature can be
    checked later without reaching the CA. The signed revision itself is unchanged."""
    embedded = PdfFileReader(io.BytesIO(signed), strict=False).embedded_signatures[-1]
    output = io.BytesIO()
    call_synchronously(lambda: asyncio.run(validation.async_add_validation_info(
        embedded, validation_context, output=output)))
    return output.getvalue()
