"""What follows every write to the award registry, whichever service made it: a decision
(``nominations.workflow.decisions.issue_decision`` through ``services.grant_awards``), an entry
by hand or from a received dossier (``services.record_award``), an Excel import
(``services.import_awards``), a revocation (``services.revoke_award``). Each of them calls
``awards_written`` by name inside its transaction, so single and bulk paths share it:

* the award summaries (``reports.summaries.awards_changed``): the years touched marked, and
  rebuilt once the transaction commits;
* the public honour roll (``portal.honour.refresh_awards``): the awards' entries replaced in the
  same transaction, so an award is on the roll exactly when its write commits;
* the stored verdicts of the people awarded (``verdicts.people_changed``), after the commit.

The first two live in apps above ``awards`` in the layers, which a lower app never imports; so
they are named here by dotted path (tests/awards/test_followups.py checks that each name resolves).
"""
from django.utils.module_loading import import_string

from . import verdicts

SUMMARIES = "thidua.reports.summaries.awards_changed"
HONOUR_ROLL = "thidua.portal.honour.refresh_awards"
FOLLOW_UPS = (SUMMARIES, HONOUR_ROLL)


def awards_written(awards):
    """Call the follow-ups for ``awards`` (saved): the summaries of their years, their
    honour-roll entries and their holders' stored verdicts."""
    awards = list(awards)
    if not awards:
        return
    import_string(SUMMARIES)({award.year for award in awards})
    import_string(HONOUR_ROLL)([award.pk for award in awards])
    verdicts.people_changed(award.person_id for award in awards)
