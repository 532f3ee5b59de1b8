"""A person's transfer over the API (``organizations.transfers``): the sending unit asks, the
receiving unit accepts or refuses. Reads go through ``Transfer.objects.visible_to``; the request
is checked by the page's form, every change by the service's own permission check."""
from datetime import date, datetime

from django.shortcuts import get_object_or_404
from ninja import Router, Schema, Status
from ninja.pagination import paginate

from thidua.organizations import transfers
from thidua.organizations.forms import TransferRefuseForm, TransferRequestForm
from thidua.organizations.models import Employment, Transfer
from thidua.organizations.scoping import PEOPLE_EDITORS, current_employment_q, organization_q

from .common import REFUSALS, Id, Pages, Text, form_data, validated
from .organizations import code_of

router = Router(tags=["Mạng lưới"])


class TransferOut(Schema):
    id: int
    person_id: int
    person_name: str
    employment_id: int
    from_unit_id: int
    to_unit_id: int
    effective_date: date
    position: str
    note: str
    state: str
    state_label: str
    reason: str
    requested_at: datetime
    decided_at: datetime | None
    new_employment_id: int | None

    @staticmethod
    def resolve_person_id(obj):
        return obj.employment.person_id

    @staticmethod
    def resolve_person_name(obj):
        return obj.person.full_name

    @staticmethod
    def resolve_from_unit_id(obj):
        return obj.employment.organization_id

    @staticmethod
    def resolve_state_label(obj):
        return obj.get_state_display()


class TransferIn(Schema):
    employment_id: Id
    to_unit_id: Id
    effective_date: date
    position: Text = ""
    note: Text = ""
    confirmed: bool = False


class RefusalIn(Schema):
    reason: Text


def _transfers(user):
    return Transfer.objects.visible_to(user).select_related("employment__person")


@router.get("/transfers", response=list[TransferOut])
@paginate(Pages)
def list_transfers(request, pending: bool = False):
    """Transfers out of or into the units where the user may read people, newest first."""
    queryset = _transfers(request.user)
    return queryset.filter(state="REQUESTED") if pending else queryset


@router.get("/transfers/{transfer_id}", response={200: TransferOut, **REFUSALS})
def get_transfer(request, transfer_id: Id):
    return get_object_or_404(_transfers(request.user), pk=transfer_id)


@router.post("/transfers", response={201: TransferOut, **REFUSALS})
def request_transfer(request, data: TransferIn):
    """Ask the receiving unit to take the person of a current employment at a unit where the user
    edits people; ``confirmed`` after a likely duplicate was reported (400)."""
    mine = Employment.objects.in_scope(
        organization_q(request.user, PEOPLE_EDITORS, "organization__")).filter(current_employment_q())
    form = validated(TransferRequestForm(form_data(
        data, employment=data.employment_id, to_unit=code_of(data.to_unit_id),
        day=data.effective_date), employments=mine))
    values = form.cleaned_data
    transfer = transfers.request_transfer(request.user, values["employment"], values["to_unit"],
                                          values["day"], values["position"], values["note"],
                                          data.confirmed)
    return Status(201, get_object_or_404(_transfers(request.user), pk=transfer.pk))


@router.post("/transfers/{transfer_id}/accept", response={200: TransferOut, **REFUSALS})
def accept_transfer(request, transfer_id: Id, confirmed: bool = False):
    transfer = get_object_or_404(_transfers(request.user), pk=transfer_id)
    transfers.accept_transfer(request.user, transfer, confirmed=confirmed)
    return get_object_or_404(_transfers(request.user), pk=transfer_id)


@router.post("/transfers/{transfer_id}/refuse", response={200: TransferOut, **REFUSALS})
def refuse_transfer(request, transfer_id: Id, data: RefusalIn):
    transfer = get_object_or_404(_transfers(request.user), pk=transfer_id)
    form = validated(TransferRefuseForm(form_data(data)))
    transfers.refuse_transfer(request.user, transfer, form.cleaned_data["reason"])
    return get_object_or_404(_transfers(request.user), pk=transfer_id)


@router.post("/transfers/{transfer_id}/cancel", response={200: TransferOut, **REFUSALS})
def cancel_transfer(request, transfer_id: Id):
    transfer = get_object_or_404(_transfers(request.user), pk=transfer_id)
    transfers.cancel_transfer(request.user, transfer)
    return get_object_or_404(_transfers(request.user), pk=transfer_id)
