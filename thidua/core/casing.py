"""Sentence case for Vietnamese official text, without ever lowering a proper name.

``str.capitalize()`` lowers everything after the first letter ("…thành phố hà nội") and
``str.title()`` raises every syllable ("Liên Minh Hợp Tác Xã"); neither is right in Vietnamese,
where an organisation's name keeps the capitals it was registered with (NĐ 30/2020, Phụ lục II:
"Liên minh Hợp tác xã thành phố Hà Nội"). So the text is built from parts that already carry their
own capitals, and only a title typed in capitals ("CHỦ TỊCH", "KT. CHỦ TỊCH") is lowered.
"""
import unicodedata


def _first_upper(text):
    for index, char in enumerate(text):
        if char.isalpha():
            return text[:index] + char.upper() + text[index + 1:]
    return text


def sentence_case(text, *names):
    """``text`` with its first letter raised and nothing else changed; when ``text`` is written
    all in capitals (a signer's title such as "PHÓ CHỦ TỊCH") it is lowered first. Each of
    ``names`` (proper names, as written) is appended after a space, untouched:
    ``sentence_case("CHỦ TỊCH", "Liên minh HTX thành phố Hà Nội")`` →
    "Chủ tịch Liên minh HTX thành phố Hà Nội"."""
    text = unicodedata.normalize("NFC", text.strip())
    if text.isupper():
        text = text.lower()
    return " ".join(part for part in (_first_upper(text), *names) if part)
