"""An intake: what was read from a lower unit's files (Word tờ trình, Excel list or a dossier
package), kept for the officer's review until it becomes a nomination batch or is discarded."""
import secrets

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from thidua.core.scopes import ScopedQuerySet
from thidua.nominations.models.batches import private_storage


class Source(models.TextChoices):
    WORD = "WORD", _("Tờ trình Word")
    EXCEL = "EXCEL", _("Danh sách Excel")
    PACKAGE = "PACKAGE", _("Gói hồ sơ điện tử")


class Status(models.TextChoices):
    OPEN = "OPEN", _("Chờ rà soát")
    COMMITTED = "COMMITTED", _("Đã tạo tờ trình")
    DISCARDED = "DISCARDED", _("Đã hủy")


class IntakeQuerySet(ScopedQuerySet):
    def visible_to(self, user):
        """Intakes of units where the user may propose (the same people who may create the
        batch the intake becomes)."""
        from thidua.nominations.rules import PROPOSERS
        from thidua.organizations.scoping import organization_q

        return self.filter(organization_q(user, PROPOSERS, prefix="proposer__"))


class Intake(models.Model):
    """The rows and their matches are JSON (see ``thidua.interchange.reading.Row``): they are a
    proposal under review, not records; committing turns them into Nomination rows."""

    source = models.CharField(_("nguồn"), max_length=8, choices=Source.choices)
    status = models.CharField(_("trạng thái"), max_length=10, choices=Status.choices,
                              default=Status.OPEN)
    proposer = models.ForeignKey("organizations.Organization", models.PROTECT, related_name="+",
                                 verbose_name=_("đơn vị đề nghị"))
    authority = models.ForeignKey("organizations.Organization", models.PROTECT, related_name="+",
                                  verbose_name=_("cấp xét khen thưởng"))
    title = models.CharField(_("trích yếu"), max_length=300)
    reference = models.CharField(_("số tờ trình"), max_length=64, blank=True)
    letter_date = models.DateField(_("ngày tờ trình"), null=True, blank=True)
    year = models.PositiveSmallIntegerField(_("năm thành tích"))
    award_codes = models.JSONField(_("danh hiệu, hình thức nêu trong văn bản"), default=list)
    rows = models.JSONField(_("danh sách đọc được"), default=list)
    problems = models.JSONField(_("vấn đề của văn bản"), default=list)
    past_awards = models.JSONField(_("khen thưởng đã nhận (từ báo cáo thành tích)"), default=list)
    manifest = models.JSONField(_("bản kê của gói hồ sơ"), null=True, blank=True)
    batch = models.OneToOneField("nominations.NominationBatch", models.SET_NULL, null=True,
                                 blank=True, related_name="intake", verbose_name=_("tờ trình"))
    created_by = models.ForeignKey("accounts.User", models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    objects = IntakeQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("hồ sơ tiếp nhận")
        verbose_name_plural = _("hồ sơ tiếp nhận")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("interchange:intake_review", args=[self.pk])


class FileRole(models.TextChoices):
    LETTER = "LETTER", _("Tờ trình")
    ANNEX = "ANNEX", _("Danh sách kèm theo")
    REPORT = "REPORT", _("Báo cáo thành tích")
    MINUTES = "MINUTES", _("Biên bản họp xét")
    BALLOT_RESULT = "BALLOT_RESULT", _("Kết quả bỏ phiếu")
    OTHER = "OTHER", _("Tài liệu khác")
    PACKAGE = "PACKAGE", _("Gói hồ sơ")


def intake_file_path(instance, filename):
    return f"lien-thong/{instance.intake_id}/{secrets.token_hex(8)}-{filename[-80:]}"


class IntakeFile(models.Model):
    """An uploaded file kept with the intake; on commit it becomes an Attachment of the batch
    (an achievement report of the nominee on row ``row``)."""

    intake = models.ForeignKey(Intake, models.CASCADE, related_name="files")
    role = models.CharField(_("loại"), max_length=16, choices=FileRole.choices)
    row = models.PositiveIntegerField(_("dòng"), null=True, blank=True)
    file = models.FileField(_("tệp"), upload_to=intake_file_path, storage=private_storage,
                            max_length=255)
    original_name = models.CharField(_("tên tệp"), max_length=255)
    sha256 = models.CharField(max_length=64)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("tệp tiếp nhận")
        verbose_name_plural = _("tệp tiếp nhận")

    def __str__(self):
        return self.original_name
