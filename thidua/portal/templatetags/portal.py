from django import template
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _

from thidua.awards.models import Award
from thidua.documents.verification import verification_path

from ..models import Article, GalleryItem, LegalDocument

register = template.Library()
FILE_KINDS = {Article: "tin-bai", GalleryItem: "thu-vien", LegalDocument: "van-ban"}


@register.filter
def get(mapping, key):
    """``params|get:"don-vi"``: a query parameter whose name has a hyphen."""
    return mapping.get(key, "")


@register.simple_tag(takes_context=True)
def file_url(context, obj, field):
    """``{% file_url article "cover_thumb" %}``: the public address of one of the page's site's
    object's files (served by ``views.files``), or "" when the field is empty. The file's name
    rides along as ``?v=`` so a replaced picture is fetched again despite the long cache."""
    stored = getattr(obj, field)
    if not stored:
        return ""
    address = reverse("portal:file", kwargs={
        "site": context["site"].slug, "kind": FILE_KINDS[type(obj)], "pk": obj.pk,
        "field": field})
    return f"{address}?v={stored.name.rsplit('/', 1)[-1]}"


@register.simple_tag
def verification_link(entry):
    """The public verification page of the entry's award (the certificate's QR target)."""
    return format_html('<a href="{}" rel="nofollow">{}</a>',
                       verification_path(Award(pk=entry.award_id)), _("Xác minh"))
