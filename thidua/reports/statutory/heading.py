"""The header every form shares: who reports to whom, and for which period."""
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from .layout import StatisticalForm

RECEIVED_BY_15_DECEMBER = ("0601", "0602")


def period_label(year_from, year_to):
    if year_from == year_to:
        return _("Năm %(year)s") % {"year": year_from}
    return _("Từ năm %(start)s đến năm %(end)s") % {"start": year_from, "end": year_to}


def receiving_unit(organization):
    parent = type(organization).objects.get_parent(organization) if organization.depth > 1 else None
    if parent:
        return parent.name
    return gettext_noop("Bộ Nội vụ (Ban Thi đua - Khen thưởng Trung ương)")


def new_form(number, title, unit_of_measure, scope, year_from, year_to, columns, rows):
    return StatisticalForm(
        number=number, title=title, unit_of_measure=unit_of_measure,
        period_label=period_label(year_from, year_to), reporting_unit=scope.organization.name,
        receiving_unit=receiving_unit(scope.organization), columns=columns, rows=rows,
        received_note=gettext_noop("Ngày nhận báo cáo: Ngày 15 tháng 12 năm báo cáo")
        if number in RECEIVED_BY_15_DECEMBER else "")
