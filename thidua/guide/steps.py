"""A step of a role's guide: what to do, where it is in the menu, a link to the real page and the
page sweep's picture of it."""
from dataclasses import dataclass

from django.urls import reverse

from thidua.navigation import acting_organization
from thidua.portal.models import Site


@dataclass(frozen=True)
class Step:
    title: str
    text: str
    menu: tuple  # the menu path, one label a level
    url_name: str
    picture: str  # a page name of thidua.demo.pages.main_pages
    takes: str = ""  # "unit": the URL takes the user's unit; "site": the unit's portal


@dataclass(frozen=True)
class RoleGuide:
    role: str
    slug: str
    summary: str
    steps: tuple


def step_link(step, user):
    """The address of the real page for ``user``: their own unit or portal where the page needs
    one, the list to choose from when they have none."""
    if not step.takes:
        return reverse(step.url_name)
    unit = acting_organization(user)
    if step.takes == "unit":
        return (reverse(step.url_name, args=[unit.pk]) if unit
                else reverse("organizations:organization_list"))
    site = Site.objects.filter(organization=unit).first() if unit else None
    return reverse(step.url_name, args=[site.slug]) if site else reverse("portal:index")
