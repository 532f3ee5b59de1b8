"""What the demo network holds: the VCA, its departments and units, the emulation blocs, and the
units of the three provinces shown in depth (Huế in full, Hà Nội and Đắk Lắk in brief).

Codes of local units come from their position in each list (``P46-HTX07`` is the seventh
cooperative of Huế), so new units go at the end of a list and existing ones keep their codes.
Everything here is invented for the demo from the seed facts; any likeness of a name is chance.
"""
from dataclasses import dataclass
from datetime import date

from thidua.accounts.models import Role
from thidua.organizations.models import EmulationGroupKind as G
from thidua.organizations.models import OrganizationKind as K
from thidua.organizations.models import Sector as S

SEED = "thidua-demo-2026"
HUE, HANOI, DAKLAK = 46, 1, 66
HISTORIC_PROVINCE_NAMES = {HUE: "Thừa Thiên Huế"}  # before the 2025 reform
TAX_PREFIXES = {HUE: "33", HANOI: "01", DAKLAK: "60"}  # first two digits of local tax codes
FIRST_BLOC_YEAR = 2022  # the VCA bloc of public-service units and enterprises, reviewed yearly

VCA = {"code": "VCA", "name": "Liên minh Hợp tác xã Việt Nam", "short_name": "LMHTX Việt Nam",
       "founded": (1994, 4, 11)}

# (code suffix, name) of the departments; heads are "Trưởng ban" or "Chánh Văn phòng".
DEPARTMENTS = [
    ("VP", "Văn phòng"),
    ("TDKT", "Ban Thi đua – Khen thưởng"),
    ("TC", "Ban Tổ chức"),
    ("CSPL", "Ban Chính sách – Pháp luật"),
    ("KHHT", "Ban Kế hoạch – Hỗ trợ"),
    ("KT", "Ban Kiểm tra"),
    ("TTDN", "Ban Tuyên truyền – Đối ngoại"),
    ("VPDD", "Văn phòng đại diện tại Thành phố Hồ Chí Minh"),
]

# (code suffix, name, short name, founding year, head's title, member of the VCA bloc)
ALLIANCE_UNITS = [
    ("QPT", "Quỹ Phát triển hợp tác xã", "Quỹ PT HTX", 2006, "Tổng Giám đốc", True),
    ("TTTT", "Trung tâm Thông tin – Truyền thông kinh tế tập thể", "TT Thông tin", 1998,
     "Giám đốc", True),
    ("XTTM", "Trung tâm Xúc tiến thương mại và Hỗ trợ hợp tác xã", "TT Xúc tiến TM", 2001,
     "Giám đốc", True),
    ("TCB", "Trường Cán bộ quản lý hợp tác xã", "Trường CBQL HTX", 1996, "Hiệu trưởng", True),
    ("VKT", "Viện Kinh tế hợp tác", "Viện KTHT", 2004, "Viện trưởng", True),
    ("TCHT", "Tạp chí Kinh tế hợp tác", "Tạp chí KTHT", 1999, "Tổng Biên tập", True),
    ("BAO", "Báo điện tử Kinh tế tập thể và Doanh nghiệp", "Báo KTTT&DN", 2009,
     "Tổng Biên tập", True),
    ("TVPL", "Trung tâm Tư vấn, Hỗ trợ pháp lý hợp tác xã", "TT Tư vấn", 2008, "Giám đốc", True),
    ("DTNL", "Trung tâm Đào tạo nguồn nhân lực kinh tế tập thể", "TT Đào tạo", 2011,
     "Giám đốc", True),
    ("KHCN", "Trung tâm Khoa học công nghệ và Môi trường", "TT KHCN&MT", 2005, "Giám đốc", True),
    ("HTQT", "Trung tâm Hợp tác quốc tế và Hội nhập", "TT HTQT", 2012, "Giám đốc", True),
    ("CDS", "Trung tâm Chuyển đổi số kinh tế hợp tác", "TT Chuyển đổi số", 2021, "Giám đốc",
     True),
    ("CDMT", "Trường Cao đẳng Kinh tế – Kỹ thuật hợp tác xã miền Trung", "CĐ KTKT HTX MT", 1978,
     "Hiệu trưởng", True),
    ("CTDV", "Công ty TNHH Một thành viên Dịch vụ hợp tác xã", "Công ty DV HTX", 2003,
     "Giám đốc", True),
    ("CTTM", "Công ty Cổ phần Thương mại và Đầu tư hợp tác", "Công ty TM&ĐT", 2010,
     "Tổng Giám đốc", True),
    ("NK", "Nhà khách Liên minh Hợp tác xã Việt Nam", "Nhà khách", 1997, "Giám đốc", False),
]

