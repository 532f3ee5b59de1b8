"""An organisation's own Word templates and certificate layouts, and batch certificate prints."""
from django.db import models
from django.utils.translation import gettext_lazy as _

from thidua.core.storage import PrivateFolderStorage


def private_storage():
    """Under MEDIA_ROOT/van-ban, without a public URL: only permission-checked views serve it.
    File names are fixed per organisation and kind, or per decision, and overwritten, so a
    repeated upload or print never leaves a second copy."""
    return PrivateFolderStorage("van-ban", allow_overwrite=True)


class TemplateKind(models.TextChoices):
    DECISION = "decision", _("Quyết định khen thưởng")
    PROPOSAL = "proposal", _("Tờ trình đề nghị khen thưởng (Mẫu 01)")
    ANNEX = "annex", _("Danh sách kèm theo tờ trình")
    MINUTES = "minutes", _("Biên bản họp Hội đồng")
    TALLY = "tally", _("Biên bản kiểm phiếu")
    REPORT_INDIVIDUAL = "report_individual", _("Báo cáo thành tích cá nhân")
    REPORT_COLLECTIVE = "report_collective", _("Báo cáo thành tích tập thể")


def template_path(instance, filename):
    return f"mau/{instance.organization_id}/{instance.kind}.docx"


class WordTemplate(models.Model):
    """An organisation's own .docx for one kind of document (checked placeholders)."""

    organization = models.ForeignKey("organizations.Organization", models.CASCADE,
                                     related_name="word_templates", verbose_name=_("đơn vị"))
    kind = models.CharField(_("loại văn bản"), max_length=20, choices=TemplateKind.choices)
    file = models.FileField(_("tệp mẫu"), upload_to=template_path, storage=private_storage)
    original_name = models.CharField(_("tên tệp"), max_length=255)
    uploaded_by = models.ForeignKey("accounts.User", models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(_("lúc tải lên"), auto_now=True)

    class Meta:
        verbose_name = _("mẫu văn bản Word")
        verbose_name_plural = _("mẫu văn bản Word")
        constraints = [models.UniqueConstraint(fields=["organization", "kind"],
                                               name="one_word_template_per_kind")]

    def __str__(self):
        return f"{self.organization} — {self.get_kind_display()}"


def logo_path(instance, filename):
    return f"bieu-trung/{instance.organization_id}/{instance.award_type_id or 'chung'}.png"


class Paper(models.TextChoices):
    A3_LANDSCAPE = "A3", _("A3 ngang (420 × 297 mm)")
    A4_LANDSCAPE = "A4", _("A4 ngang (297 × 210 mm)")


class CertificateTemplate(models.Model):
    """How one issuer prints certificates of one award type (or all types when blank).

    In pre-printed mode only the variable fields are printed, each at ``fields[name]`` =
    {"x": mm from the left, "y": mm from the top, "size": pt, "bold": bool}, shifted by the
    calibration offsets measured on a test print.
    """

    organization = models.ForeignKey("organizations.Organization", models.CASCADE,
                                     related_name="certificate_templates",
                                     verbose_name=_("đơn vị ban hành"))
    award_type = models.ForeignKey("awards.AwardType", models.CASCADE, null=True, blank=True,
                                   related_name="+", verbose_name=_("loại khen thưởng"),
                                   help_text=_("Để trống: dùng cho mọi loại khen thưởng."))
    paper = models.CharField(_("khổ giấy"), max_length=2, choices=Paper.choices,
                             default=Paper.A3_LANDSCAPE)
    preprinted = models.BooleanField(_("in trên phôi in sẵn"), default=False)
    authority_line = models.CharField(_("dòng thẩm quyền"), max_length=200, blank=True,
                                      help_text=_("Ví dụ: CHỦ TỊCH LIÊN MINH HỢP TÁC XÃ VIỆT "
                                                  "NAM. Để trống: lấy theo người ký."))
    offset_x = models.DecimalField(_("căn chỉnh ngang (mm)"), max_digits=5, decimal_places=1,
                                   default=0)
    offset_y = models.DecimalField(_("căn chỉnh dọc (mm)"), max_digits=5, decimal_places=1,
                                   default=0)
    fields = models.JSONField(_("vị trí các trường"), default=dict, blank=True)
    logo = models.ImageField(_("biểu trưng của cơ quan"), upload_to=logo_path,
                             storage=private_storage, blank=True,
                             help_text=_("PNG hoặc JPEG, in ở giữa phía trên quốc hiệu khi in "
                                         "trên giấy trắng. Các mẫu khác của đơn vị chưa có "
                                         "biểu trưng dùng biểu trưng này."))
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("mẫu in bằng khen, giấy khen")
        verbose_name_plural = _("mẫu in bằng khen, giấy khen")
        constraints = [models.UniqueConstraint(fields=["organization", "award_type"],
                                               name="one_certificate_template_per_type")]

    def __str__(self):
        return f"{self.organization} — {self.award_type or _('mọi loại')}"


class PrintState(models.TextChoices):
    QUEUED = "QUEUED", _("Đang chờ")
    RUNNING = "RUNNING", _("Đang in")
    DONE = "DONE", _("Hoàn thành")
    FAILED = "FAILED", _("Lỗi")


def print_path(instance, filename):
    return f"in/quyet-dinh-{instance.decision_id}.pdf"


class CertificatePrint(models.Model):
    """The batch PDF of a decision's certificates: one row and one file per decision, so a
    retried or repeated job overwrites rather than duplicates."""

    decision = models.OneToOneField("nominations.Decision", models.CASCADE,
                                    related_name="certificate_print")
    state = models.CharField(_("trạng thái"), max_length=8, choices=PrintState.choices,
                             default=PrintState.QUEUED)
    done = models.PositiveIntegerField(_("đã in"), default=0)
    total = models.PositiveIntegerField(_("tổng số"), default=0)
    file = models.FileField(upload_to=print_path, storage=private_storage, blank=True)
    error = models.TextField(blank=True)
    requested_by = models.ForeignKey("accounts.User", models.PROTECT, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("lượt in bằng khen theo quyết định")
        verbose_name_plural = _("lượt in bằng khen theo quyết định")

    @property
    def percent(self):
        return self.done * 100 // self.total if self.total else 0


class SignerCertificate(models.Model):
    """A certificate recorded on a signer's account: a signed PDF is accepted from them only when
    it is signed with one of theirs (docs/signing.md)."""

    user = models.ForeignKey("accounts.User", models.CASCADE, related_name="signing_certificates",
                             verbose_name=_("tài khoản"))
    subject = models.CharField(_("chủ thể"), max_length=500)
    serial = models.CharField(_("số hiệu"), max_length=64)
    issuer = models.CharField(_("tổ chức cấp"), max_length=300)
    valid_from = models.DateTimeField(_("hiệu lực từ"))
    valid_until = models.DateTimeField(_("hiệu lực đến"))
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("chứng thư số của người ký")
        verbose_name_plural = _("chứng thư số của người ký")
        constraints = [models.UniqueConstraint(fields=["user", "serial"],
                                               name="one_row_per_signer_certificate")]

    def __str__(self):
        return f"{self.subject} ({self.serial})"


def signed_path(instance, filename):
    return f"ky-so/quyet-dinh-{instance.decision_id}-v{instance.version}.pdf"


class SignedOriginal(models.Model):
    """A digitally signed original (PAdES), checked before it was stored: who signed, with which
    certificate, when. The newest version is the original; a later signature is a new version,
    never an edit. ``sha256`` is the signed revision's digest ("Kiểm tra tệp PDF" matches by it)."""

    version = models.PositiveSmallIntegerField(_("phiên bản"))
    sha256 = models.CharField(max_length=64, db_index=True)
    signed_by = models.ForeignKey("accounts.User", models.PROTECT, related_name="+")
    signer_name = models.CharField(_("người ký"), max_length=200)
    subject = models.CharField(_("chủ thể chứng thư"), max_length=500)
    serial = models.CharField(_("số hiệu chứng thư"), max_length=64)
    issuer = models.CharField(_("tổ chức cấp chứng thư"), max_length=300)
    signed_at = models.DateTimeField(_("thời điểm ký"))
    method = models.CharField(_("cách ký"), max_length=16)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        abstract = True


class SignedDecision(SignedOriginal):
    """A digitally signed original of an issued decision."""

    decision = models.ForeignKey("nominations.Decision", models.PROTECT,
                                 related_name="signed_versions")
    file = models.FileField(upload_to=signed_path, storage=private_storage)

    class Meta:
        ordering = ["decision", "-version"]
        verbose_name = _("bản quyết định đã ký số")
        verbose_name_plural = _("bản quyết định đã ký số")
        constraints = [models.UniqueConstraint(fields=["decision", "version"],
                                               name="one_signed_decision_per_version")]

    def __str__(self):
        return f"{self.decision} v{self.version}"


def signed_submission_path(instance, filename):
    return f"ky-so/to-trinh-{instance.batch_id}-v{instance.version}.pdf"


class SignedSubmission(SignedOriginal):
    """A tờ trình signed by its proposing unit's signer, where the unit's settings ask for it
    (``IssuerSettings.sign_submissions``). ``content_sha256``: the unsigned PDF that was signed,
    so a tờ trình changed after signing is known."""

    batch = models.ForeignKey("nominations.NominationBatch", models.PROTECT,
                              related_name="signed_submissions")
    file = models.FileField(upload_to=signed_submission_path, storage=private_storage)
    content_sha256 = models.CharField(max_length=64)

    class Meta:
        ordering = ["batch", "-version"]
        verbose_name = _("bản tờ trình đã ký số")
        verbose_name_plural = _("bản tờ trình đã ký số")
        constraints = [models.UniqueConstraint(fields=["batch", "version"],
                                               name="one_signed_submission_per_version")]

    def __str__(self):
        return f"{self.batch} v{self.version}"


def session_path(instance, filename):
    return f"ky-so/phien/{instance.digest}.pdf"


class SigningSession(models.Model):
    """One attempt to sign a decision or a tờ trình (one of the two) through the signer's local
    agent: the one-time download and upload addresses are bound to its token
    (documents/signing/agent.py)."""

    decision = models.ForeignKey("nominations.Decision", models.CASCADE, related_name="+",
                                 null=True, blank=True)
    batch = models.ForeignKey("nominations.NominationBatch", models.CASCADE, related_name="+",
                              null=True, blank=True)
    user = models.ForeignKey("accounts.User", models.CASCADE, related_name="+")
    digest = models.CharField(max_length=64, unique=True)  # SHA-256 of the token (never kept)
    prepared = models.FileField(upload_to=session_path, storage=private_storage, blank=True)
    expires_at = models.DateTimeField()
    downloaded_at = models.DateTimeField(null=True, blank=True)
    uploaded_at = models.DateTimeField(null=True, blank=True)
    signed = models.ForeignKey(SignedDecision, models.SET_NULL, null=True, blank=True,
                               related_name="+")
    signed_submission = models.ForeignKey(SignedSubmission, models.SET_NULL, null=True,
                                          blank=True, related_name="+")
    error = models.TextField(blank=True)
    # A digest-signing agent's session: where the CMS goes in ``prepared`` ("start", "end") and
    # the length of the unsigned PDF it begins with ("unsigned"); empty for the VGCA agent.
    byte_range = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("phiên ký số")
        verbose_name_plural = _("phiên ký số")


def sealed_path(instance, filename):
    return f"ky-so/bang-khen-{instance.award_id}.pdf"


class SealedCertificate(models.Model):
    """An award's certificate sealed with its issuer's organisation seal (PAdES, the key in a
    PKCS#11 token), checked before it was stored: the certificate's original. One per award;
    the file name is fixed, so a retried job overwrites rather than duplicates."""

    award = models.OneToOneField("awards.Award", models.PROTECT,
                                 related_name="sealed_certificate")
    file = models.FileField(upload_to=sealed_path, storage=private_storage)
    sha256 = models.CharField(max_length=64, db_index=True)
    organisation = models.CharField(_("cơ quan đóng dấu"), max_length=300)
    serial = models.CharField(_("số hiệu chứng thư"), max_length=64)
    issuer = models.CharField(_("tổ chức cấp chứng thư"), max_length=300)
    signed_at = models.DateTimeField(_("thời điểm đóng dấu"))
    method = models.CharField(_("cách ký"), max_length=16)
    sealed_by = models.ForeignKey("accounts.User", models.PROTECT, related_name="+",
                                  verbose_name=_("người đóng dấu"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("bằng khen, giấy khen đã đóng dấu số")
        verbose_name_plural = _("bằng khen, giấy khen đã đóng dấu số")

    def __str__(self):
        return f"{self.award} — {self.organisation}"
