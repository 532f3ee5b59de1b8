"""The legal texts the platform follows, as data: what each is, when it applies, what replaced it.

Every rule that has a legal basis (award types, conferral powers, procedure deadlines, statistical
forms, base salaries, regimes) points at one of these rows and names the article it relies on, so
"what applied on this date" is a question the database answers, and a new text is something an
administrator enters rather than a code change (docs/law.md).
"""
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class LegalTextKind(models.TextChoices):
    LAW = "LAW", _("Luật")
    DECREE = "DECREE", _("Nghị định")
    CIRCULAR = "CIRCULAR", _("Thông tư")
    DECISION = "DECISION", _("Quyết định")
    OFFICIAL_LETTER = "OFFICIAL_LETTER", _("Công văn")
    INTERNAL = "INTERNAL", _("Điều lệ, quy chế nội bộ")


class LegalTextQuerySet(models.QuerySet):
    def in_force(self, day):
        """Confirmed texts in force on ``day``; a text whose start is unknown counts from always."""
        return self.filter(
            Q(effective_from__isnull=True) | Q(effective_from__lte=day),
            Q(effective_to__isnull=True) | Q(effective_to__gte=day), confirmed=True)


class LegalText(models.Model):
    """A law, decree, circular, decision or internal rule, with its validity.

    ``confirmed`` is false while the text (or its dates) has only been reported, not read in its
    official version: such a row is shown to administrators as awaiting confirmation and is never
    treated as in force.
    """

    key = models.SlugField(_("mã nội bộ"), max_length=40, unique=True,
                           help_text=_("Mã ngắn, không đổi, ví dụ nd-152-2025."))
    kind = models.CharField(_("loại văn bản"), max_length=16, choices=LegalTextKind.choices)
    number = models.CharField(_("số, ký hiệu"), max_length=40, blank=True,
                              help_text=_("Ví dụ 152/2025/NĐ-CP; để trống nếu chưa đối chiếu."))
    title = models.CharField(_("tên văn bản"), max_length=300)
    short_name = models.CharField(_("tên ngắn khi dẫn"), max_length=80,
                                  help_text=_("Ví dụ: Luật TĐKT 2022, Nghị định 152/2025/NĐ-CP."))
    issuing_body = models.CharField(_("cơ quan ban hành"), max_length=120, blank=True)
    issued_on = models.DateField(_("ngày ban hành"), null=True, blank=True)
    effective_from = models.DateField(_("có hiệu lực từ"), null=True, blank=True)
    effective_to = models.DateField(_("hết hiệu lực từ sau ngày"), null=True, blank=True,
                                    help_text=_("Ngày cuối cùng văn bản còn áp dụng."))
    replaces = models.ForeignKey("self", models.PROTECT, null=True, blank=True,
                                 related_name="replaced_by", verbose_name=_("thay thế văn bản"))
    confirmed = models.BooleanField(
        _("đã đối chiếu văn bản chính thức"), default=False,
        help_text=_("Chỉ văn bản đã đối chiếu mới được coi là đang có hiệu lực."))
    note = models.TextField(_("ghi chú"), blank=True)
    history = HistoricalRecords()

    objects = LegalTextQuerySet.as_manager()

    class Meta:
        ordering = ["-effective_from", "key"]
        verbose_name = _("văn bản pháp luật")
        verbose_name_plural = _("văn bản pháp luật")

    def __str__(self):
        return self.short_name

    def clean(self):
        if self.effective_from and self.effective_to and self.effective_to < self.effective_from:
            raise ValidationError({"effective_to": _(
                "Ngày hết hiệu lực phải sau ngày có hiệu lực.")})
        if self.replaces_id and self.replaces_id == self.pk:
            raise ValidationError({"replaces": _("Văn bản không thay thế chính nó.")})

    def in_force(self, day):
        return (self.confirmed and (self.effective_from is None or self.effective_from <= day)
                and (self.effective_to is None or day <= self.effective_to))

    @property
    def citation(self):
        """The words after "Căn cứ" in a decision or a tờ trình: a law by its name, number and
        date; any other text by its kind, number, date and issuing body (NĐ 30/2020 style)."""
        day = self.issued_on.strftime("%d/%m/%Y") if self.issued_on else ""
        if self.kind == LegalTextKind.LAW or not self.number:
            parts = [self.title]
            if self.number:
                parts.append(_("số %(number)s") % {"number": self.number})
        else:
            parts = [f"{self.get_kind_display()} {_('số')} {self.number}"]
        if day:
            parts.append(_("ngày %(day)s") % {"day": day})
        if self.issuing_body and self.kind != LegalTextKind.LAW:
            parts.append(_("của %(body)s") % {"body": self.issuing_body})
        return " ".join(str(part) for part in parts)