VCA_BLOC = "Khối thi đua các đơn vị sự nghiệp và doanh nghiệp thuộc Liên minh"
VCA_BLOC_HEAD = "QPT"
DEPARTMENT_BLOC = "Khối thi đua các ban, Văn phòng thuộc Liên minh"


@dataclass(frozen=True)
class Unit:
    """A local unit; ``group`` names its bloc or cluster (``LOCAL_GROUPS``), ``under`` the code
    suffix of the union it belongs to, ``ended`` (status, year, merged-into suffix) a closed unit,
    ``historic`` a record kept under the province's former name."""

    kind: str
    name: str
    ward: str
    sector: str
    founded: int
    new_model: bool = False
    group: str = ""
    under: str = ""
    ended: tuple = ()
    historic: bool = False


def htx(name, ward, sector, founded, **extra):
    return Unit(K.COOPERATIVE, "Hợp tác xã " + name, ward, sector, founded, **extra)


def lh(name, ward, sector, founded, **extra):
    return Unit(K.COOPERATIVE_UNION, "Liên hiệp hợp tác xã " + name, ward, sector, founded,
                **extra)


def tht(name, ward, sector, founded, **extra):
    return Unit(K.COOPERATIVE_GROUP, "Tổ hợp tác " + name, ward, sector, founded, **extra)


def qtd(ward, founded, **extra):
    return Unit(K.CREDIT_FUND, "Quỹ tín dụng nhân dân " + ward, ward, S.CREDIT, founded, **extra)


CODE_PREFIX = {K.COOPERATIVE: "HTX", K.COOPERATIVE_UNION: "LH", K.COOPERATIVE_GROUP: "THT",
               K.CREDIT_FUND: "QTD"}
SHORT_PREFIX = {K.COOPERATIVE: ("Hợp tác xã ", "HTX "),
                K.COOPERATIVE_UNION: ("Liên hiệp hợp tác xã ", "LH HTX "),
                K.COOPERATIVE_GROUP: ("Tổ hợp tác ", "THT "),
                K.CREDIT_FUND: ("Quỹ tín dụng nhân dân ", "QTDND ")}

A, I, T, TR, E, C, O = (S.AGRICULTURE, S.INDUSTRY, S.TRADE, S.TRANSPORT, S.ENVIRONMENT,
                        S.CONSTRUCTION, S.OTHER)

