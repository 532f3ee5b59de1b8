from django import template
from django.utils.html import format_html
from django.utils.translation import gettext as _

from thidua.awards.models import Award
from thidua.documents.verification import verification_path

register = template.Library()


@register.filter
def get(mapping, key):
    """``params|get:"don-vi"``: a query parameter whose name has a hyphen."""
    return mapping.get(key, "")


@register.simple_tag
def verification_link(entry):
    """The public verification page of the entry's award (the certificate's QR target)."""
    return format_html('<a href="{}" rel="nofollow">{}</a>',
                       verification_path(Award(pk=entry.award_id)), _("Xác minh"))
