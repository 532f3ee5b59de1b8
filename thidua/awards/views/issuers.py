"""The catalogue of conferral powers (who may confer what, on a chosen date; administrators add
and end rows) and the review list of issuers written on recorded awards but not identified."""
from django import forms
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from thidua.core.widgets import DateInput

from .. import issuing
from ..issuers import ConferralPower, IssuerKind
from ..models import AwardType


class DayForm(forms.Form):
    day = forms.DateField(label=gettext_lazy("Áp dụng vào ngày"), required=False,
                          widget=DateInput())


class PowerForm(forms.ModelForm):
    class Meta:
        model = ConferralPower
        fields = ["issuer_kind", "award_code", "valid_from", "valid_to", "legal_text", "article",
                  "confirmed", "note"]
        widgets = {"valid_from": DateInput(), "valid_to": DateInput(),
                   "award_code": forms.Select()}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        codes = {award_type.code: award_type.label
                 for award_type in AwardType.objects.order_by("order", "valid_from")}
        self.fields["award_code"].widget.choices = [("", "—")] + list(codes.items())


def chosen_day(request):
    form = DayForm(request.GET or None)
    day = form.cleaned_data["day"] if form.is_valid() and form.cleaned_data["day"] else None
    return form, day or timezone.localdate()


class PowersView(LoginRequiredMixin, View):
    """Thẩm quyền khen thưởng: each kind of issuer with what it may confer on the chosen date."""

    template_name = "awards/powers.html"

    def get(self, request, form=None):
        day_form, day = chosen_day(request)
        names = {award_type.code: award_type.label for award_type in AwardType.objects.in_force(day)}
        in_force = {}
        for power in issuing.powers_on(day):
            in_force.setdefault(power.issuer_kind, []).append(
                (names.get(power.award_code, power.award_code), power))
        kinds = [(label, in_force.get(value, [])) for value, label in IssuerKind.choices]
        can_manage = request.user.has_perm("legal.manage_legal_texts")
        return render(request, self.template_name, {
            "day_form": day_form, "day": day, "kinds": kinds, "can_manage": can_manage,
            "catalogue": ConferralPower.objects.select_related("legal_text") if can_manage else (),
            "form": form or (PowerForm() if can_manage else None)})

    def post(self, request):
        if not request.user.has_perm("legal.manage_legal_texts"):
            raise PermissionDenied
        instance = None
        if request.POST.get("power"):
            instance = ConferralPower.objects.filter(pk=request.POST["power"]).first()
        form = PowerForm(request.POST, instance=instance)
        if not form.is_valid():
            messages.error(request, _("Chưa lưu được: vui lòng sửa các lỗi được đánh dấu."))
            return self.get(request, form=form)
        try:
            issuing.save_power(request.user, form.save(commit=False))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return self.get(request, form=form)
        messages.success(request, _("Đã lưu thẩm quyền khen thưởng."))
        return redirect(request.path)


class MapForm(forms.Form):
    text = forms.CharField(widget=forms.HiddenInput, max_length=200)
    kind = forms.ChoiceField(label=gettext_lazy("Loại cơ quan"), choices=IssuerKind.choices)
    name = forms.CharField(label=gettext_lazy("Tên chuẩn"), max_length=200, required=False,
                           help_text=gettext_lazy("Để trống: dùng tên như đã ghi."))


class IssuerReviewView(LoginRequiredMixin, View):
    """Cơ quan quyết định chưa xác định: each name written on the user's awards that no issuer
    answers to yet, how many awards carry it, and a form to say which issuer it is."""

    template_name = "awards/issuer_review.html"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not issuing.can_map(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, failed=None):
        rows = []
        for index, (text, count) in enumerate(issuing.unmapped_names(request.user)[:200]):
            auto_id = f"id_%s_{index}"
            if failed is not None and failed.data.get("text") == text:
                form = MapForm(failed.data, auto_id=auto_id)
                form.is_valid()
            else:
                form = MapForm(initial={"text": text, "kind": issuing.guess_kind(text) or ""},
                               auto_id=auto_id)
            rows.append((text, count, form))
        return render(request, self.template_name, {
            "rows": rows, "outside": issuing.outside_powers(request.user)[:200]})

    def post(self, request):
        form = MapForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Chưa lưu được: chọn loại cơ quan."))
            return self.get(request, failed=form)
        data = form.cleaned_data
        issuer = issuing.resolve(data["name"]) if data["name"] else None
        try:
            count = issuing.map_issuer_name(request.user, data["text"], issuer=issuer,
                                            kind=data["kind"], name=data["name"])
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return self.get(request, failed=form)
        messages.success(request, _("Đã xác định cơ quan quyết định cho %(count)s khen thưởng.")
                         % {"count": count})
        return redirect(request.path)
