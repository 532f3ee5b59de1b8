from django.db import models
from django.utils.translation import gettext_lazy as _

from thidua.core.scopes import ScopedQuerySet
from thidua.organizations import scoping


class RegistrationStatus(models.TextChoices):
    DRAFT = "DRAFT", _("Nháp")
    SUBMITTED = "SUBMITTED", _("Đã gửi")
    APPROVED = "APPROVED", _("Đã duyệt")
    RETURNED = "RETURNED", _("Trả lại bổ sung")
    CLOSED = "CLOSED", _("Đã đóng")


OPEN_REGISTRATION = (RegistrationStatus.DRAFT, RegistrationStatus.SUBMITTED,
                     RegistrationStatus.RETURNED)


class RegistrationQuerySet(ScopedQuerySet):
    def visible_to(self, user):
        return self.filter(scoping.organization_q(user, prefix="unit__"))


class Registration(models.Model):
    """A unit's yearly emulation registration: the collective titles it aims for, its targets and
    the titles each of its people aims for. Reviewed by the level above."""

    movement = models.ForeignKey("movements.Movement", models.PROTECT, related_name="registrations",
                                 verbose_name=_("phong trào"))
    unit = models.ForeignKey("organizations.Organization", models.PROTECT,
                             related_name="registrations", verbose_name=_("đơn vị"))
    year = models.PositiveSmallIntegerField(_("năm"))
    collective_titles = models.ManyToManyField("awards.AwardType", blank=True, related_name="+",
                                               verbose_name=_("danh hiệu tập thể đăng ký"))
    targets = models.TextField(_("chỉ tiêu, cam kết"), blank=True)
    status = models.CharField(_("trạng thái"), max_length=10, choices=RegistrationStatus.choices,
                              default=RegistrationStatus.DRAFT)
    submitted_at = models.DateTimeField(_("gửi lúc"), null=True, blank=True)
    reviewed_at = models.DateTimeField(_("duyệt lúc"), null=True, blank=True)
    return_reason = models.TextField(_("lý do trả lại"), blank=True)
    closed_reason = models.TextField(_("lý do đóng"), blank=True)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        verbose_name = _("đăng ký thi đua")
        verbose_name_plural = _("đăng ký thi đua")
        constraints = [models.UniqueConstraint(fields=["movement", "unit", "year"],
                                               name="one_registration_per_unit_year")]

    def __str__(self):
        return f"{self.unit} — {self.movement} ({self.year})"

    @property
    def is_editable(self):
        return self.status in (RegistrationStatus.DRAFT, RegistrationStatus.RETURNED)


class RegistrationItem(models.Model):
    registration = models.ForeignKey(Registration, models.CASCADE, related_name="items")
    person = models.ForeignKey("organizations.Person", models.PROTECT, related_name="+",
                               verbose_name=_("cá nhân"))
    award_type = models.ForeignKey("awards.AwardType", models.PROTECT, related_name="+",
                                   verbose_name=_("danh hiệu đăng ký"))

    class Meta:
        verbose_name = _("cá nhân đăng ký")
        verbose_name_plural = _("cá nhân đăng ký")
        constraints = [models.UniqueConstraint(fields=["registration", "person", "award_type"],
                                               name="unique_registration_item")]
