"""What the emulation work leaves on record: bloc pledges and score sheets, cooperation programmes,
exemplars, initiatives, inspections and events. Moved out of ``movements`` (issue 20); their rows
kept their ids and history (see migrations/0001_initial.py)."""
from .events import Event, EventKind
from .exemplars import Exemplar, ExemplarStage, Inspection, InspectionStatus
from .groups import Pledge, PledgeSignature, Score, ScoreCriterion, ScoreSheet, TieBreak
from .initiatives import Initiative, InitiativeKind, InitiativeScope
from .programmes import CooperationProgramme, ProgrammeIndicator, ProgrammeTarget

__all__ = [
    "CooperationProgramme", "Event", "EventKind", "Exemplar", "ExemplarStage", "Initiative",
    "InitiativeKind", "InitiativeScope", "Inspection", "InspectionStatus", "Pledge",
    "PledgeSignature", "ProgrammeIndicator", "ProgrammeTarget", "Score", "ScoreCriterion",
    "ScoreSheet", "TieBreak",
]
