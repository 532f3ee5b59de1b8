"""Who confers an award, as data: issuing authorities (Issuer), their kinds, and the catalogue of
which kind may confer which title or form from when to when (ConferralPower).

An award recorded from an old decision names its issuer in free text; it is linked to an Issuer
(by a known alias, by the unit it names, or by an officer on the review page), and the eligibility
engine counts it by its type *and* whether that kind of issuer could confer it on the decision
date (see ``issuing.power_table``).
"""
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from thidua.core.text import normalize
from thidua.legal.models import Citation


class IssuerKind(models.TextChoices):
    """Kinds of issuing authority. ``DISTRICT`` is historical: the district level ended on
    30/6/2025 and its powers went to the commune chairman (NĐ 129/2025/NĐ-CP, Art. 59)."""

    PRESIDENT = "PRESIDENT", _("Chủ tịch nước")
    PRIME_MINISTER = "PRIME_MINISTER", _("Thủ tướng Chính phủ")
    MINISTRY = "MINISTRY", _("Bộ, ban, ngành, cơ quan trung ương")
    PROVINCE = "PROVINCE", _("Chủ tịch UBND cấp tỉnh")
    DISTRICT = "DISTRICT", _("Chủ tịch UBND cấp huyện (trước 01/07/2025)")
    COMMUNE = "COMMUNE", _("Chủ tịch UBND cấp xã")
    VCA = "VCA", _("Liên minh HTX Việt Nam")
    VCA_PROVINCIAL = "VCA_PROVINCIAL", _("Liên minh HTX tỉnh, thành phố")
    UNIT_HEAD = "UNIT_HEAD", _("Thủ trưởng đơn vị có tư cách pháp nhân")
    COOPERATIVE_DIRECTOR = "COOPERATIVE_DIRECTOR", _("Giám đốc HTX, liên hiệp HTX, quỹ tín dụng")
    COOPERATIVE_BOARD = "COOPERATIVE_BOARD", _("Chủ tịch Hội đồng quản trị, Hội đồng thành viên")


class IssuerQuerySet(models.QuerySet):
    def search(self, text):
        return self.filter(search_text__contains=normalize(text)) if text else self


class Issuer(models.Model):
    """One issuing authority: the Prime Minister, a province's chairman, a commune's chairman, the
    VCA, a cooperative's director … ``organization`` links the ones inside the network."""

    kind = models.CharField(_("loại cơ quan quyết định"), max_length=24, choices=IssuerKind.choices)
    name = models.CharField(_("tên cơ quan, người có thẩm quyền"), max_length=200)
    organization = models.ForeignKey("organizations.Organization", models.PROTECT, null=True,
                                     blank=True, related_name="issuers",
                                     verbose_name=_("đơn vị trong hệ thống"))
    province_code = models.PositiveSmallIntegerField(_("tỉnh, thành phố"), null=True, blank=True)
    valid_from = models.DateField(_("có thẩm quyền từ"), null=True, blank=True)
    valid_to = models.DateField(_("đến hết ngày"), null=True, blank=True,
                                help_text=_("Ví dụ: UBND huyện đến 30/06/2025; đơn vị đã sáp nhập."))
    search_text = models.CharField(max_length=250, editable=False, default="")
    history = HistoricalRecords(excluded_fields=["search_text"])

    objects = IssuerQuerySet.as_manager()

    class Meta:
        ordering = ["kind", "name"]
        verbose_name = _("cơ quan quyết định khen thưởng")
        verbose_name_plural = _("cơ quan quyết định khen thưởng")
        constraints = [models.UniqueConstraint(
            fields=["organization", "kind"], condition=Q(organization__isnull=False),
            name="one_issuer_per_unit_and_kind")]

    def __str__(self):
        return self.name

    def clean(self):
        if self.valid_from and self.valid_to and self.valid_to < self.valid_from:
            raise ValidationError({"valid_to": _("Ngày kết thúc phải sau ngày bắt đầu.")})

    def save(self, *args, **kwargs):
        self.search_text = normalize(self.name)[:250]
        super().save(*args, **kwargs)


class IssuerAlias(models.Model):
    """A way an issuer's name was written in an imported list ("UBND xã Phong Điền", "Chủ tịch
    UBND xã Phong Điền"): later rows written the same way link to it without asking again."""

    issuer = models.ForeignKey(Issuer, models.CASCADE, related_name="aliases")
    key = models.CharField(max_length=200, unique=True)
    text = models.CharField(_("tên như đã ghi"), max_length=200)

    class Meta:
        verbose_name = _("tên gọi khác của cơ quan quyết định")
        verbose_name_plural = _("tên gọi khác của cơ quan quyết định")

    def __str__(self):
        return self.text

    @staticmethod
    def key_for(text):
        return normalize(text)[:200]


class ConferralPowerQuerySet(models.QuerySet):
    def on(self, day):
        return self.filter(Q(valid_from__isnull=True) | Q(valid_from__lte=day),
                           Q(valid_to__isnull=True) | Q(valid_to__gte=day))


class ConferralPower(Citation):
    """The catalogue of powers: issuers of ``issuer_kind`` may confer award type ``award_code``
    from ``valid_from`` to ``valid_to`` (open ends: always), on the cited legal basis.

    ``confirmed`` is false where the power is inferred from a secondary source rather than read in
    the text; the row still applies (so awards are not silently dropped) and pages say so.
    """

    issuer_kind = models.CharField(_("loại cơ quan quyết định"), max_length=24,
                                   choices=IssuerKind.choices)
    award_code = models.CharField(_("mã danh hiệu, hình thức"), max_length=16)
    valid_from = models.DateField(_("từ ngày"), null=True, blank=True)
    valid_to = models.DateField(_("đến hết ngày"), null=True, blank=True)
    confirmed = models.BooleanField(_("đã đối chiếu văn bản"), default=True)
    note = models.CharField(_("ghi chú"), max_length=300, blank=True)
    history = HistoricalRecords()

    objects = ConferralPowerQuerySet.as_manager()

    class Meta:
        ordering = ["issuer_kind", "award_code", "valid_from"]
        verbose_name = _("thẩm quyền khen thưởng")
        verbose_name_plural = _("thẩm quyền khen thưởng")
        constraints = [models.UniqueConstraint(fields=["issuer_kind", "award_code", "valid_from"],
                                               name="one_power_per_kind_code_start")]

    def __str__(self):
        return f"{self.get_issuer_kind_display()} — {self.award_code}"

    def clean(self):
        if self.valid_from and self.valid_to and self.valid_to < self.valid_from:
            raise ValidationError({"valid_to": _("Ngày kết thúc phải sau ngày bắt đầu.")})
        overlapping = ConferralPower.objects.filter(
            issuer_kind=self.issuer_kind, award_code=self.award_code).exclude(pk=self.pk)
        if self.valid_to:
            overlapping = overlapping.filter(Q(valid_from__isnull=True)
                                             | Q(valid_from__lte=self.valid_to))
        if self.valid_from:
            overlapping = overlapping.filter(Q(valid_to__isnull=True)
                                             | Q(valid_to__gte=self.valid_from))
        if overlapping.exists():
            raise ValidationError(_("Thời gian trùng với một thẩm quyền đã có của cùng loại cơ quan "
                                    "và cùng danh hiệu, hình thức; hãy cho thẩm quyền cũ kết thúc "
                                    "trước."))

    def covers(self, day):
        return ((self.valid_from is None or self.valid_from <= day)
                and (self.valid_to is None or day <= self.valid_to))
