"""What applies on a date over the API: the texts in force, the "Căn cứ" lines of a decision and a
tờ trình of a unit, the register of bases (forms, procedure, statistics), and the base salaries
with why decisions with money are held. Everyone signed in reads it, for a unit they can see."""
from datetime import date

from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import Router, Schema

from thidua.awards import base_salary
from thidua.awards.models import BaseSalary
from thidua.legal import citing
from thidua.legal.models import DocumentKind
from thidua.organizations.models import Organization

from .common import REFUSALS, Id

router = Router(tags=["Căn cứ pháp lý"])


class TextOut(Schema):
    key: str
    kind: str
    number: str
    short_name: str
    effective_from: date | None
    effective_to: date | None


class LineOut(Schema):
    citation: str
    short_name: str
    own: bool


class BasisOut(Schema):
    topic: str
    subject: str
    label: str
    legal_basis: str
    valid_from: date | None
    valid_to: date | None

    @staticmethod
    def resolve_legal_basis(obj):
        return obj.basis_text


class AppliesOut(Schema):
    day: date
    texts: list[TextOut]
    decision_bases: list[LineOut]
    proposal_bases: list[LineOut]
    bases: list[BasisOut]


@router.get("/legal-bases", response={200: AppliesOut, **REFUSALS})
def legal_bases(request, on: date | None = None, organization_id: Id | None = None):
    """What applies on ``on`` (default today); with ``organization_id`` (a unit the user can
    see), the decision's and tờ trình's bases include that unit's own charter and regulation."""
    day = on or timezone.localdate()
    unit = None
    if organization_id:
        unit = get_object_or_404(Organization.objects.visible_to(request.user),
                                 pk=organization_id)
    return {"day": day, "texts": list(citing.texts_in_force(day)),
            "decision_bases": citing.issuing_bases(day, unit, DocumentKind.DECISION),
            "proposal_bases": citing.issuing_bases(day, unit, DocumentKind.PROPOSAL),
            "bases": list(citing.bases_in_force(day))}


class SalaryOut(Schema):
    amount: int
    effective_from: date
    legal_basis: str
    replaced_from: date | None
    confirmed: bool

    @staticmethod
    def resolve_legal_basis(obj):
        return obj.legal_text.citation if obj.legal_text_id else obj.legal_basis


class SalariesOut(Schema):
    day: date
    hold: str
    salaries: list[SalaryOut]


@router.get("/base-salaries", response=SalariesOut)
def base_salaries(request, on: date | None = None):
    """Every base salary row with its basis; ``hold`` says why a decision with money dated ``on``
    (default today) cannot be issued yet, empty when it can."""
    day = on or timezone.localdate()
    return {"day": day, "hold": base_salary.hold_reason(day),
            "salaries": list(BaseSalary.objects.select_related("legal_text"))}
