"""State changes of the reports app: the E&C departments and staff behind Biểu 0604–0605 and the
saved ad-hoc reports. Each checks permission and writes in one transaction."""
from django.db import transaction

from thidua.core.permissions import require


@transaction.atomic
def save_ec_record(user, record):
    """Create or edit an E&C department or staff member (validated by its page's form) of a
    reporting unit ``user`` keeps. Side effects: the row with its history."""
    require(user, "reports.manage_ec_staff", record.organization)
    record._history_user = user
    record.save()
    return record


@transaction.atomic
def delete_ec_record(user, record):
    """Remove the record from every year's form (ending it with ``end_year`` keeps past years)."""
    require(user, "reports.manage_ec_staff", record.organization)
    record._history_user = user
    record.delete()


@transaction.atomic
def save_report(user, report, source, definition):
    """Keep an ad-hoc report's definition under ``user``'s name (shared with one of their units
    when ``report.shared_with`` is set, which the form limits to them)."""
    report.owner, report.source, report.definition = user, source, definition
    report.save()
    return report
