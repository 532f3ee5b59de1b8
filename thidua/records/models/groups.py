"""Bloc and cluster work: the yearly pledge (giao ước) and the score sheet that ranks members."""
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class Pledge(models.Model):
    group = models.OneToOneField("organizations.EmulationGroup", models.CASCADE,
                                 related_name="pledge", verbose_name=_("khối, cụm"))
    content = models.TextField(_("nội dung giao ước"))
    targets = models.TextField(_("chỉ tiêu"), blank=True)
    signing_date = models.DateField(_("ngày ký kết"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("giao ước thi đua")
        verbose_name_plural = _("giao ước thi đua")


class PledgeSignature(models.Model):
    pledge = models.ForeignKey(Pledge, models.CASCADE, related_name="signatures")
    member = models.ForeignKey("organizations.Organization", models.PROTECT, related_name="+",
                               verbose_name=_("đơn vị"))
    signed_by = models.ForeignKey("accounts.User", models.PROTECT, related_name="+",
                                  verbose_name=_("người ký"))
    signer_title = models.CharField(_("chức vụ người ký"), max_length=100, blank=True)
    signed_on = models.DateField(_("ngày ký"))
    history = HistoricalRecords()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["pledge", "member"], name="one_signature")]


class TieBreak(models.TextChoices):
    CRITERIA_IN_ORDER = "CRITERIA_IN_ORDER", _("So lần lượt điểm từng tiêu chí theo thứ tự")
    SHARED = "SHARED", _("Đồng hạng")


class ScoreSheet(models.Model):
    """The group's scoring for a year: criteria with maximum points, a score per member."""

    group = models.OneToOneField("organizations.EmulationGroup", models.CASCADE,
                                 related_name="score_sheet", verbose_name=_("khối, cụm"))
    tie_break = models.CharField(_("cách xếp khi bằng điểm"), max_length=20,
                                 choices=TieBreak.choices, default=TieBreak.CRITERIA_IN_ORDER)
    is_open = models.BooleanField(_("đang cho chấm"), default=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("bảng chấm điểm thi đua")
        verbose_name_plural = _("bảng chấm điểm thi đua")


class ScoreCriterion(models.Model):
    sheet = models.ForeignKey(ScoreSheet, models.CASCADE, related_name="criteria")
    name = models.CharField(_("tiêu chí"), max_length=300)
    max_points = models.PositiveSmallIntegerField(_("điểm tối đa"))
    order = models.PositiveSmallIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "pk"]


class Score(models.Model):
    """A member's self-score on one criterion, and the owning level's adjustment with its reason."""

    criterion = models.ForeignKey(ScoreCriterion, models.CASCADE, related_name="scores")
    member = models.ForeignKey("organizations.Organization", models.PROTECT, related_name="+")
    self_points = models.DecimalField(_("tự chấm"), max_digits=6, decimal_places=2)
    evidence = models.TextField(_("minh chứng"), blank=True)
    adjusted_points = models.DecimalField(_("điểm thẩm định"), max_digits=6, decimal_places=2,
                                          null=True, blank=True)
    adjust_reason = models.CharField(_("lý do điều chỉnh"), max_length=300, blank=True)
    history = HistoricalRecords()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["criterion", "member"], name="one_score")]

    @property
    def points(self):
        return self.self_points if self.adjusted_points is None else self.adjusted_points
