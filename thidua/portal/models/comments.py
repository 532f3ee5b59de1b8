from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .content import Article


class CommentStatus(models.TextChoices):
    PENDING = "PENDING", _("Chờ duyệt")
    APPROVED = "APPROVED", _("Đã duyệt")
    REJECTED = "REJECTED", _("Từ chối")
    SPAM = "SPAM", _("Thư rác")


class Comment(models.Model):
    """A reader's comment; shown only once approved. The email is for the editors, never shown;
    the address is kept only as a keyed digest for spotting floods."""

    article = models.ForeignKey(Article, models.CASCADE, related_name="comments")
    name = models.CharField(_("họ tên"), max_length=120)
    email = models.EmailField(_("thư điện tử"))
    body = models.TextField(_("ý kiến"), max_length=3000)
    status = models.CharField(_("trạng thái"), max_length=10, choices=CommentStatus.choices,
                              default=CommentStatus.PENDING)
    client_digest = models.CharField(max_length=64, editable=False, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    moderated_by = models.ForeignKey("accounts.User", models.SET_NULL, null=True, blank=True,
                                     related_name="+")
    moderated_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("bình luận")
        verbose_name_plural = _("bình luận")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["article", "status"], name="portal_comment_article")]

    def __str__(self):
        return f"{self.name}: {self.body[:60]}"
