from django.conf import settings
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


class Notification(models.Model):
    """An item in a user's inbox: something to act on or to know, with a link to where."""

    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, models.CASCADE,
                                  related_name="notifications", verbose_name=_("người nhận"))
    title = models.CharField(_("tiêu đề"), max_length=200)
    body = models.TextField(_("nội dung"), blank=True)
    url = models.CharField(_("đường dẫn"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("lúc"), auto_now_add=True)
    read_at = models.DateTimeField(_("đã đọc lúc"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("thông báo")
        verbose_name_plural = _("thông báo")
        indexes = [models.Index(fields=["recipient", "read_at"], name="notification_unread")]

    def __str__(self):
        return self.title
