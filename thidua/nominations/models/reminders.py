"""The record of deadline reminders sent: one row per batch, step, deadline and day."""
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..states import State


class DeadlineReminder(models.Model):
    """A reminder about ``batch``'s deadline ``due_on`` in step ``state``, sent on ``sent_on``.

    The unique constraint is what makes the daily run idempotent: a second run the same day (beat
    firing twice, a redelivered message, the command run by hand) finds the row and sends nothing.
    """

    batch = models.ForeignKey("nominations.NominationBatch", models.CASCADE,
                              related_name="reminders")
    state = models.CharField(_("bước"), max_length=24, choices=State.choices)
    due_on = models.DateField(_("hạn"))
    sent_on = models.DateField(_("ngày nhắc"))
    overdue = models.BooleanField(_("đã quá hạn"), default=False)
    recipients = models.PositiveIntegerField(_("số người được nhắc"), default=0)

    class Meta:
        ordering = ["-sent_on", "-pk"]
        verbose_name = _("nhắc hạn xử lý")
        verbose_name_plural = _("nhắc hạn xử lý")
        constraints = [models.UniqueConstraint(fields=["batch", "state", "due_on", "sent_on"],
                                               name="one_reminder_per_deadline_per_day")]
