"""Demo portals (issue 7): the VCA's and one per provincial alliance, with articles written anew
from the seed facts (the 2017 cooperation programme signing, the January 2023 bloc review, the
2013 call toward the sector's 20th anniversary, the 4th Patriotic Emulation Congress), the Huế
alliance's library with Plan 60/KH-LMHTX, Q&A, comments waiting for moderation, illustrated
gallery items and a visit history so the counters show plausible figures.

Every object is found again by a natural key (site slug, article title, document number,
question text, gallery title, visit day), so a second run writes nothing new.
"""
import random
from datetime import date, datetime, time, timedelta

from django.utils import timezone

from thidua.awards.models import AwardType
from thidua.core.text import normalize
from thidua.documents.certificates import default_paper
from thidua.documents.models import CertificateTemplate
from thidua.organizations.models import Organization, OrganizationStatus
from thidua.organizations.models import OrganizationKind as K
from thidua.portal import honour
from thidua.portal.images import resized
from thidua.portal.models import (
    Article,
    ArticleKind,
    ArticleStatus,
    Category,
    Comment,
    CommentStatus,
    DocumentGroup,
    GalleryItem,
    GalleryKind,
    LegalDocument,
    Question,
    Site,
    VisitDay,
)
from thidua.portal.sanitize import clean_html

from . import data
from .portal_pictures import illustration, logo_mark

VCA_SITE = {
    "slug": "vca", "name": "Thi đua – Khen thưởng hệ thống Liên minh HTX Việt Nam",
    "tagline": "Đoàn kết, sáng tạo, phát triển kinh tế hợp tác, hợp tác xã",
    "address": "Số 77 Nguyễn Thái Học, Ba Đình, Hà Nội",
    "licence": "Giấy phép số 239/GP-TTĐT ngày 11/12/2020 của Cục Phát thanh, truyền hình và "
               "thông tin điện tử, Bộ Thông tin và Truyền thông.",
    "responsible_person": "Phó Chủ tịch Liên minh HTX Việt Nam phụ trách thông tin",
    "cite_source": "Đăng lại thông tin từ cổng này xin ghi rõ nguồn “vca.org.vn”.",
    "about": "<p>Cổng thông tin về công tác thi đua, khen thưởng của hệ thống Liên minh Hợp tác xã "
             "Việt Nam: phong trào thi đua, điển hình tiên tiến, kết quả khen thưởng và văn bản "
             "hướng dẫn cho các HTX, liên hiệp HTX, tổ hợp tác và quỹ tín dụng nhân dân.</p>",
}
HUE_SITE = {
    "slug": "hue", "name": "Liên minh Hợp tác xã thành phố Huế",
    "tagline": "Thi đua đổi mới, phát triển hợp tác xã kiểu mới",
    "address": "16 Nguyễn Lương Bằng, thành phố Huế", "phone": "0234.3833105",
    "fax": "0234.3833105",
    "licence": "Giấy phép thiết lập trang thông tin điện tử số 03/GP-TTĐT ngày 18/8/2014 do Sở "
               "Thông tin và Truyền thông cấp.",
    "responsible_person": "Chủ tịch Liên minh Hợp tác xã thành phố Huế",
    "cite_source": "Khi sử dụng lại thông tin, đề nghị dẫn nguồn cổng thông tin Liên minh HTX "
                   "thành phố Huế.",
    "about": "<p>Liên minh Hợp tác xã thành phố Huế (trước năm 2025 là Liên minh HTX tỉnh Thừa "
             "Thiên Huế) là tổ chức đại diện, hỗ trợ các hợp tác xã, liên hiệp hợp tác xã và tổ "
             "hợp tác trên địa bàn.</p>",
}
CATEGORIES = [("hoat-dong", "Hoạt động của Liên minh"), ("thi-dua", "Phong trào thi đua"),
              ("dien-hinh", "Gương điển hình")]

