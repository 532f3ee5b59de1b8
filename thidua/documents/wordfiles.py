"""Word documents: docxtpl fills the organisation's own template or the default one."""
import io
import zipfile

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from docxtpl import DocxTemplate
from jinja2 import TemplateError
from lxml.etree import XMLSyntaxError

from thidua.core.uploads import DOCX, validate_upload

from .layouts import default_template
from .models import WordTemplate
from .placeholders import PLACEHOLDERS


def template_bytes(kind, organization=None):
    """The organisation's uploaded template for ``kind`` if any, else the default."""
    if organization is not None:
        own = WordTemplate.objects.filter(organization=organization, kind=kind).first()
        if own:
            with own.file.open("rb") as handle:
                return handle.read()
    return default_template(kind)


def render(kind, context, organization=None):
    template = DocxTemplate(io.BytesIO(template_bytes(kind, organization)))
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