class Citation(models.Model):
    """Abstract: a rule's legal basis, a text and the article relied on ("Điều 80 khoản 4")."""

    legal_text = models.ForeignKey(LegalText, models.PROTECT, null=True, blank=True,
                                   related_name="+", verbose_name=_("văn bản căn cứ"))
    article = models.CharField(_("điều, khoản"), max_length=120, blank=True)

    class Meta:
        abstract = True

    @property
    def basis_text(self):
        """"Luật TĐKT 2022, Điều 24" — short, for screens and verdicts."""
        if not self.legal_text_id:
            return self.article
        return ", ".join(part for part in (self.legal_text.short_name, self.article) if part)


class BasisTopic(models.TextChoices):
    ISSUING = "ISSUING", _("Căn cứ ban hành quyết định, tờ trình")
    FORM = "FORM", _("Mẫu văn bản")
    PROCEDURE = "PROCEDURE", _("Thủ tục, thời hạn")
    STATISTICS = "STATISTICS", _("Biểu báo cáo thống kê")


class DocumentKind(models.TextChoices):
    """The documents whose "Căn cứ" lines the register gives (``ISSUING`` rows' ``subject``)."""

    DECISION = "decision", _("Quyết định khen thưởng")
    PROPOSAL = "proposal", _("Tờ trình đề nghị khen thưởng")


class LegalBasisQuerySet(models.QuerySet):
    def in_force(self, day):
        """Rows valid on ``day`` whose text (if any) is confirmed and in force on ``day``."""
        texts = LegalText.objects.in_force(day).values("pk")
        return self.filter(
            Q(valid_from__isnull=True) | Q(valid_from__lte=day),
            Q(valid_to__isnull=True) | Q(valid_to__gte=day),
            Q(legal_text__isnull=True) | Q(legal_text__in=texts)).select_related("legal_text")


class LegalBasis(Citation):
    """What a part of the platform follows, and from when to when: the texts a decision or a tờ
    trình cites (``ISSUING``, subject ``decision``/``proposal``), the text each document form, each
    procedure deadline and each statistical form follows (subject: the form's or step's key).

    The row applies only while its own dates cover the day *and* its text is confirmed and in
    force, so entering a new text with its dates (and its rows here) is the whole change when the
    law moves (docs/law.md).
    """

    topic = models.CharField(_("nhóm"), max_length=12, choices=BasisTopic.choices)
    subject = models.CharField(_("áp dụng cho"), max_length=40,
                               help_text=_("Mã của văn bản, mẫu, bước thủ tục hoặc biểu."))
    label = models.CharField(_("tên"), max_length=200)
    valid_from = models.DateField(_("áp dụng từ"), null=True, blank=True)
    valid_to = models.DateField(_("áp dụng đến hết ngày"), null=True, blank=True)
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)
    note = models.CharField(_("ghi chú"), max_length=300, blank=True)
    history = HistoricalRecords()

    objects = LegalBasisQuerySet.as_manager()

    class Meta:
        ordering = ["topic", "order", "subject", "valid_from"]
        verbose_name = _("căn cứ áp dụng")
        verbose_name_plural = _("căn cứ áp dụng")

    def __str__(self):
        return f"{self.label} — {self.basis_text}"

    def clean(self):
        if self.valid_from and self.valid_to and self.valid_to < self.valid_from:
            raise ValidationError({"valid_to": _("Ngày kết thúc phải sau ngày bắt đầu.")})


class OwnBasisKind(models.TextChoices):
    CHARTER = "CHARTER", _("Điều lệ, quyết định thành lập, chức năng nhiệm vụ")
    REGULATION = "REGULATION", _("Quy chế, quy định thi đua, khen thưởng của đơn vị")


