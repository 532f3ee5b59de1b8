from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from thidua.core.scopes import ScopedQuerySet
from thidua.core.text import normalize
from thidua.organizations import scoping


class InitiativeScope(models.IntegerChoices):
    """Ordered: a PROVINCIAL initiative satisfies a rule asking for BASE."""

    BASE = 1, _("Cấp cơ sở")
    PROVINCIAL = 2, _("Cấp bộ, ban, ngành, tỉnh")
    NATIONAL = 3, _("Toàn quốc")


class InitiativeKind(models.TextChoices):
    INITIATIVE = "INITIATIVE", _("Sáng kiến")
    RESEARCH = "RESEARCH", _("Đề tài, đề án khoa học được nghiệm thu, áp dụng")


class InitiativeQuerySet(ScopedQuerySet):
    def visible_to(self, user):
        return self.filter(scoping.organization_q(user, prefix="unit__"))


class Initiative(models.Model):
    """A recognised initiative or applied research; it counts for one award only (``used_for``)."""

    title = models.CharField(_("tên sáng kiến, đề tài"), max_length=300)
    kind = models.CharField(_("loại"), max_length=10, choices=InitiativeKind.choices,
                            default=InitiativeKind.INITIATIVE)
    authors = models.ManyToManyField("organizations.Person", related_name="initiatives",
                                     verbose_name=_("tác giả"))
    unit = models.ForeignKey("organizations.Organization", models.PROTECT,
                             related_name="initiatives", verbose_name=_("đơn vị áp dụng"))
    scope = models.PositiveSmallIntegerField(_("phạm vi ảnh hưởng"), choices=InitiativeScope.choices)
    year = models.PositiveSmallIntegerField(_("năm công nhận"))
    recognised_by = models.CharField(_("cấp công nhận"), max_length=200, blank=True)
    recognised_on = models.DateField(_("ngày công nhận"), null=True, blank=True)
    decision_reference = models.CharField(_("số quyết định công nhận"), max_length=100, blank=True)
    summary = models.TextField(_("tóm tắt"), blank=True)
    used_for = models.ForeignKey("awards.Award", models.SET_NULL, null=True, blank=True,
                                 related_name="initiatives_used",
                                 verbose_name=_("đã dùng để xét khen thưởng"))
    search_text = models.TextField(editable=False, default="")
    history = HistoricalRecords(excluded_fields=["search_text"])

    objects = InitiativeQuerySet.as_manager()

    class Meta:
        verbose_name = _("sáng kiến")
        verbose_name_plural = _("sáng kiến")
        ordering = ["-year", "title"]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.search_text = normalize(f"{self.title} {self.decision_reference} {self.summary}")
        super().save(*args, **kwargs)
