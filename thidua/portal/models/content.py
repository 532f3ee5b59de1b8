"""What editors publish: categories, news and announcements, library documents, gallery items,
and the public's questions with their answers."""
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from thidua.core.text import normalize

from .sites import Site


class Category(models.Model):
    site = models.ForeignKey(Site, models.CASCADE, related_name="categories")
    name = models.CharField(_("tên chuyên mục"), max_length=120)
    slug = models.SlugField(_("đường dẫn"), max_length=60)
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        verbose_name = _("chuyên mục")
        verbose_name_plural = _("chuyên mục")
        ordering = ["order", "name"]
        constraints = [models.UniqueConstraint(fields=["site", "slug"],
                                               name="portal_category_slug_per_site")]

    def __str__(self):
        return self.name


class ArticleKind(models.TextChoices):
    NEWS = "NEWS", _("Tin tức")
    ANNOUNCEMENT = "ANNOUNCEMENT", _("Thông báo")


class ArticleStatus(models.TextChoices):
    DRAFT = "DRAFT", _("Bản nháp")
    PUBLISHED = "PUBLISHED", _("Xuất bản")


class ArticleQuerySet(models.QuerySet):
    def published(self, now=None):
        """Published and due: scheduled items appear by themselves once ``publish_at`` passes."""
        return self.filter(status=ArticleStatus.PUBLISHED,
                           publish_at__lte=now or timezone.now())


