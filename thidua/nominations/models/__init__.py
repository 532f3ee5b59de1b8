from .batches import (Attachment, Disclosure, Nomination, NominationBatch, PublicComment,
                      Transition)
from .council import (Attendance, BallotParticipation, Council, CouncilMembership, CouncilRole,
                      CouncilSession, OpenVote, SessionState, Tally)
from .decisions import (Counter, Decision, DecisionItem, DecisionState, IssuerSettings,
                        SigningMethods)
from .opinions import DepartmentField, DepartmentOpinion, OpinionRequest
from .reminders import DeadlineReminder

__all__ = ["Attachment", "Attendance", "BallotParticipation", "Council", "CouncilMembership",
           "CouncilRole", "CouncilSession", "Counter", "DeadlineReminder", "Decision",
           "DecisionItem", "DecisionState", "DepartmentField", "DepartmentOpinion", "Disclosure",
           "IssuerSettings", "Nomination", "NominationBatch", "OpenVote", "OpinionRequest",
           "PublicComment", "SessionState", "SigningMethods", "Tally", "Transition"]
