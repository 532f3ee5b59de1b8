"""get_FOO_display() from the cached labels says what Django's own says, in the request's
language, and shows an unknown stored value as it is."""
from django.db import models
from django.utils import translation

from thidua.nominations.models import NominationBatch
from thidua.organizations.models import Organization, Person


def test_cached_labels_match_django():
    for instance, field in ((Person(gender="MALE"), "gender"), (Person(gender="ODD"), "gender"),
                            (Organization(kind="COOPERATIVE"), "kind"),
                            (NominationBatch(state="SUBMITTED"), "state")):
        model_field = instance._meta.get_field(field)
        for language in ("vi", "en"):
            with translation.override(language):
                django_says = models.Model._get_FIELD_display(instance, model_field)
                assert getattr(instance, f"get_{field}_display")() == django_says
    with translation.override("en"):
        assert Person(gender="MALE").get_gender_display() == "Male"
    assert Person(gender="MALE").get_gender_display() == "Nam"
