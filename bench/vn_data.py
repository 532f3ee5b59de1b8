"""Vocabulary for synthetic benchmark data: Vietnamese personal names with a realistic
distribution, and words for cooperative names. Used by ``bench/org_scale.py`` only.

Family-name shares follow the commonly cited figures for Vietnam (Nguyễn ≈ 38 %, Trần ≈ 11 %,
Lê ≈ 9.5 %, Phạm ≈ 7 %, …); middle and given names are weighted by hand, most common first,
with a Zipf-like tail.
"""

FAMILY_NAMES = [
    ("Nguyễn", 38.4), ("Trần", 11.0), ("Lê", 9.5), ("Phạm", 7.0), ("Hoàng", 3.2), ("Huỳnh", 2.0),
    ("Phan", 4.5), ("Vũ", 2.1), ("Võ", 1.8), ("Đặng", 2.1), ("Bùi", 2.0), ("Đỗ", 1.4),
    ("Hồ", 1.3), ("Ngô", 1.3), ("Dương", 1.0), ("Lý", 0.5), ("Đinh", 0.9), ("Trương", 0.8),
    ("Lương", 0.5), ("Mai", 0.5), ("Đoàn", 0.6), ("Cao", 0.5), ("Lâm", 0.5), ("Hà", 0.6),
    ("Tạ", 0.3), ("Tô", 0.3), ("Chu", 0.3), ("Kiều", 0.2), ("Quách", 0.2), ("Thái", 0.2),
    ("Triệu", 0.2), ("Lục", 0.1), ("Vương", 0.2), ("Hứa", 0.1), ("Châu", 0.2), ("Văn", 0.2),
    ("La", 0.1), ("Nông", 0.2), ("Lò", 0.1), ("Y", 0.1),
]

MALE_MIDDLE_NAMES = [
    ("Văn", 38), ("Đức", 7), ("Minh", 7), ("Quốc", 5), ("Hữu", 5), ("Công", 4), ("Thành", 4),
    ("Xuân", 3), ("Ngọc", 3), ("Quang", 3), ("Anh", 2), ("Trọng", 2), ("Đình", 4), ("Hoàng", 2),
    ("Tuấn", 2), ("Thanh", 3), ("Mạnh", 2), ("Duy", 2), ("Gia", 1), ("Bá", 1), ("Viết", 1),
    ("Khắc", 1), ("Tiến", 1), ("Trung", 1), ("Văn Minh", 1), ("Hoàng Minh", 1), ("Đức Anh", 1),
]

FEMALE_MIDDLE_NAMES = [
    ("Thị", 45), ("Thu", 5), ("Ngọc", 5), ("Thanh", 4), ("Minh", 3), ("Hồng", 3), ("Kim", 3),
    ("Phương", 2), ("Bích", 2), ("Mai", 2), ("Thùy", 2), ("Diệu", 1), ("Khánh", 1), ("Bảo", 1),
    ("Hải", 1), ("Lan", 1), ("Thúy", 2), ("Hoài", 1), ("Thị Thu", 2), ("Thị Thanh", 2),
    ("Thị Hồng", 1), ("Thị Kim", 1), ("Ngọc Bảo", 1),
]

MALE_GIVEN_NAMES = [
    "Anh", "Hùng", "Dũng", "Tuấn", "Nam", "Long", "Hải", "Minh", "Sơn", "Thắng", "Cường", "Hiếu",
    "Đức", "Huy", "Quân", "Trung", "Phong", "Bình", "Thành", "Tùng", "Việt", "Khánh", "Toàn",
    "Hoàng", "Tâm", "Lâm", "Phúc", "Hưng", "Vinh", "Kiên", "Điệp", "Lợi", "Hòa", "Tài", "Thịnh",
    "Quang", "Đạt", "Tiến", "Nghĩa", "Thái", "Bảo", "Lộc", "Tú", "Vũ", "Định", "Hiệp", "Khoa",
    "Chiến", "Hậu", "Tín", "Trí", "Vương", "Luân", "Nhân", "Phát", "Quý", "Sang", "Thiện",
    "Thuận", "Trường", "Tuệ", "Vĩnh", "Xuân", "Ân", "Bắc", "Cảnh", "Công", "Duy", "Giang",
    "Hạnh", "Kha", "Lực", "Mạnh", "Ninh", "Pháp", "Quyết", "Sỹ", "Thạch", "Thông", "Uy",
]

FEMALE_GIVEN_NAMES = [
    "Hương", "Lan", "Hoa", "Mai", "Linh", "Trang", "Hằng", "Thảo", "Ngọc", "Hà", "Nga", "Thủy",
    "Hạnh", "Huyền", "Yến", "Loan", "Phương", "Vân", "Dung", "Nhung", "Oanh", "Liên", "Hiền",
    "Thu", "Tuyết", "Hòa", "Ly", "Châu", "Giang", "Anh", "Quỳnh", "Nhi", "Vy", "Trinh", "Diệp",
    "Hồng", "Xuân", "Duyên", "Uyên", "Thơ", "Lụa", "Thắm", "Nhàn", "Hậu", "Tâm", "Thúy", "Chi",
    "Diệu", "Đào", "Gấm", "Hoài", "Kiều", "Lệ", "Minh", "My", "Nguyệt", "Nhàn", "Phượng",
    "Sen", "Tuyền", "Vui", "Xuyến", "Yên", "Bích", "Cúc", "Điểm", "Hải", "Khuê", "Lam",
]


