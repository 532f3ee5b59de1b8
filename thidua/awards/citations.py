"""The legal basis an award type is cited under on a date.

A decision dated 2020 that confers a Giấy khen cites the law in force in 2020, not today's
catalogue line ("Luật TĐKT 2022, Điều 75"): the catalogue version in force on the day is used
when its text was in force then; otherwise the eligibility engine's rule table of that day
(``ruleset.period_for``), which knows each type's article under Law 2003 and Law 2022 and leaves
an unknown article empty rather than guessing it.
"""
from django.utils.translation import gettext as _

from thidua.legal.citing import already_cited, issuing_bases

from .eligibility.ruleset import KINDS, period_for
from .models import AwardType


def _text_covers(award_type, day):
    text = award_type.legal_text
    return text is None or ((text.effective_from is None or text.effective_from <= day)
                            and (text.effective_to is None or day <= text.effective_to))


def legal_basis_on(award_type, day):
    """The words after "Căn cứ" for ``award_type`` in a document dated ``day`` ("" if none)."""
    if award_type.in_force(day) and _text_covers(award_type, day):
        return award_type.legal_basis
    version = (AwardType.objects.in_force(day).filter(code=award_type.code)
               .exclude(pk=award_type.pk).select_related("legal_text").first())
    if version is not None and _text_covers(version, day):
        return version.legal_basis
    rules = period_for(day).rules
    kinds = [kind.lower() for kind in (award_type.subject_kinds or []) if kind.lower() in KINDS]
    kinds += list(KINDS)
    rule = next((rules[kind, award_type.code] for kind in kinds
                 if (kind, award_type.code) in rules), None)
    return rule.legal_basis if rule else award_type.legal_basis


def _within_a_cited_text(basis, in_force):
    """A basis that names a text cited already, with an article or without ("Luật TĐKT 2022,
    Điều 75", "Luật TĐKT 2003 (sửa đổi 2013)"): a decision cites the law once, by its full
    name, not again by one of its articles."""
    return any(text["short_name"] and basis.startswith(text["short_name"]) for text in in_force)


def legal_basis_lines(free_text, award_types, day, extra=(), in_force=()):
    """'Căn cứ …;' lines: the texts in force on the document's date ``day`` (``in_force``, from
    ``legal.citing.issuing_bases``), the decision's own lines that do not repeat them, then each
    award type's legal basis on ``day`` once (``legal_basis_on``: a decision of 2020 cites
    the 2003 law, not today's article) unless its text is cited already; the last ends with '.'
    (NĐ 30/2020 Phụ lục III)."""
    lines = [line.strip().rstrip(";.").strip() for line in free_text.splitlines() if line.strip()]
    lines = [basis["citation"] for basis in in_force] + [
        line for line in lines if not already_cited(line, in_force)]
    bases = (legal_basis_on(award_type, day) for award_type in dict.fromkeys(award_types))
    for basis in dict.fromkeys(basis for basis in bases if basis):
        if not any(basis in line for line in lines) and not _within_a_cited_text(basis, in_force):
            lines.append(basis)  # "Căn cứ" is put before it once, below, in the page's language
    lines.extend(extra)
    lines = [line if line.lower().startswith("căn cứ") else _("Căn cứ %(basis)s") % {
        "basis": line} for line in lines]
    return [line + (";" if index < len(lines) - 1 else ".") for index, line in enumerate(lines)]


def decision_bases(free_text, award_types, day, issuer):
    """The texts in force for a decision of ``issuer`` dated ``day`` and its "Căn cứ" lines, as
    the document prints them and its preview shows them: ``(in_force, lines)``."""
    in_force = issuing_bases(day, issuer)
    return in_force, legal_basis_lines(free_text, award_types, day, in_force=in_force)
