from .batches import (Attachment, Disclosure, Nomination, NominationBatch, PublicComment,
                      Transition)
from .council import (Attendance, BallotParticipation, Council, CouncilMembership, CouncilRole,
                      CouncilSession, OpenVote, SessionState, Tally)
from .decisions import (Counter, Decision, DecisionItem, DecisionState, IssuerSettings,
                        SigningMethods)
from .reminders import DeadlineReminder

__all__ = ["Attachment", "Attendance", "BallotParticipation", "Council", "CouncilMembership",
           "CouncilRole", "CouncilSession", "Counter", "DeadlineReminder", "Decision",
           "DecisionItem", "DecisionState", "Disclosure", "IssuerSettings", "Nomination",
           "NominationBatch", "OpenVote", "PublicComment", "SessionState", "SigningMethods", "Tally",
           "Transition"]
