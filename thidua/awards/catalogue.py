"""The award catalogue, declared once: every title and award form the platform knows, with
everything the code needs to know about it.

To add an award type, add one ``AwardKind`` to ``TYPES`` below. From that one entry:

- the eligibility engine (``eligibility/ruleset.py``) knows its name, short name and legal basis
  per kind of subject and regime, and whether it checks it by machine (a machine-checkable type
  also needs its rule function in ``eligibility/individual.py`` or ``collective.py``);
- ``awards.seeding.sync_catalogue`` creates its ``AwardType`` row after ``migrate`` (the row is
  the live, versioned catalogue administrators edit; the registry only seeds codes the database
  lacks and never edits a version in place);
- the Excel and Word imports (``awards/importing.py``, ``interchange/catalogue.py``) read it by
  its name, abbreviation, the other wordings officials use (``aliases``) and the codes of the
  older templates (``peer_codes``);
- certificates (``documents/certificates.py``) print it with its ``certificate`` layout;
- the admin shows whether the engine checks it.

Pure data, like the engine that reads it: no model is imported here.
"""
from dataclasses import dataclass
from datetime import date

from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

INDIVIDUAL, COLLECTIVE, HOUSEHOLD = "INDIVIDUAL", "COLLECTIVE", "HOUSEHOLD"
TITLE, FORM = "TITLE", "FORM"  # AwardCategory: danh hiệu thi đua, hình thức khen thưởng
BASE, MINISTRY, GOVERNMENT, STATE = 1, 2, 3, 4  # AuthorityLevel
LAW_2022_TEXT = "law-2022"  # legal.LegalText keys
SEEDED_FROM = date(2024, 1, 1)  # the first version of each seeded type applies from Law 2022


def in_language(vietnamese, english):
    """``english`` when the active language is English and it is filled in, else ``vietnamese``."""
    return english if english and (get_language() or "").startswith("en") else vietnamese


@dataclass(frozen=True)
class Standard:
    """Where the law sets the type's standards for one kind of subject: the article under Law
    2022 and under Law 2003 ("" cites the law alone), and whether the engine checks it by
    machine (otherwise it answers only when asked, always with a manual check)."""

    law_2022: str = ""
    law_2003: str = ""
    machine: bool = False


@dataclass(frozen=True)
class Vote:
    """How the council votes on it: NĐ 98/2023 Art. 30(7) — ≥ 90% of all members for the
    Chiến sĩ thi đua above the base, ≥ 80% for CSTĐCS and the flags (secret ballot), a simple
    majority otherwise."""

    percent: int = 50
    inclusive: bool = False  # reaching the share passes (80%, 90%); else it must be exceeded
    secret: bool = False


MAJORITY = Vote()
SECRET_80 = Vote(80, inclusive=True, secret=True)
SECRET_90 = Vote(90, inclusive=True, secret=True)


@dataclass(frozen=True)
class Certificate:
    """How its certificate prints: the frame's design (``documents.frames.DESIGNS``), the paper
    (``documents.models.Paper``), the line over the name ("TẶNG", "CÔNG NHẬN DANH HIỆU") and the
    name printed large ("BẰNG KHEN"; empty: the type's own name in capitals)."""

    design: str
    paper: str = "A3"
    gift: str = _("TẶNG")
    title: str = ""


MERIT = Certificate("merit", title=_("BẰNG KHEN"))
COMMENDATION = Certificate("paper", paper="A4", title=_("GIẤY KHEN"))
FLAG = Certificate("title", title=_("CỜ THI ĐUA"))
RECOGNITION = Certificate("title", gift=_("CÔNG NHẬN DANH HIỆU"))
DECORATION = Certificate("merit")


@dataclass(frozen=True)
class PeerCode:
    """The code another E&C software's templates give the type (CANHAN, TAPTHE, NHANDULIEU,
    MauTDKT; docs/forms.md#excel-import-templates) and the name they print beside it; a name that
    does not tell the type apart ("Huân chương Lao động", no class) is read by its code only.
    Codes of awards outside the catalogue (other orders, hero titles, medals …) are not listed
    and are refused by name."""

    code: str
    name: str
    by_name: bool = True


BASE_DOSSIER = ("SUBMISSION_LETTER", "ACHIEVEMENT_REPORT", "MINUTES")
SIMPLIFIED_DOSSIER = ("SUBMISSION_LETTER", "ACHIEVEMENT_REPORT")


