"""Vietnamese text: a search normaliser that ignores diacritics and đ, and a sort key.

Hand-written because no maintained library sorts by the Vietnamese alphabet (ă after a, đ after d,
tones ordered ngang < huyền < hỏi < ngã < sắc < nặng) in a form a database can ORDER BY.
"""
import re
import unicodedata

_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}  # huyền hỏi ngã sắc nặng
_LETTER_MARKS = {"\u0306", "\u0302", "\u031b"}  # breve (ă), circumflex (â ê ô), horn (ơ ư)
_ALPHABET = [
    "0", "1", "2", "3", "4", "5", "6", "7", "8", "9",
    "a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "f", "g", "h", "i", "j", "k", "l", "m", "n",
    "o", "ô", "ơ", "p", "q", "r", "s", "t", "u", "ư", "v", "w", "x", "y", "z",
]
# Two digits per letter, from 10 up, so that keys made only of digits compare the same way under
# every database collation (PostgreSQL's en_US as well as SQLite's binary order).
_RANK = {letter: f"{index + 10:02d}" for index, letter in enumerate(_ALPHABET)}
_WORD_GAP = "01"
_END_OF_LETTERS = "00"
_SPACES = re.compile(r"\s+")


def _split_tone(char):
    """Return (letter with its own marks, tone number 0–5) for one lower-case character."""
    decomposed = unicodedata.normalize("NFD", char)
    tone = 0
    kept = []
    for part in decomposed:
        if part in _TONES:
            tone = _TONES[part]
        else:
            kept.append(part)
    return unicodedata.normalize("NFC", "".join(kept)), tone


def normalize(text):
    """Lower-case, strip every diacritic and turn đ into d: "Nguyễn Văn Điệp" → "nguyen van diep"."""
    if not text:
        return ""
    text = str(text).lower().replace("đ", "d")
    stripped = "".join(
        ch for ch in unicodedata.normalize("NFD", text) if not unicodedata.combining(ch)
    )
    return _SPACES.sub(" ", stripped).strip()


# Officials type the usual abbreviations; organisation search text carries them too.
ABBREVIATIONS = {
    "lien minh hop tac xa": "lmhtx",
    "lien hiep hop tac xa": "lhhtx",
    "hop tac xa": "htx",
    "to hop tac": "tht",
    "quy tin dung nhan dan": "qtdnd",
}


def abbreviations(normalized):
    """The abbreviations whose long form appears in already-normalised text."""
    return [short for long, short in ABBREVIATIONS.items() if long in normalized]


def search_terms(query):
    """The normalised words of a search box query."""
    return [term for term in normalize(query).split(" ") if term]


def sort_key(text):
    """A digit string that orders Vietnamese text: letters first, then tones, word by word."""
    letters, tones = [], []
    for word in normalize_spacing(text).lower().split(" "):
        if not word:
            continue
        if letters:
            letters.append(_WORD_GAP)
        for char in word:
            letter, tone = _split_tone(char)
            rank = _RANK.get(letter)
            if rank is None:
                stripped = normalize(letter)
                rank = _RANK.get(stripped[:1]) if stripped else None
            if rank is None:
                continue  # punctuation and symbols do not take part in the order
            letters.append(rank)
            tones.append(str(tone))
    return "".join(letters) + _END_OF_LETTERS + "".join(tones)


def person_sort_key(family_name, middle_name, given_name):
    """Vietnamese people are listed by given name, then family name, then middle name."""
    return sort_key(" ".join(part for part in (given_name, family_name, middle_name) if part))


def normalize_spacing(text):
    """Single spaces, trimmed, composed (``nfc``): how spreadsheet cells and Word paragraphs are
    read."""
    return nfc(_SPACES.sub(" ", str(text or "")).strip())


def nfc(text):
    """One spelling per text: "O\u031bn" (O + combining horn, as some keyboards and PDFs give
    it) and "Ơn" are the same name, so everything entering the system is stored composed (NFC):
    forms and the API through ``core.middleware.ComposedTextMiddleware``, spreadsheet cells and
    Word paragraphs through ``normalize_spacing``."""
    return unicodedata.normalize("NFC", text) if isinstance(text, str) else text


def nfc_deep(value):
    """``nfc`` on every string inside JSON-like data (keys too)."""
    if isinstance(value, dict):
        return {nfc(key): nfc_deep(item) for key, item in value.items()}
    if isinstance(value, list):
        return [nfc_deep(item) for item in value]
    return nfc(value)
