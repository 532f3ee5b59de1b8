"""Movements: launch and cascade, registration, bloc pledges and scores, periodic reports, reviews,
cooperation programmes, exemplars, initiatives and inspections."""
from .exemplars import Exemplar, ExemplarStage, Inspection, InspectionStatus
from .groups import Pledge, PledgeSignature, Score, ScoreCriterion, ScoreSheet, TieBreak
from .initiatives import Initiative, InitiativeKind, InitiativeScope
from .movement import Criterion, Movement, MovementDocument, MovementKind, MovementStatus, PlannedAward
from .programmes import CooperationProgramme, ProgrammeIndicator, ProgrammeTarget
from .registration import Registration, RegistrationItem, RegistrationStatus
from .reports import Period, ProgressReport, ReportSchedule
from .reviews import Event, EventKind, Review, ReviewKind, ReviewProposal

__all__ = [
    "CooperationProgramme", "Criterion", "Event", "EventKind", "Exemplar", "ExemplarStage",
    "Initiative", "InitiativeKind", "InitiativeScope", "Inspection", "InspectionStatus",
    "Movement", "MovementDocument", "MovementKind", "MovementStatus", "Period", "PlannedAward",
    "Pledge", "PledgeSignature", "ProgrammeIndicator", "ProgrammeTarget", "ProgressReport",
    "Registration", "RegistrationItem", "RegistrationStatus", "ReportSchedule", "Review",
    "ReviewKind", "ReviewProposal", "Score", "ScoreCriterion", "ScoreSheet", "TieBreak",
]
