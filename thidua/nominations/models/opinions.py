"""Department appraisal (ý kiến của các ban): the appraiser of a level asks several of its
departments at once for their opinion on the nominees of a tờ trình within each one's field,
each by a deadline in working days; the opinions sit beside the appraiser's conclusion."""
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from thidua.core.scopes import ScopedQuerySet
from thidua.organizations import scoping

from ..states import Opinion, SubjectKind


class DepartmentField(models.Model):
    """Lĩnh vực của một ban: the nominees it is asked about. No row, or a row naming neither a
    subject kind nor award types, means every nominee."""

    department = models.OneToOneField(
        "organizations.Organization", models.CASCADE, related_name="opinion_field",
        limit_choices_to={"kind": "ALLIANCE_DEPARTMENT"}, verbose_name=_("ban"))
    subject_kind = models.CharField(_("đối tượng"), max_length=10, choices=SubjectKind.choices,
                                    blank=True, help_text=_("Để trống: mọi đối tượng."))
    award_types = models.ManyToManyField("awards.AwardType", blank=True, related_name="+",
                                         verbose_name=_("danh hiệu, hình thức"),
                                         help_text=_("Để trống: mọi danh hiệu, hình thức."))

    class Meta:
        verbose_name = _("lĩnh vực cho ý kiến của ban")
        verbose_name_plural = _("lĩnh vực cho ý kiến của các ban")

    def __str__(self):
        return str(self.department)


class OpinionRequestQuerySet(ScopedQuerySet):
    def visible_to(self, user):
        """Requests sent to the user's departments, and those of the levels whose batches the
        user sees as the deciding authority."""
        return self.filter(scoping.organization_q(user, prefix="department__")
                           | scoping.organization_q(user, prefix="batch__authority__"))


class OpinionRequest(models.Model):
    """One department asked for its opinion on a batch's nominees within its field."""

    batch = models.ForeignKey("nominations.NominationBatch", models.CASCADE,
                              related_name="opinion_requests")
    department = models.ForeignKey("organizations.Organization", models.PROTECT,
                                   related_name="opinion_requests", verbose_name=_("ban"))
    due_on = models.DateField(_("hạn cho ý kiến"))
    note = models.TextField(_("nội dung đề nghị"), blank=True)
    requested_by = models.ForeignKey("accounts.User", models.PROTECT, related_name="+")
    requested_at = models.DateTimeField(default=timezone.now)

    objects = OpinionRequestQuerySet.as_manager()

    class Meta:
        ordering = ["pk"]
        verbose_name = _("đề nghị ban cho ý kiến")
        verbose_name_plural = _("đề nghị các ban cho ý kiến")
        constraints = [models.UniqueConstraint(fields=["batch", "department"],
                                               name="one_opinion_request_per_department")]

    def __str__(self):
        return f"{self.department} — {self.batch}"

    def get_absolute_url(self):
        return reverse("nominations:opinion_request", args=[self.pk])

    @property
    def is_past_due(self):
        return self.due_on < timezone.localdate()


class DepartmentOpinion(models.Model):
    """A department's opinion on one nominee; PENDING until it answers."""

    request = models.ForeignKey(OpinionRequest, models.CASCADE, related_name="opinions")
    item = models.ForeignKey("nominations.Nomination", models.CASCADE,
                             related_name="department_opinions")
    value = models.CharField(_("ý kiến"), max_length=10, choices=Opinion.choices,
                             default=Opinion.PENDING)
    comment = models.TextField(_("nội dung ý kiến"), blank=True)
    answered_by = models.ForeignKey("accounts.User", models.PROTECT, null=True, blank=True,
                                    related_name="+")
    answered_at = models.DateTimeField(null=True, blank=True)
    late = models.BooleanField(_("quá hạn"), default=False)

    class Meta:
        ordering = ["request", "item"]
        verbose_name = _("ý kiến của ban")
        verbose_name_plural = _("ý kiến của các ban")
        constraints = [models.UniqueConstraint(fields=["request", "item"],
                                               name="one_opinion_per_request_and_item"),
                       models.CheckConstraint(
                           condition=Q(value="PENDING") | Q(answered_at__isnull=False),
                           name="answered_opinion_has_time")]

    def __str__(self):
        return f"{self.request.department}: {self.get_value_display()}"
