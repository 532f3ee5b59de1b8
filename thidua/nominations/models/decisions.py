"""Quyết định khen thưởng: numbered per issuer per year without gaps, immutable once issued."""
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from thidua.core.scopes import ScopedQuerySet
from thidua.organizations import scoping


class SigningMethods(models.TextChoices):
    """Which ways of signing an organisation accepts for its decisions (docs/signing.md)."""
    ANY = "ANY", _("USB token của người ký hoặc ký số từ máy chủ")
    TOKEN = "TOKEN", _("Chỉ USB token của người ký (qua phần mềm ký số trên máy)")
    SERVER = "SERVER", _("Chỉ ký số từ máy chủ (dịch vụ ký số từ xa)")


class IssuerSettings(models.Model):
    """How an organisation numbers and signs its decisions (symbol such as QĐ-LMHTX)."""

    organization = models.OneToOneField("organizations.Organization", models.CASCADE,
                                        related_name="issuer_settings")
    decision_symbol = models.CharField(_("ký hiệu quyết định"), max_length=32,
                                       help_text=_("Ví dụ: QĐ-LMHTX"))
    place_name = models.CharField(_("địa danh"), max_length=64, blank=True)
    signer_title = models.CharField(_("chức danh người ký"), max_length=120, blank=True)
    signing_methods = models.CharField(
        _("cách ký số quyết định"), max_length=8, choices=SigningMethods.choices,
        default=SigningMethods.ANY)
    sign_submissions = models.BooleanField(
        _("ký số tờ trình"), default=False,
        help_text=_("Tờ trình của đơn vị phải được người ký của đơn vị ký số (cùng các cách ký "
                    "trên) trước khi gửi lên cấp trên."))

    class Meta:
        verbose_name = _("thiết lập ban hành quyết định")
        verbose_name_plural = _("thiết lập ban hành quyết định")

    def __str__(self):
        return f"{self.organization} — {self.decision_symbol}"

    @property
    def allows_token(self):
        return self.signing_methods != SigningMethods.SERVER

    @property
    def allows_server(self):
        return self.signing_methods != SigningMethods.TOKEN


class Counter(models.Model):
    """The last number used per (issuer, year, kind); locked with SELECT … FOR UPDATE to hand
    out the next one, so numbers are unique and gapless under concurrency."""

    DECISION, REGISTER = "DECISION", "REGISTER"

    issuer = models.ForeignKey("organizations.Organization", models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField()
    kind = models.CharField(max_length=8)
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["issuer", "year", "kind"],
                                               name="one_counter_per_issuer_year_kind")]


class DecisionState(models.TextChoices):
    DRAFT = "DRAFT", _("Dự thảo")
    ISSUED = "ISSUED", _("Đã ban hành")


class DecisionQuerySet(ScopedQuerySet):
    def visible_to(self, user):
        """Decisions of an issuer where the user holds a role (``nominations.view_decision``)."""
        return self.filter(scoping.organization_q(user, prefix="issuer__"))

    def public(self):
        """Issued decisions: public documents, which anyone may check by their signed token
        (a draft is not one)."""
        return self.unscoped("an issued decision is a public document").filter(
            state=DecisionState.ISSUED)


class Decision(models.Model):
    issuer = models.ForeignKey("organizations.Organization", models.PROTECT,
                               related_name="decisions", verbose_name=_("cơ quan ban hành"))
    year = models.PositiveSmallIntegerField(_("năm"))
    number = models.PositiveIntegerField(_("số"), null=True, blank=True)
    symbol = models.CharField(_("ký hiệu"), max_length=32)
    date = models.DateField(_("ngày ký"), null=True, blank=True)
    title = models.CharField(_("trích yếu"), max_length=300)
    legal_bases = models.TextField(_("căn cứ"), blank=True)
    signer_name = models.CharField(_("người ký"), max_length=120, blank=True)
    signer_title = models.CharField(_("chức danh người ký"), max_length=120, blank=True)
    signer = models.ForeignKey("accounts.User", models.PROTECT, null=True, blank=True,
                               related_name="+")
    batch = models.ForeignKey("nominations.NominationBatch", models.PROTECT, null=True,
                              blank=True, related_name="decisions")
    state = models.CharField(_("trạng thái"), max_length=8, choices=DecisionState.choices,
                             default=DecisionState.DRAFT)
    created_by = models.ForeignKey("accounts.User", models.PROTECT, related_name="+")

    objects = DecisionQuerySet.as_manager()

    class Meta:
        ordering = ["-year", "-number", "-pk"]
        verbose_name = _("quyết định khen thưởng")
        verbose_name_plural = _("quyết định khen thưởng")
        constraints = [models.UniqueConstraint(fields=["issuer", "year", "number"],
                                               name="decision_number_unique_per_issuer_year")]

    def __str__(self):
        return self.reference or str(_("Dự thảo quyết định"))

    def get_absolute_url(self):
        return reverse("nominations:decision_detail", args=[self.pk])

    @property
    def signing_name(self):
        """The name under the signature: the one typed on the decision, else the name of the user
        who signed it (the page, the DOCX/PDF and the certificates print the same)."""
        if self.signer_name:
            return self.signer_name
        return self.signer.get_full_name() if self.signer_id else ""

    @property
    def reference(self):
        """"123/QĐ-LMHTX" once issued (leading zero below 10, as NĐ 30/2020 asks)."""
        return f"{self.number:02d}/{self.symbol}" if self.number else ""

    @property
    def is_partly_revoked(self):
        return self.awards.filter(status="REVOKED").exists()


class DecisionItem(models.Model):
    decision = models.ForeignKey(Decision, models.CASCADE, related_name="items")
    nomination = models.OneToOneField("nominations.Nomination", models.PROTECT,
                                      related_name="decision_item")
    money_amount = models.PositiveIntegerField(_("tiền thưởng (đồng)"), default=0)
    register_number = models.CharField(_("số vào sổ vàng"), max_length=32, blank=True)
    award = models.OneToOneField("awards.Award", models.PROTECT, null=True, blank=True,
                                 related_name="decision_item")

    class Meta:
        ordering = ["pk"]
