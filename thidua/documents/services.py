"""The documents API other apps call (interchange, API, views): each function returns the file's
bytes (or, for ``verification_url``, the absolute address printed in the certificate's QR code).

Callers check permissions; these functions do not. Documents are always in Vietnamese, whatever
language the caller's interface is in: they are official papers.
"""
from django.utils.translation import gettext as _

from . import certificates, pdf, wordfiles
from .annexes import annex_pdf
from .context import batch_context, decision_context, in_vietnamese, item_context, session_context
from .verification import verification_url  # noqa: F401  (part of this API)


@in_vietnamese
def proposal_docx(batch):
    """Tờ trình (Mẫu 01) with its annex list, in the proposer's template if it has one."""
    return wordfiles.render("proposal", batch_context(batch), batch.proposer)


@in_vietnamese
def proposal_pdf(batch):
    context = batch_context(batch)
    return pdf.combine(pdf.render("documents/pdf/proposal.html", context), annex_pdf(context))


@in_vietnamese
def annex_docx(batch):
    """The nominee list alone (I. Cá nhân / II. Tập thể / III. Hộ gia đình)."""
    return wordfiles.render("annex", batch_context(batch), batch.proposer)


@in_vietnamese
def minutes_docx(session):
    """Biên bản họp Hội đồng: members and attendance, the ballot counts, the conclusion."""
    return wordfiles.render("minutes", session_context(session), session.council.organization)


@in_vietnamese
def minutes_pdf(session):
    return pdf.render("documents/pdf/minutes.html", {
        **session_context(session), "heading": _("BIÊN BẢN HỌP HỘI ĐỒNG THI ĐUA – KHEN THƯỞNG"),
        "with_members": True})


@in_vietnamese
def tally_docx(session):
    """Biên bản kiểm phiếu with the cross-checks of each round."""
    return wordfiles.render("tally", session_context(session), session.council.organization)


@in_vietnamese
def tally_pdf(session):
    return pdf.render("documents/pdf/minutes.html", {
        **session_context(session), "heading": _("BIÊN BẢN KIỂM PHIẾU"), "with_members": False})


@in_vietnamese
def achievement_report_docx(item):
    """Báo cáo thành tích pre-filled for one nominee (individual or collective form)."""
    kind = "report_individual" if item.person_id else "report_collective"
    return wordfiles.render(kind, item_context(item), item.batch.proposer)


@in_vietnamese
def decision_docx(decision):
    """Quyết định khen thưởng (NĐ 30/2020) with its annex, in the issuer's template if any."""
    return wordfiles.render("decision", decision_context(decision), decision.issuer)


@in_vietnamese
def decision_pdf(decision):
    """The decision (WeasyPrint) followed by its annex, paginated on its own (fpdf2)."""
    context = decision_context(decision)
    return pdf.combine(pdf.render("documents/pdf/decision.html", context), annex_pdf(context))


@in_vietnamese
def certificate_pdf(award):
    """One certificate (Bằng khen, Giấy khen, Cờ thi đua) with its verification QR code."""
    return certificates.certificate_pdf(award)
