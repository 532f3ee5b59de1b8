from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import TemplateView

from thidua.core.excel import xlsx_response
from thidua.core.views import FilteredListMixin, SearchPaginator

from .. import services
from ..filters import PersonFilter
from ..forms import EmploymentForm, PersonForm, SaveAnywayForm, TransferForm
from ..models import Employment, Organization, Person, Transfer
from ..scoping import PEOPLE_EDITORS, organization_q
from . import deletion as deletion_views
from . import merged


def _person_or_403(user, pk, perm="organizations.view_person"):
    person = get_object_or_404(Person.objects.prefetch_related("employments__organization")
                               .for_permission_check(), pk=pk)
    if not user.has_perm(perm, person):
        raise PermissionDenied
    return person


def _show_twin(form, twin):
    """Put services.DuplicatePerson on ``form``: on the citizen ID when that is what two people
    share, with a link to the other person when the user may open it."""
    message = twin.message
    if twin.shown:
        message = format_html('{} <a href="{}">{}</a>', message, twin.existing.get_absolute_url(),
                              _("Mở hồ sơ %(name)s") % {"name": twin.existing.full_name})
    form.add_error("citizen_id" if twin.twin.certain and "citizen_id" in form.fields else None,
                   message)


def _editable_units(user):
    return Organization.objects.filter(organization_q(user, PEOPLE_EDITORS))


class PeopleSearchPaginator(SearchPaginator):
    capped_text = gettext_lazy("Hơn %(cap)s người khớp — hãy thu hẹp tìm kiếm")


class PersonListView(LoginRequiredMixin, FilteredListMixin, TemplateView):
    template_name = "organizations/person_list.html"
    filterset_class = PersonFilter
    ordering = ("sort_key", "pk")
    search_paginator_class = PeopleSearchPaginator

    def get_base_queryset(self):
        searching = bool(self.request.GET.get("q", "").strip())
        return Person.objects.visible_to(self.request.user, browsing=not searching)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        people = list(context["object_list"])
        current = {}
        for employment in (Employment.objects.in_scope(Q(person__in=people))
                           .filter(end_date__isnull=True)
                           .select_related("organization")
                           .only("person_id", "position", "organization__name")):
            current.setdefault(employment.person_id, employment)
        context["rows"] = [(person, current.get(person.pk)) for person in people]
        return context

    def export(self, queryset):
        headers = [_("Họ"), _("Tên đệm"), _("Tên"), _("Giới tính"), _("Ngày sinh"), _("Dân tộc"),
                   _("Đơn vị hiện tại"), _("Chức vụ"), _("Đối tượng"), _("Trực tiếp sản xuất")]

        def rows():
            for person in queryset.prefetch_related("employments__organization").iterator(
                    chunk_size=2000):
                job = next((e for e in person.employments.all() if e.is_current), None)
                yield (person.family_name, person.middle_name, person.given_name,
                       person.get_gender_display(), person.birth_date, person.get_ethnicity_display(),
                       job.organization.name if job else "", job.position if job else "",
                       job.get_category_display() if job else "",
                       _("Có") if job and job.is_direct_worker else "")

        return xlsx_response("ca-nhan", _("Cá nhân"), headers, rows())


class PersonDetailView(LoginRequiredMixin, TemplateView):
    template_name = "organizations/person_detail.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        person = _person_or_403(user, self.kwargs["pk"])
        visible_units = set(Organization.objects.visible_to(user).filter(
            pk__in=[e.organization_id for e in person.employments.all()]).values_list("pk", flat=True))
        return super().get_context_data(
            person=person,
            employments=person.employments.all(),
            visible_units=visible_units,
            can_edit=user.has_perm("organizations.change_person", person),
            can_transfer=person.deleted_at is None and any(
                user.has_perm("organizations.request_transfer", e.organization)
                for e in person.employments.all() if e.is_current),
            can_delete=deletion_views.can_delete_person(user, person),
            can_restore=bool(person.deleted_at) and user.has_perm(
                "organizations.restore_person", person),
            restore_url=reverse("organizations:person_restore", args=[person.pk]),
            object=person,
            transfers=Transfer.objects.visible_to(user).filter(employment__person=person)
            .select_related("employment__organization", "to_unit"),
            can_see_citizen_id=user.has_perm("organizations.view_citizen_id", person),
            history=person.history.select_related("history_user")[:20],
            **kwargs,
        )


