"""What a signer signs, one contract for each kind of document: an issued decision (signed by
the issuer's signer) and a tờ trình (signed by its proposing unit's signer, where the unit's
settings ask for it, ``IssuerSettings.sign_submissions``). The signing services, the local
agents and the signing page take a ``Target`` and never ask which kind it is."""
import hashlib
from abc import ABC, abstractmethod

from django.db.models import Max
from django.urls import reverse
from django.utils.translation import gettext as _

from thidua.nominations.models import Decision, DecisionState, NominationBatch
from thidua.nominations.states import EDITABLE_STATES
from thidua.core.scopes import ROW_LOCK
from thidua.nominations.workflow.decisions import issuer_settings

from .. import services as documents
from ..context import place_of, signer
from ..models import SignedDecision, SignedSubmission
from .base import SignatureBlock


class Target(ABC):
    """One document to sign. ``perm``: who may sign it; ``unit``: whose settings say which ways
    of signing are accepted; ``model``: the signed versions' model."""

    kind = perm = ""
    model = None

    def __init__(self, document):
        self.document = document

    @property
    def pk(self):
        return self.document.pk

    def settings(self):
        return issuer_settings(self.unit)

    @abstractmethod
    def state_refusal(self):
        """Why the document cannot be signed in its present state, or ""."""

    @abstractmethod
    def unsigned_pdf(self):
        """The document's PDF as it is now, rendered afresh: what is signed."""

    @abstractmethod
    def block(self, user):
        """The visible signature block (``SignatureBlock``) for ``user``'s signature."""

    def versions(self):
        return self.model.objects.filter(**{self.field: self.document})

    @abstractmethod
    def lock(self):
        """Lock the document's row while its next version is numbered."""

    def next_version(self):
        return (self.versions().aggregate(last=Max("version"))["last"] or 0) + 1

    def new_row(self, prepared, **fields):
        return self.model(**{self.field: self.document}, version=self.next_version(), **fields)

    def session_fields(self):
        return {self.field: self.document}

    def page_url(self):
        return reverse(self.page, args=[self.pk])

    @property
    def links(self):
        """{"agent", "digest", "file"}: where this kind's signing page opens an agent's session
        and serves the signed original."""
        return {key: reverse(name, args=[self.pk]) for key, name in self.names.items()}


class DecisionTarget(Target):
    kind, perm, model, field = "decision", "documents.sign_decision", SignedDecision, "decision"
    page = "documents:sign_decision"
    names = {"agent": "documents:agent_session", "digest": "documents:digest_agent_session",
             "file": "documents:signed_decision_file"}

    @property
    def unit(self):
        return self.document.issuer

    def state_refusal(self):
        if self.document.state != DecisionState.ISSUED:
            return _("Chỉ ký số quyết định đã ban hành (đã có số, ngày).")
        return ""

    def unsigned_pdf(self):
        return documents.decision_pdf(self.document)

    def lock(self):
        Decision.objects.unscoped(ROW_LOCK).select_for_update().get(pk=self.pk)

    def block(self, user=None):
        decision = self.document
        return SignatureBlock(signer_title=decision.signer_title or _("Chủ tịch"),
                              signer_name=decision.signer_name,
                              organisation=decision.issuer.name, place=place_of(decision.issuer))

    def file_name(self, signed=False):
        decision = self.document
        return f"quyet-dinh-{decision.number}-{decision.year}{'-ky-so' if signed else ''}.pdf"

    def done_message(self, row, token=False):
        text = (_("Đã ký số quyết định %(ref)s bằng USB token (bản %(version)s).") if token
                else _("Đã ký số quyết định %(ref)s (bản %(version)s)."))
        return text % {"ref": self.document.reference, "version": row.version}


class SubmissionTarget(Target):
    kind, perm, model, field = ("submission", "documents.sign_submission", SignedSubmission,
                                "batch")
    page = "documents:sign_submission"
    names = {"agent": "documents:submission_agent_session",
             "digest": "documents:submission_digest_agent_session",
             "file": "documents:submission_signed_file"}

    @property
    def unit(self):
        return self.document.proposer

    def state_refusal(self):
        if not self.settings().sign_submissions:
            return _("%(unit)s không ký số tờ trình (Thiết lập ban hành quyết định).") % {
                "unit": self.unit}
        if self.document.state not in EDITABLE_STATES:
            return _("Chỉ ký số tờ trình trước khi gửi (Nháp hoặc Trả lại bổ sung).")
        return ""

    def unsigned_pdf(self):
        return documents.proposal_pdf(self.document)

    def lock(self):
        NominationBatch.objects.unscoped(ROW_LOCK).select_for_update().get(pk=self.pk)

    def block(self, user=None):
        lines = signer(self.unit)["signer_lines"]
        name = (user.get_full_name() or user.username) if user else ""
        return SignatureBlock(signer_title=" ".join(lines), signer_name=name,
                              organisation=self.unit.name, place=place_of(self.unit))

    def new_row(self, prepared, **fields):
        return super().new_row(prepared, content_sha256=hashlib.sha256(prepared).hexdigest(),
                               **fields)

    def file_name(self, signed=False):
        return f"to-trinh-{self.pk}{'-ky-so' if signed else ''}.pdf"

    def done_message(self, row, token=False):
        text = (_("Đã ký số tờ trình “%(title)s” bằng USB token (bản %(version)s).") if token
                else _("Đã ký số tờ trình “%(title)s” (bản %(version)s)."))
        return text % {"title": self.document.title, "version": row.version}


def of(document):
    """The ``Target`` of ``document`` (a Decision, a NominationBatch, or a Target already)."""
    if isinstance(document, Target):
        return document
    if isinstance(document, Decision):
        return DecisionTarget(document)
    if isinstance(document, NominationBatch):
        return SubmissionTarget(document)
    raise TypeError(document)


def of_session(session):
    """The ``Target`` a ``SigningSession`` was opened on."""
    return of(session.decision if session.decision_id else session.batch)
