import pytest

from thidua.core.text import normalize, person_sort_key, search_terms, sort_key


@pytest.mark.parametrize("raw, expected", [
    ("Nguyễn Văn Điệp", "nguyen van diep"),
    ("  Thành phố   Huế ", "thanh pho hue"),
    ("ĐẶNG THỊ ÁNH", "dang thi anh"),
    ("Hợp tác xã Ơ Đu", "hop tac xa o du"),
    ("", ""),
    (None, ""),
])
def test_normalize_strips_diacritics_and_d_bar(raw, expected):
    assert normalize(raw) == expected


def test_search_terms_split_normalised_words():
    assert search_terms("Nguyễn  văn ĐIỆP") == ["nguyen", "van", "diep"]


def test_alphabet_order_puts_breve_and_circumflex_after_plain_letter():
    words = ["âm", "ăn", "an", "bé", "đào", "dung", "em", "ếch", "ơn", "ôm", "oa", "ưu", "uống"]
    assert sorted(words, key=sort_key) == [
        "an", "ăn", "âm", "bé", "dung", "đào", "em", "ếch", "oa", "ôm", "ơn", "uống", "ưu"]


def test_tone_order_is_ngang_huyen_hoi_nga_sac_nang():
    words = ["má", "mạ", "mà", "mã", "ma", "mả"]
    assert sorted(words, key=sort_key) == ["ma", "mà", "mả", "mã", "má", "mạ"]


def test_letters_decide_before_tones():
    # "bà" differs from "ba" only by its tone, so "ba" < "bà" < "bác"
    assert sorted(["bác", "bà", "ba"], key=sort_key) == ["ba", "bà", "bác"]


def test_shorter_word_first():
    assert sort_key("an") < sort_key("anh") < sort_key("ăn")


def test_sort_key_is_digits_only_so_every_collation_agrees():
    assert sort_key("Nguyễn Thị Ánh Tuyết").isdigit()


def test_people_sorted_by_given_name_then_family_then_middle():
    people = [("Trần", "Văn", "Bình"), ("Nguyễn", "Thị", "An"), ("Lê", "Văn", "Bình"),
              ("Đỗ", "", "Ánh"), ("Nguyễn", "Văn", "Đức"), ("Phạm", "Minh", "Dũng")]
    ordered = sorted(people, key=lambda p: person_sort_key(*p))
    assert ordered == [("Nguyễn", "Thị", "An"), ("Đỗ", "", "Ánh"), ("Lê", "Văn", "Bình"),
                       ("Trần", "Văn", "Bình"), ("Phạm", "Minh", "Dũng"), ("Nguyễn", "Văn", "Đức")]


def test_abbreviations_found_in_long_forms():
    from thidua.core.text import abbreviations

    assert abbreviations("lien minh hop tac xa thanh pho hue") == ["lmhtx", "htx"]
    assert abbreviations("quy tin dung nhan dan phu vang") == ["qtdnd"]