HUE_UNITS = [
    htx("Nông nghiệp hữu cơ Phong Điền", "Phong Điền", A, 1978, new_model=True, group="NN",
        historic=True),
    htx("Dịch vụ nông nghiệp Quảng Điền", "Quảng Điền", A, 1977, group="NN", historic=True),
    htx("Nông nghiệp Hương An", "Hương An", A, 1979, group="NN", historic=True),
    htx("Nông nghiệp Kim Trà", "Kim Trà", A, 1997, group="NN"),
    htx("Dịch vụ nông nghiệp Phú Vang", "Phú Vang", A, 1998, group="NN", historic=True),
    htx("Nông nghiệp Thanh Thủy", "Thanh Thủy", A, 1978, new_model=True, group="NN"),
    htx("Rau củ an toàn Phong Thái", "Phong Thái", A, 2016, new_model=True, group="NN"),
    htx("Sản xuất rau sạch Hương Trà", "Hương Trà", A, 2012, group="NN"),
    htx("Dược liệu A Lưới", "A Lưới 2", A, 2017, new_model=True, group="MN"),
    htx("Nông – lâm nghiệp A Lưới", "A Lưới 4", A, 2009, group="MN"),
    htx("Cao su và nông lâm sản Khe Tre", "Khe Tre", A, 2005, group="MN"),
    htx("Thanh trà Thủy Xuân", "Thủy Xuân", A, 2014, new_model=True, group="NN"),
    htx("Chăn nuôi Bình Điền", "Bình Điền", A, 2011, group="MN"),
    htx("Lâm nghiệp Nam Đông", "Nam Đông", A, 2008, group="MN"),
    htx("Nông nghiệp Vinh Lộc", "Vinh Lộc", A, 1997, group="NN", historic=True),
    htx("Nông nghiệp Phú Lộc", "Phú Lộc", A, 1998, group="NN"),
    htx("Thủy sản Phong Quảng", "Phong Quảng", A, 2004, under="LH02", group="NN"),
    htx("Khai thác hải sản Thuận An", "Thuận An", A, 2002, under="LH02", group="NN"),
    htx("Thủy sản đầm Lập An", "Chân Mây – Lăng Cô", A, 2010, group="NN"),
    htx("Nuôi trồng thủy sản Phú Vinh", "Phú Vinh", A, 2006, under="LH02", group="NN"),
    htx("Mây tre đan Bao La", "Quảng Điền", I, 2001, group="PNN", historic=True),
    htx("Nón lá Phú Hồ", "Phú Hồ", I, 2013, group="PNN"),
    htx("Đúc đồng Thủy Xuân", "Thủy Xuân", I, 1999, group="PNN"),
    htx("Hoa giấy và tranh dân gian Dương Nỗ", "Dương Nỗ", I, 2015, new_model=True,
        group="PNN"),
    htx("Dệt dèng A Lưới", "A Lưới 3", I, 2007, new_model=True, group="MN"),
    htx("Mè xửng và đặc sản Huế", "Phú Xuân", I, 2003, under="LH01", group="PNN"),
    htx("Chế biến nông sản Hương Thủy", "Hương Thủy", I, 2010, under="LH01", group="PNN"),
    htx("Du lịch sinh thái Kim Long", "Kim Long", T, 2018, new_model=True, group="PNN"),
    htx("Dịch vụ du lịch Chân Mây – Lăng Cô", "Chân Mây – Lăng Cô", T, 2012, group="PNN"),
    htx("Thuyền du lịch sông Hương", "Vỹ Dạ", TR, 2000, group="PNN"),
    htx("Vận tải Phú Bài", "Phú Bài", TR, 1996, group="PNN", historic=True),
    htx("Dịch vụ xích lô Thuận Hóa", "Thuận Hóa", TR, 2004, group="PNN"),
    htx("Thương mại – dịch vụ An Cựu", "An Cựu", T, 2001, under="LH01", group="PNN"),
    htx("Dịch vụ môi trường Mỹ Thượng", "Mỹ Thượng", E, 2009, group="PNN"),
    htx("Vệ sinh môi trường Phong Phú", "Phong Phú", E, 2014, group="PNN"),
    htx("Xây dựng Hóa Châu", "Hóa Châu", C, 2000, group="PNN"),
    htx("Dịch vụ điện năng Hưng Lộc", "Hưng Lộc", O, 1999, group="MN"),
    htx("Tiểu thủ công nghiệp Hương Sơ", "An Cựu", I, 1992, ended=("DISSOLVED", 2021),
        historic=True),
    htx("Nông nghiệp Vinh Thanh", "Vinh Lộc", A, 1978, ended=("MERGED", 2023, "HTX15"),
        historic=True),
    lh("Thương mại – Dịch vụ Huế", "Thuận Hóa", T, 2011, group="TD"),
    lh("Thủy sản Tam Giang", "Phong Quảng", A, 2015, new_model=True, group="TD"),
    tht("Trồng nấm Phong Dinh", "Phong Dinh", A, 2019),
    tht("Nuôi ong A Lưới", "A Lưới 1", A, 2020, group="MN"),
    tht("Làm hương trầm Thủy Xuân", "Thủy Xuân", I, 2017),
    tht("Trồng rừng Long Quảng", "Long Quảng", A, 2018, group="MN"),
    qtd("Hương Thủy", 1995, group="TD", historic=True),
    qtd("Đan Điền", 1997, group="TD", historic=True),
    qtd("Vỹ Dạ", 2002, group="TD"),
]