# (site, category slug, kind, title, publish day, summary, paragraphs, byline, featured)
ARTICLES = [
    ("vca", "thi-dua", ArticleKind.NEWS,
     "Ký chương trình phối hợp về thi đua, khen thưởng giai đoạn 2017 – 2022", date(2017, 3, 6),
     "Ban Thi đua – Khen thưởng Trung ương và Liên minh HTX Việt Nam thống nhất phối hợp để "
     "thi đua, khen thưởng trở thành động lực phát triển kinh tế hợp tác.",
     ["Ngày 3/3/2017 tại Hà Nội, lãnh đạo Ban Thi đua – Khen thưởng Trung ương (Bộ Nội vụ) và "
      "Liên minh HTX Việt Nam đã ký chương trình phối hợp về công tác thi đua, khen thưởng trong "
      "khu vực kinh tế hợp tác, hợp tác xã cho giai đoạn 2017 – 2022.",
      "Hai cơ quan sẽ cùng tuyên truyền qua tạp chí, cổng thông tin và báo chí của mỗi bên; cùng "
      "phát động phong trào “Đoàn kết, sáng tạo, nâng cao hiệu quả hoạt động của các HTX, Liên "
      "hiệp HTX, Liên minh HTX các cấp, góp phần xây dựng nông thôn mới”; định kỳ lập đoàn kiểm "
      "tra, giám sát, khảo sát thực tế và trao đổi cách làm hay, nhất là các mô hình HTX gắn với "
      "chuỗi giá trị quy mô lớn.",
      "Mỗi năm Liên minh HTX Việt Nam giới thiệu, nhân rộng từ 10 đến 15 HTX kiểu mới và từ 15 "
      "đến 20 cá nhân tiêu biểu; Ban Thi đua – Khen thưởng Trung ương hướng dẫn hồ sơ, thẩm định "
      "và trình khen thưởng kịp thời. Người lao động trực tiếp là thành viên HTX, tổ hợp tác được "
      "đặc biệt quan tâm.",
      "Chương trình được triển khai qua các ban thi đua – khen thưởng và Liên minh HTX tỉnh, "
      "thành phố; hằng năm sơ kết, dự kiến tổng kết vào năm 2022."],
     "Ban Biên tập", True),
    ("vca", "thi-dua", ArticleKind.NEWS,
     "Khối thi đua các đơn vị sự nghiệp và doanh nghiệp tổng kết năm 2022", date(2023, 1, 6),
     "Mười lăm đơn vị thành viên của khối rà soát một năm nhiều khó khăn và cùng phát động thi "
     "đua năm 2023.",
     ["Ngày 6/1/2023, Khối thi đua các đơn vị sự nghiệp và doanh nghiệp trực thuộc Liên minh "
      "HTX Việt Nam tổng kết công tác thi đua, khen thưởng năm 2022, với sự tham dự của một Phó "
      "Chủ tịch Liên minh.",
      "Khối có 15 thành viên, tham mưu về tư vấn, hỗ trợ HTX, đào tạo, xúc tiến thương mại, khoa "
      "học công nghệ và môi trường, đầu tư và phát triển ngành. Quỹ Phát triển HTX giữ vai trò "
      "Trưởng khối.",
      "Dù dịch COVID-19 ảnh hưởng nặng trong những tháng đầu năm 2022, các đơn vị vẫn gắn thi "
      "đua với những ngày lễ lớn: thành lập Đảng 3/2, giải phóng miền Nam 30/4, thành lập Liên "
      "minh HTX Việt Nam 11/4, sinh nhật Bác 19/5, Cách mạng tháng Tám và Quốc khánh 2/9.",
      "Năm 2023, khối tập trung tham mưu chiến lược phát triển kinh tế tập thể, sắp xếp tổ chức, "
      "chuyển đổi số, thực hành tiết kiệm và góp ý xây dựng Luật Hợp tác xã sửa đổi."],
     "Phóng viên", True),
    ("vca", "thi-dua", ArticleKind.ANNOUNCEMENT,
     "Phát động thi đua chào mừng 20 năm ngày thành lập ngành", date(2013, 2, 25),
     "Toàn hệ thống thi đua lập thành tích hướng tới kỷ niệm 20 năm ngày thành lập ngành "
     "(13/10/1993 – 13/10/2013).",
     ["Đầu năm 2013, Liên minh HTX Việt Nam kêu gọi cán bộ, thành viên và người lao động khu "
      "vực kinh tế tập thể thi đua chào mừng 20 năm ngày thành lập ngành.",
      "Nhìn lại năm trước, Liên minh chỉ ra những hạn chế như thi đua còn hình thức, phát động "
      "thiếu mục tiêu cụ thể, nhân rộng điển hình chậm, và rút ra năm bài học; quan trọng nhất là "
      "gắn phong trào với nhiệm vụ kinh tế – xã hội của địa phương và khen thưởng kịp thời.",
      "Liên minh HTX các cấp tham mưu triển khai Kết luận 56-KL/TW ngày 21/2/2013 và góp ý các "
      "văn bản hướng dẫn Luật HTX năm 2012; HTX, quỹ tín dụng nhân dân, liên hiệp HTX phát động "
      "thi đua đến từng thành viên với mục tiêu cụ thể như góp thêm vốn, đoàn kết nội bộ.",
      "Mỗi cấp xây dựng kế hoạch thi đua năm 2013; sơ kết tại kỳ họp Ban Chấp hành tháng 7/2013, "
      "tổng kết và trao thưởng tại lễ kỷ niệm 20 năm."],
     "Văn phòng Liên minh", False),
    ("vca", "hoat-dong", ArticleKind.NEWS,
     "Hướng tới Đại hội Thi đua yêu nước hệ thống Liên minh HTX Việt Nam lần thứ IV",
     date(2020, 6, 10),
     "Đại hội lần thứ IV (2020 – 2025) diễn ra ngày 15 – 16/6 tại trụ sở Liên minh HTX Việt Nam.",
     ["Đại hội Thi đua yêu nước lần thứ IV của hệ thống Liên minh HTX Việt Nam được tổ chức cùng "
      "Hội nghị Ban Chấp hành lần thứ 10, khóa V (nhiệm kỳ 2016 – 2020), trong hai ngày 15 và "
      "16/6.",
      "Đại hội tổng kết năm năm phong trào thi đua và công tác khen thưởng, tôn vinh các tập "
      "thể, cá nhân tiêu biểu và đề ra phương hướng cho giai đoạn 2020 – 2025, gắn với Nghị quyết "
      "Trung ương 5 khóa IX về kinh tế tập thể và Luật HTX năm 2012.",
      "Trong năm năm qua, Liên minh ban hành kế hoạch thi đua hằng năm, phát động các đợt thi đua "
      "ngắn ngày và theo chuyên đề; mỗi đợt đều sơ kết, tổng kết và khen thưởng kịp thời."],
     "Trung tâm Thông tin – Tuyên truyền", True),
    ("hue", "thi-dua", ArticleKind.ANNOUNCEMENT,
     "Kế hoạch 60/KH-LMHTX: tiếp tục đổi mới công tác thi đua, khen thưởng giai đoạn 2020 – 2025",
     date(2020, 4, 22),
     "Liên minh HTX tỉnh ban hành kế hoạch đổi mới thi đua, khen thưởng năm 2020 và giai đoạn "
     "2020 – 2025.",
     ["Ngày 21/4/2020, Liên minh HTX tỉnh Thừa Thiên Huế (nay là thành phố Huế) ban hành Kế "
      "hoạch số 60/KH-LMHTX, căn cứ hai công văn 2347/UBND-TTr và 2349/UBND-TTr ngày 24/3/2020 "
      "của UBND tỉnh và tinh thần Chỉ thị 34-CT/TW ngày 7/4/2014.",
      "Kế hoạch yêu cầu thi đua thường xuyên, liên tục, có kiểm tra, sơ kết, tổng kết; phát "
      "hiện và nhân rộng điển hình; tổ chức lễ trang trọng, tiết kiệm; và công khai, dân chủ "
      "trong bình xét khen thưởng.",
      "Các HTX, đơn vị thành viên báo cáo theo quý, sáu tháng và năm; Liên minh sơ kết sáu "
      "tháng, tổng kết cuối năm, khen thưởng theo thẩm quyền và đề nghị cấp trên khen thưởng. "
      "Toàn văn kế hoạch có trong mục Văn bản."],
     "Văn phòng Liên minh", True),
    ("hue", "dien-hinh", ArticleKind.NEWS,
     "Hợp tác xã tiên phong trong giảm nghèo và xây dựng nông thôn mới", date(2025, 11, 12),
     "Nhiều HTX trên địa bàn liên kết chuỗi giá trị, tạo việc làm cho thành viên và người lao "
     "động trực tiếp.",
     ["Hưởng ứng phong trào “HTX tiên phong trong xóa đói giảm nghèo và xây dựng nông thôn "
      "mới”, các HTX nông nghiệp đã chuyển sang sản xuất theo hợp đồng với doanh nghiệp.",
      "Liên minh HTX thành phố sẽ biểu dương các mô hình tiêu biểu tại hội nghị tổng kết cuối "
      "năm."],
     "Ban Tuyên truyền", False),
]
SCHEDULED_TITLE = "Lịch tổng kết công tác thi đua, khen thưởng cuối năm"

