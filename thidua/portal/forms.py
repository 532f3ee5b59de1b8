"""Public forms (CAPTCHA and a honeypot field bots fill in) and the editors' forms; uploads are
checked by content and size before anything is saved."""
from captcha.fields import CaptchaField, CaptchaTextInput
from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from thidua.core.uploads import DOCX, PDF, validate_upload

from .images import validate_image
from .models import Article, Category, GalleryItem, GalleryKind, LegalDocument, Site

MAX_VIDEO_BYTES = 200 * 1024 * 1024


class PublicForm(forms.Form):
    """The shared guard of every public form: the honeypot must stay empty, the CAPTCHA right."""

    website = forms.CharField(label=_("Để trống ô này"), required=False,
                              widget=forms.TextInput(attrs={"autocomplete": "off",
                                                            "tabindex": "-1"}))
    captcha = CaptchaField(label=_("Mã xác nhận"), help_text=_("Nhập các ký tự trong ảnh."),
                           widget=CaptchaTextInput(attrs={
                               "class": "form-control portal-captcha-input",
                               "autocomplete": "off"}),
                           error_messages={"invalid": _("Mã xác nhận không đúng hoặc đã hết hạn; "
                                                        "vui lòng nhập mã mới.")})

    def clean_website(self):
        if self.cleaned_data["website"]:
            raise ValidationError(_("Không gửi được ý kiến."))
        return ""


class CommentForm(PublicForm):
    name = forms.CharField(label=_("Họ tên"), max_length=120)
    email = forms.EmailField(label=_("Thư điện tử (không hiển thị)"))
    body = forms.CharField(label=_("Ý kiến của bạn"), max_length=3000,
                           widget=forms.Textarea(attrs={"rows": 4}))
    field_order = ["name", "email", "body", "website", "captcha"]


class PublicityCommentForm(PublicForm):
    name = forms.CharField(label=_("Họ tên"), max_length=120)
    contact = forms.CharField(label=_("Điện thoại hoặc thư điện tử (không hiển thị)"),
                              max_length=120, required=False)
    body = forms.CharField(label=_("Ý kiến về danh sách"), max_length=4000,
                           widget=forms.Textarea(attrs={"rows": 4}))
    field_order = ["name", "contact", "body", "website", "captcha"]


class QuestionForm(PublicForm):
    name = forms.CharField(label=_("Họ tên"), max_length=120)
    email = forms.EmailField(label=_("Thư điện tử (để nhận trả lời, không hiển thị)"),
                             required=False)
    organization_name = forms.CharField(label=_("Đơn vị"), max_length=200, required=False)
    body = forms.CharField(label=_("Câu hỏi"), max_length=4000,
                           widget=forms.Textarea(attrs={"rows": 5}))
    field_order = ["name", "email", "organization_name", "body", "website", "captcha"]


class ArticleForm(forms.ModelForm):
    class Meta:
        model = Article
        fields = ["title", "kind", "category", "summary", "body", "cover", "cover_alt", "byline",
                  "is_featured", "allow_comments", "status", "publish_at"]
        widgets = {"body": forms.Textarea(attrs={"rows": 14}),
                   "summary": forms.Textarea(attrs={"rows": 3}),
                   "publish_at": forms.DateTimeInput(attrs={"type": "datetime-local"},
                                                     format="%Y-%m-%dT%H:%M")}

    def __init__(self, *args, site, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].queryset = Category.objects.filter(site=site)
        self.fields["publish_at"].input_formats = ["%Y-%m-%dT%H:%M", "%d/%m/%Y %H:%M"]

    def clean_cover(self):
        cover = self.cleaned_data.get("cover")
        if cover and cover != self.initial.get("cover"):
            validate_image(cover)
        return cover

    def clean(self):
        data = super().clean()
        if data.get("cover") and not data.get("cover_alt"):
            self.add_error("cover_alt", _("Cần mô tả ảnh cho người đọc bằng trình đọc màn hình."))
        return data


class CategoryForm(forms.ModelForm):
    class Meta:
        model = Category
        fields = ["name", "slug", "order"]


class DocumentForm(forms.ModelForm):
    class Meta:
        model = LegalDocument
        fields = ["group", "number", "doc_type", "title", "issuer", "issued_on", "effective_on",
                  "expires_on", "replaced_by", "summary", "file", "is_published"]
        widgets = {f: forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
                   for f in ("issued_on", "effective_on", "expires_on")}

    def __init__(self, *args, site, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["replaced_by"].queryset = LegalDocument.objects.filter(site=site).exclude(
            pk=self.instance.pk)

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload and upload != self.initial.get("file"):
            validate_upload(upload, allowed=(PDF, DOCX))
        return upload


def is_mp4(upload):
    upload.seek(0)
    head = upload.read(12)
    upload.seek(0)
    return head[4:8] == b"ftyp"


class GalleryItemForm(forms.ModelForm):
    external_url = forms.URLField(label=_("Đường dẫn video"), required=False,
                                  assume_scheme="https")

    class Meta:
        model = GalleryItem
        fields = ["kind", "title", "image", "alt", "video", "external_url", "is_featured"]

    def clean_image(self):
        image = self.cleaned_data.get("image")
        if image and image != self.initial.get("image"):
            validate_image(image)
        return image

    def clean_video(self):
        video = self.cleaned_data.get("video")
        if video and video != self.initial.get("video"):
            if video.size > MAX_VIDEO_BYTES:
                raise ValidationError(_("Video quá lớn (tối đa %(mb)s MB).") % {
                    "mb": MAX_VIDEO_BYTES // (1024 * 1024)})
            if not is_mp4(video):
                raise ValidationError(_("Tệp video phải là MP4."))
        return video

    def clean(self):
        data = super().clean()
        kind = data.get("kind")
        if kind == GalleryKind.PHOTO and not data.get("image"):
            self.add_error("image", _("Cần chọn ảnh."))
        if kind == GalleryKind.VIDEO and not (data.get("video") and data.get("image")):
            self.add_error("video", _("Cần tệp MP4 và ảnh bìa."))
        if kind == GalleryKind.LINK and not data.get("external_url"):
            self.add_error("external_url", _("Cần đường dẫn video."))
        if data.get("image") and not data.get("alt"):
            self.add_error("alt", _("Cần mô tả ảnh."))
        return data


class SiteForm(forms.ModelForm):
    class Meta:
        model = Site
        fields = ["name", "tagline", "logo", "about", "address", "phone", "fax", "email",
                  "licence", "responsible_person", "cite_source"]
        widgets = {"about": forms.Textarea(attrs={"rows": 8})}
        help_texts = {"logo": _("Ảnh PNG hoặc JPEG, nên vuông và nền trong suốt; hiện ở đầu "
                                "trang và làm biểu tượng của trang trên trình duyệt.")}

    def clean_logo(self):
        logo = self.cleaned_data.get("logo")
        if logo and logo != self.initial.get("logo"):
            validate_image(logo)
        return logo


class AnswerForm(forms.Form):
    answer = forms.CharField(label=_("Trả lời"), required=False,
                             widget=forms.Textarea(attrs={"rows": 5}))
    publish = forms.BooleanField(label=_("Công khai câu hỏi và trả lời"), required=False)
    is_faq = forms.BooleanField(label=_("Đưa vào câu hỏi thường gặp"), required=False)
