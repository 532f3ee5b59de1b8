from datetime import date

import pytest

from thidua.awards import services
from thidua.awards.models import Award, AwardType
from thidua.records.models import Initiative


@pytest.fixture
def registry(network, root_user):
    """Helpers that write the registry through the services, as the pages do."""

    class Registry:
        def award(self, code, year, person=None, organization=None, **fields):
            return services.record_award(root_user, Award(
                award_type=AwardType.objects.get(code=code), year=year, person=person,
                organization=organization, **fields))

        def rating(self, year, rating, person=None, organization=None):
            return services.set_rating(root_user, year, rating, person=person,
                                       organization=organization)

        def initiative(self, person, scope, year):
            initiative = Initiative.objects.create(title=f"Sáng kiến {year}", unit=network.hue_coop,
                                                   scope=scope, year=year,
                                                   recognised_on=date(year, 11, 1))
            initiative.authors.add(person)
            return initiative

    return Registry()
