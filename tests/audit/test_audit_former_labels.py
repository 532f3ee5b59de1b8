"""Entries written before a model changed app keep their label (the chain hashes it); looking a
model up in the log also reads them."""
import pytest
from django.urls import reverse

from thidua.audit.chain import verify
from thidua.audit.labels import FORMER_LABELS, labels_of
from thidua.audit.models import Action
from thidua.audit.recording import record

pytestmark = pytest.mark.django_db


def test_the_log_finds_a_moved_models_entries_under_its_former_label(client, root_user):
    before = record(Action.UPDATE, model="movements.Exemplar", object_id="7", label="Mô hình cũ",
                    changes={"title": ["a", "b"]}, user=root_user)
    after = record(Action.UPDATE, model="records.Exemplar", object_id="7", label="Mô hình cũ",
                   changes={"title": ["b", "c"]}, user=root_user)
    other = record(Action.UPDATE, model="movements.Movement", object_id="7", label="Phong trào",
                   user=root_user)
    client.force_login(root_user)
    for asked in ("records.Exemplar", "RECORDS.EXEMPLAR"):
        page = client.get(reverse("audit:entry_list"), {"model": asked, "object_id": "7"})
        assert {e.pk for e in page.context["object_list"]} == {before.pk, after.pk}
    page = client.get(reverse("audit:entry_list"), {"model": "movements.Movement"})
    assert {e.pk for e in page.context["object_list"]} == {other.pk}
    assert before.model == "movements.Exemplar" and verify().intact


def test_every_current_label_in_the_map_is_a_model_and_former_ones_are_not():
    from django.apps import apps

    current = {model._meta.label for model in apps.get_models()}
    assert set(FORMER_LABELS) <= current
    assert not {old for olds in FORMER_LABELS.values() for old in olds} & current
    assert labels_of("organizations.Person") == ("organizations.Person",)
