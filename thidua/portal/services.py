"""Every state change of the portal: editors saving content, the public posting comments and
questions, moderators deciding. Views call these; each checks permission and writes atomically."""
from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _

from thidua.accounts.directory import users_with_roles
from thidua.core import throttle
from thidua.core.notifications import notify
from thidua.nominations import workflow as nominations_workflow

from .images import logo_mark, resized
from .models import Article, Comment, CommentStatus, Question
from .rules import MODERATOR_ROLES
from .sanitize import clean_html


def require(user, perm, site):
    if not user.has_perm(perm, site):
        raise PermissionDenied(_("Bạn không có quyền thực hiện thao tác này trên cổng này."))


def client_digest(remote_addr):
    """A keyed digest of the client address: enough to spot a flood, useless to identify anyone."""
    return salted_hmac("thidua.portal.client", remote_addr or "").hexdigest()


def check_rate(digest, now=None):
    """Refuse more than THIDUA_PORTAL_POST_LIMIT posts per window from one address."""
    window = settings.THIDUA_PORTAL_POST_WINDOW
    if throttle.exceeded(f"portal:posts:{digest}", settings.THIDUA_PORTAL_POST_LIMIT, window,
                         (now or timezone.now()).timestamp()):
        raise ValidationError(_("Bạn gửi quá nhiều lần trong thời gian ngắn; vui lòng thử lại "
                                "sau %(minutes)s phút.") % {"minutes": window // 60})


@transaction.atomic
def save_article(user, article, cover_upload=None):
    """Create or update an article of the editor's site: body sanitised, cover resized with a
    thumbnail."""
    require(user, "portal.edit_site", article.site)
    article.body = clean_html(article.body)
    if article.pk is None:
        article.created_by = user
    if cover_upload is not None:
        display, thumb = resized(cover_upload, f"{article.site.slug}-{timezone.now():%Y%m%d%H%M%S}")
        article.cover.save(display.name, display, save=False)
        article.cover_thumb.save(thumb.name, thumb, save=False)
    article.save()
    return article


@transaction.atomic
def save_gallery_item(user, item, image_upload=None):
    require(user, "portal.edit_site", item.site)
    if image_upload is not None:
        display, thumb = resized(image_upload, f"{item.site.slug}-g{timezone.now():%Y%m%d%H%M%S}")
        item.image.save(display.name, display, save=False)
        item.thumb.save(thumb.name, thumb, save=False)
    item.save()
    return item


@transaction.atomic
def save_site_content(user, obj, logo_upload=None):
    """Save a category, document or the site's own settings after the permission check; a new
    logo mark is stored as a small PNG."""
    site = getattr(obj, "site", obj)
    require(user, "portal.edit_site", site)
    if hasattr(obj, "about"):
        obj.about = clean_html(obj.about)
    if logo_upload is not None:
        mark = logo_mark(logo_upload, f"{site.slug}-{timezone.now():%Y%m%d%H%M%S}")
        obj.logo.save(mark.name, mark, save=False)
    obj.save()
    return obj


def count_view(article_id):
    """One more view, cached pages included. Views gather in the cache and reach the row in one
    UPDATE every THIDUA_PORTAL_VIEW_FLUSH views, so reading an article costs no write (unless
    the cache cannot count: then this view goes to the row at once)."""
    key = f"portal:views:{article_id}"
    pending = 1 if cache.add(key, 1, timeout=None) else cache.incr(key)
    if pending is None:
        Article.objects.filter(pk=article_id).update(view_count=F("view_count") + 1)
    elif pending >= settings.THIDUA_PORTAL_VIEW_FLUSH:
        cache.decr(key, pending)
        Article.objects.filter(pk=article_id).update(view_count=F("view_count") + pending)


def _moderators(site):
    return users_with_roles(site.organization, MODERATOR_ROLES)


@transaction.atomic
def post_comment(article, name, email, body, remote_addr):
    """A reader's comment (CAPTCHA and honeypot checked by the form). Side effects: a pending
    comment; the site's moderators notified. Stored as typed; templates escape it on display."""
    if not article.is_public or not article.allow_comments:
        raise ValidationError(_("Tin bài này không nhận bình luận."))
    digest = client_digest(remote_addr)
    check_rate(digest)
    comment = Comment.objects.create(article=article, name=name, email=email, body=body,
                                     client_digest=digest)
    notify(_moderators(article.site), _("Bình luận mới chờ duyệt"),
           body=f"{name}: {body[:300]}",
           url=f"/p/{article.site.slug}/quan-ly/binh-luan/")
    return comment


def post_publicity_comment(disclosure, name, body, contact, remote_addr):
    """A comment on a nominee publicity list goes to the council secretary of that list (through
    the pipeline, which records it and notifies); the portal only adds its flood check."""
    check_rate(client_digest(remote_addr))
    return nominations_workflow.add_public_comment(disclosure, name, body, contact)


@transaction.atomic
def moderate_comment(user, comment, status):
    """PENDING/any → APPROVED, REJECTED or SPAM, with who and when."""
    require(user, "portal.moderate_site", comment.article.site)
    if status not in CommentStatus.values or status == CommentStatus.PENDING:
        raise ValidationError(_("Trạng thái kiểm duyệt không hợp lệ."))
    comment.status = status
    comment.moderated_by = user
    comment.moderated_at = timezone.now()
    comment.save(update_fields=["status", "moderated_by", "moderated_at"])
    return comment


@transaction.atomic
def ask_question(site, name, email, organization_name, body, remote_addr):
    """A question to the support desk; the site's moderators are told."""
    check_rate(client_digest(remote_addr))
    question = Question.objects.create(site=site, name=name, email=email,
                                       organization_name=organization_name, body=body)
    notify(_moderators(site), _("Câu hỏi mới gửi tới bộ phận tư vấn hỗ trợ"),
           body=f"{name}: {body[:300]}", url=f"/p/{site.slug}/quan-ly/hoi-dap/")
    return question


@transaction.atomic
def answer_question(user, question, answer, publish, is_faq):
    require(user, "portal.moderate_site", question.site)
    answer = (answer or "").strip()
    if (publish or is_faq) and not answer:
        raise ValidationError(_("Cần có câu trả lời trước khi công khai."))
    question.answer = answer
    question.is_published = publish or is_faq
    question.is_faq = is_faq
    if answer:
        question.answered_by = user
        question.answered_at = timezone.now()
    question.save()
    return question
