"""Issuers and the catalogue of conferral powers over the API: what each kind of issuer (and
each unit of the network) may confer on a date, the issuers, and the review of names written on
awards that no issuer answers to yet. Same permissions as the pages."""
from datetime import date

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Router, Schema
from ninja.pagination import paginate

from thidua.awards import issuing
from thidua.awards.issuers import Issuer, IssuerKind
from thidua.organizations.models import Organization

from .common import REFUSALS, Id, Pages, Text

router = Router(tags=["Thẩm quyền khen thưởng"])


class PowerOut(Schema):
    issuer_kind: str
    award_code: str
    valid_from: date | None
    valid_to: date | None
    legal_basis: str
    confirmed: bool
    note: str

    @staticmethod
    def resolve_legal_basis(obj):
        return obj.basis_text


class IssuerOut(Schema):
    id: int
    kind: str
    name: str
    organization_id: int | None
    province_code: int | None
    valid_from: date | None
    valid_to: date | None


class UnitPowersOut(Schema):
    organization_id: int
    issuer_kinds: list[str]
    award_codes: list[str]


class UnmappedOut(Schema):
    issuer_name: str
    awards: int


class MapIn(Schema):
    issuer_name: Text
    kind: IssuerKind
    name: Text = ""


class MapOut(Schema):
    linked: int


@router.get("/conferral-powers", response=list[PowerOut])
def list_powers(request, on: date | None = None, issuer_kind: IssuerKind | None = None):
    """The catalogue rows in force on ``on`` (default today), optionally for one issuer kind."""
    rows = issuing.powers_on(on or timezone.localdate())
    return rows.filter(issuer_kind=issuer_kind) if issuer_kind else rows


@router.get("/organizations/{organization_id}/conferrable", response={200: UnitPowersOut,
                                                                       **REFUSALS})
def unit_powers(request, organization_id: Id, on: date | None = None):
    """What a unit of the network may confer on ``on`` (as its head, and its board)."""
    unit = get_object_or_404(Organization.objects.visible_to(request.user), pk=organization_id)
    day = on or timezone.localdate()
    kinds = issuing.unit_issuer_kinds(unit)
    codes = set().union(*(issuing.allowed_codes(kind, day) for kind in kinds)) if kinds else set()
    return {"organization_id": unit.pk, "issuer_kinds": list(kinds),
            "award_codes": sorted(codes)}


@router.get("/issuers", response=list[IssuerOut])
@paginate(Pages)
def list_issuers(request, q: Text = "", kind: IssuerKind | None = None):
    queryset = Issuer.objects.search(q)
    return queryset.filter(kind=kind) if kind else queryset


@router.get("/issuers/unmapped", response={200: list[UnmappedOut], **REFUSALS})
def unmapped(request):
    """Names written on the user's awards that no issuer answers to yet (registry keepers)."""
    if not issuing.can_map(request.user):
        raise PermissionDenied(_("Bạn không có quyền xác định cơ quan quyết định."))
    return [{"issuer_name": text, "awards": count}
            for text, count in issuing.unmapped_names(request.user)]


@router.post("/issuers/map", response={200: MapOut, **REFUSALS})
def map_name(request, data: MapIn):
    """Say which issuer a written name is: every award of the user's scope written so is linked,
    and later imports recognise it."""
    issuer = issuing.resolve(data.name) if data.name else None
    linked = issuing.map_issuer_name(request.user, data.issuer_name, issuer=issuer,
                                     kind=data.kind, name=data.name)
    return {"linked": linked}