DOCUMENTS = [
    ("hue", DocumentGroup.DIRECTIVE, "60/KH-LMHTX", "Kế hoạch",
     "Tiếp tục đổi mới công tác thi đua, khen thưởng năm 2020 và giai đoạn 2020 – 2025",
     "Liên minh HTX tỉnh Thừa Thiên Huế", date(2020, 4, 21), None,
     "Mục đích, yêu cầu; phương hướng, nhiệm vụ đổi mới thi đua, khen thưởng; trách nhiệm của "
     "HTX, đơn vị thành viên và của Liên minh HTX tỉnh; chế độ báo cáo quý, sáu tháng, năm."),
    ("hue", DocumentGroup.DIRECTIVE, "2347/UBND-TTr", "Công văn",
     "Triển khai, chỉ đạo và phối hợp thực hiện phương hướng, nhiệm vụ chủ yếu tiếp tục đổi mới "
     "công tác thi đua, khen thưởng giai đoạn 2020 – 2025", "UBND tỉnh Thừa Thiên Huế",
     date(2020, 3, 24), None, ""),
    ("hue", DocumentGroup.DIRECTIVE, "2349/UBND-TTr", "Công văn",
     "Triển khai, chỉ đạo và phối hợp thực hiện nhiệm vụ trọng tâm công tác thi đua, khen "
     "thưởng năm 2020", "UBND tỉnh Thừa Thiên Huế", date(2020, 3, 24), None, ""),
    ("hue", DocumentGroup.COLLECTIVE_ECONOMY, "34-CT/TW", "Chỉ thị",
     "Về tiếp tục đổi mới công tác thi đua, khen thưởng", "Bộ Chính trị", date(2014, 4, 7),
     None, ""),
    ("hue", DocumentGroup.COLLECTIVE_ECONOMY, "54-NQ/TW", "Nghị quyết",
     "Về xây dựng và phát triển tỉnh Thừa Thiên Huế đến năm 2030, tầm nhìn đến năm 2045",
     "Bộ Chính trị", date(2019, 12, 10), None, ""),
    ("hue", DocumentGroup.COOPERATIVE_MATERIAL, "18/CT-TTg", "Chỉ thị",
     "Phong trào “Cả nước chung tay vì người nghèo – Không để ai bị bỏ lại phía sau”",
     "Thủ tướng Chính phủ", date(2016, 5, 19), None, ""),
    ("vca", DocumentGroup.COLLECTIVE_ECONOMY, "23/2012/QH13", "Luật", "Luật Hợp tác xã",
     "Quốc hội", date(2012, 11, 20), date(2013, 7, 1), "Thay bằng Luật Hợp tác xã năm 2023."),
    ("vca", DocumentGroup.COLLECTIVE_ECONOMY, "17/2023/QH15", "Luật", "Luật Hợp tác xã",
     "Quốc hội", date(2023, 6, 20), date(2024, 7, 1), ""),
    ("vca", DocumentGroup.DIRECTIVE, "15/2003/QH11", "Luật", "Luật Thi đua, khen thưởng",
     "Quốc hội", date(2003, 11, 26), date(2004, 7, 1), ""),
    ("vca", DocumentGroup.DIRECTIVE, "06/2022/QH15", "Luật", "Luật Thi đua, khen thưởng",
     "Quốc hội", date(2022, 6, 15), date(2024, 1, 1), ""),
    ("vca", DocumentGroup.PROCEDURE_GUIDE, "98/2023/NĐ-CP", "Nghị định",
     "Quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng", "Chính phủ",
     date(2023, 12, 31), date(2024, 1, 1), "Hồ sơ, thủ tục đề nghị khen thưởng; mẫu tờ trình, "
     "báo cáo thành tích."),
    ("vca", DocumentGroup.COLLECTIVE_ECONOMY, "56-KL/TW", "Kết luận",
     "Đẩy mạnh thực hiện Nghị quyết Trung ương 5 (khóa IX) về tiếp tục đổi mới, phát triển và "
     "nâng cao hiệu quả kinh tế tập thể", "Bộ Chính trị", date(2013, 2, 21), None, ""),
]
REPLACEMENTS = [("23/2012/QH13", "17/2023/QH15"), ("15/2003/QH11", "06/2022/QH15")]

