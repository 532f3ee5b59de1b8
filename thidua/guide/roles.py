"""What each role does in the emulation and commendation cycle, step by step, in our own words.
Menu labels are the navigation's own, so the guide reads like the screen."""
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from thidua.accounts.models import Role
from thidua.guide.steps import RoleGuide, Step

HOME, UNITS = _("Việc của tôi"), _("Đơn vị")
PEOPLE, GROUPS = pgettext_lazy("navigation", "Cá nhân"), pgettext_lazy("navigation",
                                                                         "Khối, cụm thi đua")
MOVEMENTS = pgettext_lazy("navigation", "Phong trào")
BATCHES = pgettext_lazy("navigation", "Hồ sơ khen thưởng")
REPORTS = pgettext_lazy("navigation", "Báo cáo")
MY_UNIT, A_BATCH = _("đơn vị của bạn"), _("một tờ trình")
A_MOVEMENT, A_SESSION = _("một phong trào"), _("phiên họp")

WORK = Step(_("Xem việc đang chờ"),
            _("Trang đầu tiên sau khi đăng nhập liệt kê những việc đang chờ bạn, kèm số lượng, hạn "
              "gần nhất và đường dẫn tới đúng chỗ cần làm. Bắt đầu mỗi ngày từ đây."),
            (HOME,), "core:home", "home")
VOTE = Step(_("Bỏ phiếu kín"),
            _("Chọn Đồng ý hoặc Không đồng ý cho từng hồ sơ rồi bấm Bỏ phiếu. Hệ thống chỉ ghi "
              "nhận bạn đã bỏ phiếu, không lưu bạn chọn gì."),
            (HOME, A_SESSION, _("Bỏ phiếu")), "core:home", "council-session")
BATCH_DETAIL = "batch-detail"