@dataclass(frozen=True)
class AwardKind:
    """One title or award form. ``name``/``abbreviation`` (and their English) are the catalogue
    row's; ``short`` is how the engine's sentences name it. ``article`` is the type's own article
    of Law 2022 that the catalogue row cites; ``regulation``, when set, is the basis instead of
    the law (the engine's too). Money multipliers are × the base salary (NĐ 152/2025 Art. 49–54);
    ``chain_rank`` is the type's step in its chain of titles (LĐTT 1 → CSTĐCS 2 …, 0: none)."""

    code: str
    name: str
    name_en: str
    abbreviation: str
    abbreviation_en: str
    short: str
    short_en: str
    category: str
    subject_kinds: tuple
    authority: int
    certificate: Certificate
    article: str = ""
    regulation: str = ""
    legal_text: str = LAW_2022_TEXT
    individual: Standard | None = None
    collective: Standard | None = None
    money_individual: str | None = None
    money_collective: str | None = None
    chain_rank: int = 0
    vote: Vote = MAJORITY
    extra_attachments: tuple = ()
    publicity_days: int | None = None  # working days of public notice, when required
    valid_from: date | None = SEEDED_FROM
    aliases: tuple = ()  # other wordings officials write for it ("Bằng khen của Liên minh")
    peer_codes: tuple = ()  # PeerCode

    @property
    def label(self):
        return in_language(self.name, self.name_en)

    @property
    def machine_checked(self):
        """Whether the engine checks it by machine for some kind of subject."""
        return any(standard.machine for standard in (self.individual, self.collective)
                   if standard is not None)

    def standard(self, kind):
        """Its ``Standard`` for the engine's kind of subject ("individual", "collective")."""
        return getattr(self, kind)

    def dossier(self):
        """The attachment kinds a dossier needs, per procedure."""
        ballot = ("BALLOT_RESULT",) if self.vote.secret else ()
        return {"STANDARD": [*BASE_DOSSIER, *ballot, *self.extra_attachments],
                "SIMPLIFIED": list(SIMPLIFIED_DOSSIER)}


_BOTH = (INDIVIDUAL, COLLECTIVE)
_WITH_HOUSEHOLDS = (INDIVIDUAL, COLLECTIVE, HOUSEHOLD)
_INITIATIVE = ("INITIATIVE_CERTIFICATE",)


def _same(article, machine):
    """The same article under both laws."""
    return Standard(article, article, machine)


def _labour_order(code, rank, rank_en, peer_codes):
    return AwardKind(
        code, f"Huân chương Lao động hạng {rank}", f"{rank_en} Labour Order",
        f"HCLĐ{code[-1]}", f"Labour Order {code[-1]}", f"Huân chương Lao động hạng {rank}",
        f"{rank_en} Labour Order", FORM, _BOTH, STATE, DECORATION, article="Chương III",
        individual=Standard("Chương III"), collective=Standard("Chương III"), publicity_days=10,
        peer_codes=peer_codes)


