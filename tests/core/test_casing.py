"""Sentence case keeps proper names: what the decision's annex subtitle and the certificate's
authority line print."""
import pytest

from thidua.core.casing import sentence_case


@pytest.mark.parametrize("text,names,expected", [
    ("CHỦ TỊCH", ("Liên minh Hợp tác xã thành phố Hà Nội",),
     "Chủ tịch Liên minh Hợp tác xã thành phố Hà Nội"),
    ("PHÓ CHỦ TỊCH", ("Liên minh HTX Việt Nam",), "Phó chủ tịch Liên minh HTX Việt Nam"),
    ("chủ tịch", ("Hợp tác xã Nông nghiệp hữu cơ Phong Điền",),
     "Chủ tịch Hợp tác xã Nông nghiệp hữu cơ Phong Điền"),
    ("Giám đốc", ("HTX Dịch vụ nông nghiệp Quảng Thọ",),
     "Giám đốc HTX Dịch vụ nông nghiệp Quảng Thọ"),
    ("đơn vị có thành tích", (), "Đơn vị có thành tích"),
    ("ủy ban nhân dân", (), "Ủy ban nhân dân"),
    ("", ("Liên minh HTX tỉnh Đắk Lắk",), "Liên minh HTX tỉnh Đắk Lắk"),
    ("Liên minh HTX Việt Nam", (), "Liên minh HTX Việt Nam"),
])
def test_sentence_case(text, names, expected):
    assert sentence_case(text, *names) == expected


def test_a_name_is_never_lowered_nor_raised():
    name = "Liên minh Hợp tác xã thành phố Hà Nội"
    result = sentence_case("CHỦ TỊCH", name)
    assert result.endswith(name)
    assert "hà nội" not in result and "Hợp Tác" not in result


def test_decomposed_input_is_composed_first():
    decomposed = "u\u031b\u0309y ban"  # "ửy" typed with combining marks
    assert sentence_case(decomposed) == "Ửy ban"
