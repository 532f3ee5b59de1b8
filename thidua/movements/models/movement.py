from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from thidua.core.scopes import ScopedQuerySet
from thidua.core.text import normalize
from thidua.organizations import scoping, tree


class MovementKind(models.TextChoices):
    REGULAR = "REGULAR", _("Thường xuyên (hằng năm)")
    THEMATIC = "THEMATIC", _("Chuyên đề")
    SHORT_TERM = "SHORT_TERM", _("Theo đợt (ngắn ngày, đột xuất)")
    ANNIVERSARY = "ANNIVERSARY", _("Chào mừng ngày lễ, kỷ niệm")


class MovementStatus(models.TextChoices):
    DRAFT = "DRAFT", _("Nháp")
    LAUNCHED = "LAUNCHED", _("Đã phát động")
    CLOSED = "CLOSED", _("Đã tổng kết")


class Window(models.TextChoices):
    NOT_STARTED = "NOT_STARTED", _("Chưa mở")
    OPEN = "OPEN", _("Đang mở")
    CLOSED = "CLOSED", _("Đã đóng")


PUBLISHED = [MovementStatus.LAUNCHED, MovementStatus.CLOSED]


class MovementQuerySet(ScopedQuerySet):
    def visible_to(self, user):
        """Movements launched in the user's scope, or launched above and covering one of the
        user's own units (what reaches that unit's inbox)."""
        condition = scoping.organization_q(user, prefix="launched_by__")
        for _role, _unit, path, _descendants in scoping.assignments(user):
            condition |= Q(status__in=PUBLISHED) & covering_path_q(path)
        return self.filter(condition).distinct()

    def covering(self, unit):
        """Launched movements whose scope includes ``unit``: its inbox. Scoped by the unit, which
        the caller has checked the user may see (``movements.view_level``)."""
        return self.covering_path(unit.path)

    def covering_path(self, path):
        """Launched movements whose scope includes the unit at ``path`` (a unit the caller has
        checked, or one of the user's own assignments)."""
        return self.in_scope(Q(status__in=PUBLISHED) & covering_path_q(path)).distinct()


def covering_path_q(path):
    """Movements whose scope includes the unit with materialised ``path``: launched by one of its
    ancestors (or itself) for the whole subtree, or choosing one of them explicitly."""
    ancestor_paths = tree.ancestor_paths(path)
    return (Q(scope_chosen=False, launched_by__path__in=ancestor_paths)
            | Q(scope_chosen=True, chosen_units__path__in=ancestor_paths))


