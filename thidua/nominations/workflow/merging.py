"""What a unit merger does to the pipeline (called by ``organizations.merging.merge_unit``)."""
from django.utils.translation import gettext as _

from thidua.audit.recording import audited_update

from .. import steps
from ..models import NominationBatch
from ..states import FINAL_STATES


def unit_merged(user, absorbed, successor):
    """Open dossiers of ``absorbed`` — proposed by it or waiting at it — pass to ``successor``,
    each with a note on its history; finished ones keep the name they were decided under."""
    note = _("Đơn vị %(old)s sáp nhập vào %(new)s: tờ trình chuyển sang %(new)s.") % {
        "old": absorbed.name, "new": successor.name}
    open_batches = NominationBatch.objects.exclude(state__in=FINAL_STATES)
    for field in ("proposer", "authority"):
        batches = list(open_batches.filter(**{field: absorbed}))
        for batch in batches:
            steps.record(batch, batch.state, user, note=note)
        audited_update(NominationBatch.objects.filter(pk__in=[b.pk for b in batches]),
                       **{field: successor})
