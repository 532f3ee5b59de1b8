"""Live dossiers: the nomination pipeline as it stands on the day the demo is loaded.

Each dossier is played through the workflow functions an official uses, every step on its own
past working day (see clock.py), and stops where it waits for someone — so after ``make run``
each demo account finds work: ``htx.baocao`` a draft and a dossier returned for correction,
``hue.tdkt`` one to receive and one to assign, ``hue.thamdinh`` one to appraise (with the
opinions of three departments, one of them late), ``hue.hoidong``
a secret ballot, ``hue.lanhdao`` a decision to sign, ``vca.hoidong`` a ballot on a dossier sent
up from Huế whose publicity has ended, and the public a list under publicity at each level.
Dossiers are found again by (proposer, authority, title): a second run adds nothing.
"""
from dataclasses import dataclass
from datetime import timedelta
from functools import lru_cache

from django.core.files.uploadedfile import SimpleUploadedFile
from fpdf import FPDF

from thidua.accounts.models import User
from thidua.awards.models import AwardType
from thidua.documents.pdf import FONTS
from thidua.nominations import workflow
from thidua.nominations.models import Council, NominationBatch
from thidua.nominations.states import AttachmentKind, Opinion, State, SubjectKind, Verdict
from thidua.nominations.workflow.dossier import missing_components, on_hold
from thidua.organizations.models import Employment, Organization
from thidua.organizations.scoping import current_employment_q

from . import data
from .clock import Clock

# The states a freshly loaded demo always has a dossier in (tests/demo checks them).
PROMISED_STATES = (State.DRAFT, State.RETURNED_FOR_CORRECTION, State.SUBMITTED, State.RECEIVED,
                   State.IN_APPRAISAL, State.PUBLICITY, State.AT_COUNCIL, State.DECIDED,
                   State.FORWARDED)
LEGAL_BASES = ("Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;\n"
               "Căn cứ Nghị định số 152/2025/NĐ-CP của Chính phủ quy định chi tiết thi hành "
               "một số điều của Luật Thi đua, khen thưởng;")


@dataclass
class Level:
    """The demo accounts of one alliance (``hue`` or ``vca``) and its council."""
    unit: Organization
    officer: User
    appraiser: User
    secretary: User
    signer: User
    members: list
    council: Council

    @classmethod
    def of(cls, unit, prefix):
        users = {u.username.split(".")[1]: u for u in User.objects.filter(
            username__startswith=f"{prefix}.")}
        council = Council.objects.get(organization=unit)
        members = [users[slug] for slug in ("lanhdao", "tdkt", "thamdinh", "hoidong", "thuky")]
        return cls(unit, users["tdkt"], users["thamdinh"], users["thuky"], users["lanhdao"],
                   members, council)


@lru_cache(maxsize=16)
def _paper(title, subtitle):
    """A one-page PDF that reads like the document it stands for (the demo's own, not a scan)."""
    pdf = FPDF(format="A4")
    pdf.add_font("Serif", "", str(FONTS / "LiberationSerif-Regular.ttf"))
    pdf.add_font("Serif", "B", str(FONTS / "LiberationSerif-Bold.ttf"))
    pdf.add_page()
    pdf.set_font("Serif", "B", 13)
    pdf.multi_cell(0, 8, subtitle.upper(), align="C")
    pdf.ln(6)
    pdf.set_font("Serif", "B", 15)
    pdf.multi_cell(0, 9, title, align="C")
    pdf.ln(6)
    pdf.set_font("Serif", "", 12)
    pdf.multi_cell(0, 7, "Tài liệu mẫu do bản trình diễn tạo ra để minh họa thành phần hồ sơ.")
    return bytes(pdf.output())


def _nominees(unit, count):
    """The first ``count`` people working in ``unit`` today and not held from commendation."""
    rows = Employment.objects.filter(current_employment_q(), organization=unit).select_related(
        "person").order_by("person__sort_key", "pk")
    people = []
    for row in rows:
        if row.person not in people and not on_hold(row.person):
            people.append(row.person)
        if len(people) == count:
            break
    return people


def _upload(kind, subject):
    label = AttachmentKind(kind).label
    content = _paper(str(label), str(subject))
    return SimpleUploadedFile(f"{kind.lower()}.pdf", content, content_type="application/pdf")


