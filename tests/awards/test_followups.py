"""The follow-ups every award service calls by name (awards/followups.py): their names resolve,
and a revocation takes the award off the honour roll and tells the holder's unit."""
import pytest
from django.utils.module_loading import import_string

from thidua.accounts.models import Role
from thidua.awards import followups, services
from thidua.core.models import Notification
from thidua.portal.models import HonourEntry


@pytest.mark.parametrize("path", followups.FOLLOW_UPS)
def test_each_follow_up_named_by_path_exists(path):
    assert callable(import_string(path))


@pytest.mark.django_db
def test_a_revocation_leaves_the_roll_and_tells_the_holders_unit_only(
        network, registry, root_user, make_user, today):
    hue_officer = make_user(Role.EC_OFFICER, network.hue)
    hanoi_officer = make_user(Role.EC_OFFICER, network.hanoi)
    award = registry.award("LDTT", 2025, person=network.hue_person)
    assert HonourEntry.objects.filter(award=award).exists()
    services.revoke_award(root_user, award, "FRAUD", "5/QĐ-LMHTX", today)
    assert not HonourEntry.objects.filter(award=award).exists()
    told = Notification.objects.get(recipient=hue_officer)
    assert "thu hồi" in told.title and "5/QĐ-LMHTX" in told.body
    assert told.url == f"/khen-thuong/ca-nhan/{network.hue_person.pk}/"
    assert not Notification.objects.filter(recipient=hanoi_officer).exists()
