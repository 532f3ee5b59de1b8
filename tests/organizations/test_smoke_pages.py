import pytest
from django.urls import reverse

from thidua.accounts.models import Role


@pytest.mark.django_db
def test_officer_browses_own_province(client, network, make_user):
    officer = make_user(Role.EC_OFFICER, network.hue)
    client.force_login(officer)
    for url in [reverse("core:home"), reverse("organizations:organization_list"),
                reverse("organizations:person_list"), reverse("organizations:group_list"),
                network.hue.get_absolute_url(), network.hue_person.get_absolute_url(),
                reverse("organizations:organization_edit", args=[network.hue_coop.pk]),
                reverse("organizations:person_edit", args=[network.hue_person.pk]),
                reverse("accounts:profile")]:
        response = client.get(url)
        assert response.status_code == 200, url