class Player:
    """Plays dossiers forward; ``ago`` is always a number of working days before today."""

    def __init__(self, actor, today):
        self.actor, self.clock = actor, Clock(today)
        self.hue = Level.of(Organization.objects.get(code="P46"), "hue")
        self.vca = Level.of(Organization.objects.get(code="VCA"), "vca")
        self.reporter = User.objects.get(username="htx.baocao")
        self.year = (today - timedelta(days=90)).year

    def draft(self, proposer, authority, title, codes, ago, collective=False):
        """A draft with one nominee per code, its files attached; None if it exists already."""
        proposer = Organization.objects.get(code=proposer)
        title = f"{title} năm {self.year}"
        if NominationBatch.objects.filter(proposer=proposer, authority=authority,
                                          title=title).exists():
            return None
        user = self.proposing_user(proposer)
        with self.clock.on(ago, 8):
            batch = workflow.create_batch(user, proposer, authority, title=title, year=self.year)
            people = _nominees(proposer, len(codes))
            for code, person in zip(codes, people, strict=False):
                award_type = AwardType.objects.filter(code=code).in_force(
                    self.clock.day(ago)).first()
                subject = {"organization": proposer} if collective else {"person": person}
                workflow.add_nomination(
                    user, batch, SubjectKind.COLLECTIVE if collective else SubjectKind.INDIVIDUAL,
                    award_type, achievement=f"Hoàn thành xuất sắc nhiệm vụ năm {self.year}",
                    **subject)
            for item, kind in missing_components(batch):
                workflow.add_attachment(user, batch, kind,
                                        _upload(kind, item or batch.proposer), item=item)
        return batch

    def proposing_user(self, proposer):
        """The demo reporter for the demo cooperative; the demo admin for the others."""
        return self.reporter if proposer.code == "P46-HTX01" else self.actor

    def submit(self, batch, ago):
        with self.clock.on(ago, 10):
            workflow.submit_batch(self.proposing_user(batch.proposer), batch)

    def receive(self, batch, level, ago):
        with self.clock.on(ago, 9):
            workflow.receive_batch(level.officer, batch)

    def assign(self, batch, level, ago):
        with self.clock.on(ago, 14):
            workflow.start_appraisal(level.officer, batch, level.appraiser)

    def appraise(self, batch, level, ago):
        with self.clock.on(ago, 10):
            for item in batch.items.all():
                override = ("" if item.engine_eligible in (None, True) else
                            "Đã đối chiếu hồ sơ gốc: thành tích các năm trước được xác nhận.")
                workflow.appraise_item(level.appraiser, item, Verdict.ELIGIBLE,
                                       override_reason=override)

    def publicise(self, batch, level, ago):
        with self.clock.on(ago, 15):
            workflow.open_publicity(level.officer, batch)

    def to_council(self, batch, level, ago):
        with self.clock.on(ago, 9):
            workflow.send_to_council(level.officer, batch)

    def session(self, batch, level, ago, voters):
        """Open a session on the batch and let ``voters`` (the first N members) vote for all."""
        with self.clock.on(ago, 8):
            items = list(batch.items.filter(verdict=Verdict.ELIGIBLE))
            session = workflow.open_session(level.secretary, level.council,
                                            f"Phiên họp xét: {batch.title}", items)
        for member in level.members[:voters]:
            with self.clock.on(ago, 9):
                workflow.cast_ballot(member, session, {item.pk: "AGREE" for item in items})
        return session

    def close(self, session, level, ago):
        with self.clock.on(ago, 11):
            workflow.close_session(level.secretary, session)

    def draft_decision(self, batch, level, ago):
        with self.clock.on(ago, 14):
            items = workflow.decisions.decidable_items(batch)
            return workflow.create_decision(
                level.officer, batch, items, workflow.decisions.title_for(batch),
                legal_bases=LEGAL_BASES, signer_name=level.signer.get_full_name(),
                signer_title="CHỦ TỊCH")

    def issue(self, decision, level, ago):
        with self.clock.on(ago, 16):
            workflow.issue_decision(level.signer, decision)

    def forward(self, batch, level, parent, ago):
        with self.clock.on(ago, 15):
            items = workflow.decisions.forwardable_items(batch)
            return workflow.forward_to(level.officer, batch, items, parent=parent)


def _at_hue(player):
    """Dossiers of Huế cooperatives, each waiting at a different step."""
    hue, p = player.hue, player
    gk = "Đề nghị tặng Giấy khen cho cá nhân có thành tích xuất sắc"
    p.draft("P46-HTX01", hue.unit, gk, ["GK", "GK"], ago=1)  # htx.baocao completes and submits
    if batch := p.draft("P46-HTX01", hue.unit, "Đề nghị công nhận danh hiệu Lao động tiên tiến",
                        ["LDTT", "LDTT"], ago=9):
        p.submit(batch, 8)
        with p.clock.on(6, 10):
            workflow.return_for_correction(
                hue.officer, batch, "Báo cáo thành tích chưa có xác nhận của Giám đốc HTX; "
                "bổ sung bản có chữ ký và dấu.")
    if batch := p.draft("P46-HTX02", hue.unit, gk, ["GK", "GK"], ago=3):
        p.submit(batch, 1)  # waits for hue.tdkt to receive it
    if batch := p.draft("P46-HTX03", hue.unit, gk, ["GK"], ago=6):
        p.submit(batch, 4)
        p.receive(batch, hue, 2)  # waits for hue.tdkt to assign an appraiser
    if batch := p.draft("P46-HTX04", hue.unit, gk, ["GK", "GK"], ago=8):
        p.submit(batch, 7)
        p.receive(batch, hue, 6)
        p.assign(batch, hue, 5)  # waits for hue.thamdinh
        _department_opinions(p, batch, hue)
    if batch := p.draft("P46-HTX05", hue.unit, "Đề nghị Thủ tướng Chính phủ tặng Bằng khen",
                        ["BK_TTG"], ago=12):
        p.submit(batch, 11)
        p.receive(batch, hue, 10)
        p.assign(batch, hue, 9)
        p.appraise(batch, hue, 5)
        p.publicise(batch, hue, 3)  # under publicity; the public may comment
    if batch := p.draft("P46-HTX06", hue.unit, "Đề nghị công nhận danh hiệu Chiến sĩ thi đua cơ sở",
                        ["CSTDCS", "CSTDCS"], ago=14):
        p.submit(batch, 13)
        p.receive(batch, hue, 12)
        p.assign(batch, hue, 11)
        p.appraise(batch, hue, 8)
        p.to_council(batch, hue, 2)
        p.session(batch, hue, 1, voters=3)  # secret ballot: hue.hoidong and hue.thuky to vote
    if batch := p.draft("P46-HTX07", hue.unit, gk, ["GK", "GK"], ago=16):
        _decided(p, batch, hue, from_ago=15)  # waits for hue.lanhdao to sign
    if batch := p.draft("P46-HTX08", hue.unit, gk, ["GK", "GK", "GK"], ago=30):
        decision = _decided(p, batch, hue, from_ago=29)
        p.issue(decision, hue, 20)