HANOI_UNITS = [
    htx("Gốm sứ Bát Tràng", "Bát Tràng", I, 1998),
    htx("Bò sữa Ba Vì", "Ba Vì", A, 2007, new_model=True),
    htx("Rau an toàn Đông Anh", "Đông Anh", A, 2010, new_model=True, under="LH01"),
    htx("Dịch vụ nông nghiệp Phù Đổng", "Phù Đổng", A, 1997, under="LH01"),
    htx("Vận tải và Dịch vụ Long Biên", "Long Biên", TR, 2002),
    htx("Thương mại Đống Đa", "Đống Đa", T, 1995),
    htx("Môi trường Thanh Trì", "Thanh Trì", E, 2008),
    htx("Mây tre giang đan Phú Nghĩa", "Phú Nghĩa", I, 2005),
    lh("Nông sản an toàn Hà Nội", "Cầu Giấy", A, 2016),
    qtd("Hoài Đức", 1996),
    tht("Trồng hoa Tây Tựu", "Tây Tựu", A, 2018),
]

DAKLAK_UNITS = [
    htx("Cà phê bền vững Ea Kiết", "Ea Kiết", A, 2012, new_model=True, under="LH01"),
    htx("Hồ tiêu Cư M’gar", "Cư M’gar", A, 2014, under="LH01"),
    htx("Sầu riêng Krông Pắc", "Krông Pắc", A, 2019, new_model=True),
    htx("Nông nghiệp Buôn Hồ", "Buôn Hồ", A, 1998),
    htx("Dệt thổ cẩm Ea Kao", "Ea Kao", I, 2010),
    htx("Du lịch cộng đồng Buôn Đôn", "Buôn Đôn", T, 2017, new_model=True),
    htx("Thủy sản Sông Cầu", "Sông Cầu", A, 2003),
    htx("Nông nghiệp Tuy An Nam", "Tuy An Nam", A, 1997),
    lh("Nông nghiệp Đắk Lắk", "Tân An", A, 2018),
    qtd("Krông Ana", 1996),
    tht("Mật ong Ea Súp", "Ea Súp", A, 2020),
]

LOCAL_UNITS = {HUE: HUE_UNITS, HANOI: HANOI_UNITS, DAKLAK: DAKLAK_UNITS}


@dataclass(frozen=True)
class FormerAlliance:
    """A provincial alliance of a province merged away in the 2025 reform, as it stood before:
    ``code`` from the former province's statistical code, its units (on wards that are in the
    ``successor`` province now), merged by ``merger.load_provincial`` on ``day``."""

    code: str
    province: str
    successor: int
    day: date
    tax_prefix: str
    units: tuple
    founded: int


# The 2025 reform of provinces (63 → 34, in force 01/7/2025) merged Phú Yên into Đắk Lắk: the
# wards of the former Phú Yên (statistical codes 22xxx) are wards of Đắk Lắk in the geography the
# platform uses (``vietnam-provinces``), as the demo's Đắk Lắk units in Sông Cầu and Tuy An Nam
# already show. The Phú Yên alliance merges into the Đắk Lắk one on that day.
FORMER_ALLIANCES = [
    FormerAlliance("P54", "Phú Yên", DAKLAK, date(2025, 7, 1), "44",
                   (htx("Nông nghiệp Hòa Xuân", "Hòa Xuân", A, 1998, historic=True),), 1996),
]

