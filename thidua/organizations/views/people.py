from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from thidua.core.excel import xlsx_response
from thidua.core.views import FilteredListMixin, SearchPaginator

from .. import services
from ..filters import PersonFilter
from ..forms import EmploymentForm, PersonForm, TransferForm
from ..models import Employment, Organization, Person
from ..scoping import PEOPLE_EDITORS, organization_q


def _person_or_403(user, pk, perm="organizations.view_person"):
    person = get_object_or_404(Person.objects.prefetch_related("employments__organization"), pk=pk)
    if not user.has_perm(perm, person):
        raise PermissionDenied
    return person


def _editable_units(user):
    return Organization.objects.filter(organization_q(user, PEOPLE_EDITORS))


class PersonListView(LoginRequiredMixin, FilteredListMixin, TemplateView):
    template_name = "organizations/person_list.html"
    filterset_class = PersonFilter
    ordering = ("sort_key", "pk")
    search_paginator_class = SearchPaginator

    def get_base_queryset(self):
        return Person.objects.visible_to(self.request.user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        people = list(context["object_list"])
        current = {}
        for employment in (Employment.objects.filter(person__in=people, end_date__isnull=True)
                           .select_related("organization")):
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
            raise PermissionDenied
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
                person_form.add_error(None, format_html(
                    '{} <a href="{}">{}</a>', twin.message, twin.existing.get_absolute_url(),
                    _("Mở hồ sơ %(name)s") % {"name": twin.existing.full_name}))
            else:
                messages.success(request, _("Đã thêm %(name)s.") % {"name": person.full_name})
                return redirect(person)
        messages.error(request, _("Chưa lưu được: vui lòng sửa các lỗi được đánh dấu bên dưới."))
        return self.render(person_form, job_form)

    def render(self, person_form, job_form):
        return render(self.request, self.template_name,
                      {"form": person_form, "job_form": job_form, "unit": self.unit})


class PersonEditView(LoginRequiredMixin, View):
    template_name = "organizations/person_form.html"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            self.person = _person_or_403(request.user, kwargs["pk"], "organizations.change_person")
        return super().dispatch(request, *args, **kwargs)

    def form(self, data=None):
        allowed = self.request.user.has_perm("organizations.view_citizen_id", self.person)
        return PersonForm(data, instance=self.person, show_citizen_id=allowed, prefix="person")

    def get(self, request, pk):
        return render(request, self.template_name, {"form": self.form(), "person": self.person})

    def post(self, request, pk):
        form = self.form(request.POST)
        if form.is_valid():
            services.update_person(request.user, form.save(commit=False))
            messages.success(request, _("Đã lưu thông tin cá nhân."))
            return redirect(self.person)
        messages.error(request, _("Chưa lưu được: vui lòng sửa các lỗi được đánh dấu bên dưới."))
        return render(request, self.template_name, {"form": form, "person": self.person})


class EmploymentCreateView(PersonEditView):
    """Record a new position or a move to another unit."""

    template_name = "organizations/employment_form.html"

    def form(self, data=None):
        return TransferForm(data, instance=Employment(person=self.person), prefix="job",
                            organizations=_editable_units(self.request.user))

    def post(self, request, pk):
        form = self.form(request.POST)
        if form.is_valid():
            services.add_employment(request.user, self.person, form.save(commit=False),
                                    close_current=form.cleaned_data["close_current"])
            messages.success(request, _("Đã ghi nhận quá trình công tác."))
            return redirect(self.person)
        messages.error(request, _("Chưa lưu được: vui lòng sửa các lỗi được đánh dấu bên dưới."))
        return render(request, self.template_name, {"form": form, "person": self.person})
