"""The base salary a money award is computed on, and when a decision must wait for it.

A row stops answering on the day its announced replacement takes effect (``replaced_from``): a
decision with money dated on or after it must wait until an administrator enters and confirms the
new amount from the official text (docs/law.md, section 4). The amount is never guessed.
"""
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from thidua.legal.models import LegalText

from .models import BaseSalary


def _money(amount):
    return f"{amount:,}".replace(",", ".")


def successor_text(row):
    """The confirmed text announced to replace ``row``'s, or None."""
    if row.legal_text_id is None:
        return None
    return LegalText.objects.filter(replaces=row.legal_text_id).order_by("effective_from").first()


def hold_reason(day):
    """Why a decision with money dated ``day`` cannot be issued yet, or "" when it can."""
    row = BaseSalary.objects.in_force(day)
    when = day.strftime("%d/%m/%Y")
    if row is None:
        return _("Chưa có mức lương cơ sở đã xác nhận áp dụng vào ngày %(day)s: quản trị viên cần "
                 "nhập mức lương cơ sở (trang Mức lương cơ sở) trước khi ban hành quyết định có "
                 "tiền thưởng.") % {"day": when}
    if row.replaced_from is None or day < row.replaced_from:
        return ""
    successor = successor_text(row)
    return _("Mức lương cơ sở %(amount)s đồng (%(basis)s) chỉ áp dụng đến trước ngày %(start)s; "
             "%(successor)s thay thế từ ngày đó nhưng mức mới chưa được nhập và xác nhận. Quản "
             "trị viên cần nhập mức lương cơ sở mới từ văn bản chính thức (trang Mức lương cơ "
             "sở) trước khi ban hành quyết định có tiền thưởng ngày %(day)s.") % {
        "day": when, "amount": _money(row.amount),
        "basis": row.legal_text.short_name if row.legal_text_id else row.legal_basis,
        "start": row.replaced_from.strftime("%d/%m/%Y"),
        "successor": successor.short_name if successor else _("văn bản mới")}


def salary_for(day):
    """The confirmed row for a decision with money dated ``day``; None when held."""
    return None if hold_reason(day) else BaseSalary.objects.in_force(day)


@transaction.atomic
def record_base_salary(user, row):
    """Enter a base salary row (national administrators), from the official text. Side effects:
    the row with its history; held decisions dated within it can be issued."""
    if not user.has_perm("legal.manage_legal_texts"):
        raise PermissionDenied(_("Chỉ quản trị hệ thống cấp toàn quốc được nhập mức lương cơ sở."))
    row.full_clean()
    row._history_user = user
    row.save()
    return row
