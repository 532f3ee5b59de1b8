"""The guide pages: the guides of the signed-in user's roles, or one role's guide, with the
other roles' guides a click away."""
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import Http404
from django.templatetags.static import static
from django.utils.translation import get_language, pgettext
from django.views.generic import TemplateView

from thidua.accounts.models import Role
from thidua.guide.pictures import LANGUAGES, STATIC_PREFIX, WIDTHS, file_name, stored_size
from thidua.guide.roles import BY_SLUG, GUIDES
from thidua.guide.steps import step_link


def held_roles(user):
    roles = set(user.role_assignments.values_list("role", flat=True))
    return roles or ({Role.SYSTEM_ADMIN} if user.is_superuser else set())


def picture(page, width):
    """The page's picture at ``width`` in the reader's language."""
    language = get_language() if get_language() in LANGUAGES else LANGUAGES[0]
    stored_width, stored_height = stored_size(width)
    return {"url": static(f"{STATIC_PREFIX}/{file_name(page, width, language)}"),
            "width": stored_width, "height": stored_height}


def shown(guide, user, held):
    return {"slug": guide.slug, "label": Role(guide.role).label, "summary": guide.summary,
            "mine": guide.role in held,
            "steps": [{"step": step, "link": step_link(step, user),
                       "pictures": {str(width): picture(step.picture, width) for width in WIDTHS}}
                      for step in guide.steps]}


class GuideView(LoginRequiredMixin, TemplateView):
    template_name = "guide/guide.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        held = held_roles(user)
        slug = kwargs.pop("slug", None)
        if slug and slug not in BY_SLUG:
            raise Http404
        chosen = [BY_SLUG[slug]] if slug else [guide for guide in GUIDES if guide.role in held]
        return super().get_context_data(
            title=pgettext("guide", "Hướng dẫn"),
            guides=[shown(guide, user, held) for guide in chosen], one_role=bool(slug),
            roles=[{"slug": guide.slug, "label": Role(guide.role).label,
                    "mine": guide.role in held, "current": guide in chosen} for guide in GUIDES],
            **kwargs)
