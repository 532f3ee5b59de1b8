"""Name pools for the demo people, by ethnicity (GSO codes of ``organizations.ethnicities``).

Names are drawn at random from these pools; no real person is meant.
"""
from dataclasses import dataclass, replace

KINH_FAMILIES = (
    ("Nguyễn", 30), ("Trần", 11), ("Lê", 9), ("Phạm", 6), ("Hoàng", 4), ("Huỳnh", 2), ("Phan", 4),
    ("Võ", 3), ("Vũ", 2), ("Đặng", 2), ("Bùi", 2), ("Đỗ", 2), ("Hồ", 2), ("Ngô", 1), ("Dương", 1),
    ("Lý", 1), ("Trương", 2), ("Đoàn", 1), ("Mai", 1), ("Cao", 1), ("Châu", 1), ("Lương", 1),
    ("Đinh", 1), ("Hà", 1), ("Thái", 1), ("Tôn Thất", 1),
)
MALE_MIDDLES = ("Văn", "Văn", "Văn", "Đức", "Minh", "Quang", "Hữu", "Công", "Thanh", "Xuân",
                "Ngọc", "Anh", "Đình", "Quốc", "Trọng", "Bá", "Tiến", "Duy", "Mạnh", "Viết",
                "Phước")
FEMALE_MIDDLES = ("Thị", "Thị", "Thị", "Thị Thu", "Thị Thanh", "Thị Kim", "Ngọc", "Thu", "Thanh",
                  "Minh", "Thùy", "Phương", "Hoài", "Mỹ", "Diệu", "Bảo", "Thị Mỹ", "Khánh")
MALE_GIVENS = (
    "Hùng", "Dũng", "Tuấn", "Nam", "Long", "Hải", "Sơn", "Thắng", "Phong", "Quân", "Huy", "Khánh",
    "Bình", "Cường", "Đạt", "Hiếu", "Lâm", "Lộc", "Phúc", "Tài", "Thành", "Trung", "Việt", "Vinh",
    "Toàn", "Tùng", "Hòa", "Hưng", "Kiên", "Nghĩa", "Quý", "Sang", "Tâm", "Thiện", "Thông",
    "Thuận", "Trí", "Tín", "Vũ", "Điệp", "Đông", "Khoa", "Nhân", "Lực", "Hậu", "Tịnh", "Bảo",
)
FEMALE_GIVENS = (
    "Hương", "Lan", "Hoa", "Mai", "Hà", "Hằng", "Hạnh", "Huyền", "Linh", "Loan", "Ly", "Nga",
    "Ngọc", "Nhung", "Oanh", "Phương", "Quyên", "Tâm", "Thảo", "Thủy", "Trang", "Vân", "Yến",
    "Xuân", "Dung", "Giang", "Hiền", "Hồng", "Liên", "Lý", "Mơ", "My", "Nhàn", "Phượng", "Sen",
    "Thu", "Thúy", "Thơ", "Trâm", "Uyên", "Vy", "Hạ", "Diệu", "Châu",
)


@dataclass(frozen=True)
class NamePool:
    """How names of one group are built: ``family middle given``, or for the Ê-đê and M'nông
    (``given_first``) ``prefix+given family`` — Y for men, H’ for women."""

    families: tuple
    male_middles: tuple = MALE_MIDDLES
    female_middles: tuple = FEMALE_MIDDLES
    male_givens: tuple = MALE_GIVENS
    female_givens: tuple = FEMALE_GIVENS
    given_first: bool = False


def _flat(*names):
    return tuple((name, 1) for name in names)


KINH = NamePool(KINH_FAMILIES)
HIGHLAND_CENTRAL_MALE = ("Pai", "Lại", "Kêr", "Cu", "Pi", "Tuyên", "Rạch", "Đoan", "Thiên",
                         "Ấn", "Bhơ", "Lức", "Mao", "Tưa", "Khăm", "Thoong", "Lay", "Hoan")
HIGHLAND_CENTRAL_FEMALE = ("Nhiên", "Bết", "Xô", "Lin", "Hiên", "Cưu", "Thuyền", "Lúi", "Bướp",
                           "Nhíp", "Dịu", "Xăng", "Pơ", "Hơi", "Ngân")
TAY_NGUYEN_MALE = ("Bhin", "Khu", "Ngông", "Tlam", "Kô", "Dhăm", "Wơn", "Blô", "Suôn", "Jũ",
                   "Hoan", "Thuât", "Nuen", "Krao")
TAY_NGUYEN_FEMALE = ("Nga", "Linh", "Ben", "Zawut", "Yim", "Xíu", "Bla", "Dip", "Nhi", "Hen",
                     "Ruin", "Mai", "Juel")

