"""Mid-term and final reviews of a movement and the commendations they propose (the exemplars a
review names and the events that follow it are records: ``records.Exemplar.reviews``,
``records.Event.reviews``)."""
from django.db import models
from django.utils.translation import gettext_lazy as _

from thidua.core.scopes import ScopedQuerySet
from thidua.organizations import scoping


class ReviewKind(models.TextChoices):
    MIDTERM = "MIDTERM", _("Sơ kết")
    FINAL = "FINAL", _("Tổng kết")


class ReviewQuerySet(ScopedQuerySet):
    def visible_to(self, user):
        """Reviews held at a level the user follows (``movements.follow_level``)."""
        return self.filter(scoping.organization_q(user, scoping.PEOPLE_READERS,
                                                  prefix="organization__"))


class Review(models.Model):
    movement = models.ForeignKey("movements.Movement", models.PROTECT, related_name="reviews",
                                 verbose_name=_("phong trào"))
    organization = models.ForeignKey("organizations.Organization", models.PROTECT,
                                     related_name="reviews", verbose_name=_("cấp sơ kết, tổng kết"))
    kind = models.CharField(_("loại"), max_length=8, choices=ReviewKind.choices)
    held_on = models.DateField(_("ngày tổ chức"))
    summary = models.TextField(_("đánh giá chung"))
    participants = models.PositiveIntegerField(_("số lượt tham gia"), default=0)
    exemplars_found = models.PositiveIntegerField(_("điển hình phát hiện"), default=0)
    initiatives = models.PositiveIntegerField(_("sáng kiến"), default=0)
    new_cooperatives = models.PositiveIntegerField(_("HTX thành lập mới"), default=0)

    objects = ReviewQuerySet.as_manager()

    class Meta:
        verbose_name = _("sơ kết, tổng kết")
        verbose_name_plural = _("sơ kết, tổng kết")
        ordering = ["-held_on"]
        constraints = [models.UniqueConstraint(fields=["movement", "organization", "kind"],
                                               name="one_review_per_kind")]

    def __str__(self):
        return f"{self.get_kind_display()} {self.movement}"


class ReviewProposal(models.Model):
    """A commendation proposed at a review; it becomes a draft nomination batch when handed on."""

    review = models.ForeignKey(Review, models.CASCADE, related_name="proposals")
    person = models.ForeignKey("organizations.Person", models.PROTECT, null=True, blank=True,
                               related_name="+", verbose_name=_("cá nhân"))
    organization = models.ForeignKey("organizations.Organization", models.PROTECT, null=True,
                                     blank=True, related_name="+", verbose_name=_("tập thể"))
    award_type = models.ForeignKey("awards.AwardType", models.PROTECT, related_name="+",
                                   verbose_name=_("hình thức đề nghị"))
    note = models.CharField(_("thành tích tóm tắt"), max_length=500, blank=True)
    handed_over_at = models.DateTimeField(_("đã chuyển thành hồ sơ lúc"), null=True, blank=True)

    class Meta:
        constraints = [models.CheckConstraint(
            condition=models.Q(person__isnull=False, organization__isnull=True)
            | models.Q(person__isnull=True, organization__isnull=False),
            name="proposal_has_one_subject")]

    @property
    def subject(self):
        return self.person or self.organization
