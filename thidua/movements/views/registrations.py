from collections import Counter

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Exists, OuterRef, Subquery
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from thidua.core.excel import xlsx_response
from thidua.organizations.models import Organization, Person
from thidua.organizations.scoping import current_employment_q

from .. import services
from ..forms import RegistrationForm, ReturnForm, award_types
from ..models import Movement, Registration


class RegistrationView(LoginRequiredMixin, View):
    """A unit's registration for a movement and year: edit the draft, submit, and — for the level
    above — approve or return it."""

    template_name = "movements/registration.html"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.movement = get_object_or_404(Movement.objects.visible_to(request.user), pk=kwargs["pk"])
        self.unit = get_object_or_404(Organization, pk=kwargs["unit"])
        self.can_write = request.user.has_perm("movements.register_unit", self.unit)
        self.can_review = request.user.has_perm("movements.review_unit_of", self.unit)
        if not (self.can_write or self.can_review
                or request.user.has_perm("movements.view_unit_work", self.unit)):
            raise PermissionDenied
        year = int(request.GET.get("year") or self.movement.start_date.year)
        self.registration = self.unit.registrations.filter(
            movement=self.movement, year=year).first() or Registration(
            movement=self.movement, unit=self.unit, year=year)
        return super().dispatch(request, *args, **kwargs)

    def people(self):
        """The unit's current staff with their birth year and position here, so namesakes (the
        demo's two "Nguyễn Văn Thông") can be told apart."""
        here = self.unit.employments.filter(current_employment_q(), person=OuterRef("pk")).order_by(
            "-start_date", "-pk")
        return Person.objects.in_scope(Exists(here)).annotate(
            job_position=Subquery(here.values("position")[:1])).order_by("sort_key", "pk")

    def individual_types(self):
        return award_types().filter(category="TITLE", subject_kind="INDIVIDUAL", is_active=True)

    def get(self, request, pk, unit):
        initial = {}
        if self.registration.pk:
            initial = {"collective_titles": self.registration.collective_titles.all(),
                       "targets": self.registration.targets}
        return self.render(RegistrationForm(initial=initial))

    def post(self, request, pk, unit):
        action = request.POST.get("action", "save")
        try:
            if action in ("save", "submit"):
                return self.save(request, submit=action == "submit")
            if action == "approve":
                services.approve_registration(request.user, self.registration)
                messages.success(request, _("Đã duyệt bản đăng ký."))
            elif action == "return":
                form = ReturnForm(request.POST)
                if not form.is_valid():
                    messages.error(request, _("Cần ghi lý do trả lại."))
                else:
                    services.return_registration(request.user, self.registration,
                                                 form.cleaned_data["reason"])
                    messages.success(request, _("Đã trả lại bản đăng ký để bổ sung."))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        return redirect(request.get_full_path())

    def save(self, request, submit):
        form = RegistrationForm(request.POST)
        if not form.is_valid():
            return self.render(form)
        people = {p.pk: p for p in self.people()}
        types = {t.pk: t for t in self.individual_types()}
        items = []
        for key in request.POST:
            if key.startswith("title-"):
                person = people.get(int(key.split("-", 1)[1]) if key[6:].isdigit() else 0)
                award_type = types.get(int(request.POST[key])) if request.POST[key].isdigit() else None
                if person and award_type:
                    items.append((person, award_type))
        self.registration.targets = form.cleaned_data["targets"]
        try:
            services.save_registration(request.user, self.registration,
                                       form.cleaned_data["collective_titles"], items)
            if submit:
                services.submit_registration(request.user, self.registration)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return self.render(form)
        messages.success(request, _("Đã gửi bản đăng ký.") if submit else _("Đã lưu nháp."))
        return redirect(request.get_full_path())

    def render(self, form):
        chosen = {}
        if self.registration.pk:
            chosen = dict(self.registration.items.values_list("person_id", "award_type_id"))
        return render(self.request, self.template_name, {
            "movement": self.movement, "unit": self.unit, "registration": self.registration,
            "form": form, "return_form": ReturnForm(), "window": self.movement.registration_window(),
            "rows": [(p, chosen.get(p.pk)) for p in self.people()],
            "types": self.individual_types(), "can_write": self.can_write,
            "can_review": self.can_review,
        })


class RegistrationOverviewView(LoginRequiredMixin, TemplateView):
    """For a level: which units below it registered for the movement, which did not, and totals."""

    template_name = "movements/registration_overview.html"

    def get(self, request, *args, **kwargs):
        context = self.get_context_data(**kwargs)
        if request.GET.get("format") == "xlsx":
            headers = [_("Đơn vị"), _("Trạng thái"), _("Ngày gửi"), _("Danh hiệu tập thể"),
                       _("Số cá nhân đăng ký")]
            rows = ((unit.name, reg.get_status_display() if reg else _("Chưa đăng ký"),
                     timezone.localtime(reg.submitted_at).date() if reg and reg.submitted_at else "",
                     ", ".join(t.abbreviation for t in reg.collective_titles.all()) if reg else "",
                     reg.items.count() if reg else 0) for unit, reg in context["rows"])
            return xlsx_response("dang-ky-thi-dua", _("Đăng ký thi đua"), headers, rows)
        return self.render_to_response(context)

    def get_context_data(self, **kwargs):
        movement = get_object_or_404(Movement.objects.visible_to(self.request.user),
                                     pk=self.kwargs["pk"])
        level = get_object_or_404(Organization, pk=self.request.GET.get("level")
                                  or movement.launched_by_id)
        if not self.request.user.has_perm("movements.follow_level", level):
            raise PermissionDenied
        year = int(self.request.GET.get("year") or movement.start_date.year)
        units = [u for u in Organization.objects.children_of(level).order_by("sort_key")
                 if movement.covers(u)]
        registrations = {r.unit_id: r for r in movement.registrations.filter(
            year=year, unit__in=units).prefetch_related(
            "collective_titles", "items__award_type")}
        totals = Counter()
        for registration in registrations.values():
            totals.update(t.abbreviation for t in registration.collective_titles.all())
            totals.update(item.award_type.abbreviation for item in registration.items.all())
        rows = [(unit, registrations.get(unit.pk)) for unit in units]
        return super().get_context_data(
            movement=movement, level=level, year=year, rows=rows, totals=sorted(totals.items()),
            missing=[unit for unit, reg in rows if reg is None], **kwargs)
