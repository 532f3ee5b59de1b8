"""Batch states and the other choice lists of the pipeline, with their Vietnamese labels."""
from django.db import models
from django.utils.translation import gettext_lazy as _


class State(models.TextChoices):
    DRAFT = "DRAFT", _("Nháp")
    SUBMITTED = "SUBMITTED", _("Đã gửi")
    RECEIVED = "RECEIVED", _("Đã tiếp nhận")
    RETURNED_FOR_CORRECTION = "RETURNED_FOR_CORRECTION", _("Trả lại bổ sung")
    IN_APPRAISAL = "IN_APPRAISAL", _("Đang thẩm định")
    PUBLICITY = "PUBLICITY", _("Đang công khai")
    AT_COUNCIL = "AT_COUNCIL", _("Chờ Hội đồng")
    DECIDED = "DECIDED", _("Đã quyết định")
    FORWARDED = "FORWARDED", _("Đã trình cấp trên")
    REJECTED = "REJECTED", _("Không được chấp thuận")
    WITHDRAWN = "WITHDRAWN", _("Đã rút")


# The main road shown as a stepper on the batch page.
STEPPER = [State.DRAFT, State.SUBMITTED, State.RECEIVED, State.IN_APPRAISAL, State.PUBLICITY,
           State.AT_COUNCIL, State.DECIDED]
FINAL_STATES = {State.DECIDED, State.FORWARDED, State.REJECTED, State.WITHDRAWN}
EDITABLE_STATES = {State.DRAFT, State.RETURNED_FOR_CORRECTION}


class Basis(models.TextChoices):
    MERIT = "MERIT", _("Công trạng")
    AD_HOC = "AD_HOC", _("Đột xuất")
    MOVEMENT = "MOVEMENT", _("Theo phong trào thi đua")
    CAREER = "CAREER", _("Quá trình cống hiến")
    FOREIGN = "FOREIGN", _("Đối ngoại")


class Procedure(models.TextChoices):
    STANDARD = "STANDARD", _("Thủ tục thông thường")
    SIMPLIFIED = "SIMPLIFIED", _("Thủ tục đơn giản")


class SimplifiedReason(models.TextChoices):
    """Law Art. 85: the five cases of the simplified procedure."""

    POLITICAL_TASK = "POLITICAL_TASK", _("Phục vụ nhiệm vụ chính trị, kịp thời động viên")
    OUTSTANDING = "OUTSTANDING", _("Thành tích xuất sắc đột xuất")
    HEAD_DISCOVERED = "HEAD_DISCOVERED", _("Thủ trưởng phát hiện, khen thưởng")
    CAREER_SERVICE = "CAREER_SERVICE", _("Cống hiến, niên hạn, đối ngoại")
    STATE_SECRET = "STATE_SECRET", _("Thành tích thuộc bí mật nhà nước")


class SubjectKind(models.TextChoices):
    INDIVIDUAL = "INDIVIDUAL", _("Cá nhân")
    COLLECTIVE = "COLLECTIVE", _("Tập thể")
    HOUSEHOLD = "HOUSEHOLD", _("Hộ gia đình")


class AttachmentKind(models.TextChoices):
    SUBMISSION_LETTER = "SUBMISSION_LETTER", _("Tờ trình")
    ACHIEVEMENT_REPORT = "ACHIEVEMENT_REPORT", _("Báo cáo thành tích")
    MINUTES = "MINUTES", _("Biên bản họp xét")
    BALLOT_RESULT = "BALLOT_RESULT", _("Kết quả bỏ phiếu")
    INITIATIVE_CERTIFICATE = "INITIATIVE_CERTIFICATE", _("Xác nhận sáng kiến, đề tài")
    OTHER = "OTHER", _("Tài liệu khác")


# Kinds that describe one nominee; the others belong to the batch as a whole.
ITEM_ATTACHMENT_KINDS = {AttachmentKind.ACHIEVEMENT_REPORT, AttachmentKind.INITIATIVE_CERTIFICATE}


class Verdict(models.TextChoices):
    PENDING = "PENDING", _("Chưa thẩm định")
    ELIGIBLE = "ELIGIBLE", _("Đủ điều kiện")
    NOT_ELIGIBLE = "NOT_ELIGIBLE", _("Không đủ điều kiện")


class CouncilResult(models.TextChoices):
    PENDING = "PENDING", _("Chưa xét")
    PASSED = "PASSED", _("Đạt")
    FAILED = "FAILED", _("Không đạt")
    NOT_REQUIRED = "NOT_REQUIRED", _("Không cần bỏ phiếu")


class ItemOutcome(models.TextChoices):
    OPEN = "OPEN", _("Đang xét")
    AWARDED = "AWARDED", _("Đã khen thưởng")
    FORWARDED = "FORWARDED", _("Đã trình cấp trên")
    NOT_AWARDED = "NOT_AWARDED", _("Không khen thưởng")


class VoteValue(models.TextChoices):
    AGREE = "AGREE", _("Đồng ý")
    DISAGREE = "DISAGREE", _("Không đồng ý")
    ABSTAIN = "ABSTAIN", _("Không biểu quyết")


class Opinion(models.TextChoices):
    """A department's opinion on one nominee (thẩm định phối hợp của các ban)."""

    PENDING = "PENDING", _("Chưa cho ý kiến")
    AGREE = "AGREE", _("Đồng ý")
    DISAGREE = "DISAGREE", _("Không đồng ý")
    NOTE = "NOTE", _("Có ý kiến khác")
