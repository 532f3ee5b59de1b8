"""The demo's commendations: realistic numbering, a revoked award, a held person; idempotent."""
import pytest
from django.core.management import call_command

from thidua.awards.models import Award, Hold, Revocation
from thidua.nominations.models import Decision

pytestmark = pytest.mark.django_db


def test_demo_commendations_load_once(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    call_command("load_demo", "--small", verbosity=0)
    hue = Decision.objects.get(issuer__code="P46", year=2020)
    assert hue.reference == "125/QĐ-LMHTX" and hue.awards.exists()
    assert Decision.objects.filter(issuer__code="VCA", number=312,
                                   awards__award_type__code="BK_BO").exists()
    assert Revocation.objects.count() == 1 and Award.objects.filter(status="REVOKED").count() == 1
    assert Hold.objects.filter(reason="INSPECTION").exists()
    counts = (Decision.objects.count(), Award.objects.count(), Hold.objects.count())
    call_command("load_demo", "--small", verbosity=0)
    assert (Decision.objects.count(), Award.objects.count(), Hold.objects.count()) == counts