QUESTIONS = [
    ("hue", "Trần Thị Lan", "HTX Dịch vụ nông nghiệp Quảng Thọ",
     "HTX chúng tôi muốn đề nghị tặng Giấy khen cho một thành viên trực tiếp sản xuất thì cần "
     "những giấy tờ gì?",
     "Hồ sơ gồm tờ trình của HTX, biên bản họp bình xét và báo cáo thành tích của cá nhân theo "
     "mẫu của Nghị định 98/2023/NĐ-CP; gửi Liên minh trước ngày tổng kết cuối năm.", True),
    ("hue", "Lê Văn Hòa", "",
     "Danh sách đề nghị khen thưởng có được công khai để mọi người góp ý không?",
     "Có. Theo Kế hoạch 60/KH-LMHTX, việc bình xét phải công khai, dân chủ: danh sách được đăng "
     "trên cổng thông tin để lấy ý kiến trước khi Hội đồng xét.", False),
    ("vca", "Nguyễn Minh Tuấn", "Quỹ tín dụng nhân dân Hòa Bình",
     "Quỹ tín dụng nhân dân có được tham gia khối thi đua của Liên minh tỉnh không?", "", False),
]
COMMENTS = [
    ("Phạm Thu Hà", "ha.pham@example.vn", "Mong chương trình phối hợp sớm có tổng kết để các HTX "
     "học tập mô hình hay.", CommentStatus.APPROVED),
    ("Đỗ Quang Vinh", "vinh.do@example.vn", "Đề nghị quan tâm hơn tới người lao động trực tiếp "
     "ở các tổ hợp tác nhỏ.", CommentStatus.APPROVED),
    ("Hoàng Minh Châu", "chau.hoang@example.vn", "HTX chúng tôi ở Đồng Tháp muốn đăng ký làm mô "
     "hình HTX kiểu mới thì liên hệ ở đâu?", CommentStatus.PENDING),
    ("Vũ Thị Ngọc", "ngoc.vu@example.vn", "<script>alert('x')</script> Bài viết rất hữu ích.",
     CommentStatus.PENDING),
]
COVER_COLOURS = [(11, 79, 138), (20, 108, 67), (156, 39, 6), (94, 53, 140), (0, 105, 120)]
GALLERY = [
    ("vca", "Lễ ký chương trình phối hợp thi đua, khen thưởng 2017 – 2022", (11, 79, 138)),
    ("vca", "Đại hội Thi đua yêu nước lần thứ IV", (156, 39, 6)),
    ("hue", "Hội nghị HTX điển hình tiên tiến", (20, 108, 67)),
    ("hue", "Ngày Chủ nhật xanh tại HTX", (46, 125, 50)),
]


