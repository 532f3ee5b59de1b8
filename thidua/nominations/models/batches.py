"""Tờ trình (NominationBatch), its nominees (Nomination), typed attachments and the transitions
table that is the batch's status history."""
import secrets

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from thidua.core.choices import CachedChoiceLabels
from thidua.core.links import pk_url
from thidua.core.scopes import ScopedQuerySet
from thidua.core.storage import PrivateFolderStorage
from thidua.organizations import scoping

from ..states import (AttachmentKind, Basis, CouncilResult, ItemOutcome, Procedure,
                      SimplifiedReason, State, SubjectKind, Verdict)


def private_storage():
    """Files live under MEDIA_ROOT/ho-so and have no public URL: only the download view serves
    them, after a permission check."""
    return PrivateFolderStorage("ho-so")


class BatchQuerySet(ScopedQuerySet):
    def visible_to(self, user):
        """Batches the user's units proposed or were asked to decide."""
        return self.filter(scoping.organization_q(user, prefix="proposer__")
                           | scoping.organization_q(user, prefix="authority__"))


class NominationBatch(CachedChoiceLabels, models.Model):
    """A tờ trình: one proposing unit asks one authority to award a list of nominees."""

    proposer = models.ForeignKey("organizations.Organization", models.PROTECT,
                                 related_name="proposed_batches", verbose_name=_("đơn vị đề nghị"))
    authority = models.ForeignKey("organizations.Organization", models.PROTECT,
                                  related_name="received_batches",
                                  verbose_name=_("cấp xét khen thưởng"))
    title = models.CharField(_("trích yếu"), max_length=300)
    reference = models.CharField(_("số tờ trình"), max_length=64, blank=True)
    basis = models.CharField(_("loại hình khen thưởng"), max_length=10, choices=Basis.choices,
                             default=Basis.MERIT)
    movement = models.ForeignKey("movements.Movement", models.PROTECT, null=True, blank=True,
                                 related_name="nomination_batches",
                                 verbose_name=_("phong trào thi đua"))
    # The movement's name as shown and printed: the linked movement's title, or the name of a
    # movement outside the system (or not matched when the link was introduced).
    movement_name = models.CharField(_("tên phong trào"), max_length=300, blank=True,
                                     help_text=_("Phong trào ngoài hệ thống: nhập tên."))
    year = models.PositiveSmallIntegerField(_("năm thành tích"))
    procedure = models.CharField(_("thủ tục"), max_length=10, choices=Procedure.choices,
                                 default=Procedure.STANDARD)
    simplified_reason = models.CharField(_("trường hợp thủ tục đơn giản"), max_length=16,
                                         choices=SimplifiedReason.choices, blank=True)
    state = models.CharField(_("trạng thái"), max_length=24, choices=State.choices,
                             default=State.DRAFT, db_index=True)
    due_on = models.DateField(_("hạn xử lý"), null=True, blank=True)
    appraiser = models.ForeignKey("accounts.User", models.PROTECT, null=True, blank=True,
                                  related_name="+", verbose_name=_("cán bộ thẩm định"))
    origin = models.ForeignKey("self", models.PROTECT, null=True, blank=True,
                               related_name="forwarded_batches",
                               verbose_name=_("tờ trình cấp dưới"))
    external_authority = models.CharField(_("cơ quan ngoài hệ thống"), max_length=200, blank=True)
    external_reference = models.CharField(_("số văn bản trình"), max_length=100, blank=True)
    external_outcome = models.TextField(_("kết quả từ cơ quan ngoài hệ thống"), blank=True)
    created_by = models.ForeignKey("accounts.User", models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    objects = BatchQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["year", "state"], name="batch_year_state_idx")]
        verbose_name = _("tờ trình đề nghị khen thưởng")
        verbose_name_plural = _("tờ trình đề nghị khen thưởng")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return pk_url("nominations:batch_detail", self.pk)

    @property
    def is_overdue(self):
        return bool(self.due_on and self.due_on < timezone.localdate()
                    and self.state in {State.SUBMITTED, State.RECEIVED, State.IN_APPRAISAL})


class NominationQuerySet(ScopedQuerySet):
    def visible_to(self, user):
        """Nominees of the batches the user can see."""
        return self.filter(batch__in=NominationBatch.objects.visible_to(user).values("pk"))


