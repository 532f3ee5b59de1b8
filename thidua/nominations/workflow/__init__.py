"""Every state change of the pipeline, one function per transition (see each docstring for its
side effects). Views and the API call these; nothing else changes state."""
from .common import WorkflowError
from .council import (cast_ballot, close_session, enter_paper_tally, next_round, open_session,
                      set_attendance)
from .decisions import (create_decision, forward_to, issue_decision, record_external_outcome,
                        update_decision)
from .dossier import add_attachment, create_batch, remove_nomination, submit_batch, withdraw_batch
from .handoff import batch_from_review, batch_from_selection
from .intake import (add_public_comment, appraise_item, open_publicity, receive_batch,
                     reject_batch, return_for_correction, send_to_council, start_appraisal)
from .nominees import NominationsRefused, Nominee, add_nomination, add_nominations
from .opinions import (extend_opinion_deadline, give_department_opinion,
                       request_department_opinions)

__all__ = ["NominationsRefused", "Nominee", "WorkflowError", "add_attachment", "add_nomination",
           "add_nominations", "add_public_comment", "appraise_item", "batch_from_review",
           "batch_from_selection", "cast_ballot", "close_session", "create_batch",
           "create_decision", "enter_paper_tally", "extend_opinion_deadline", "forward_to",
           "give_department_opinion", "issue_decision", "next_round", "open_publicity",
           "open_session", "receive_batch", "record_external_outcome", "reject_batch",
           "remove_nomination", "request_department_opinions", "return_for_correction",
           "send_to_council", "set_attendance", "start_appraisal", "submit_batch",
           "update_decision", "withdraw_batch"]
