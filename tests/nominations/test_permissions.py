"""Every transition allowed and forbidden per role and organisation: the role held at the acting
unit itself, at an ancestor (VCA, with its subtree), or in another province."""
import pytest
from django.core.exceptions import PermissionDenied

from thidua.accounts.models import Role
from thidua.nominations import workflow
from thidua.nominations.rules import INTAKE, ISSUERS, PROPOSERS, SECRETARIES

pytestmark = pytest.mark.django_db
ROLES = list(Role)


def where_unit(network, where, own):
    return {"own": own, "ancestor": network.vca, "other_province": network.hanoi}[where]


def allowed(role, where, roles):
    return where != "other_province" and role in roles


def run(call):
    try:
        call()
    except PermissionDenied:
        return False
    except workflow.WorkflowError:
        return True  # permitted, refused for a domain reason
    return True


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("where", ["own", "ancestor", "other_province"])
def test_proposer_transitions(pipeline, network, make_user, role, where):
    user = make_user(role, where_unit(network, where, network.hue_coop))
    expected = allowed(role, where, PROPOSERS)
    assert run(lambda: workflow.create_batch(user, network.hue_coop, network.hue, title="x",
                                             year=2025)) is expected
    batch = pipeline.draft()
    assert run(lambda: workflow.submit_batch(user, batch)) is expected
    batch.refresh_from_db()
    # The authority's own intake officers (here the VCA's, holding their roles over the whole
    # tree) receive the batch; withdrawing it is the proposing side's step, not theirs.
    receives_it = where == "ancestor" and role in INTAKE
    assert run(lambda: workflow.withdraw_batch(user, batch)) is (expected and not receives_it)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("where", ["own", "ancestor", "other_province"])
def test_intake_and_appraisal_transitions(pipeline, network, make_user, role, where):
    user = make_user(role, where_unit(network, where, network.hue))
    expected = allowed(role, where, INTAKE)
    batch = pipeline.draft()
    workflow.submit_batch(pipeline.reporter, batch)
    assert run(lambda: workflow.receive_batch(user, batch)) is expected
    assert run(lambda: workflow.return_for_correction(user, batch, "Thiếu")) is expected
    assert run(lambda: workflow.start_appraisal(user, batch, pipeline.hue.appraiser)) is expected
    assert run(lambda: workflow.appraise_item(user, batch.items.get(), "ELIGIBLE")) is expected
    assert run(lambda: workflow.open_publicity(user, batch)) is expected
    assert run(lambda: workflow.send_to_council(user, batch)) is expected
    assert run(lambda: workflow.reject_batch(user, batch, "Không đạt")) is expected


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("where", ["own", "ancestor", "other_province"])
def test_council_and_decision_transitions(pipeline, network, make_user, role, where):
    user = make_user(role, where_unit(network, where, network.hue))
    batch = pipeline.draft()
    pipeline.to_council(batch)
    items = list(batch.items.all())
    assert run(lambda: workflow.open_session(user, pipeline.hue.council, "Phiên", items)) is \
        allowed(role, where, SECRETARIES)
    pipeline.vote_all(batch)
    expected = allowed(role, where, ISSUERS)
    assert run(lambda: workflow.create_decision(user, batch, items, "QĐ")) is expected
    assert run(lambda: workflow.forward_to(user, batch, items, parent=network.vca)) is expected


def test_the_list_never_shows_another_provinces_batches(client, pipeline, network, make_user):
    batch = pipeline.draft()
    outsider = make_user(Role.EC_OFFICER, network.hanoi)
    client.force_login(outsider)
    assert batch.title not in client.get("/ho-so/").content.decode()
    assert client.get(f"/ho-so/{batch.pk}/").status_code == 403
    attachment = batch.attachments.first()
    assert client.get(f"/ho-so/tep/{attachment.pk}/").status_code == 403
    client.force_login(pipeline.hue.officer)
    response = client.get(f"/ho-so/tep/{attachment.pk}/")
    assert response.status_code == 200 and b"".join(response.streaming_content).startswith(b"%PDF")
