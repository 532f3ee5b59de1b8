"""Emulation congresses and exemplar conferences, with the reviews and exemplars they present."""
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from thidua.core.scopes import ScopedQuerySet
from thidua.organizations import scoping


class EventKind(models.TextChoices):
    CONGRESS = "CONGRESS", _("Đại hội thi đua yêu nước")
    EXEMPLAR_CONFERENCE = "EXEMPLAR_CONFERENCE", _("Hội nghị điển hình tiên tiến")


class EventQuerySet(ScopedQuerySet):
    def visible_to(self, user):
        """Events organised by a level in the user's scope."""
        return self.filter(scoping.organization_q(user, prefix="organizer__"))


class Event(models.Model):
    organizer = models.ForeignKey("organizations.Organization", models.PROTECT, related_name="+",
                                  verbose_name=_("cấp tổ chức"))
    kind = models.CharField(_("loại"), max_length=20, choices=EventKind.choices)
    title = models.CharField(_("tên sự kiện"), max_length=300)
    held_on = models.DateField(_("ngày tổ chức"))
    period_label = models.CharField(_("giai đoạn"), max_length=20, blank=True,
                                    help_text=_("Ví dụ: 2020–2025"))
    summary = models.TextField(_("nội dung"), blank=True)
    reviews = models.ManyToManyField("movements.Review", blank=True, related_name="events")
    exemplars = models.ManyToManyField("records.Exemplar", blank=True, related_name="events")
    history = HistoricalRecords()

    objects = EventQuerySet.as_manager()

    class Meta:
        verbose_name = _("sự kiện thi đua")
        verbose_name_plural = _("sự kiện thi đua")
        ordering = ["-held_on"]
