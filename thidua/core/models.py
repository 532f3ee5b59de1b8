from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class CalendarException(models.Model):
    """A day that departs from the usual calendar: an extra day off or a make-up working day."""

    date = models.DateField(_("ngày"), unique=True)
    is_working_day = models.BooleanField(
        _("là ngày làm việc"),
        help_text=_("Đánh dấu nếu đây là ngày làm bù; bỏ trống nếu là ngày nghỉ thêm."),
    )
    note = models.CharField(_("ghi chú"), max_length=200, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["date"]
        verbose_name = _("ngày nghỉ / làm bù")
        verbose_name_plural = _("ngày nghỉ / làm bù")

    def __str__(self):
        return f"{self.date:%d/%m/%Y} — {self.note}"