GUIDES = (
    RoleGuide(Role.UNIT_REPORTER, "bao-cao", _(
        "Bạn đưa thông tin của đơn vị mình (thường là một HTX) lên hệ thống: đăng ký thi đua khi "
        "cấp trên phát động, nộp báo cáo định kỳ đúng hạn, giữ danh sách cá nhân cập nhật và lập "
        "tờ trình đề nghị khen thưởng gửi cấp trên."), (
        WORK,
        Step(_("Đăng ký thi đua"),
             _("Mở phong trào cấp trên đã phát động, chọn danh hiệu tập thể và cá nhân mà đơn vị "
               "đăng ký, rồi gửi để cấp trên duyệt."),
             (UNITS, MY_UNIT, _("Phong trào của đơn vị"), _("Đăng ký thi đua")),
             "movements:unit_movements", "unit-movements", "unit"),
        Step(_("Nộp báo cáo định kỳ"),
             _("Mỗi kỳ báo cáo có hạn tính theo ngày làm việc. Điền số liệu của kỳ và bấm Nộp "
               "báo cáo; kỳ quá hạn được tô đỏ."),
             (UNITS, MY_UNIT, _("Báo cáo định kỳ của đơn vị"), _("Nộp báo cáo")),
             "movements:unit_reports", "unit-reports", "unit"),
        Step(_("Cập nhật cá nhân của đơn vị"),
             _("Thêm người mới, sửa chức vụ và quá trình công tác để tờ trình sau này chọn đúng "
               "người."),
             (UNITS, MY_UNIT, _("Thêm cá nhân")), "organizations:organization_detail",
             "person-create", "unit"),
        Step(_("Lập và gửi tờ trình"),
             _("Lập tờ trình, thêm danh sách đề nghị và tài liệu kèm theo, xem phần kiểm tra "
               "thành phần hồ sơ rồi bấm Gửi. Tờ trình bị trả lại có lý do ghi ngay trên trang: "
               "bổ sung rồi gửi lại."),
             (BATCHES, _("Lập tờ trình"), _("Gửi")), "nominations:batch_list", BATCH_DETAIL),
    )),
    RoleGuide(Role.EC_OFFICER, "thi-dua-khen-thuong", _(
        "Bạn tham mưu công tác thi đua – khen thưởng ở cấp của mình: phát động và theo dõi phong "
        "trào, duyệt đăng ký, đôn đốc báo cáo, tiếp nhận tờ trình của cấp dưới, giao thẩm định, "
        "công khai và đưa hồ sơ ra Hội đồng. Ở một HTX, bạn làm cả phần việc của cán bộ báo "
        "cáo."), (
        WORK,
        Step(_("Phát động phong trào"),
             _("Ghi mục tiêu, đối tượng, tiêu chí và hạn đăng ký; bấm Phát động. Mọi đơn vị trong "
               "phạm vi nhận thông báo, nên hệ thống hỏi lại trước khi gửi."),
             (MOVEMENTS, _("Phát động phong trào")), "movements:movement_list", "movement-create"),
        Step(_("Duyệt đăng ký thi đua"),
             _("Xem đơn vị nào đã đăng ký, mở từng bản để duyệt hoặc trả lại kèm lý do."),
             (MOVEMENTS, A_MOVEMENT, _("Đăng ký thi đua")),
             "movements:movement_list", "registration-overview"),
        Step(_("Theo dõi báo cáo của cấp dưới"),
             _("Mỗi kỳ báo cáo cho biết ai nộp đúng hạn, nộp muộn hay chưa nộp; nhắc hạn từ "
               "chính trang này."),
             (UNITS, MY_UNIT, _("Kỳ báo cáo và tình hình nộp của cấp dưới")),
             "movements:schedules", "report-compliance", "unit"),
        Step(_("Xem ai đủ điều kiện"),
             _("Hệ thống xét điều kiện theo Luật Thi đua, khen thưởng và các nghị định; mỗi kết "
               "luận kèm căn cứ pháp lý và những điều kiện còn thiếu."),
             (UNITS, MY_UNIT, _("Ai đủ điều kiện?")), "awards:qualification", "qualification",
             "unit"),
        Step(_("Tiếp nhận tờ trình, giao thẩm định"),
             _("Tờ trình cấp dưới gửi lên: kiểm tra thành phần hồ sơ, bấm Tiếp nhận (hoặc Trả lại "
               "bổ sung), rồi Giao thẩm định cho một cán bộ thẩm định."),
             (BATCHES, A_BATCH, _("Tiếp nhận"), _("Giao thẩm định")),
             "nominations:batch_list", BATCH_DETAIL),
        Step(_("Công khai, đưa ra Hội đồng"),
             _("Khi đã có kết quả thẩm định: Công khai danh sách để lấy ý kiến; hết hạn công khai "
               "thì Đưa ra Hội đồng. Nút nào chưa dùng được sẽ nói lý do ngay bên dưới."),
             (BATCHES, A_BATCH, _("Công khai"), _("Đưa ra Hội đồng")),
             "nominations:batch_list", BATCH_DETAIL),
        Step(_("Báo cáo thống kê"),
             _("Tải các biểu thống kê thi đua, khen thưởng theo năm, dạng Excel hoặc PDF."),
             (REPORTS, _("Biểu thống kê (TT 02/2023)")), "reports:statutory", "reports-statutory"),
    )),
    RoleGuide(Role.APPRAISER, "tham-dinh", _(
        "Bạn kiểm tra từng hồ sơ trong tờ trình được giao: đối chiếu điều kiện, tiêu chuẩn và "
        "thành tích, rồi ghi kết luận của mình bên cạnh kết luận của máy."), (
        WORK,
        Step(_("Thẩm định từng hồ sơ"),
             _("Mở tờ trình được giao. Với mỗi người hoặc tập thể, máy đã đưa ra kết luận kèm căn "
               "cứ; bạn đồng ý hoặc ghi kết luận khác và lý do, rồi lưu. Cần ý kiến của các ban "
               "thì chọn các ban và thời hạn (ngày làm việc) ở mục Ý kiến các ban: ý kiến của "
               "từng ban hiện bên cạnh từng hồ sơ, ban quá hạn màu đỏ. Cán bộ của một ban cho ý "
               "kiến từ Việc của tôi → Tờ trình chờ ban cho ý kiến."),
             (BATCHES, A_BATCH, _("Thẩm định từng hồ sơ")), "nominations:batch_list",
             BATCH_DETAIL),
        Step(_("Tra khen thưởng đã có"),
             _("Sổ khen thưởng của đơn vị cho biết danh hiệu, hình thức đã nhận qua các năm — "
               "dùng để kiểm tra điều kiện về thời gian và số lần."),
             (UNITS, MY_UNIT, _("Hồ sơ khen thưởng")), "awards:unit_record", "unit-award-record",
             "unit"),
    )),
    RoleGuide(Role.COUNCIL_MEMBER, "hoi-dong", _(
        "Bạn là thành viên Hội đồng Thi đua – Khen thưởng: khi phiên họp mở, bạn bỏ phiếu kín cho "
        "từng hồ sơ; kết quả theo ngưỡng của từng loại khen thưởng."), (
        Step(_("Nhận thông báo phiên họp"),
             _("Khi một phiên họp mở bỏ phiếu, bạn nhận thông báo kèm đường dẫn tới phiên họp."),
             (_("Thông báo"),), "core:inbox", "inbox"),
        VOTE,
        Step(_("Xem kết quả"),
             _("Sau khi phiên họp kết thúc, kết quả kiểm phiếu và biên bản có trên trang phiên "
               "họp."),
             (HOME, A_SESSION, _("Kết quả kiểm phiếu")), "core:home", "council-session"),
    )),
    RoleGuide(Role.COUNCIL_SECRETARY, "thu-ky", _(
        "Bạn giúp Hội đồng điều hành phiên họp: điểm danh, nhập phiếu giấy nếu có, kết thúc phiên "
        "họp và lập biên bản."), (
        Step(_("Điểm danh"),
             _("Đánh dấu thành viên có mặt và lưu; phiên họp chỉ biểu quyết được khi đủ số."),
             (HOME, A_SESSION, _("Điểm danh")), "core:home", "council-session"),
        VOTE,
        Step(_("Kết thúc phiên họp, tải biên bản"),
             _("Khi mọi người đã bỏ phiếu, bấm Kết thúc phiên họp; tải biên bản họp và biên bản "
               "kiểm phiếu dạng Word hoặc PDF."),
             (HOME, A_SESSION, _("Kết thúc phiên họp")), "core:home", "council-session"),
    )),
    RoleGuide(Role.SIGNER, "ky-quyet-dinh", _(
        "Bạn là người có thẩm quyền ký quyết định khen thưởng: xem dự thảo, ban hành, ký số và cho "
        "in bằng khen, giấy khen."), (
        WORK,
        Step(_("Xem và ban hành quyết định"),
             _("Đọc dự thảo và danh sách kèm theo, rồi bấm Ban hành quyết định: hệ thống cấp số "
               "liên tục theo cơ quan và năm."),
             (HOME, _("Quyết định khen thưởng"), _("Ban hành quyết định")), "core:home",
             "decision-detail"),
        Step(_("Ký số, in bằng"),
             _("Ký số quyết định đã ban hành, rồi in bằng khen, giấy khen; mỗi bằng có mã QR để "
               "ai cũng xác minh được."),
             (HOME, _("Quyết định khen thưởng"), _("In bằng khen, giấy khen")), "core:home",
             "decision-detail"),
    )),
    RoleGuide(Role.PORTAL_EDITOR, "bien-tap", _(
        "Bạn giữ cổng thông tin của đơn vị: tin bài, văn bản, ảnh và thông tin cổng."), (
        Step(_("Mở trang quản lý cổng"),
             _("Trang tổng quan cho biết tin bài nháp, bình luận và câu hỏi đang chờ; các thẻ Tin "
               "bài, Văn bản, Ảnh, video dùng để viết và xuất bản. Đường dẫn bên dưới mở đúng cổng "
               "của đơn vị bạn."),
             (HOME, _("Tin bài nháp chờ xuất bản")), "portal:staff", "portal-staff", "site"),
        Step(_("Xem cổng như công chúng"),
             _("Tin đã xuất bản hiện ngay trên trang chủ của cổng."),
             (_("Quản lý cổng"), _("Xem cổng")), "portal:home", "portal-home", "site"),
    )),
    RoleGuide(Role.MODERATOR, "kiem-duyet", _(
        "Bạn duyệt bình luận và câu hỏi của công chúng trước khi chúng hiện trên cổng."), (
        Step(_("Duyệt bình luận"),
             _("Mỗi bình luận chờ duyệt có nút cho hiện hoặc từ chối."),
             (HOME, _("Bình luận chờ kiểm duyệt")), "portal:staff_comments",
             "portal-staff-comments", "site"),
        Step(_("Xem cổng như công chúng"),
             _("Bình luận đã duyệt hiện dưới bài viết."),
             (_("Quản lý cổng"), _("Xem cổng")), "portal:articles", "portal-articles", "site"),
    )),
    RoleGuide(Role.SYSTEM_ADMIN, "quan-tri", _(
        "Bạn giữ dữ liệu nền của hệ thống trong phạm vi của mình: đơn vị, cá nhân, khối, cụm thi "
        "đua, và theo dõi nhật ký kiểm toán."), (
        Step(_("Quản lý đơn vị"),
             _("Cây đơn vị từ Liên minh HTX Việt Nam xuống HTX; thêm, sửa hoặc nhập từ Excel."),
             (UNITS,), "organizations:organization_list", "organization-list"),
        Step(_("Quản lý cá nhân"),
             _("Mỗi người có quá trình công tác; số CCCD được mã hóa và mỗi lần xem đầy đủ đều "
               "được ghi nhật ký."),
             (PEOPLE,), "organizations:person_list", "person-detail"),
        Step(_("Khối, cụm thi đua"),
             _("Lập khối, cụm theo năm và chọn đơn vị tham gia."),
             (GROUPS,), "organizations:group_list", "group-list"),
        Step(_("Nhật ký kiểm toán"),
             _("Mọi thay đổi và lần đăng nhập được ghi thêm vào một chuỗi không sửa được."),
             (_("Tài khoản của tôi"), _("Nhật ký kiểm toán")), "audit:entry_list", "audit-log"),
    )),
    RoleGuide(Role.VIEWER, "nguoi-xem", _(
        "Bạn được xem dữ liệu trong phạm vi của mình, không sửa được gì."), (
        Step(_("Xem đơn vị"),
             _("Tìm đơn vị theo tên hoặc mã, không cần gõ dấu."),
             (UNITS,), "organizations:organization_list", "organization-list"),
        Step(_("Xem báo cáo"),
             _("Bảng điều khiển có biểu đồ và bảng số liệu trong phạm vi của bạn."),
             (REPORTS,), "reports:dashboard", "reports-dashboard"),
    )),
)
BY_SLUG = {guide.slug: guide for guide in GUIDES}
BY_ROLE = {guide.role: guide for guide in GUIDES}


def pictured_pages():
    """The page names whose pictures the guides show."""
    return {step.picture for guide in GUIDES for step in guide.steps}