def _slug(organization):
    place = organization.short_name.replace("LMHTX ", "") or organization.name
    return normalize(place).replace(" ", "-")


def ensure_sites(created):
    sites = {}
    vca = Organization.objects.get(code="VCA")
    specs = [(vca, VCA_SITE)]
    # A merged alliance (the demo's Phú Yên) has no portal of its own: its successor's speaks.
    for alliance in Organization.objects.filter(kind=K.PROVINCIAL_ALLIANCE,
                                                status=OrganizationStatus.ACTIVE).order_by("code"):
        fields = HUE_SITE if alliance.code == "P46" else {
            "slug": _slug(alliance), "name": alliance.name,
            "tagline": "Thi đua – khen thưởng trong khu vực kinh tế tập thể",
            "address": alliance.address, "phone": alliance.phone,
            "responsible_person": f"Chủ tịch {alliance.name}"}
        specs.append((alliance, fields))
    for organization, fields in specs:
        fields = {**fields, "about": clean_html(fields.get("about", ""))}
        site, made = Site.objects.get_or_create(organization=organization, defaults=fields)
        created["portal_sites"] += made
        sites[site.slug] = site
    return sites


def _article(site, categories, actor, spec, created):
    _key, category, kind, title, day, summary, paragraphs, byline, featured = spec
    if Article.objects.filter(site=site, title=title).exists():
        return Article.objects.get(site=site, title=title)
    body = clean_html("".join(f"<p>{text}</p>" for text in paragraphs))
    created["portal_articles"] += 1
    return Article.objects.create(
        site=site, category=categories[category], kind=kind, title=title, summary=summary,
        body=body, byline=byline, is_featured=featured, status=ArticleStatus.PUBLISHED,
        publish_at=timezone.make_aware(datetime.combine(day, time(9, 30))), created_by=actor,
        view_count=random.Random(f"{data.SEED}:{title}").randint(180, 2400))


