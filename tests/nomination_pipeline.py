"""A Huế pipeline built through the workflow functions, with a user per role and level: the
nominations tests' ``pipeline`` fixture, and the form fuzzer's records (tests/security)."""
import io
import zipfile
from datetime import date, timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from thidua.accounts.models import Role
from thidua.awards.models import AwardType
from thidua.nominations import guards, workflow
from thidua.nominations.models import Council, CouncilMembership, Disclosure
from thidua.nominations.states import AttachmentKind, SubjectKind, Verdict

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def pdf(name="ho-so.pdf"):
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


def docx(name="bao-cao.docx"):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return SimpleUploadedFile(name, buffer.getvalue())


class Pipeline:
    """Users: a reporter at the Huế cooperative, an officer, an appraiser, a secretary and a
    signer at the Huế alliance and at the VCA; a council of ``size`` members per level."""

    def __init__(self, network, make_user, size=5):
        self.network, self.make_user = network, make_user
        self.reporter = make_user(Role.UNIT_REPORTER, network.hue_coop)
        self.hue = self.level(network.hue, size)
        self.vca = self.level(network.vca, size)

    def level(self, unit, size):
        users = {role: self.make_user(role, unit) for role in
                 (Role.EC_OFFICER, Role.APPRAISER, Role.COUNCIL_SECRETARY, Role.SIGNER)}
        council = Council.objects.create(organization=unit, name=f"Hội đồng TĐKT {unit.code}")
        members = [self.make_user(Role.COUNCIL_MEMBER, unit) for _ in range(size)]
        for index, user in enumerate(members):
            CouncilMembership.objects.create(council=council, user=user, role="CHAIR" if index == 0
                                             else "MEMBER", start_date=date(2020, 1, 1))
        return type("Level", (), {"unit": unit, "council": council, "members": members,
                                  "officer": users[Role.EC_OFFICER],
                                  "appraiser": users[Role.APPRAISER],
                                  "secretary": users[Role.COUNCIL_SECRETARY],
                                  "signer": users[Role.SIGNER]})

    def draft(self, codes=("GK",), person=None, authority=None, year=2025, user=None):
        user = user or self.reporter
        batch = workflow.create_batch(user, self.network.hue_coop, authority or self.network.hue,
                                      title="Đề nghị khen thưởng năm 2025", year=year)
        workflow.add_attachment(user, batch, AttachmentKind.SUBMISSION_LETTER, pdf())
        workflow.add_attachment(user, batch, AttachmentKind.MINUTES, pdf("bien-ban.pdf"))
        workflow.add_attachment(user, batch, AttachmentKind.BALLOT_RESULT, pdf("kiem-phieu.pdf"))
        for code in codes:
            item = workflow.add_nomination(user, batch, SubjectKind.INDIVIDUAL,
                                           AwardType.objects.get(code=code),
                                           person=person or self.network.hue_person,
                                           achievement="Hoàn thành xuất sắc nhiệm vụ")
            workflow.add_attachment(user, batch, AttachmentKind.ACHIEVEMENT_REPORT, docx(),
                                    item=item)
            workflow.add_attachment(user, batch, AttachmentKind.INITIATIVE_CERTIFICATE, pdf(),
                                    item=item)
        return batch

    def to_appraisal(self, batch, level=None):
        level = level or self.hue
        if batch.state == "DRAFT":
            workflow.submit_batch(self.reporter, batch)
        workflow.receive_batch(level.officer, batch)
        workflow.start_appraisal(level.officer, batch, level.appraiser)
        return batch

    def appraise_all(self, batch, level=None):
        level = level or self.hue
        for item in batch.items.all():
            override = "" if item.engine_eligible in (None, True) else "Đã xác minh thành tích"
            workflow.appraise_item(level.appraiser, item, Verdict.ELIGIBLE,
                                   override_reason=override)

    def to_council(self, batch, level=None):
        level = level or self.hue
        self.to_appraisal(batch, level)
        self.appraise_all(batch, level)
        if guards.needs_publicity(batch):
            workflow.open_publicity(level.officer, batch)
            Disclosure.objects.filter(batch=batch).update(ends_on=timezone.localdate() - timedelta(days=1))
            batch.refresh_from_db()
        workflow.send_to_council(level.officer, batch)
        return batch

    def vote_all(self, batch, level=None, value="AGREE"):
        level = level or self.hue
        items = list(batch.items.filter(verdict=Verdict.ELIGIBLE, council_result="PENDING"))
        session = workflow.open_session(level.secretary, level.council, "Phiên họp cuối năm",
                                        items)
        for member in level.members:
            workflow.cast_ballot(member, session, {item.pk: value for item in items})
        return workflow.close_session(level.secretary, session)
