"""Hội đồng Thi đua – Khen thưởng: councils, their composition over time, sessions and ballots.

Secret ballots store only who has voted (``BallotParticipation``) and anonymous per-nominee counts
(``Tally``); no row ties a value to a member. Neither model has history tracking, timestamps or
anything else that could be lined up against the other.
"""
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from thidua.core.scopes import ScopedQuerySet
from thidua.organizations import scoping

from ..states import VoteValue


class CouncilQuerySet(ScopedQuerySet):
    def visible_to(self, user):
        """The councils of units where the user holds a role (``nominations.view_council``)."""
        return self.filter(scoping.organization_q(user, scoping.ALL_ROLES, "organization__"))


class Council(models.Model):
    organization = models.OneToOneField("organizations.Organization", models.PROTECT,
                                        related_name="council", verbose_name=_("đơn vị"))
    name = models.CharField(_("tên Hội đồng"), max_length=200)

    objects = CouncilQuerySet.as_manager()

    class Meta:
        verbose_name = _("Hội đồng Thi đua – Khen thưởng")
        verbose_name_plural = _("Hội đồng Thi đua – Khen thưởng")

    def __str__(self):
        return self.name

    def members_on(self, day):
        return self.memberships.filter(start_date__lte=day).filter(
            models.Q(end_date__isnull=True) | models.Q(end_date__gte=day)).select_related("user")


class CouncilRole(models.TextChoices):
    CHAIR = "CHAIR", _("Chủ tịch")
    VICE_CHAIR = "VICE_CHAIR", _("Phó Chủ tịch")
    STANDING = "STANDING", _("Ủy viên thường trực")
    MEMBER = "MEMBER", _("Ủy viên")
    SECRETARY = "SECRETARY", _("Ủy viên, Thư ký")


class CouncilMembership(models.Model):
    """A seat on the council over a period; a change closes one row and opens another."""

    council = models.ForeignKey(Council, models.CASCADE, related_name="memberships")
    user = models.ForeignKey("accounts.User", models.PROTECT, related_name="council_seats",
                             verbose_name=_("thành viên"))
    role = models.CharField(_("chức danh"), max_length=12, choices=CouncilRole.choices)
    start_date = models.DateField(_("từ ngày"))
    end_date = models.DateField(_("đến ngày"), null=True, blank=True)

    class Meta:
        ordering = ["role", "pk"]
        verbose_name = _("thành viên Hội đồng")
        verbose_name_plural = _("thành phần Hội đồng")

    def __str__(self):
        return f"{self.user} — {self.get_role_display()}"


class SessionState(models.TextChoices):
    OPEN = "OPEN", _("Đang họp")
    CLOSED = "CLOSED", _("Đã kết thúc")


class CouncilSessionQuerySet(ScopedQuerySet):
    def visible_to(self, user):
        """Sessions of the councils the user sees, and of those the user sits on."""
        seat = (models.Q(council__memberships__user=user) if user.is_authenticated
                else models.Q(pk__in=[]))
        return self.filter(models.Q(council__in=Council.objects.visible_to(user))
                           | seat).distinct()


class CouncilSession(models.Model):
    council = models.ForeignKey(Council, models.PROTECT, related_name="sessions")
    title = models.CharField(_("nội dung phiên họp"), max_length=300)
    date = models.DateField(_("ngày họp"), default=timezone.localdate)
    agenda = models.ManyToManyField("nominations.Nomination", related_name="sessions",
                                    verbose_name=_("danh sách xét"))
    secret = models.BooleanField(_("bỏ phiếu kín"), default=True)
    quorum_percent = models.DecimalField(_("tỷ lệ có mặt tối thiểu (%)"), max_digits=5,
                                         decimal_places=2, default=66.67)
    total_members = models.PositiveSmallIntegerField(_("tổng số thành viên"), default=0)
    round = models.PositiveSmallIntegerField(_("vòng bỏ phiếu"), default=1)
    state = models.CharField(_("trạng thái"), max_length=8, choices=SessionState.choices,
                             default=SessionState.OPEN)
    created_by = models.ForeignKey("accounts.User", models.PROTECT, related_name="+")

    objects = CouncilSessionQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = _("phiên họp Hội đồng")
        verbose_name_plural = _("phiên họp Hội đồng")

    def __str__(self):
        return f"{self.title} ({self.date:%d/%m/%Y})"

    def get_absolute_url(self):
        return reverse("nominations:session_detail", args=[self.pk])


class Attendance(models.Model):
    session = models.ForeignKey(CouncilSession, models.CASCADE, related_name="attendance")
    member = models.ForeignKey(CouncilMembership, models.PROTECT, related_name="+")
    present = models.BooleanField(_("có mặt"), default=True)
    written_vote = models.BooleanField(_("gửi phiếu bằng văn bản"), default=False)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["session", "member"],
                                               name="one_attendance_per_member")]


class BallotParticipation(models.Model):
    """That ``member`` has voted in ``round`` of ``session`` — never how."""

    session = models.ForeignKey(CouncilSession, models.CASCADE, related_name="participations")
    round = models.PositiveSmallIntegerField()
    member = models.ForeignKey(CouncilMembership, models.PROTECT, related_name="+")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["session", "round", "member"],
                                               name="vote_once_per_round")]


class Tally(models.Model):
    """Anonymous counts for one nominee in one round, incremented with F() as ballots arrive."""

    session = models.ForeignKey(CouncilSession, models.CASCADE, related_name="tallies")
    item = models.ForeignKey("nominations.Nomination", models.CASCADE, related_name="tallies")
    round = models.PositiveSmallIntegerField()
    agree = models.PositiveSmallIntegerField(default=0)
    disagree = models.PositiveSmallIntegerField(default=0)
    abstain = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["item_id", "round"]
        constraints = [models.UniqueConstraint(fields=["session", "item", "round"],
                                               name="one_tally_per_item_round")]

    @property
    def total(self):
        return self.agree + self.disagree + self.abstain


class OpenVote(models.Model):
    """A named vote, kept only when the session's ballot is not secret."""

    session = models.ForeignKey(CouncilSession, models.CASCADE, related_name="open_votes")
    round = models.PositiveSmallIntegerField()
    member = models.ForeignKey(CouncilMembership, models.PROTECT, related_name="+")
    item = models.ForeignKey("nominations.Nomination", models.CASCADE, related_name="+")
    value = models.CharField(max_length=8, choices=VoteValue.choices)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["session", "round", "member", "item"],
                                               name="one_open_vote")]
