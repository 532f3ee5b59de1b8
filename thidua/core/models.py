from django.conf import settings
from django.db import models
from django.utils.translation import gettext, gettext_lazy as _
from simple_history.models import HistoricalRecords


class CalendarException(models.Model):
    """A day that departs from the usual calendar: an extra day off or a make-up working day."""

    date = models.DateField(_("ngày"), unique=True)
    is_working_day = models.BooleanField(
        _("là ngày làm việc"),
        help_text=_("Đánh dấu nếu đây là ngày làm bù; bỏ trống nếu là ngày nghỉ thêm."),
    )
    note = models.CharField(_("ghi chú"), max_length=200, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["date"]
        verbose_name = _("ngày nghỉ / làm bù")
        verbose_name_plural = _("ngày nghỉ / làm bù")

    def __str__(self):
        return f"{self.date:%d/%m/%Y} — {self.note}"


class Notification(models.Model):
    """An item in a user's inbox: something to act on or to know, with a link to where."""

    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, models.CASCADE,
                                  related_name="notifications", verbose_name=_("người nhận"))
    title = models.CharField(_("tiêu đề"), max_length=200)
    title_params = models.JSONField(_("tham số tiêu đề"), default=dict, blank=True)
    body = models.TextField(_("nội dung"), blank=True)
    url = models.CharField(_("đường dẫn"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("lúc"), auto_now_add=True)
    read_at = models.DateTimeField(_("đã đọc lúc"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("thông báo")
        verbose_name_plural = _("thông báo")
        indexes = [models.Index(fields=["recipient", "read_at"], name="notification_unread")]

    def __str__(self):
        return self.shown_title

    @property
    def shown_title(self):
        """The title in the reader's language. Senders store the message as written (in
        Vietnamese, the source language) with its ``%(name)s`` values apart, so a message known to
        the catalogue is translated for the reader; free text is shown as stored."""
        return format_title(gettext(self.title), self.title_params)


def format_title(template, params):
    """``template % params``; a translation that lost a placeholder shows the template."""
    if not params:
        return template
    try:
        return template % params
    except (KeyError, ValueError, TypeError):
        return template


class Job(models.Model):
    """A long piece of background work and its progress, shown to the user who started it.

    Started with :func:`thidua.core.tasks.start_job`; the work function receives the job and
    walks its items with :meth:`each`, so a worker killed mid-batch and the message redelivered
    (``acks_late``) resumes where it stopped and never repeats a committed item. ``key`` makes
    starting idempotent too: the same key never runs twice.
    """

    class Status(models.TextChoices):
        PENDING = "PENDING", _("Đang chờ")
        RUNNING = "RUNNING", _("Đang chạy")
        DONE = "DONE", _("Hoàn tất")
        FAILED = "FAILED", _("Lỗi")

    key = models.CharField(_("khóa"), max_length=200, unique=True)
    title = models.CharField(_("tên công việc"), max_length=200)
    function = models.CharField(max_length=200)
    args = models.JSONField(default=list)
    kwargs = models.JSONField(default=dict)
    status = models.CharField(_("trạng thái"), max_length=10, choices=Status.choices,
                              default=Status.PENDING)
    done = models.PositiveIntegerField(_("đã xong"), default=0)
    total = models.PositiveIntegerField(_("tổng số"), null=True, blank=True)
    result = models.JSONField(_("kết quả"), null=True, blank=True)
    result_file = models.FileField(_("tệp kết quả"), upload_to="jobs/%Y/%m/", blank=True)
    error = models.TextField(_("lỗi"), blank=True)
    attempts = models.PositiveSmallIntegerField(_("số lần chạy"), default=0)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.SET_NULL, null=True,
                                   blank=True, related_name="+", verbose_name=_("người tạo"))
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    finished_at = models.DateTimeField(_("xong lúc"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("công việc nền")
        verbose_name_plural = _("công việc nền")

    def __str__(self):
        return self.title

    @property
    def is_finished(self):
        return self.status in {self.Status.DONE, self.Status.FAILED}

    @property
    def percent(self):
        if self.status == self.Status.DONE:
            return 100
        return min(99, 100 * self.done // self.total) if self.total else 0

    def attach(self, name, content):
        """Store the job's result file (e.g. the merged PDF of a print batch)."""
        self.result_file.save(name, content, save=False)
        Job.objects.filter(pk=self.pk).update(result_file=self.result_file.name)

    def each(self, items, key=str):
        """Yield the items not done yet, each inside its own transaction that also records it as
        done. Whatever the caller writes for an item commits together with that record, or not at
        all; an item committed by an earlier (killed) run, or by a run of the same job still
        going elsewhere, is skipped."""
        from django.db import IntegrityError, transaction
        from django.db.models import F

        items = list(items)
        Job.objects.filter(pk=self.pk).update(total=len(items))
        finished = set(self.items.values_list("key", flat=True))
        for item in items:
            item_key = str(key(item))
            if item_key in finished:
                continue
            with transaction.atomic():
                try:
                    with transaction.atomic():
                        JobItem.objects.create(job=self, key=item_key)
                except IntegrityError:
                    continue
                yield item
                Job.objects.filter(pk=self.pk).update(done=F("done") + 1)


class JobItem(models.Model):
    """One committed item of a :class:`Job`: the record that makes a retried batch skip it."""

    job = models.ForeignKey(Job, models.CASCADE, related_name="items")
    key = models.CharField(max_length=200)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["job", "key"], name="job_item_once")]
