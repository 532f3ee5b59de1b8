"""Word documents: docxtpl templates (the organisation's own or the default one), filled fast.

A decision's annex may list hundreds of rows. For every document docxtpl reopens the template with
python-docx, patches its XML and compiles it into a Jinja template, renders it, parses the result
again with lxml to repair tables and image ids, and saves every part anew (the default template's
styles alone are 800 kB of XML to compress again). ``Prepared`` does the template's share once per
template (cached by its bytes) with docxtpl's own ``patch_xml`` and the environment docxtpl's
``render(autoescape=True)`` uses, so a tag means what it means to docxtpl. A document is then one
Jinja render (the annex rows: one compiled loop, values escaped) appended as ``word/document.xml``
to the template's other parts, already compressed. docxtpl's steps after rendering run when they
can change something: line breaks and tabs in values (``resolve_listing``), column tags or
mismatched grids (``fix_tables``), pictures (their ids). A template with tags in its headers,
footers, footnotes or properties goes through docxtpl itself.
"""
import io
import re
import zipfile
from functools import lru_cache

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from docx.oxml.ns import nsmap
from docxtpl import DocxTemplate
from jinja2 import Environment, TemplateError
from lxml import etree
from lxml.etree import XMLSyntaxError

from thidua.core.uploads import DOCX, validate_upload

from .layouts import default_template
from .models import WordTemplate
from .placeholders import PLACEHOLDERS

BODY = "word/document.xml"
# The parts besides the body that docxtpl renders (and the core properties it renders too).
OTHER_PARTS = re.compile(r"word/(header|footer|footnotes)\d*\.xml|docProps/core\.xml")
TAG = re.compile(r"\{[{%#]")
MARKUP = re.compile(r"<[^>]+>")
# docxtpl's tags that add or merge table cells: its fix_tables then rewrites the grid.
CELL_TAGS = re.compile(r"\{%-?\s*(tc|hm|vm|colspan|cellbg)\b")
LISTING = re.compile("[\t\a\n\f]")  # what docxtpl's resolve_listing turns into Word markup
FIRST_PICTURE_ID = 1001  # docxtpl numbers pictures' docPr ids from 1001 in every render
ENVIRONMENT = Environment(autoescape=True)  # the one DocxTemplate.render(autoescape=True) makes


def has_tags(xml):
    """Whether ``xml`` holds a Jinja tag, even one split across runs (as docxtpl reads it)."""
    return bool(TAG.search(MARKUP.sub("", xml)))


class Prepared:
    """One template, ready to fill: its compiled body, the XML around the body and its other
    parts zipped once. ``simple`` is False when docxtpl has to render the template itself."""

    def __init__(self, data):
        with zipfile.ZipFile(io.BytesIO(data)) as source:
            names = source.namelist()
            self.simple = "docProps/core.xml" in names and not any(
                has_tags(source.read(name).decode("utf-8"))
                for name in names if OTHER_PARTS.fullmatch(name))
            if not self.simple:
                return
            self.docxtpl = DocxTemplate(io.BytesIO(data))
            self.docxtpl.render_init()
            body = self.docxtpl.get_xml()
            # docxtpl puts a line break before each paragraph for its error messages and takes
            # them out after rendering, with any that were already there: these go now.
            self.template = ENVIRONMENT.from_string(
                re.sub(r"\n<w:p([ >])", r"<w:p\1", self.docxtpl.patch_xml(body)))
            self.fix = bool(CELL_TAGS.search(MARKUP.sub("", body))) or "docPr" in body or (
                etree.tostring(self.docxtpl.fix_tables(body)) != etree.tostring(
                    etree.fromstring(body)))
            root = self.docxtpl.docx.element
            root.replace(root.body, etree.Element(root.body.tag))
            self.head, self.tail = etree.tostring(
                root, encoding="UTF-8", standalone=True).split(b"<w:body/>")
            others = io.BytesIO()
            with zipfile.ZipFile(others, "w", zipfile.ZIP_DEFLATED) as target:
                for info in source.infolist():
                    if info.filename != BODY:
                        target.writestr(info, source.read(info))
            self.others = others.getvalue()

    def render(self, context):
        xml = self.template.render(context)
        if "{_" in xml or "_}" in xml:
            xml = xml.replace("{_{", "{{").replace("}_}", "}}").replace("{_%", "{%").replace(
                "%_}", "%}")
        if LISTING.search(xml):
            xml = self.docxtpl.resolve_listing(xml)
        if self.fix:
            tree = self.docxtpl.fix_tables(xml)
            for number, picture in enumerate(tree.xpath("//wp:docPr", namespaces=nsmap),
                                             start=FIRST_PICTURE_ID):
                picture.attrib["id"] = str(number)
            xml = etree.tostring(tree, encoding="unicode")
        buffer = io.BytesIO(self.others)
        with zipfile.ZipFile(buffer, "a", zipfile.ZIP_DEFLATED) as target:
            target.writestr(BODY, self.head + xml.encode("utf-8") + self.tail)
        return buffer.getvalue()


@lru_cache(maxsize=16)
def prepared(data):
    return Prepared(data)


def template_bytes(kind, organization=None):
    """The organisation's uploaded template for ``kind`` if any, else the default."""
    if organization is not None:
        own = WordTemplate.objects.filter(organization=organization, kind=kind).first()
        if own:
            with own.file.open("rb") as handle:
                return handle.read()
    return default_template(kind)


def render(kind, context, organization=None):
    return fill(template_bytes(kind, organization), context)


def fill(data, context):
    """The .docx template ``data`` filled with ``context``, as docxtpl fills it."""
    ready = prepared(data)
    if ready.simple:
        return ready.render(context)
    template = DocxTemplate(io.BytesIO(data))
    template.render(context, autoescape=True)
    buffer = io.BytesIO()
    template.save(buffer)
    return buffer.getvalue()


def check_template(upload, kind):
    """Raise a Vietnamese ValidationError unless ``upload`` is a real .docx whose placeholders are
    all known for ``kind``. Returns the file's bytes."""
    validate_upload(upload, allowed=(DOCX,))
    data = upload.read()
    upload.seek(0)
    try:
        used = DocxTemplate(io.BytesIO(data)).get_undeclared_template_variables()
    except (TemplateError, XMLSyntaxError, KeyError, zipfile.BadZipFile, ValueError) as error:
        raise ValidationError(_("Không đọc được mẫu “%(name)s”: cú pháp trường trộn sai (%(error)s)."
                                ) % {"name": upload.name, "error": error}) from error
    unknown = sorted(used - set(PLACEHOLDERS[kind]))
    if unknown:
        raise ValidationError(_("Mẫu “%(name)s” dùng trường không có trong danh sách: %(fields)s.")
                              % {"name": upload.name, "fields": ", ".join(unknown)})
    return data
