"""Exemplars to find, nurture, honour and replicate; inspections of how movements are run."""
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from thidua.core.scopes import ScopedQuerySet
from thidua.core.text import normalize
from thidua.organizations import scoping


class ExemplarStage(models.TextChoices):
    FOUND = "FOUND", _("Phát hiện")
    NURTURED = "NURTURED", _("Bồi dưỡng")
    HONOURED = "HONOURED", _("Tôn vinh")
    REPLICATED = "REPLICATED", _("Nhân rộng")


PUBLIC_STAGES = (ExemplarStage.HONOURED, ExemplarStage.REPLICATED)


class ExemplarQuerySet(ScopedQuerySet):
    def visible_to(self, user):
        return self.filter(scoping.organization_q(user, prefix="unit__"))

    def public(self, organization):
        """Exemplars of ``organization``'s subtree once honoured: public data, the portal shows
        them to anyone (found or nurtured ones are not public yet)."""
        return self.unscoped("honoured exemplars are published on the portal").filter(
            unit__path__startswith=organization.path, stage__in=PUBLIC_STAGES)


class Exemplar(models.Model):
    """An exemplary collective or person, or a good practice, and where it is on its way."""

    unit = models.ForeignKey("organizations.Organization", models.PROTECT,
                             related_name="exemplars", verbose_name=_("đơn vị quản lý"))
    person = models.ForeignKey("organizations.Person", models.PROTECT, null=True, blank=True,
                               related_name="exemplars", verbose_name=_("cá nhân điển hình"))
    title = models.CharField(_("tên điển hình, cách làm hay"), max_length=300)
    story = models.TextField(_("câu chuyện"))
    field = models.CharField(_("lĩnh vực"), max_length=100, blank=True)
    is_new_model = models.BooleanField(_("mô hình HTX kiểu mới, chuỗi giá trị"), default=False)
    movement = models.ForeignKey("movements.Movement", models.SET_NULL, null=True, blank=True,
                                 related_name="exemplars", verbose_name=_("phong trào"))
    stage = models.CharField(_("giai đoạn"), max_length=10, choices=ExemplarStage.choices,
                             default=ExemplarStage.FOUND)
    found_on = models.DateField(_("ngày phát hiện"))
    nurtured_on = models.DateField(_("ngày bồi dưỡng"), null=True, blank=True)
    honoured_on = models.DateField(_("ngày tôn vinh"), null=True, blank=True)
    replicated_on = models.DateField(_("ngày nhân rộng"), null=True, blank=True)
    awards = models.ManyToManyField("awards.Award", blank=True, related_name="exemplars",
                                    verbose_name=_("khen thưởng liên quan"))
    # Held here rather than on Review so that movements knows nothing of records; the review page
    # reads ``review.exemplars``.
    reviews = models.ManyToManyField("movements.Review", blank=True, related_name="exemplars",
                                     verbose_name=_("sơ kết, tổng kết"))
    search_text = models.TextField(editable=False, default="")
    history = HistoricalRecords(excluded_fields=["search_text"])

    objects = ExemplarQuerySet.as_manager()

    def save(self, *args, **kwargs):
        self.search_text = normalize(f"{self.title} {self.field}")
        super().save(*args, **kwargs)

    class Meta:
        verbose_name = _("điển hình tiên tiến")
        verbose_name_plural = _("điển hình tiên tiến")
        ordering = ["-found_on"]

    def __str__(self):
        return self.title


class InspectionStatus(models.TextChoices):
    PLANNED = "PLANNED", _("Đã lập kế hoạch")
    DONE = "DONE", _("Đã kiểm tra")
    FOLLOWING_UP = "FOLLOWING_UP", _("Đang theo dõi khắc phục")
    CLOSED = "CLOSED", _("Đã hoàn thành khắc phục")


class InspectionQuerySet(ScopedQuerySet):
    def visible_to(self, user):
        """Inspections organised in the user's scope, or of a unit in it (the inspected unit
        sees its inspection)."""
        inspected_here = Inspection.inspected_units.through.objects.filter(
            inspection=models.OuterRef("pk")).filter(
            scoping.organization_q(user, prefix="organization__"))
        return self.filter(scoping.organization_q(user, prefix="organizer__")
                           | models.Exists(inspected_here))


class Inspection(models.Model):
    organizer = models.ForeignKey("organizations.Organization", models.PROTECT,
                                  related_name="inspections", verbose_name=_("cấp kiểm tra"))
    movement = models.ForeignKey("movements.Movement", models.SET_NULL, null=True, blank=True,
                                 related_name="inspections", verbose_name=_("phong trào"))
    team = models.TextField(_("thành phần đoàn"))
    inspected_units = models.ManyToManyField("organizations.Organization", related_name="+",
                                             verbose_name=_("đơn vị được kiểm tra"))
    start_date = models.DateField(_("từ ngày"))
    end_date = models.DateField(_("đến ngày"))
    findings = models.TextField(_("kết quả kiểm tra"), blank=True)
    recommendations = models.TextField(_("kiến nghị"), blank=True)
    status = models.CharField(_("trạng thái"), max_length=12, choices=InspectionStatus.choices,
                              default=InspectionStatus.PLANNED)
    history = HistoricalRecords()

    objects = InspectionQuerySet.as_manager()

    class Meta:
        verbose_name = _("kiểm tra, giám sát")
        verbose_name_plural = _("kiểm tra, giám sát")
        ordering = ["-start_date"]
