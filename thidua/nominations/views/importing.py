"""Excel import of a nominee list into a draft or returned tờ trình, with preview."""
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext

from thidua.core import import_views

from .. import importing
from ..states import EDITABLE_STATES
from .common import batch_or_403


class BatchImport:
    """Only the proposer's officers and reporters, and only while the batch is editable."""

    specs = importing.SPECS
    permission = "nominations.edit_batch"

    def get_unit(self, pk, **kwargs):
        self.batch = batch_or_403(self.request.user, pk)
        return self.batch.proposer

    def has_import_permission(self):
        return (self.request.user.has_perm(self.permission, self.batch)
                and self.batch.state in EDITABLE_STATES)

    def template_url_args(self):
        return [self.batch.pk]


class ImportView(BatchImport, import_views.ImportView):
    template_url_name = "nominations:import_template"
    intro = gettext_lazy("Thêm cả danh sách người, tập thể được đề nghị từ một tệp Excel.")

    def make_spec(self, kind):
        return self.specs[kind](self.batch, self.request.user)

    def get_success_url(self):
        return reverse("nominations:batch_nominees", args=[self.batch.pk])

    def get_heading(self):
        return _("Nhập danh sách đề nghị vào tờ trình “%(title)s”") % {"title": self.batch.title}

    def get_breadcrumbs(self):
        return [(pgettext("navigation", "Hồ sơ khen thưởng"), reverse("nominations:batch_list")),
                (self.batch.title, self.batch.get_absolute_url())]


class ImportTemplateView(BatchImport, import_views.ImportTemplateView):
    pass
