"""PDF through WeasyPrint with the vendored Liberation Serif (metric-compatible with Times New
Roman, full Vietnamese coverage), loaded by file URL so every PDF embeds its fonts."""
import io
from pathlib import Path

from django.template.loader import render_to_string
from pypdf import PdfWriter
from weasyprint import HTML
from weasyprint.text.fonts import FontConfiguration

FONTS = Path(__file__).resolve().parent / "fonts"
FACES = (("Regular", "normal", "normal"), ("Bold", "bold", "normal"),
         ("Italic", "normal", "italic"), ("BoldItalic", "bold", "italic"))


def font_css():
    return "\n".join(
        f'@font-face {{ font-family: "Liberation Serif"; font-weight: {weight}; '
        f'font-style: {style}; src: url("{(FONTS / f"LiberationSerif-{face}.ttf").as_uri()}"); }}'
        for face, weight, style in FACES)


def render(template, context):
    """``template`` (a Django template under documents/pdf/) rendered to PDF bytes."""
    html = render_to_string(template, {**context, "font_css": font_css()})
    return HTML(string=html, base_url=str(FONTS)).write_pdf(font_config=FontConfiguration())


def combine(*parts):
    """One PDF of ``parts`` (PDF bytes) in order."""
    writer = PdfWriter()
    for part in parts:
        writer.append(io.BytesIO(part))
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()