POOLS = {
    "01": KINH,
    "02": replace(KINH, families=_flat("Hoàng", "Nông", "Lương", "Bế", "Lục", "Ma", "Đàm", "Hà")),
    "03": replace(KINH, families=_flat("Lò", "Cầm", "Lường", "Quàng", "Tòng", "Vi", "Hà")),
    "05": NamePool(_flat("Thạch", "Danh", "Sơn", "Kim", "Lâm", "Chau"),
                   male_middles=("", "Sô", "Sóc"), female_middles=("Thị", "Thị Sa", "Néang"),
                   male_givens=("Phanh", "Ry", "Khol", "Phết", "Vet", "Thol", "Chanh", "Sa Rinh"),
                   female_givens=("Rươl", "Rinh", "Phia", "Da", "Sa Ry", "Mây", "Sóc Thy")),
    "06": replace(KINH, families=_flat("Bùi", "Đinh", "Quách", "Hà", "Xa", "Cao")),
    "07": replace(KINH, families=_flat("Hoàng", "Nông", "Lăng", "Lục", "Vi", "Chu", "Mã")),
    "08": NamePool(_flat("Giàng", "Sùng", "Vàng", "Lý", "Thào", "Hờ", "Mùa"),
                   male_middles=("A",), female_middles=("Thị", "Mí"),
                   male_givens=("Páo", "Dính", "Chứ", "Sử", "Tủa", "Lềnh", "Chừ", "Pó"),
                   female_givens=("Mỷ", "Dợ", "Sua", "Pà", "Mai", "Dua", "Súa")),
    "10": NamePool(_flat("Ksor", "Siu", "Rơ Châm", "Rah Lan", "Kpă", "Nay", "Rơ Mah", "Puih"),
                   male_middles=("",), female_middles=("H’",),
                   male_givens=TAY_NGUYEN_MALE, female_givens=TAY_NGUYEN_FEMALE),
    "12": NamePool(_flat("Niê", "Êban", "Mlô", "Ayun", "Byă", "Êya", "Adrơng", "Ktla", "Hđơk",
                         "Knul", "Kbuôr"),
                   male_givens=TAY_NGUYEN_MALE, female_givens=TAY_NGUYEN_FEMALE, given_first=True),
    "16": NamePool(_flat("K’", "Liêng", "Kơ Să", "Cil"), male_middles=("",),
                   female_middles=("Ka",), male_givens=("Brơi", "Điểu", "Tiếp", "Rốt", "Jơh"),
                   female_givens=("Thủy", "Hòa", "Sương", "Bởi", "Liên")),
    "20": NamePool(_flat("Byă", "Bing", "Bdap", "Nđơr", "Krông", "Ntơr", "Uông"),
                   male_givens=TAY_NGUYEN_MALE, female_givens=TAY_NGUYEN_FEMALE, given_first=True),
    # Bru-Vân Kiều, Cơ-tu and Tà-ôi (with the Pa Kô) of the Huế highlands, A Lưới and Nam Đông.
    "23": NamePool(_flat("Hồ", "Lê", "Ăm", "Cu", "Pả"), male_middles=("Văn", ""),
                   female_middles=("Thị", ""), male_givens=HIGHLAND_CENTRAL_MALE,
                   female_givens=HIGHLAND_CENTRAL_FEMALE),
    "26": NamePool(_flat("Alăng", "Bhling", "Zơ Râm", "Bríu", "Hốih", "Ating", "Pơloong",
                         "Cơlâu", "Arâl"),
                   male_middles=("", "Văn"), female_middles=("", "Thị"),
                   male_givens=HIGHLAND_CENTRAL_MALE, female_givens=HIGHLAND_CENTRAL_FEMALE),
    "31": NamePool(_flat("Hồ", "Hồ", "Kăn", "Quỳnh", "A Viết", "Ra Pát", "Pả", "Lê", "Nguyễn"),
                   male_middles=("Văn", "", "A"), female_middles=("Thị", ""),
                   male_givens=HIGHLAND_CENTRAL_MALE, female_givens=HIGHLAND_CENTRAL_FEMALE),
}


def _weighted(rng, pairs):
    names, weights = zip(*pairs, strict=True)
    return rng.choices(names, weights)[0]


def draw_name(rng, ethnicity, female):
    """(family, middle, given) for one person of ``ethnicity``, drawn from ``rng``. Names written
    given name first (Ê-đê, M'nông) are split by position, as records do: "Y Bhin | Niê"."""
    pool = POOLS.get(ethnicity, KINH)
    family = _weighted(rng, pool.families)
    given = rng.choice(pool.female_givens if female else pool.male_givens)
    if pool.given_first:
        words = (f"H’{given}" if female else f"Y {given}").split() + [family]
        return words[0], " ".join(words[1:-1]), words[-1]
    middle = rng.choice(pool.female_middles if female else pool.male_middles)
    if middle.endswith("’"):  # Gia-rai women: H’ belongs to the given name
        middle, given = "", middle + given
    if family == "Tôn Thất":  # the Nguyễn royal lineage of Huế: Tôn Thất Hùng, Tôn Nữ Thị Lan
        family, middle = ("Tôn Nữ", middle) if female else ("Tôn Thất", "")
    return family, middle, given
