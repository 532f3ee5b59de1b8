"""A person's transfer that the receiving unit confirms or refuses (``transfers.py``)."""
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from .. import services, transfers
from ..forms import SaveAnywayForm, TransferRefuseForm, TransferRequestForm
from ..models import Transfer
from .people import PersonEditView, _person_or_403


class TransferRequestView(PersonEditView):
    """The sending unit asks another unit to take the person; a person with no current
    employment at a unit where the user may ask gets a 403."""

    template_name = "organizations/transfer_request.html"
    saved_message = gettext_lazy("Đã gửi đề nghị điều chuyển; chờ đơn vị nhận xác nhận.")

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            self.person = _person_or_403(request.user, kwargs["pk"])
            mine = [e.pk for e in self.person.employments.all() if e.is_current
                    and request.user.has_perm("organizations.request_transfer", e.organization)]
            if not mine:
                raise PermissionDenied
            self.employments = self.person.employments.filter(pk__in=mine).select_related(
                "organization")
        # PersonEditView's own check (editing the person) is not the one that applies here.
        return super(PersonEditView, self).dispatch(request, *args, **kwargs)

    def form(self, data=None):
        return TransferRequestForm(data, prefix="transfer", employments=self.employments)

    def save(self, form, confirmed):
        data = form.cleaned_data
        transfers.request_transfer(self.request.user, data["employment"], data["to_unit"],
                                   data["day"], data["position"], data["note"], confirmed)


def _visible(user, pk):
    return get_object_or_404(Transfer.objects.visible_to(user).select_related(
        "employment__person", "employment__organization", "to_unit", "requested_by",
        "decided_by"), pk=pk)


def _page(request, transfer, refuse_form=None, save_anyway=None, status=200):
    user = request.user
    return render(request, "organizations/transfer_detail.html", {
        "transfer": transfer,
        "can_decide": transfer.is_pending and user.has_perm("organizations.decide_transfer",
                                                            transfer.to_unit),
        "can_cancel": transfer.is_pending and user.has_perm("organizations.request_transfer",
                                                            transfer.from_unit),
        "refuse_form": refuse_form or TransferRefuseForm(prefix="refuse"),
        "save_anyway": save_anyway,
        # Links only where the user may go: each side may not see the other unit, and the
        # receiving unit sees the person only once they have arrived.
        "links": {"person": user.has_perm("organizations.view_person", transfer.person),
                  "from": user.has_perm("organizations.view_organization", transfer.from_unit),
                  "to": user.has_perm("organizations.view_organization", transfer.to_unit)},
        "history": transfer.history.select_related("history_user")[:20],
    }, status=status)


class TransferDetailView(LoginRequiredMixin, View):
    """Both units' people readers see the request and its answer; others get a 404."""

    def get(self, request, pk):
        return _page(request, _visible(request.user, pk))


class TransferActionView(LoginRequiredMixin, View):
    """Accept (``nhan``), refuse (``tu-choi``) or cancel (``huy``) a pending transfer."""

    done = {"nhan": gettext_lazy("Đã tiếp nhận %(person)s."),
            "tu-choi": gettext_lazy("Đã từ chối tiếp nhận %(person)s."),
            "huy": gettext_lazy("Đã hủy đề nghị điều chuyển %(person)s.")}

    def post(self, request, pk, action):
        if action not in self.done:
            raise Http404
        transfer = _visible(request.user, pk)
        refuse_form = TransferRefuseForm(request.POST, prefix="refuse") if action == "tu-choi" \
            else None
        anyway = SaveAnywayForm(request.POST, prefix="twin")
        anyway.is_valid()
        try:
            if action == "nhan":
                transfers.accept_transfer(request.user, transfer,
                                          confirmed=anyway.cleaned_data.get("save_anyway", False))
            elif action == "huy":
                transfers.cancel_transfer(request.user, transfer)
            elif refuse_form.is_valid():
                transfers.refuse_transfer(request.user, transfer,
                                          refuse_form.cleaned_data["reason"])
            else:
                messages.error(request, _("Chưa từ chối được: cần ghi lý do."))
                return _page(request, transfer, refuse_form, status=400)
        except services.DuplicatePerson as twin:
            messages.error(request, twin.message)
            return _page(request, transfer, save_anyway=SaveAnywayForm(prefix="twin"), status=409)
        except ValidationError as refusal:
            for message in refusal.messages:
                messages.error(request, message)
            return _page(request, _visible(request.user, pk), status=409)
        messages.success(request, self.done[action] % {"person": transfer.person.full_name})
        return redirect(transfer)
