"""The portal's public pictures and files (covers, gallery, the documents library, the site's
logo mark), served one field of one public object at a time.

Uploads are never reachable by their path under /media/ (docs/configuration.md): what the public
may fetch is decided here, object by object — an article only once published, a document only
while it is published, a gallery item of the site's own — so a draft's cover or a dossier's
attachment can never be read by guessing a file name.
"""
import mimetypes

from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.utils.cache import patch_cache_control
from django.views import View

from ..models import Article, GalleryItem, LegalDocument
from .common import load_site

CACHE_SECONDS = 24 * 3600
# URL name of a kind → (model, the fields the public may fetch, the public rows of a site)
KINDS = {
    "tin-bai": (Article, {"cover", "cover_thumb"},
                lambda site: Article.objects.published().filter(site=site)),
    "thu-vien": (GalleryItem, {"image", "thumb", "video"},
                 lambda site: GalleryItem.objects.filter(site=site)),
    "van-ban": (LegalDocument, {"file"},
                lambda site: LegalDocument.objects.filter(site=site, is_published=True)),
}


def file_response(field_file):
    if not field_file:
        raise Http404("Không có tệp.")
    try:
        handle = field_file.open("rb")
    except FileNotFoundError as missing:
        raise Http404("Không có tệp.") from missing
    content_type = mimetypes.guess_type(field_file.name)[0] or "application/octet-stream"
    response = FileResponse(handle, content_type=content_type)
    patch_cache_control(response, public=True, max_age=CACHE_SECONDS)
    response["X-Content-Type-Options"] = "nosniff"
    return response


class PublicFileView(View):
    def get(self, request, site, kind, pk, field):
        if kind not in KINDS or field not in KINDS[kind][1]:
            raise Http404("Không có tệp.")
        rows = KINDS[kind][2](load_site(site))
        return file_response(getattr(get_object_or_404(rows, pk=pk), field))


class LogoView(View):
    """The site's logo mark (also its favicon); 404 when none was uploaded."""

    def get(self, request, site):
        return file_response(load_site(site).logo)