# Blocs and clusters of the Huế alliance, kept for last year and this year.
LOCAL_GROUPS = {
    HUE: [
        ("NN", G.BLOC, "Khối thi đua các HTX nông nghiệp – thủy sản"),
        ("PNN", G.BLOC, "Khối thi đua các HTX công nghiệp – thương mại – dịch vụ"),
        ("TD", G.BLOC, "Khối thi đua các Quỹ tín dụng nhân dân và Liên hiệp HTX"),
        ("MN", G.CLUSTER, "Cụm thi đua các HTX, tổ hợp tác miền núi A Lưới – Nam Đông"),
    ],
}

# Ethnic make-up by place: (GSO code, weight). Wards named here weigh more on minorities.
ETHNIC_MIX = {
    "default": (("01", 95), ("02", 1), ("06", 1), ("07", 1), ("03", 1), ("05", 1)),
    "hue_highland": (("01", 35), ("31", 35), ("26", 20), ("23", 10)),
    "daklak": (("01", 70), ("12", 15), ("20", 5), ("02", 4), ("07", 3), ("10", 3)),
    "daklak_highland": (("01", 40), ("12", 35), ("20", 12), ("10", 8), ("02", 5)),
    "north_mountain": (("01", 40), ("02", 30), ("07", 20), ("08", 10)),
    "north_west": (("01", 35), ("03", 35), ("08", 25), ("06", 5)),
    "mekong": (("01", 85), ("05", 15)),
    "central_highland": (("01", 65), ("10", 15), ("16", 15), ("12", 5)),
}
PROVINCE_MIX = {4: "north_mountain", 20: "north_mountain", 8: "north_mountain",
                11: "north_west", 12: "north_west", 14: "north_west", 15: "north_west",
                91: "mekong", 96: "mekong", 52: "central_highland", 68: "central_highland",
                DAKLAK: "daklak"}
HIGHLAND_WARDS = {HUE: ("A Lưới", "Nam Đông", "Khe Tre", "Long Quảng", "Bình Điền", "Hưng Lộc"),
                  DAKLAK: ("Ea ", "Cư ", "Krông", "Buôn", "Dray", "Dur", "M’")}
HIGHLAND_MIX = {HUE: "hue_highland", DAKLAK: "daklak_highland"}

# Demo accounts: one per role at each of three levels (prefix, unit code, who it is for).
ACCOUNT_LEVELS = [
    ("vca", "VCA", "Liên minh HTX Việt Nam — toàn hệ thống"),
    ("hue", f"P{HUE:02d}", "Liên minh HTX thành phố Huế — các đơn vị của Huế"),
    ("htx", f"P{HUE:02d}-HTX01", "Một HTX của Huế — chỉ đơn vị mình"),
]
ROLE_SLUGS = {
    Role.SYSTEM_ADMIN: "admin", Role.EC_OFFICER: "tdkt", Role.APPRAISER: "thamdinh",
    Role.COUNCIL_MEMBER: "hoidong", Role.COUNCIL_SECRETARY: "thuky", Role.SIGNER: "lanhdao",
    Role.UNIT_REPORTER: "baocao", Role.PORTAL_EDITOR: "bientap", Role.MODERATOR: "kiemduyet",
    Role.VIEWER: "xem",
}
SUPERUSER = "admin"
# Departments (ban) of the Huế alliance asked for their opinion when a tờ trình is appraised, with
# the demo account of each one's appraiser (a role at the department itself, nowhere else).
HUE_DEPARTMENTS = [
    ("VP", "Văn phòng", "hue.vanphong"),
    ("BKT", "Ban Kiểm tra", "hue.bankiemtra"),
    ("BTT", "Ban Tuyên truyền – Hỗ trợ", "hue.bantuyentruyen"),
]
DEPARTMENT_SCOPE = "Chỉ các đề nghị cho ý kiến gửi tới ban mình"