class Article(models.Model):
    site = models.ForeignKey(Site, models.CASCADE, related_name="articles")
    category = models.ForeignKey(Category, models.SET_NULL, null=True, blank=True,
                                 related_name="articles", verbose_name=_("chuyên mục"))
    kind = models.CharField(_("loại tin"), max_length=12, choices=ArticleKind.choices,
                            default=ArticleKind.NEWS)
    title = models.CharField(_("tiêu đề"), max_length=300)
    summary = models.TextField(_("tóm tắt"), max_length=1000, blank=True)
    body = models.TextField(_("nội dung"))
    cover = models.ImageField(_("ảnh đại diện"), upload_to="portal/covers/", blank=True)
    cover_thumb = models.ImageField(upload_to="portal/covers/", blank=True, editable=False)
    cover_alt = models.CharField(_("mô tả ảnh (cho người khiếm thị)"), max_length=300, blank=True)
    byline = models.CharField(_("tác giả"), max_length=200, blank=True)
    created_by = models.ForeignKey("accounts.User", models.SET_NULL, null=True, blank=True,
                                   related_name="+")
    is_featured = models.BooleanField(_("tin nổi bật"), default=False)
    allow_comments = models.BooleanField(_("cho phép bình luận"), default=True)
    status = models.CharField(_("trạng thái"), max_length=10, choices=ArticleStatus.choices,
                              default=ArticleStatus.DRAFT)
    publish_at = models.DateTimeField(_("thời điểm đăng"), default=timezone.now,
                                      help_text=_("Đặt ở tương lai để hẹn giờ đăng."))
    view_count = models.PositiveIntegerField(_("lượt xem"), default=0, editable=False)
    search_text = models.TextField(editable=False, default="")
    updated_at = models.DateTimeField(auto_now=True)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        verbose_name = _("tin bài")
        verbose_name_plural = _("tin bài")
        ordering = ["-publish_at", "-pk"]
        indexes = [models.Index(fields=["site", "status", "-publish_at"],
                                name="portal_article_listing")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("portal:article", kwargs={"site": self.site.slug, "pk": self.pk})

    @property
    def is_public(self):
        return self.status == ArticleStatus.PUBLISHED and self.publish_at <= timezone.now()

    def save(self, *args, **kwargs):
        self.search_text = normalize(f"{self.title} {self.summary}")
        super().save(*args, **kwargs)


class DocumentGroup(models.TextChoices):
    DIRECTIVE = "DIRECTIVE", _("Văn bản chỉ đạo")
    COLLECTIVE_ECONOMY = "COLLECTIVE_ECONOMY", _("Văn bản kinh tế tập thể")
    COOPERATIVE_MATERIAL = "COOPERATIVE_MATERIAL", _("Tư liệu HTX")
    PROCEDURE_GUIDE = "PROCEDURE_GUIDE", _("Hướng dẫn thủ tục")


class DocumentStatus(models.TextChoices):
    IN_FORCE = "IN_FORCE", _("Còn hiệu lực")
    EXPIRED = "EXPIRED", _("Hết hiệu lực")
    REPLACED = "REPLACED", _("Đã được thay thế")


class LegalDocumentQuerySet(models.QuerySet):
    def with_status(self, status, today=None):
        today = today or timezone.localdate()
        if status == DocumentStatus.REPLACED:
            return self.filter(replaced_by__isnull=False)
        expired = Q(expires_on__lt=today)
        if status == DocumentStatus.EXPIRED:
            return self.filter(expired, replaced_by__isnull=True)
        return self.filter(replaced_by__isnull=True).exclude(expired)


class LegalDocument(models.Model):
    site = models.ForeignKey(Site, models.CASCADE, related_name="documents")
    group = models.CharField(_("nhóm"), max_length=24, choices=DocumentGroup.choices)
    number = models.CharField(_("số, ký hiệu"), max_length=64)
    doc_type = models.CharField(_("loại văn bản"), max_length=64,
                                help_text=_("Luật, Nghị định, Chỉ thị, Kế hoạch, Hướng dẫn …"))
    title = models.CharField(_("trích yếu"), max_length=500)
    issuer = models.CharField(_("cơ quan ban hành"), max_length=200)
    issued_on = models.DateField(_("ngày ban hành"))
    effective_on = models.DateField(_("ngày hiệu lực"), null=True, blank=True)
    expires_on = models.DateField(_("ngày hết hiệu lực"), null=True, blank=True)
    replaced_by = models.ForeignKey("self", models.SET_NULL, null=True, blank=True,
                                    related_name="replaces", verbose_name=_("được thay thế bởi"))
    summary = models.TextField(_("tóm tắt"), blank=True)
    file = models.FileField(_("tệp văn bản"), upload_to="portal/documents/", blank=True)
    search_text = models.TextField(editable=False, default="")
    is_published = models.BooleanField(_("hiển thị công khai"), default=True)

    objects = LegalDocumentQuerySet.as_manager()

    class Meta:
        verbose_name = _("văn bản")
        verbose_name_plural = _("thư viện văn bản")
        ordering = ["-issued_on", "number"]

    def __str__(self):
        return f"{self.number} — {self.title}"

    def get_absolute_url(self):
        return reverse("portal:document", kwargs={"site": self.site.slug, "pk": self.pk})

    def status_on(self, today=None):
        today = today or timezone.localdate()
        if self.replaced_by_id:
            return DocumentStatus.REPLACED
        if self.expires_on and self.expires_on < today:
            return DocumentStatus.EXPIRED
        return DocumentStatus.IN_FORCE

    @property
    def status(self):
        return self.status_on()

    def save(self, *args, **kwargs):
        self.search_text = normalize(f"{self.number} {self.doc_type} {self.title} {self.issuer}")
        super().save(*args, **kwargs)


class GalleryKind(models.TextChoices):
    PHOTO = "PHOTO", _("Ảnh")
    VIDEO = "VIDEO", _("Video tải lên (MP4)")
    LINK = "LINK", _("Video từ trang khác")


class GalleryItem(models.Model):
    site = models.ForeignKey(Site, models.CASCADE, related_name="gallery")
    kind = models.CharField(_("loại"), max_length=8, choices=GalleryKind.choices)
    title = models.CharField(_("tiêu đề"), max_length=200)
    image = models.ImageField(_("ảnh (hoặc ảnh bìa video)"), upload_to="portal/gallery/",
                              blank=True)
    thumb = models.ImageField(upload_to="portal/gallery/", blank=True, editable=False)
    alt = models.CharField(_("mô tả ảnh"), max_length=300, blank=True)
    video = models.FileField(_("tệp MP4"), upload_to="portal/videos/", blank=True)
    external_url = models.URLField(_("đường dẫn video"), blank=True)
    is_featured = models.BooleanField(_("nổi bật"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("ảnh, video")
        verbose_name_plural = _("thư viện ảnh, video")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.title


class QuestionQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True).exclude(answer="")


class Question(models.Model):
    """A question to the support desk (tư vấn hỗ trợ); an FAQ entry is a published pair marked
    ``is_faq``."""

    site = models.ForeignKey(Site, models.CASCADE, related_name="questions")
    name = models.CharField(_("họ tên"), max_length=120)
    email = models.EmailField(_("thư điện tử"), blank=True)
    organization_name = models.CharField(_("đơn vị"), max_length=200, blank=True)
    body = models.TextField(_("câu hỏi"), max_length=4000)
    answer = models.TextField(_("trả lời"), blank=True)
    answered_by = models.ForeignKey("accounts.User", models.SET_NULL, null=True, blank=True,
                                    related_name="+")
    answered_at = models.DateTimeField(null=True, blank=True)
    is_published = models.BooleanField(_("công khai"), default=False)
    is_faq = models.BooleanField(_("câu hỏi thường gặp"), default=False)
    created_at = models.DateTimeField(default=timezone.now)

    objects = QuestionQuerySet.as_manager()

    class Meta:
        verbose_name = _("câu hỏi")
        verbose_name_plural = _("hỏi đáp")
        ordering = ["-created_at"]

    def __str__(self):
        return self.body[:80]