def zipf(names, exponent=0.9):
    """Weight a most-common-first list of names like a Zipf distribution."""
    return [(name, 1 / (rank + 1) ** exponent) for rank, name in enumerate(names)]


# Cooperative activity → sector (OrganizationKind.COOPERATIVE and unions).
COOP_ACTIVITIES = [
    ("Nông nghiệp", "AGRICULTURE"), ("Dịch vụ nông nghiệp", "AGRICULTURE"),
    ("Nông nghiệp và dịch vụ tổng hợp", "AGRICULTURE"), ("Dịch vụ tổng hợp", "TRADE"),
    ("Chăn nuôi", "AGRICULTURE"), ("Thủy sản", "AGRICULTURE"), ("Rau an toàn", "AGRICULTURE"),
    ("Chè", "AGRICULTURE"), ("Cà phê", "AGRICULTURE"), ("Lúa gạo", "AGRICULTURE"),
    ("Cây ăn quả", "AGRICULTURE"), ("Dược liệu", "AGRICULTURE"), ("Vận tải", "TRANSPORT"),
    ("Vận tải hành khách", "TRANSPORT"), ("Môi trường", "ENVIRONMENT"),
    ("Vệ sinh môi trường", "ENVIRONMENT"), ("Xây dựng", "CONSTRUCTION"),
    ("Thủ công mỹ nghệ", "INDUSTRY"), ("Mây tre đan", "INDUSTRY"), ("Dệt may", "INDUSTRY"),
    ("Cơ khí", "INDUSTRY"), ("Thương mại dịch vụ", "TRADE"), ("Điện năng", "INDUSTRY"),
    ("Nước sạch", "ENVIRONMENT"), ("Du lịch cộng đồng", "TRADE"), ("Muối", "AGRICULTURE"),
]

GROUP_PRODUCTS = [
    "trồng rau", "nuôi ong", "chăn nuôi bò", "nuôi tôm", "đánh bắt hải sản", "làm bún",
    "mây tre đan", "dệt thổ cẩm", "trồng nấm", "sản xuất chè", "làm muối", "trồng hoa",
    "sản xuất miến", "đan lát", "cơ khí", "thêu ren", "nuôi cá lồng", "trồng cam",
]

VCA_DEPARTMENTS = [
    ("ALLIANCE_DEPARTMENT", "Văn phòng"), ("ALLIANCE_DEPARTMENT", "Ban Tổ chức"),
    ("ALLIANCE_DEPARTMENT", "Ban Thi đua – Khen thưởng"),
    ("ALLIANCE_DEPARTMENT", "Ban Chính sách – Pháp luật"),
    ("ALLIANCE_DEPARTMENT", "Ban Kế hoạch – Tài chính"),
    ("ALLIANCE_DEPARTMENT", "Ban Kiểm tra"), ("ALLIANCE_DEPARTMENT", "Ban Đối ngoại"),
    ("ALLIANCE_DEPARTMENT", "Ban Tuyên truyền"), ("ALLIANCE_DEPARTMENT", "Ban Phát triển thành viên"),
    ("ALLIANCE_DEPARTMENT", "Ban Hỗ trợ chuyển đổi số"), ("ALLIANCE_DEPARTMENT", "Văn phòng Đảng – Đoàn thể"),
    ("ALLIANCE_DEPARTMENT", "Ban Công nghệ và Môi trường"),
    ("ALLIANCE_UNIT", "Quỹ Hỗ trợ phát triển hợp tác xã"),
    ("ALLIANCE_UNIT", "Trường Cán bộ quản lý hợp tác xã"),
    ("ALLIANCE_UNIT", "Trường Cao đẳng Kinh tế – Kỹ thuật"),
    ("ALLIANCE_UNIT", "Báo Kinh tế hợp tác"), ("ALLIANCE_UNIT", "Trung tâm Xúc tiến thương mại"),
    ("ALLIANCE_UNIT", "Trung tâm Tư vấn và Chuyển giao công nghệ"),
    ("ALLIANCE_UNIT", "Viện Nghiên cứu kinh tế hợp tác"),
    ("ALLIANCE_UNIT", "Trung tâm Đào tạo nghề"),
]

POSITIONS = {
    "STAFF": ["Giám đốc", "Phó Giám đốc", "Chủ tịch Hội đồng quản trị", "Trưởng ban kiểm soát",
              "Kế toán trưởng", "Trưởng phòng", "Phó Trưởng phòng"],
    "OFFICIAL": ["Chuyên viên", "Chuyên viên chính", "Kế toán", "Văn thư", "Nhân viên"],
    "MEMBER": ["Thành viên", "Thành viên", "Thành viên", "Tổ trưởng sản xuất"],
    "WORKER": ["Người lao động", "Công nhân", "Lái xe", "Thủ kho"],
}