def ensure_articles(sites, actor, today, created):
    articles = {}
    for key in ("vca", "hue"):
        site = sites[key]
        categories = {slug: Category.objects.get_or_create(site=site, slug=slug, defaults={
            "name": name, "order": order})[0] for order, (slug, name) in enumerate(CATEGORIES)}
        for spec in (s for s in ARTICLES if s[0] == key):
            articles[spec[3]] = _article(site, categories, actor, spec, created)
        if not Article.objects.filter(site=site, title=SCHEDULED_TITLE).exists():
            Article.objects.create(
                site=site, category=categories["thi-dua"], kind=ArticleKind.ANNOUNCEMENT,
                title=SCHEDULED_TITLE, summary="Hẹn giờ đăng: chưa hiện với người xem.",
                body="<p>Lịch tổng kết sẽ được thông báo tới các đơn vị thành viên.</p>",
                status=ArticleStatus.PUBLISHED, created_by=actor,
                publish_at=timezone.make_aware(datetime.combine(today + timedelta(days=7),
                                                                time(8))))
            created["portal_articles"] += 1
    return articles


def ensure_documents(sites, created):
    for key, group, number, doc_type, title, issuer, issued, effective, summary in DOCUMENTS:
        _document, made = LegalDocument.objects.get_or_create(
            site=sites[key], number=number, defaults={
                "group": group, "doc_type": doc_type, "title": title, "issuer": issuer,
                "issued_on": issued, "effective_on": effective, "summary": summary})
        created["portal_documents"] += made
    for old, new in REPLACEMENTS:
        LegalDocument.objects.filter(site=sites["vca"], number=old, replaced_by=None).update(
            replaced_by=LegalDocument.objects.get(site=sites["vca"], number=new))


def ensure_questions(sites, actor, created):
    for key, name, organization_name, body, answer, faq in QUESTIONS:
        if Question.objects.filter(site=sites[key], body=body).exists():
            continue
        Question.objects.create(
            site=sites[key], name=name, organization_name=organization_name, body=body,
            answer=answer, is_published=bool(answer), is_faq=faq,
            answered_by=actor if answer else None, answered_at=timezone.now() if answer else None)
        created["portal_questions"] += 1


def ensure_comments(article, created):
    for name, email, body, status in COMMENTS:
        _comment, made = Comment.objects.get_or_create(article=article, name=name, defaults={
            "email": email, "body": body, "status": status})
        created["portal_comments"] += made


def ensure_gallery(sites, created):
    """Illustrated photos, and a thumbnail for any photo of the demo sites that lacks one (a
    database loaded before thumbnails were made)."""
    for key, title, colour in GALLERY:
        if GalleryItem.objects.filter(site=sites[key], title=title).exists():
            continue
        item = GalleryItem(site=sites[key], kind=GalleryKind.PHOTO, title=title,
                           alt=f"Ảnh minh họa: {title}")
        picture = illustration(f"{data.SEED}:{title}", colour, (1200, 800), caption=title)
        display, thumb = resized(picture, f"{key}-demo-{len(title)}")
        replace_file(item.image, display.name, display)
        replace_file(item.thumb, thumb.name, thumb)
        item.save()
        created["portal_gallery"] += 1
    for item in GalleryItem.objects.filter(site__in=sites.values(), thumb="").exclude(image=""):
        _display, thumb = resized(item.image, f"{item.site.slug}-g{item.pk}")
        replace_file(item.thumb, thumb.name, thumb)
        item.save(update_fields=["thumb"])


