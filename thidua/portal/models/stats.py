from django.db import models
from django.utils.translation import gettext_lazy as _

from .sites import Site


class VisitDay(models.Model):
    """Visitors of a site on one local (Asia/Ho_Chi_Minh) day: one row per site per day, so the
    table grows by a few hundred rows a year per site and no raw log is kept."""

    site = models.ForeignKey(Site, models.CASCADE, related_name="visit_days")
    day = models.DateField(_("ngày"))
    visits = models.PositiveIntegerField(_("lượt truy cập"), default=0)

    class Meta:
        verbose_name = _("lượt truy cập trong ngày")
        verbose_name_plural = _("thống kê truy cập")
        constraints = [models.UniqueConstraint(fields=["site", "day"],
                                               name="portal_one_visit_row_per_day")]