class OwnBasis(models.Model):
    """An organisation's own basis cited after the law, the decree and the circular in the
    decisions and tờ trình it issues: its charter and its emulation regulation."""

    organization = models.ForeignKey("organizations.Organization", models.CASCADE,
                                     related_name="own_bases", verbose_name=_("đơn vị"))
    kind = models.CharField(_("loại"), max_length=12, choices=OwnBasisKind.choices)
    wording = models.CharField(
        _("nội dung dẫn"), max_length=400,
        help_text=_("Phần sau chữ “Căn cứ”, ví dụ: Quy chế thi đua, khen thưởng ban hành kèm "
                    "theo Quyết định số 12/QĐ-LMHTX ngày 10/01/2025 của Liên minh HTX tỉnh."))
    valid_from = models.DateField(_("áp dụng từ"), null=True, blank=True)
    valid_to = models.DateField(_("áp dụng đến hết ngày"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["organization", "kind", "valid_from"]
        verbose_name = _("căn cứ riêng của đơn vị")
        verbose_name_plural = _("căn cứ riêng của đơn vị")

    def __str__(self):
        return self.wording

    def clean(self):
        if self.valid_from and self.valid_to and self.valid_to < self.valid_from:
            raise ValidationError({"valid_to": _("Ngày kết thúc phải sau ngày bắt đầu.")})

    def covers(self, day):
        return ((self.valid_from is None or self.valid_from <= day)
                and (self.valid_to is None or day <= self.valid_to))


class RegimeEngine(models.TextChoices):
    """The eligibility engine's rule tables (``awards.eligibility.ruleset``) a regime runs on."""

    LAW_2003 = "LAW_2003", _("Bộ quy tắc Luật TĐKT 2003")
    LAW_2022 = "LAW_2022", _("Bộ quy tắc Luật TĐKT 2022")


class RegimeQuerySet(models.QuerySet):
    def in_force(self, day):
        """Confirmed regimes in force on ``day`` (at most one by the overlap check)."""
        return self.filter(Q(valid_from__isnull=True) | Q(valid_from__lte=day),
                           Q(valid_to__isnull=True) | Q(valid_to__gte=day), confirmed=True)


class Regime(models.Model):
    """A set of law, decree and circular with its validity, as an administrator enters it when a
    new text changes the rules: which of the engine's rule tables judges it, the thresholds it
    sets (the engine's settings), and per topic which date decides and the transition (its
    ``rules``). Until confirmed it is never applied (docs/law.md, section 5)."""

    key = models.SlugField(_("mã"), max_length=40, unique=True)
    name = models.CharField(_("tên"), max_length=200)
    law = models.ForeignKey(LegalText, models.PROTECT, null=True, blank=True, related_name="+",
                            verbose_name=_("luật"))
    decree = models.ForeignKey(LegalText, models.PROTECT, null=True, blank=True,
                               related_name="+", verbose_name=_("nghị định"))
    circular = models.ForeignKey(LegalText, models.PROTECT, null=True, blank=True,
                                 related_name="+", verbose_name=_("thông tư"))
    engine = models.CharField(_("bộ quy tắc xét điều kiện"), max_length=12,
                              choices=RegimeEngine.choices, default=RegimeEngine.LAW_2022)
    settings = models.JSONField(
        _("ngưỡng riêng của chế độ"), default=dict, blank=True,
        help_text=_('Các ngưỡng của bộ quy tắc, ví dụ {"collective_ldtt_percent": 70}.'))
    valid_from = models.DateField(_("áp dụng từ"))
    valid_to = models.DateField(_("áp dụng đến hết ngày"), null=True, blank=True)
    confirmed = models.BooleanField(
        _("đã đối chiếu văn bản chính thức"), default=False,
        help_text=_("Chế độ chưa xác nhận không bao giờ được áp dụng."))
    history = HistoricalRecords()

    objects = RegimeQuerySet.as_manager()

    class Meta:
        ordering = ["valid_from"]
        verbose_name = _("chế độ thi đua, khen thưởng")
        verbose_name_plural = _("chế độ thi đua, khen thưởng")

    def __str__(self):
        return self.name

    def clean(self):
        if self.valid_to and self.valid_from and self.valid_to < self.valid_from:
            raise ValidationError({"valid_to": _("Ngày kết thúc phải sau ngày bắt đầu.")})
        overlapping = Regime.objects.exclude(pk=self.pk).filter(
            Q(valid_to__isnull=True) | Q(valid_to__gte=self.valid_from))
        if self.valid_to:
            overlapping = overlapping.filter(valid_from__lte=self.valid_to)
        if overlapping.exists():
            raise ValidationError(_("Thời gian áp dụng trùng với một chế độ khác; hãy cho chế độ "
                                    "cũ kết thúc trước ngày chế độ mới bắt đầu."))


class RegimeTopic(models.TextChoices):
    ELIGIBILITY = "ELIGIBILITY", _("Tiêu chuẩn, điều kiện")
    PROCEDURE = "PROCEDURE", _("Hồ sơ, thủ tục")
    MONEY = "MONEY", _("Tiền thưởng")


class DateBasis(models.TextChoices):
    RECEIPT = "RECEIPT", _("Ngày tiếp nhận hồ sơ")
    DECISION = "DECISION", _("Ngày quyết định (ngày xét)")
    ACHIEVEMENT_YEAR = "ACHIEVEMENT_YEAR", _("Năm thành tích")


class Transition(models.TextChoices):
    OLD = "OLD", _("Theo chế độ cũ")
    OLD_UNLESS_MORE_FAVOURABLE = "FAVOURABLE", _(
        "Theo chế độ cũ, trừ khi chế độ mới có lợi hơn")


class RegimeRule(models.Model):
    """For one topic of a regime: which date decides whether a case falls under it, and what a
    case dated before its start follows."""

    regime = models.ForeignKey(Regime, models.CASCADE, related_name="rules")
    topic = models.CharField(_("nội dung"), max_length=12, choices=RegimeTopic.choices)
    follows = models.CharField(_("căn cứ vào"), max_length=16, choices=DateBasis.choices,
                               default=DateBasis.DECISION)
    transition = models.CharField(_("chuyển tiếp"), max_length=12, choices=Transition.choices,
                                  default=Transition.OLD)
    article = models.CharField(_("điều khoản chuyển tiếp"), max_length=120, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("quy tắc áp dụng của chế độ")
        verbose_name_plural = _("quy tắc áp dụng của chế độ")
        constraints = [models.UniqueConstraint(fields=["regime", "topic"],
                                               name="one_rule_per_regime_topic")]

    def __str__(self):
        return f"{self.regime} — {self.get_topic_display()}"