class Nomination(models.Model):
    """One nominee of a batch for one award type, with the appraisal and the council result."""

    batch = models.ForeignKey(NominationBatch, models.CASCADE, related_name="items")
    subject_kind = models.CharField(_("đối tượng"), max_length=10, choices=SubjectKind.choices)
    person = models.ForeignKey("organizations.Person", models.PROTECT, null=True, blank=True,
                               related_name="nominations", verbose_name=_("cá nhân"))
    organization = models.ForeignKey("organizations.Organization", models.PROTECT, null=True,
                                     blank=True, related_name="nominations",
                                     verbose_name=_("tập thể"))
    household_name = models.CharField(_("tên hộ gia đình"), max_length=200, blank=True)
    award_type = models.ForeignKey("awards.AwardType", models.PROTECT, related_name="nominations",
                                   verbose_name=_("danh hiệu, hình thức"))
    achievement = models.TextField(_("tóm tắt thành tích"), blank=True)
    engine_verdict = models.JSONField(_("kết quả kiểm tra tự động"), null=True, blank=True)
    verdict = models.CharField(_("kết quả thẩm định"), max_length=12, choices=Verdict.choices,
                               default=Verdict.PENDING)
    verdict_reason = models.TextField(_("nhận xét thẩm định"), blank=True)
    override_reason = models.TextField(_("lý do khác kết quả kiểm tra tự động"), blank=True)
    appraised_by = models.ForeignKey("accounts.User", models.PROTECT, null=True, blank=True,
                                     related_name="+")
    # Departments still silent when the appraiser concluded and confirmed concluding anyway
    # (empty when every department asked had answered).
    concluded_without = models.TextField(_("kết luận khi chưa đủ ý kiến của"), blank=True)
    council_result = models.CharField(_("kết quả Hội đồng"), max_length=12,
                                      choices=CouncilResult.choices, default=CouncilResult.PENDING)
    outcome = models.CharField(_("kết quả"), max_length=12, choices=ItemOutcome.choices,
                               default=ItemOutcome.OPEN)
    forwarded_as = models.OneToOneField("self", models.SET_NULL, null=True, blank=True,
                                        related_name="forwarded_from")

    objects = NominationQuerySet.as_manager()

    class Meta:
        ordering = ["pk"]
        verbose_name = _("hồ sơ đề nghị")
        verbose_name_plural = _("hồ sơ đề nghị")
        constraints = [models.CheckConstraint(
            condition=Q(person__isnull=False, organization__isnull=True)
            | Q(person__isnull=True, organization__isnull=False), name="nomination_one_subject")]

    def __str__(self):
        return f"{self.subject_name} — {self.award_type.abbreviation}"

    @property
    def subject(self):
        return self.person or self.organization

    @property
    def subject_name(self):
        if self.subject_kind == SubjectKind.HOUSEHOLD and self.household_name:
            return self.household_name
        return str(self.subject)

    @property
    def engine_verdict_worded(self):
        """The engine's verdict with its sentences in the active language where the record holds
        them (verdicts recorded before both languages were kept stay as they were said)."""
        verdict = self.engine_verdict
        wording = (verdict or {}).get("wording", {}).get(get_language())
        return {**verdict, **wording} if wording else verdict

    @property
    def engine_eligible(self):
        """True/False when the engine could judge; None for types it cannot judge by machine
        (``undetermined``, or older records: nothing missing but not eligible) or when it was
        not run."""
        verdict = self.engine_verdict
        if not verdict or verdict.get("undetermined"):
            return None
        if verdict.get("eligible"):
            return True
        return False if verdict.get("missing") else None


def attachment_path(instance, filename):
    return f"{instance.batch_id}/{secrets.token_hex(8)}-{filename[-80:]}"


class Attachment(models.Model):
    """A file of the dossier (checked by content and size on upload), for the batch or one item."""

    batch = models.ForeignKey(NominationBatch, models.CASCADE, related_name="attachments")
    item = models.ForeignKey(Nomination, models.CASCADE, null=True, blank=True,
                             related_name="attachments")
    kind = models.CharField(_("loại tài liệu"), max_length=24, choices=AttachmentKind.choices)
    file = models.FileField(_("tệp"), upload_to=attachment_path, storage=private_storage,
                            max_length=255)
    original_name = models.CharField(_("tên tệp"), max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    uploaded_by = models.ForeignKey("accounts.User", models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("tài liệu đính kèm")
        verbose_name_plural = _("tài liệu đính kèm")

    def __str__(self):
        return self.original_name


class Transition(models.Model):
    """One state change of a batch: the status history is these rows."""

    batch = models.ForeignKey(NominationBatch, models.CASCADE, related_name="transitions")
    from_state = models.CharField(_("từ"), max_length=24, choices=State.choices, blank=True)
    to_state = models.CharField(_("sang"), max_length=24, choices=State.choices)
    actor = models.ForeignKey("accounts.User", models.PROTECT, related_name="+",
                              verbose_name=_("người thực hiện"))
    at = models.DateTimeField(_("lúc"), default=timezone.now)
    note = models.TextField(_("ghi chú"), blank=True)
    # The step's facts, stored when the row is written (nominations.steps) so that the
    # dashboard's step panel is one grouped aggregate: working days since the batch's previous
    # transition (null for its first), and whether this came after the batch's deadline.
    working_days = models.PositiveIntegerField(null=True, blank=True, editable=False)
    late = models.BooleanField(default=False, editable=False)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("chuyển trạng thái")
        verbose_name_plural = _("lịch sử trạng thái")


class Disclosure(models.Model):
    """Công khai: the nominee list on a public page for a comment window."""

    batch = models.OneToOneField(NominationBatch, models.CASCADE, related_name="disclosure")
    token = models.CharField(max_length=64, unique=True, default=secrets.token_urlsafe)
    starts_on = models.DateField(_("từ ngày"))
    ends_on = models.DateField(_("đến ngày"))
    opened_by = models.ForeignKey("accounts.User", models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("công khai danh sách")
        verbose_name_plural = _("công khai danh sách")

    @property
    def is_open(self):
        today = timezone.localdate()
        return self.starts_on <= today <= self.ends_on


class PublicComment(models.Model):
    disclosure = models.ForeignKey(Disclosure, models.CASCADE, related_name="comments")
    name = models.CharField(_("họ tên"), max_length=120)
    contact = models.CharField(_("điện thoại hoặc thư điện tử"), max_length=120, blank=True)
    body = models.TextField(_("ý kiến"), max_length=4000)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("ý kiến góp ý")
        verbose_name_plural = _("ý kiến góp ý")
