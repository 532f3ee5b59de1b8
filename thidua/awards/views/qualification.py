from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View

from thidua.core.excel import xlsx_response
from thidua.organizations.models import Organization

from ..forms import QualificationForm
from ..qualification import ALMOST, ELIGIBLE, who_qualifies


def records_unit(request, pk):
    """The unit ``pk`` when the user may see its records (its people's included), else 403."""
    unit = get_object_or_404(Organization, pk=pk)
    if not request.user.has_perm("awards.view_records_of", unit):
        raise PermissionDenied
    return unit


class QualificationView(LoginRequiredMixin, View):
    """“Ai đủ điều kiện?” for a unit's subtree and a year, with XLSX export."""

    template_name = "awards/qualification.html"

    def get(self, request, pk):
        unit = records_unit(request, pk)
        form = QualificationForm(request.GET or {"year": timezone.localdate().year - 1})
        report = None
        if form.is_valid():
            data = form.cleaned_data
            types = [data["award_type"]] if data["award_type"] else None
            report = who_qualifies(request.user, unit, data["year"], types=types)
            if data["status"]:
                report.rows = [row for row in report.rows if row.status == data["status"]]
            if request.GET.get("format") == "xlsx":
                return self.export(report)
        counts = {f"{status}_count": report.count(status) if report else 0
                  for status in (ELIGIBLE, ALMOST)}
        return render(request, self.template_name, {"unit": unit, "form": form, "report": report,
                                                    "querystring": request.GET.urlencode(), **counts})

    def export(self, report):
        headers = [_("Đối tượng"), _("Cá nhân / tập thể"), _("Danh hiệu, hình thức"), _("Kết quả"),
                   _("Đã đáp ứng"), _("Còn thiếu"), _("Cần xem xét thêm"), _("Căn cứ")]
        rows = (
            (str(row.subject), _("Cá nhân") if row.is_person else _("Tập thể"), row.type_name,
             _("Đủ điều kiện") if row.status == ELIGIBLE else _("Còn thiếu một điều kiện"),
             "\n".join(row.verdict["reasons"]), "\n".join(row.verdict["missing"]),
             "\n".join(row.verdict["manual_checks"]), row.verdict["rule"])
            for row in report.rows
        )
        return xlsx_response(f"ai-du-dieu-kien-{report.year}", _("Ai đủ điều kiện"), headers, rows,
                             organization=report.unit.name)
