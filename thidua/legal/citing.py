"""What applies on a date: the texts in force, the register of bases, and the "Căn cứ" lines of a
decision or a tờ trình — the law, the decree and the circular in force on the document's date,
then the issuing organisation's own charter and emulation regulation (docs/law.md, section 3).

Documents ask here (``issuing_bases``) rather than printing a fixed list, so a decision dated
30/6/2025 cites Nghị định 98/2023 and one dated 1/7/2025 cites Nghị định 152/2025.
"""
from .models import (BasisTopic, DocumentKind, LegalBasis, LegalText, LegalTextKind, OwnBasis,
                     OwnBasisKind)

# A decision cites the law first, then the decree, the circular, other texts, then its own rules.
KIND_ORDER = {kind: index for index, kind in enumerate(LegalTextKind.values)}
OWN_ORDER = {kind: index for index, kind in enumerate(OwnBasisKind.values)}


def texts_in_force(day):
    """Confirmed texts in force on ``day``: laws first, then decrees, circulars, the rest."""
    return sorted(LegalText.objects.in_force(day).select_related("replaces"),
                  key=lambda text: (KIND_ORDER[text.kind], text.short_name))


def awaiting_confirmation():
    """Texts entered but not confirmed from their official version: never in force."""
    return LegalText.objects.filter(confirmed=False).order_by("key")


def bases_in_force(day, topic=None):
    rows = LegalBasis.objects.in_force(day)
    return rows.filter(topic=topic) if topic else rows


def own_bases(organization, day):
    """The organisation's own charter and regulation valid on ``day``, charter first."""
    if organization is None:
        return []
    rows = [row for row in OwnBasis.objects.filter(organization=organization) if row.covers(day)]
    return sorted(rows, key=lambda row: (OWN_ORDER[row.kind], row.valid_from or day, row.pk))


def _register_line(row):
    text = row.legal_text
    citation = text.citation if text else row.label
    if row.article:
        citation = f"{citation}, {row.article}" if text else row.article
    return {"citation": citation, "short_name": text.short_name if text else row.label,
            "kind": text.kind if text else "", "key": text.key if text else "", "own": False,
            "names": [name for name in (text.number, text.title if text.kind == LegalTextKind.LAW
                                        else "") if name] if text else []}


def issuing_bases(day, organization, document=DocumentKind.DECISION):
    """The bases a ``document`` (decision or tờ trình) dated ``day`` and issued by
    ``organization`` cites, in order: [{"citation", "short_name", "kind", "key", "own", "names"}]
    (``names``: what identifies the text in a typed line, for ``already_cited``).

    Texts come from the register's ``ISSUING`` rows whose own dates and text are in force on
    ``day``; the organisation's charter and regulation follow (``OwnBasis``)."""
    rows = bases_in_force(day, BasisTopic.ISSUING).filter(subject=document)
    rows = sorted(rows, key=lambda row: (
        KIND_ORDER.get(row.legal_text.kind, len(KIND_ORDER)) if row.legal_text else len(KIND_ORDER),
        row.order, row.pk))
    lines = [_register_line(row) for row in rows]
    lines.extend({"citation": row.wording, "short_name": row.get_kind_display(), "kind": row.kind,
                  "key": "", "own": True, "names": [row.wording]}
                 for row in own_bases(organization, day))
    return lines


def already_cited(line, bases):
    """Whether a typed "Căn cứ …" line names one of ``bases`` (its number, a law's title, an own
    basis's wording), so a document does not cite it twice."""
    folded = line.casefold()
    return any(name.casefold() in folded for basis in bases for name in basis["names"])
