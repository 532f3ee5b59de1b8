"""Movements: launch and cascade, registration, periodic reports and reviews (the records the
work leaves — blocs, programmes, exemplars, initiatives, inspections, events — are in ``records``)."""
from .movement import Criterion, Movement, MovementDocument, MovementKind, MovementStatus, PlannedAward
from .registration import Registration, RegistrationItem, RegistrationStatus
from .reports import Period, ProgressReport, ReportSchedule
from .reviews import Review, ReviewKind, ReviewProposal

__all__ = [
    "Criterion", "Movement", "MovementDocument", "MovementKind", "MovementStatus", "Period",
    "PlannedAward", "ProgressReport", "Registration", "RegistrationItem", "RegistrationStatus",
    "ReportSchedule", "Review", "ReviewKind", "ReviewProposal",
]