# In catalogue order: the default order of the engine's results and of the catalogue's rows.
TYPES = {kind.code: kind for kind in (
    AwardKind(
        "LDTT", "Lao động tiên tiến", "Advanced Worker", "LĐTT", "Adv. Worker", "LĐTT",
        "Advanced Worker", TITLE, (INDIVIDUAL,), BASE, RECOGNITION, article="Điều 24",
        individual=_same("Điều 24", True), money_individual="0.3", chain_rank=1,
        peer_codes=(PeerCode("1647933042", "Lao động tiên tiến"),)),
    AwardKind(
        "CSTDCS", "Chiến sĩ thi đua cơ sở", "Grassroots Emulation Fighter", "CSTĐCS",
        "Grassroots EF", "CSTĐCS", "Grassroots Emulation Fighter", TITLE, (INDIVIDUAL,), BASE,
        RECOGNITION, article="Điều 23", individual=_same("Điều 23", True),
        money_individual="1.0", chain_rank=2, vote=SECRET_80, extra_attachments=_INITIATIVE,
        peer_codes=(PeerCode("1647933380", "Chiến sĩ thi đua cơ sở"),)),
    AwardKind(
        "CSTD_BO", "Chiến sĩ thi đua cấp bộ, ban, ngành, tỉnh",
        "Emulation Fighter at ministry, agency, sector or provincial level", "CSTĐ",
        "Provincial EF", "CSTĐ cấp bộ, ban, ngành, tỉnh",
        "Ministerial/Provincial Emulation Fighter", TITLE, (INDIVIDUAL,), MINISTRY, RECOGNITION,
        article="Điều 22",
        individual=_same("Điều 22", True), money_individual="3.0", chain_rank=3, vote=SECRET_90,
        extra_attachments=_INITIATIVE,
        aliases=("Chiến sĩ thi đua của Liên minh", "Chiến sĩ thi đua cấp Liên minh"),
        peer_codes=(PeerCode("1647508703",
                             "Chiến sĩ thi đua cấp Bộ, ngành, tỉnh, đoàn thể trung ương"),)),
    AwardKind(
        "CSTD_TQ", "Chiến sĩ thi đua toàn quốc", "National Emulation Fighter", "CSTĐTQ",
        "National EF", "CSTĐ toàn quốc", "National Emulation Fighter", TITLE, (INDIVIDUAL,),
        GOVERNMENT, RECOGNITION, article="Điều 21", individual=_same("Điều 21", True),
        money_individual="4.5", chain_rank=4, vote=SECRET_90, extra_attachments=_INITIATIVE,
        publicity_days=10, peer_codes=(PeerCode("1647933381", "Chiến sĩ thi đua toàn quốc"),)),
    AwardKind(
        "TTLDTT", "Tập thể lao động tiên tiến", "Advanced Labour Collective", "TTLĐTT",
        "Adv. Collective", "TTLĐTT", "Advanced Labour Collective", TITLE, (COLLECTIVE,), BASE,
        RECOGNITION, article="Điều 28", collective=_same("Điều 28", True),
        money_collective="0.8", chain_rank=1,
        peer_codes=(PeerCode("1647933198", "Tập thể lao động tiên tiến"),)),
    AwardKind(
        "TTLDXS", "Tập thể lao động xuất sắc", "Excellent Labour Collective", "TTLĐXS",
        "Exc. Collective", "TTLĐXS", "Excellent Labour Collective", TITLE, (COLLECTIVE,),
        MINISTRY, RECOGNITION, article="Điều 27", collective=_same("Điều 27", True),
        money_collective="1.5", chain_rank=2,
        peer_codes=(PeerCode("1647933151", "Tập thể lao động xuất sắc"),)),
    AwardKind(
        "CO_BO", "Cờ thi đua cấp bộ, ban, ngành, tỉnh",
        "Emulation Flag of a ministry, agency, sector or province", "Cờ TĐ", "Provincial Flag",
        "Cờ thi đua cấp bộ, ban, ngành, tỉnh",
        "Emulation Flag of a ministry, agency, sector or province", TITLE, (COLLECTIVE,),
        MINISTRY, FLAG, article="Điều 26", collective=_same("Điều 26", True),
        money_collective="8.0", chain_rank=3, vote=SECRET_80,
        aliases=("Cờ thi đua", "Cờ thi đua của Liên minh",
                 "Cờ thi đua của Liên minh Hợp tác xã Việt Nam"),
        peer_codes=(PeerCode("1647933114",
                             "Cờ thi đua cấp Bộ, ngành, tỉnh, đoàn thể trung ương"),)),
    AwardKind(
        "CO_CP", "Cờ thi đua của Chính phủ", "Government Emulation Flag", "Cờ CP",
        "Government Flag", "Cờ thi đua của Chính phủ", "Government Emulation Flag", TITLE,
        (COLLECTIVE,), GOVERNMENT, FLAG, article="Điều 25",
        collective=_same("Điều 25", False), money_collective="12.0", chain_rank=4,
        vote=SECRET_80, publicity_days=10,
        peer_codes=(PeerCode("1647933079", "Cờ thi đua của Chính phủ"),)),
    AwardKind(
        "GK", "Giấy khen", "Certificate of Commendation", "GK", "Commendation", "Giấy khen",
        "Certificate of Commendation", FORM, _WITH_HOUSEHOLDS, BASE, COMMENDATION,
        article="Điều 75", individual=Standard("Điều 75"), collective=Standard("Điều 75"),
        money_individual="0.3", money_collective="0.6", chain_rank=1,
        peer_codes=(
            PeerCode("1650360499", "Giấy khen của Chủ tịch Ủy ban nhân dân cấp huyện"),
            PeerCode("1672804384", "Giấy khen của Thủ trưởng cơ quan, đơn vị thuộc bộ, ngành, "
                                   "cơ quan ngang bộ, cơ quan thuộc Chính phủ"),
            PeerCode("1672804435", "Giấy khen của Thủ trưởng cơ quan chuyên môn và tương đương "
                                   "thuộc Ủy ban nhân dân cấp tỉnh"),
            PeerCode("1672804473", "Giấy khen của Chủ tịch Ủy ban nhân dân cấp xã"))),
    AwardKind(
        "BK_BO", "Bằng khen cấp bộ, ban, ngành, tỉnh",
        "Certificate of Merit of a ministry, agency, sector or province", "BK",
        "Provincial Merit", "Bằng khen cấp bộ, ban, ngành, tỉnh",
        "Certificate of Merit of a ministry, agency, sector or province", FORM,
        _WITH_HOUSEHOLDS, MINISTRY, MERIT, article="Điều 74",
        individual=Standard("điểm d khoản 1 Điều 74", machine=True),
        collective=Standard("Điều 74", machine=True), money_individual="1.5",
        money_collective="3.0", chain_rank=2,
        # In the VCA system the ministry-level forms are the Liên minh's own.
        aliases=("Bằng khen", "Bằng khen của Liên minh", "Bằng khen Liên minh",
                 "Bằng khen của Liên minh Hợp tác xã Việt Nam",
                 "Bằng khen của Liên minh HTX Việt Nam"),
        peer_codes=(PeerCode("1650360491",
                             "Bằng khen cấp bộ, ban, ngành, tỉnh, đoàn thể trung ương"),)),
    AwardKind(
        "BK_TTG", "Bằng khen của Thủ tướng Chính phủ", "Prime Minister's Certificate of Merit",
        "BKTTg", "PM's Merit", "Bằng khen của Thủ tướng Chính phủ",
        "Prime Minister's Certificate of Merit", FORM, _WITH_HOUSEHOLDS, GOVERNMENT, MERIT,
        article="Điều 73", individual=Standard("điểm b khoản 1 Điều 73", machine=True),
        collective=Standard("Điều 73"), money_individual="3.5", money_collective="7.0",
        chain_rank=3, publicity_days=10,
        aliases=("Bằng khen của Thủ tướng", "Bằng khen Thủ tướng"),
        peer_codes=(PeerCode("1671247716", "Bằng khen của Thủ tướng Chính phủ"),)),
    AwardKind(
        "KNC", "Kỷ niệm chương Vì sự nghiệp xây dựng và phát triển kinh tế tập thể",
        "Medal for the Cause of Building and Developing the Collective Economy", "KNC", "Medal",
        "Kỷ niệm chương", "Commemorative Medal", FORM, (INDIVIDUAL,), MINISTRY, DECORATION,
        regulation="Quy chế Kỷ niệm chương của Liên minh HTX Việt Nam", legal_text="vca-knc",
        individual=Standard(), money_individual="0.6", aliases=("Kỷ niệm chương",),
        peer_codes=(PeerCode("1671248245", "Kỷ niệm chương"),)),
    # CANHAN and TAPTHE give the Labour Order no class: read as the third, which the guide says.
    _labour_order("HCLD3", "Ba", "Third-Class", (
        PeerCode("1650360184", "Huân chương Lao động", by_name=False),
        PeerCode("1671246455", "Huân chương Lao động hạng ba"))),
    _labour_order("HCLD2", "Nhì", "Second-Class",
                  (PeerCode("1671246446", "Huân chương Lao động hạng nhì"),)),
    _labour_order("HCLD1", "Nhất", "First-Class",
                  (PeerCode("1671246434", "Huân chương Lao động hạng nhất"),)),
)}


def certificate_of(code, category):
    """The certificate layout of ``code``; a type entered only in the admin prints as a danh
    hiệu (``category`` TITLE) or as an award form named in full."""
    kind = TYPES.get(code)
    if kind is not None:
        return kind.certificate
    return RECOGNITION if category == TITLE else DECORATION


def peer_codes():
    """{peer code: (our code, the name the peer templates give it)}, in catalogue order."""
    return {peer.code: (kind.code, peer.name) for kind in TYPES.values()
            for peer in kind.peer_codes}
