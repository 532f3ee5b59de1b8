"""A person's or a unit's commendation record: awards, ratings, disciplines, holds, initiatives,
and this year's eligibility, with forms for the registry keepers."""
from django import forms
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View

from thidua.core.widgets import DateInput
from thidua.organizations.models import Organization, Person

from .. import histories, services
from ..issuing import with_standing
from ..forms import AwardForm, DisciplineForm, HoldForm, RatingForm
from ..eligibility import TYPES
from ..models import AnnualRating, Award, Hold, Rating, Revocation


class RevocationForm(forms.ModelForm):
    """Hủy bỏ, thu hồi one award (Law Art. 93), posted from the award's row."""

    class Meta:
        model = Revocation
        fields = ["ground", "revoking_decision", "decided_on", "artefacts_recovered",
                  "recovered_amount", "note"]
        widgets = {"decided_on": DateInput()}


class RecordView(LoginRequiredMixin, View):
    template_name = "awards/record.html"
    collective = False

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.subject = self.get_subject(kwargs["pk"])
        if not request.user.has_perm(self.view_perm, self.subject):
            raise PermissionDenied
        self.can_keep = request.user.has_perm(self.keep_perm, self.subject)
        return super().dispatch(request, *args, **kwargs)

    def recipient(self):
        return {"organization": self.subject} if self.collective else {"person": self.subject}

    def rows_of_subject(self, model):
        """The subject's rows of ``model``: the subject was checked in ``dispatch``."""
        return model.objects.in_scope(Q(**self.recipient()))

    def forms(self, data=None, bound=None):
        """The keeper's forms; only the one named ``bound`` receives ``data``."""
        this_year = timezone.localdate().year
        build = {
            "award": lambda d: AwardForm(d, collective=self.collective, prefix="award",
                                         instance=Award(**self.recipient())),
            "rating": lambda d: RatingForm(d, prefix="rating", initial={"year": this_year - 1}),
            "hold": lambda d: HoldForm(d, prefix="hold", instance=Hold(**self.recipient())),
        }
        if not self.collective:
            build["discipline"] = lambda d: DisciplineForm(d, prefix="discipline")
        return {name: make(data if name == bound else None) for name, make in build.items()}

    def get(self, request, pk):
        return self.render(self.forms() if self.can_keep else {})

    def post(self, request, pk):
        name = request.POST.get("form")
        if name == "revoke":  # permission: the awarding authority, checked by the service
            return self.revoke(request)
        if not self.can_keep:
            raise PermissionDenied
        if name == "end_hold":
            hold = get_object_or_404(self.rows_of_subject(Hold), pk=request.POST.get("hold"))
            services.end_hold(request.user, hold, timezone.localdate())
            messages.success(request, _("Đã kết thúc tạm dừng xét khen thưởng."))
            return redirect(request.path)
        forms = self.forms(request.POST, bound=name)
        form = forms.get(name)
        if form is None:
            raise PermissionDenied
        if form.is_valid():
            self.save(name, form)
            messages.success(request, _("Đã lưu vào hồ sơ khen thưởng."))
            return redirect(request.path)
        messages.error(request, _("Chưa lưu được: vui lòng sửa các lỗi được đánh dấu bên dưới."))
        return self.render(forms, open_form=name)

    def revoke(self, request):
        from django.core.exceptions import ValidationError

        award = get_object_or_404(self.rows_of_subject(Award), pk=request.POST.get("award"))
        form = RevocationForm(request.POST, prefix="revoke")
        if not form.is_valid():
            messages.error(request, _("Chưa thu hồi được: %(errors)s") % {"errors": " ".join(
                e for errors in form.errors.values() for e in errors)})
            return redirect(request.path)
        try:
            services.revoke_award(request.user, award, **form.cleaned_data)
        except PermissionDenied:
            raise
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Đã thu hồi khen thưởng."))
        return redirect(request.path)

    def save(self, name, form):
        user = self.request.user
        if name == "rating":
            data = form.cleaned_data
            services.set_rating(user, data["year"], data["rating"], data["source"],
                                **self.recipient())
        elif name == "award":
            services.record_award(user, form.save(commit=False),
                                  issuer_kind=form.cleaned_data["issuer_kind"])
        elif name == "hold":
            services.add_hold(user, form.save(commit=False))
        elif name == "discipline":
            discipline = form.save(commit=False)
            discipline.person = self.subject
            services.add_discipline(user, discipline)

    def verdicts(self):
        year = timezone.localdate().year
        as_of = histories.default_as_of(year)
        build = histories.unit_subjects if self.collective else histories.person_subjects
        subjects = build([self.subject.pk], year, as_of)
        return year, histories.judge({"as_of": as_of.isoformat(), "year": year, "subjects": subjects})

    def render(self, forms, open_form=None):
        year, result = self.verdicts()
        context = {
            "subject": self.subject, "collective": self.collective, "can_keep": self.can_keep,
            "forms": forms, "open_form": open_form, "year": year, "result": result,
            "awards": with_standing(self.rows_of_subject(Award).select_related(
                "award_type", "decision", "revocation", "issuer")),
            "revoke_form": RevocationForm(prefix="revoke"),
            "ratings": self.rows_of_subject(AnnualRating).order_by("-year"),
            "holds": self.rows_of_subject(Hold).order_by("-start_date"),
            "inherited": inherited_rows(self.subject, year) if self.collective else [],
            "disciplines": [] if self.collective else self.subject.disciplines.all(),
            "initiatives": [] if self.collective else self.subject.initiatives.all(),
        }
        return render(self.request, self.template_name, context)


def inherited_rows(unit, year):
    """The years ``unit`` takes over from the units merged into it, for its record page:
    (year, rating label, award type names, the unit that earned them)."""
    rows = histories.inherited_years(unit.pk, year)
    earners = Organization.objects.in_bulk({earner for *_, earner in rows})
    return [(t, Rating(rating).label if rating else "",
             [TYPES[code].label if code in TYPES else code for code in codes], earners[earner])
            for t, rating, codes, earner in rows]


class PersonRecordView(RecordView):
    view_perm = "awards.view_person_record"
    keep_perm = "awards.keep_registry_for_person"

    def get_subject(self, pk):
        return get_object_or_404(Person.objects.prefetch_related("employments__organization")
                                 .for_permission_check(), pk=pk)


class UnitRecordView(RecordView):
    collective = True
    view_perm = "awards.view_records_of"
    keep_perm = "awards.keep_registry_of"

    def get_subject(self, pk):
        return get_object_or_404(Organization, pk=pk)