def _department_opinions(p, batch, level):
    """hue.thamdinh asked the three departments for their opinion within 3 working days: the
    Văn phòng agreed on both nominees, the Ban Kiểm tra answered one, and the third let its
    deadline (yesterday) pass — it shows late, and hue.bantuyentruyen still finds it waiting."""
    departments = {unit.code: unit for unit in Organization.objects.filter(
        code__in=[f"{level.unit.code}-{suffix}" for suffix, _n, _u in data.HUE_DEPARTMENTS])}
    if len(departments) != len(data.HUE_DEPARTMENTS):
        return
    with p.clock.on(4, 9):
        requests = workflow.request_department_opinions(
            level.appraiser, batch, departments.values(), 3,
            "Đề nghị cho ý kiến về việc chấp hành chủ trương, chính sách, pháp luật của cá nhân")
    by_code = {request.department.code: request for request in requests}
    answers = (("VP", 3, [(Opinion.AGREE, "")] * 2),
               ("BKT", 2, [(Opinion.NOTE, "Đề nghị HTX bổ sung xác nhận không vi phạm kỷ luật "
                                          "trong năm")]))
    for suffix, ago, given in answers:
        request = by_code[f"{level.unit.code}-{suffix}"]
        user = User.objects.get(username=next(u for s, _n, u in data.HUE_DEPARTMENTS if s == suffix))
        with p.clock.on(ago, 15):
            for opinion, (value, comment) in zip(request.opinions.all(), given, strict=False):
                workflow.give_department_opinion(user, opinion, value, comment)


def _decided(p, batch, level, from_ago):
    """Submitted ``from_ago`` working days ago, voted and drafted into a decision since."""
    p.submit(batch, from_ago)
    p.receive(batch, level, from_ago - 1)
    p.assign(batch, level, from_ago - 2)
    p.appraise(batch, level, from_ago - 4)
    p.to_council(batch, level, from_ago - 6)
    p.close(p.session(batch, level, from_ago - 9, voters=5), level, from_ago - 9)
    return p.draft_decision(batch, level, from_ago - 10)


def _up_to_the_vca(player):
    """A Huế cooperative's collective for the Prime Minister's Bằng khen: Huế publicised, voted
    and sent it up; the VCA's publicity has ended and its council votes today. And an alliance
    unit's own proposal under publicity at the VCA."""
    hue, vca, p = player.hue, player.vca, player
    if batch := p.draft("P46-HTX09", hue.unit, "Đề nghị Thủ tướng Chính phủ tặng Bằng khen cho "
                        "tập thể", ["BK_TTG"], ago=60, collective=True):
        p.submit(batch, 59)
        p.receive(batch, hue, 58)
        p.assign(batch, hue, 57)
        p.appraise(batch, hue, 54)
        p.publicise(batch, hue, 52)
        p.to_council(batch, hue, 38)
        p.close(p.session(batch, hue, 36, voters=5), hue, 36)
        upper = p.forward(batch, hue, vca.unit, 35)
        p.receive(upper, vca, 33)
        p.assign(upper, vca, 32)
        p.appraise(upper, vca, 27)
        p.publicise(upper, vca, 14)
        p.to_council(upper, vca, 2)
        p.session(upper, vca, 1, voters=2)  # vca.hoidong and the others still to vote
    unit = Organization.objects.filter(kind="ALLIANCE_UNIT").order_by("code").first()
    if unit and (batch := p.draft(unit.code, vca.unit, "Đề nghị Thủ tướng Chính phủ tặng Bằng "
                                  "khen", ["BK_TTG"], ago=10)):
        p.submit(batch, 9)
        p.receive(batch, vca, 8)
        p.assign(batch, vca, 7)
        p.appraise(batch, vca, 4)
        p.publicise(batch, vca, 2)


def load(actor, today):
    player = Player(actor, today)
    _at_hue(player)
    _up_to_the_vca(player)