def ensure_covers(articles):
    """A drawn cover and its thumbnail for each demo article that has none."""
    for index, article in enumerate(articles.values()):
        if article.cover:
            continue
        colour = COVER_COLOURS[index % len(COVER_COLOURS)]
        display, thumb = resized(illustration(f"{data.SEED}:{article.title}", colour),
                                 f"{article.site.slug}-demo-cover-{article.pk}")
        replace_file(article.cover, display.name, display)
        replace_file(article.cover_thumb, thumb.name, thumb)
        article.cover_alt = f"Tranh minh họa cho tin “{article.title}”"
        article.save(update_fields=["cover", "cover_thumb", "cover_alt"])


def replace_file(field_file, name, content):
    """Store a drawn file under its own name (not saving the row), replacing the file a load on
    an emptied database left there: the storage would otherwise keep it and add a copy named
    ``…_eWKZLNO.png`` on every fresh load."""
    target = field_file.field.generate_filename(field_file.instance, name)
    if field_file.storage.exists(target):
        field_file.storage.delete(target)
    field_file.save(name, content, save=False)


def mark_label(organization):
    """The short name a logo mark carries: 'VCA', 'HUẾ'; initials when the place is long."""
    if organization.code == "VCA":
        return "VCA"
    place = organization.short_name.replace("LMHTX", "").replace("TP.", "").strip() or \
        organization.name
    if len(place) <= 5:
        return place.upper()
    return "".join(word[0] for word in place.split()).upper()


def ensure_logos(sites):
    """Each site's logo mark; the VCA's and Huế's also on their Giấy khen certificate layout,
    from where every certificate they print takes it."""
    for site in sites.values():
        if not site.logo:
            replace_file(site.logo, f"{site.slug}-bieu-trung.png",
                         logo_mark(mark_label(site.organization), "bieu-trung.png"))
            site.save(update_fields=["logo"])
    paper = AwardType.objects.filter(code="GK").first()
    for key in ("vca", "hue"):
        organization = sites[key].organization
        if paper is None or CertificateTemplate.objects.filter(organization=organization) \
                .exclude(logo="").exists():
            continue
        template, _made = CertificateTemplate.objects.get_or_create(
            organization=organization, award_type=paper,
            defaults={"paper": default_paper(paper)})
        replace_file(template.logo, "bieu-trung.png", logo_mark(mark_label(organization), "x.png"))
        template.save(update_fields=["logo"])


def ensure_visits(sites, today, created):
    """About thirteen months of daily visitors before today, weekdays busier than weekends, so
    the counter shows figures of the order the seed's provincial portal showed."""
    for key, base in (("vca", 1400), ("hue", 650)):
        site = sites[key]
        rng = random.Random(f"{data.SEED}:visits:{key}")
        known = set(VisitDay.objects.filter(site=site).values_list("day", flat=True))
        rows = []
        for back in range(400, 0, -1):
            day = today - timedelta(days=back)
            weekday = 1.0 if day.weekday() < 5 else 0.45
            visits = int(base * weekday * rng.uniform(0.75, 1.3))
            if day not in known:
                rows.append(VisitDay(site=site, day=day, visits=visits))
        VisitDay.objects.bulk_create(rows)
        created["portal_visit_days"] += len(rows)


def load(actor, created, today):
    sites = ensure_sites(created)
    ensure_logos(sites)
    articles = ensure_articles(sites, actor, today, created)
    ensure_covers(articles)
    ensure_documents(sites, created)
    ensure_questions(sites, actor, created)
    ensure_comments(articles[ARTICLES[0][3]], created)
    ensure_gallery(sites, created)
    ensure_visits(sites, today, created)
    created["portal_honour_entries"] += honour.rebuild(only_missing=True)
