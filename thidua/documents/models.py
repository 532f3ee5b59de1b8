"""An organisation's own Word templates and certificate layouts, and batch certificate prints."""
from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.db import models
from django.utils.translation import gettext_lazy as _


def private_storage():
    """Under MEDIA_ROOT/van-ban, without a public URL: only permission-checked views serve it.
    File names are fixed per organisation and kind, or per decision, and overwritten, so a
    repeated upload or print never leaves a second copy."""
    return FileSystemStorage(location=settings.MEDIA_ROOT / "van-ban", base_url=None,
                             allow_overwrite=True)


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
