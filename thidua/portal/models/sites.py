"""A portal site: one organisation's public face, found by its own hostname or by /p/<slug>/."""
from django.core.validators import RegexValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

hostname_validator = RegexValidator(
    r"^[a-z0-9.-]+$", _("Tên miền chỉ gồm chữ thường không dấu, số, dấu chấm và gạch nối."))


class SiteQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)


class Site(models.Model):
    organization = models.OneToOneField("organizations.Organization", models.PROTECT,
                                        related_name="portal_site", verbose_name=_("đơn vị"))
    slug = models.SlugField(_("đường dẫn"), max_length=40, unique=True, error_messages={
        "unique": _("Đường dẫn này đã thuộc về một cổng khác.")})
    hostname = models.CharField(_("tên miền riêng"), max_length=120, unique=True, null=True,
                                blank=True, validators=[hostname_validator],
                                help_text=_("Ví dụ lienminhhtx.hue.gov.vn; để trống nếu chỉ dùng "
                                            "đường dẫn /p/<đường dẫn>/."))
    name = models.CharField(_("tên cổng"), max_length=200)
    tagline = models.CharField(_("khẩu hiệu"), max_length=200, blank=True)
    logo = models.ImageField(_("biểu trưng"), upload_to="portal/logos/", blank=True)
    about = models.TextField(_("giới thiệu"), blank=True)
    address = models.CharField(_("địa chỉ"), max_length=255, blank=True)
    phone = models.CharField(_("điện thoại"), max_length=64, blank=True)
    fax = models.CharField(_("fax"), max_length=64, blank=True)
    email = models.EmailField(_("thư điện tử"), blank=True)
    licence = models.CharField(_("giấy phép"), max_length=255, blank=True)
    responsible_person = models.CharField(_("người chịu trách nhiệm nội dung"), max_length=200,
                                          blank=True)
    cite_source = models.CharField(_("ghi rõ nguồn"), max_length=255, blank=True,
                                   help_text=_("Dòng yêu cầu ghi nguồn khi đăng lại thông tin."))
    is_active = models.BooleanField(_("đang hoạt động"), default=True)

    objects = SiteQuerySet.as_manager()

    class Meta:
        verbose_name = _("cổng thông tin")
        verbose_name_plural = _("cổng thông tin")
        ordering = ["organization__path"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("portal:home", kwargs={"site": self.slug})