class RevealCitizenIdView(LoginRequiredMixin, View):
    """Shows the full citizen ID to an allowed role (an htmx fragment) and logs that it did."""

    def post(self, request, pk):
        person = _person_or_403(request.user, pk, "organizations.view_citizen_id")
        return render(request, "organizations/_citizen_id.html",
                      {"value": services.reveal_citizen_id(request.user, person)})


class PersonCreateView(LoginRequiredMixin, View):
    template_name = "organizations/person_form.html"

    def dispatch(self, request, *args, **kwargs):
        self.unit = get_object_or_404(Organization, pk=kwargs["organization"])
        if request.user.is_authenticated and not request.user.has_perm(
                "organizations.add_person", self.unit):
            return merged.refuse(request, self.unit)
        return super().dispatch(request, *args, **kwargs)

    def forms(self, data=None):
        employment = Employment(organization=self.unit)
        return (PersonForm(data, show_citizen_id=True, prefix="person"),
                EmploymentForm(data, instance=employment, prefix="job",
                               organizations=_editable_units(self.request.user),
                               initial={"organization": self.unit.code}))

    def get(self, request, organization):
        person_form, job_form = self.forms()
        return self.render(person_form, job_form)

    def post(self, request, organization):
        person_form, job_form = self.forms(request.POST)
        if person_form.is_valid() and job_form.is_valid():
            person = person_form.save(commit=False)
            try:
                services.create_person(request.user, person, job_form.save(commit=False))
            except services.DuplicatePerson as twin:
                _show_twin(person_form, twin)
            else:
                messages.success(request, _("Đã thêm %(name)s.") % {"name": person.full_name})
                return redirect(person)
        messages.error(request, _("Chưa lưu được: vui lòng sửa các lỗi được đánh dấu bên dưới."))
        return self.render(person_form, job_form)

    def render(self, person_form, job_form):
        return render(self.request, self.template_name,
                      {"form": person_form, "job_form": job_form, "unit": self.unit})


class PersonEditView(LoginRequiredMixin, View):
    """Edit a person. Should the edit make them look like someone else (services.DuplicatePerson),
    the form comes back naming that person, and — unless they share a citizen ID — with a
    "Vẫn lưu" box to save anyway."""

    template_name = "organizations/person_form.html"
    saved_message = gettext_lazy("Đã lưu thông tin cá nhân.")

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            self.person = _person_or_403(request.user, kwargs["pk"], "organizations.change_person")
        return super().dispatch(request, *args, **kwargs)

    def form(self, data=None):
        allowed = self.request.user.has_perm("organizations.view_citizen_id", self.person)
        return PersonForm(data, instance=self.person, show_citizen_id=allowed, prefix="person")

    def save(self, form, confirmed):
        services.update_person(self.request.user, form.save(commit=False), confirmed=confirmed)

    def get(self, request, pk):
        return self.render(self.form())

    def post(self, request, pk):
        form, anyway = self.form(request.POST), SaveAnywayForm(request.POST, prefix="twin")
        if form.is_valid() and anyway.is_valid():
            try:
                self.save(form, anyway.cleaned_data["save_anyway"])
            except services.DuplicatePerson as twin:
                _show_twin(form, twin)
                messages.error(request, _("Chưa lưu: có thể trùng với một người đã có."))
                return self.render(form, None if twin.twin.certain else anyway)
            except ValidationError as refusal:  # a rule the service checks under its locks
                form.add_error(None, refusal)
                messages.error(request, _("Chưa lưu được: vui lòng sửa các lỗi được đánh dấu bên dưới."))
                return self.render(form)
            messages.success(request, self.saved_message)
            return redirect(self.person)
        messages.error(request, _("Chưa lưu được: vui lòng sửa các lỗi được đánh dấu bên dưới."))
        return self.render(form)

    def render(self, form, anyway=None):
        # A bound form has written what was typed into self.person: the breadcrumb names the
        # person as stored, not (after an edit into a twin) the other person's name.
        person = (Person.objects.unscoped(services.EDITED_ROW)
                  .get(pk=self.person.pk) if form.is_bound else self.person)
        return render(self.request, self.template_name,
                      {"form": form, "person": person, "save_anyway": anyway})


class EmploymentCreateView(PersonEditView):
    """Record a new position or a move to another unit."""

    template_name = "organizations/employment_form.html"
    saved_message = gettext_lazy("Đã ghi nhận quá trình công tác.")

    def form(self, data=None):
        return TransferForm(data, instance=Employment(person=self.person), prefix="job",
                            organizations=_editable_units(self.request.user))

    def save(self, form, confirmed):
        services.add_employment(self.request.user, self.person, form.save(commit=False),
                                close_current=form.cleaned_data["close_current"],
                                confirmed=confirmed)
