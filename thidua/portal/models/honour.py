from django.db import models
from django.utils.translation import gettext_lazy as _


class HonourEntry(models.Model):
    """The public projection of one issued, not revoked award: only what the honour roll shows.

    Copying the public fields (never a birth date or an ID number) makes leaking private data
    impossible by construction, and lets the roll of a subtree with millions of awards be one
    indexed prefix scan. Kept in step by every award service (``awards.followups``), rebuilt
    nightly (``portal.tasks.refresh_honour_roll``) and by ``manage.py refresh_honour_roll``.
    """

    award = models.OneToOneField("awards.Award", models.CASCADE, related_name="honour_entry")
    unit_path = models.CharField(max_length=255)
    # The provincial alliance (or VCA unit) above the recipient: a province's roll is one
    # equality on an index already ordered by year, not a prefix filter over every year.
    alliance_path = models.CharField(max_length=16, default="")
    unit_name = models.CharField(_("đơn vị"), max_length=255)
    province_code = models.PositiveSmallIntegerField(null=True, blank=True)
    province_name = models.CharField(_("tỉnh, thành phố"), max_length=100, blank=True)
    recipient_name = models.CharField(_("tập thể, cá nhân"), max_length=255)
    is_collective = models.BooleanField(default=False)
    award_type = models.ForeignKey("awards.AwardType", models.PROTECT, related_name="+",
                                   verbose_name=_("danh hiệu, hình thức"))
    year = models.PositiveSmallIntegerField(_("năm"))
    decision_number = models.CharField(_("số quyết định"), max_length=32, blank=True)
    decision_date = models.DateField(_("ngày quyết định"), null=True, blank=True)
    issuer_name = models.CharField(_("cơ quan quyết định"), max_length=200, blank=True)
    search_text = models.CharField(max_length=600, default="")

    class Meta:
        verbose_name = _("mục bảng vàng")
        verbose_name_plural = _("bảng vàng")
        ordering = ["-year", "-pk"]
        indexes = [
            models.Index(fields=["unit_path", "year"], name="portal_honour_path_year",
                         opclasses=["varchar_pattern_ops", "int2_ops"]),
            models.Index(fields=["year", "award_type"], name="portal_honour_year_type"),
            # A name search walks these newest first reading no table row (``honour``).
            models.Index(fields=["alliance_path", "-year", "-id"], name="portal_honour_alliance",
                         include=["award_type", "province_code", "search_text"]),
            models.Index(fields=["-year", "-id"], name="portal_honour_recent",
                         include=["alliance_path", "award_type", "province_code", "search_text"]),
        ]

    def __str__(self):
        return f"{self.recipient_name} — {self.award_type_id} {self.year}"
