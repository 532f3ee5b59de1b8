"""Links reversed once per view name give what reverse() gives, and the page header names the
acting unit from the role assignments the request reads anyway (no query of its own, no stale
name after a rename or a new role)."""
from django.urls import reverse

from thidua.accounts.models import Role, RoleAssignment
from thidua.core.links import fixed_url, pk_url
from thidua.navigation import acting_organization


def test_links_equal_reverse():
    for name in ("organizations:person_detail", "organizations:organization_detail",
                 "nominations:batch_detail"):
        for pk in (1, 7, 123456):
            assert pk_url(name, pk) == reverse(name, args=[pk])
    assert fixed_url("organizations:person_list") == reverse("organizations:person_list")


def test_header_names_the_unit_without_a_query(network, make_user, client,
                                               django_assert_num_queries):
    user = make_user(Role.EC_OFFICER, network.hue_coop)
    assert acting_organization(user).name == network.hue_coop.name
    with django_assert_num_queries(0):  # the assignments were read above
        unit = acting_organization(user)
        assert (unit.pk, unit.short_name) == (network.hue_coop.pk, "")

    client.force_login(user)
    assert network.hue_coop.name in client.get("/ca-nhan/").content.decode()
    RoleAssignment.objects.create(user=user, organization=network.hue, role=Role.APPRAISER)
    type(network.hue).objects.filter(pk=network.hue.pk).update(short_name="LMHTX Huế")
    page = client.get("/ca-nhan/").content.decode()
    assert "LMHTX Huế" in page and network.hue_coop.name not in page.split("</header>")[0]
