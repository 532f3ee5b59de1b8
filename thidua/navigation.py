"""Layout context for every page: the acting organisation and the navigation areas (project level,
because it names every app).

Per request it costs no query: the unread notifications are counted once and kept in the cache
until they change (``unread_count``), the areas' addresses are reversed once per process
(``fixed_url``) and the acting organisation comes from the role assignments the
request reads anyway (``assignment_unit_names``), so a changed role or a renamed unit shows on the
next page."""
from thidua.core.links import fixed_url
from thidua.core.notifications import unread_count
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

NAVIGATION = [
    ("core:home", _("Việc của tôi"), "list-check"),
    ("organizations:organization_list", _("Đơn vị"), "diagram-3"),
    # The menu names areas, in English in short words ("Blocs and clusters", "Dossiers") so the
    # bar stays one row from 1200 px; "Phong trào" is also one movement elsewhere (plural here).
    ("organizations:person_list", pgettext_lazy("navigation", "Cá nhân"), "people"),
    ("organizations:group_list", pgettext_lazy("navigation", "Khối, cụm thi đua"), "collection"),
    ("movements:movement_list", pgettext_lazy("navigation", "Phong trào"), "megaphone"),
    ("nominations:batch_list", pgettext_lazy("navigation", "Hồ sơ khen thưởng"), "folder-check"),
    ("reports:dashboard", pgettext_lazy("navigation", "Báo cáo"), "bar-chart-line"),
]

# Pages mounted under another area's address that belong to this area: a bloc's pledge and score
# sheet live under /phong-trao/ but are the bloc's pages.
SECTION_OF = {f"records:{name}": "organizations:group_list" for name in (
    "pledge", "score_sheet", "score_ranking", "score_self", "score_adjust")}


def navigation(request):
    user = getattr(request, "user", None)
    if not user or not user.is_authenticated:
        return {}
    path = request.path
    match = getattr(request, "resolver_match", None)
    section = SECTION_OF.get(match.view_name) if match else None
    items = []
    for url_name, label, icon in NAVIGATION:
        url = fixed_url(url_name)
        if section:
            active = url_name == section
        else:
            active = path == url if url == "/" else path.startswith(url)
        items.append({"url": url, "label": label, "icon": icon, "active": active})
    guide = fixed_url("guide:mine")
    return {"nav_items": items, "guide_url": guide, "guide_active": path.startswith(guide),
            "acting_organization": acting_organization(user),
            "unread_notifications": unread_count(user)}


def acting_organization(user):
    """The highest unit the user has a role at (fewest path steps), shown in the header."""
    from thidua.organizations.scoping import assignment_unit_names, assignments
    from thidua.organizations.models import Organization

    rows = assignments(user)
    if not rows:
        return None
    org_id = min(rows, key=lambda row: (len(row[2]), row[2]))[1]
    names = assignment_unit_names(user).get(org_id)
    if names is None:  # assignments cached on the user by other means
        return Organization.objects.only("name", "short_name").filter(pk=org_id).first()
    # The instance .only("name", "short_name") would give, without the query.
    return Organization.from_db("default", ["id", "name", "short_name"], [org_id, *names])
