"""``manage.py demo_signatures`` signs the issued decisions once, through the signer's service."""
from io import StringIO

from django.core.management import call_command

from thidua.documents.models import SignedDecision
from thidua.documents.signing import validation
from thidua.nominations.models import IssuerSettings


def test_the_demo_signs_each_issued_decision_once(commendation, pki):
    decision = commendation.decision()
    out = StringIO()
    call_command("demo_signatures", stdout=out)
    row = SignedDecision.objects.get()
    assert row.decision == decision and row.signed_by == commendation.signer
    with row.file.open("rb") as handle:
        assert validation.check_pdf(handle.read()).ok
    assert "Đã ký số 1 quyết định." in out.getvalue()
    # The first Huế cooperative signs its tờ trình in the demo (htx.lanhdao).
    assert IssuerSettings.objects.get(organization=commendation.network.hue_coop).sign_submissions
    call_command("demo_signatures", stdout=out)
    assert SignedDecision.objects.count() == 1 and "Đã ký số 0 quyết định." in out.getvalue()
