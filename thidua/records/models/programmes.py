"""Multi-year cooperation programmes between agencies, with yearly targets and actuals."""
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from thidua.core.scopes import ScopedQuerySet
from thidua.organizations import scoping


class CooperationProgrammeQuerySet(ScopedQuerySet):
    def visible_to(self, user):
        """Programmes owned by a unit in the user's scope."""
        return self.filter(scoping.organization_q(user, prefix="owner__"))


class CooperationProgramme(models.Model):
    owner = models.ForeignKey("organizations.Organization", models.PROTECT,
                              related_name="programmes", verbose_name=_("đơn vị chủ trì"))
    title = models.CharField(_("tên chương trình"), max_length=300)
    partners = models.CharField(_("các bên phối hợp"), max_length=500)
    signed_on = models.DateField(_("ngày ký"), null=True, blank=True)
    start_year = models.PositiveSmallIntegerField(_("từ năm"))
    end_year = models.PositiveSmallIntegerField(_("đến năm"))
    commitments = models.TextField(_("nội dung cam kết"))
    final_review = models.TextField(_("tổng kết chương trình"), blank=True)
    history = HistoricalRecords()

    objects = CooperationProgrammeQuerySet.as_manager()

    class Meta:
        verbose_name = _("chương trình phối hợp")
        verbose_name_plural = _("chương trình phối hợp")
        ordering = ["-start_year"]

    def __str__(self):
        return self.title


class ProgrammeIndicator(models.TextChoices):
    """Computed indicators count the system's own records; OTHER is entered with its source."""

    NEW_MODEL_COOPERATIVES = "NEW_MODEL_COOPERATIVES", _("HTX kiểu mới được giới thiệu, nhân rộng")
    EXEMPLARY_INDIVIDUALS = "EXEMPLARY_INDIVIDUALS", _("Cá nhân điển hình được giới thiệu, nhân rộng")
    AWARDS = "AWARDS", _("Khen thưởng được trao")
    OTHER = "OTHER", _("Chỉ tiêu khác (nhập số liệu)")


class ProgrammeTarget(models.Model):
    programme = models.ForeignKey(CooperationProgramme, models.CASCADE, related_name="targets")
    year = models.PositiveSmallIntegerField(_("năm"))
    indicator = models.CharField(_("chỉ tiêu"), max_length=24, choices=ProgrammeIndicator.choices)
    label = models.CharField(_("diễn giải"), max_length=300, blank=True)
    minimum = models.PositiveIntegerField(_("tối thiểu"))
    maximum = models.PositiveIntegerField(_("tối đa"), null=True, blank=True)
    entered_actual = models.PositiveIntegerField(_("kết quả nhập tay"), null=True, blank=True)
    actual_source = models.CharField(_("nguồn số liệu"), max_length=300, blank=True)
    review_note = models.TextField(_("đánh giá năm"), blank=True)

    class Meta:
        verbose_name = _("chỉ tiêu năm")
        verbose_name_plural = _("chỉ tiêu năm")
        ordering = ["year", "indicator"]