class Movement(models.Model):
    """An emulation movement launched by a level; a lower level may derive its own from it."""

    launched_by = models.ForeignKey("organizations.Organization", models.PROTECT,
                                    related_name="movements", verbose_name=_("cấp phát động"))
    parent = models.ForeignKey("self", models.PROTECT, null=True, blank=True,
                               related_name="derived", verbose_name=_("triển khai từ phong trào"))
    kind = models.CharField(_("loại phong trào"), max_length=12, choices=MovementKind.choices)
    title = models.CharField(_("tên phong trào"), max_length=300)
    slogan = models.CharField(_("khẩu hiệu"), max_length=300, blank=True)
    goals = models.TextField(_("mục tiêu"))
    content = models.TextField(_("nội dung"), blank=True)
    for_collectives = models.BooleanField(_("tập thể"), default=True)
    for_individuals = models.BooleanField(_("cá nhân"), default=True)
    for_households = models.BooleanField(_("hộ gia đình"), default=False)
    target_categories = models.JSONField(
        _("đối tượng cá nhân"), default=list, blank=True,
        help_text=_("Để trống là mọi đối tượng; có thể chọn cán bộ, thành viên, người lao động…"))
    direct_workers_only = models.BooleanField(_("chỉ người trực tiếp sản xuất"), default=False)
    scope_chosen = models.BooleanField(
        _("chỉ các đơn vị được chọn"), default=False,
        help_text=_("Bỏ trống: toàn bộ đơn vị cấp dưới của cấp phát động."))
    chosen_units = models.ManyToManyField("organizations.Organization", blank=True,
                                          related_name="+", verbose_name=_("đơn vị được chọn"))
    start_date = models.DateField(_("bắt đầu"))
    end_date = models.DateField(_("kết thúc"))
    registration_deadline = models.DateField(_("hạn đăng ký thi đua"), null=True, blank=True)
    midterm_review_date = models.DateField(_("sơ kết"), null=True, blank=True)
    final_review_date = models.DateField(_("tổng kết"), null=True, blank=True)
    status = models.CharField(_("trạng thái"), max_length=10, choices=MovementStatus.choices,
                              default=MovementStatus.DRAFT)
    launched_at = models.DateTimeField(_("phát động lúc"), null=True, blank=True)
    search_text = models.TextField(editable=False, default="")
    history = HistoricalRecords(excluded_fields=["search_text"])

    objects = MovementQuerySet.as_manager()

    class Meta:
        verbose_name = _("phong trào thi đua")
        verbose_name_plural = _("phong trào thi đua")
        ordering = ["-start_date", "title"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("movements:movement_detail", args=[self.pk])

    def save(self, *args, **kwargs):
        self.search_text = normalize(f"{self.title} {self.slogan}")
        super().save(*args, **kwargs)

    def clean(self):
        errors = {}
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = _("Ngày kết thúc phải sau ngày bắt đầu.")
        for name in ("registration_deadline", "midterm_review_date", "final_review_date"):
            value = getattr(self, name)
            if value and self.start_date and self.end_date and not (
                    self.start_date <= value <= self.end_date + timezone.timedelta(days=120)):
                errors[name] = _("Mốc này phải nằm trong thời gian phong trào.")
        if (self.midterm_review_date and self.final_review_date
                and self.final_review_date < self.midterm_review_date):
            errors["final_review_date"] = _("Tổng kết phải sau sơ kết.")
        if errors:
            raise ValidationError(errors)

    def registration_window(self, today=None):
        """Registration is open from the start until the deadline (or the end without one)."""
        return self._window(self.registration_deadline or self.end_date, today)

    def activity_window(self, today=None):
        """Reports and nominations under the movement: open from start until the final review."""
        return self._window(max(self.final_review_date or self.end_date, self.end_date), today)

    def _window(self, closes_on, today=None):
        today = today or timezone.localdate()
        if self.status == MovementStatus.DRAFT or today < self.start_date:
            return Window.NOT_STARTED
        if self.status == MovementStatus.CLOSED or today > closes_on:
            return Window.CLOSED
        return Window.OPEN

    def covers(self, unit):
        """Whether ``unit`` is in the movement's scope."""
        if self.scope_chosen:
            return any(unit.is_within(chosen) for chosen in self.chosen_units.all())
        return unit.is_within(self.launched_by)


class Criterion(models.Model):
    movement = models.ForeignKey(Movement, models.CASCADE, related_name="criteria")
    name = models.CharField(_("tiêu chí"), max_length=300)
    guidance = models.TextField(_("hướng dẫn chấm"), blank=True)
    max_points = models.PositiveSmallIntegerField(_("điểm tối đa"))
    weight = models.DecimalField(_("trọng số"), max_digits=4, decimal_places=2, default=1)
    evidence_required = models.BooleanField(_("cần minh chứng"), default=False)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("tiêu chí")
        verbose_name_plural = _("tiêu chí")

    def __str__(self):
        return self.name


class PlannedAward(models.Model):
    movement = models.ForeignKey(Movement, models.CASCADE, related_name="planned_awards")
    award_type = models.ForeignKey("awards.AwardType", models.PROTECT, related_name="+",
                                   verbose_name=_("hình thức khen thưởng"))
    count = models.PositiveIntegerField(_("số lượng dự kiến"))

    class Meta:
        verbose_name = _("khen thưởng dự kiến")
        verbose_name_plural = _("khen thưởng dự kiến")


class MovementDocument(models.Model):
    """The plan, the launching decision or guidance attached to a movement."""

    movement = models.ForeignKey(Movement, models.CASCADE, related_name="documents")
    title = models.CharField(_("tên văn bản"), max_length=300)
    file = models.FileField(_("tệp"), upload_to="movements/%Y/")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("văn bản kèm theo")
        verbose_name_plural = _("văn bản kèm theo")
