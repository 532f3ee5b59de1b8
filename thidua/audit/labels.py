"""The labels models had before they moved to another app.

An audit entry keeps the label it was written under (``movements.Exemplar``): the label is part
of the hashed text, so the chain is never rewritten when a model moves. Looking entries up by a
model's label therefore also reads its former labels, listed here and only here. Add a line when a
model changes app; never remove one while entries under the old label exist."""

# Issue 20: the records (blocs, programmes, exemplars, initiatives, inspections, events) left
# movements for their own app.
FORMER_LABELS = {
    f"records.{name}": (f"movements.{name}",)
    for name in ("CooperationProgramme", "Event", "Exemplar", "Initiative", "Inspection", "Pledge",
                 "PledgeSignature", "ProgrammeTarget", "Score", "ScoreCriterion", "ScoreSheet")
}
_BY_LOWER = {label.lower(): (label, *former) for label, former in FORMER_LABELS.items()}


def labels_of(label):
    """``label`` and the labels the same model was recorded under before (any case given)."""
    return _BY_LOWER.get(label.lower(), (label,))
