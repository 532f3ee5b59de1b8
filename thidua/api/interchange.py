"""Dossier interchange over the API, both directions: upload Word files or a package to get an
intake (rows, matches, problems), settle and commit it into a batch; read a forwarded batch's
package checklist and download the package. Same functions and permissions as the pages."""
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from ninja import File, Form, Router, Schema, Status, UploadedFile

from thidua.interchange import packages
from thidua.interchange.commit import Review, commit_intake
from thidua.interchange.intake import IntakeRejected, read_files
from thidua.interchange.models import Intake
from thidua.interchange.receiving import read_package
from thidua.nominations.models import NominationBatch
from thidua.organizations.models import Organization

router = Router(tags=["Liên thông hồ sơ"])


class Error(Schema):
    detail: str
    problems: list[str] = []


class IntakeOut(Schema):
    id: int
    source: str
    status: str
    proposer_id: int
    authority_id: int
    title: str
    reference: str
    year: int
    award_codes: list[str]
    rows: list[dict]
    problems: list[dict]
    past_awards: list[dict]
    batch_id: int | None


class RowChoice(Schema):
    choice: str = ""
    award: str = ""
    gender: str = ""


class CommitIn(Schema):
    """Only what the reviewer changes; the intake's own values are the defaults."""

    authority_id: int | None = None
    title: str = ""
    reference: str | None = None
    year: int | None = None
    rows: dict[int, RowChoice] = {}
    past_awards: list[int] = []
    submit: bool = False


class CommitOut(Schema):
    batch_id: int
    state: str


class ChecklistRow(Schema):
    label: str
    ok: bool


class ChecklistOut(Schema):
    ready: bool
    checklist: list[ChecklistRow]
    missing: list[str]


def _rejected(error):
    return Status(400, {"detail": "Chưa ghi gì vào hệ thống.", "problems": error.messages})


def _forbidden(error):
    return Status(403, {"detail": str(error) or "Không có quyền."})


@router.post("/interchange/intakes", response={201: IntakeOut, 400: Error, 403: Error})
def upload_word(request, files: list[UploadedFile] = File(...), proposer_code: str = Form("")):
    """Read .docx tờ trình, annex lists and achievement reports into an intake to review."""
    proposer = None
    if proposer_code:
        proposer = Organization.objects.filter(code=proposer_code).first()
        if proposer is None or not request.user.has_perm("nominations.propose_for", proposer):
            return Status(403, {"detail": "Đơn vị đề nghị không thuộc phạm vi của bạn."})
    try:
        return Status(201, read_files(request.user, files, proposer))
    except IntakeRejected as error:
        return _rejected(error)


@router.post("/interchange/packages", response={201: IntakeOut, 400: Error})
def receive_package(request, package: UploadedFile = File(...)):
    """Verify a dossier package (manifest schema, SHA-256 of every file) and read its intake."""
    try:
        return Status(201, read_package(request.user, package))
    except IntakeRejected as error:
        return _rejected(error)


@router.get("/interchange/intakes/{pk}", response=IntakeOut)
def get_intake(request, pk: int):
    return get_object_or_404(Intake.objects.visible_to(request.user), pk=pk)


@router.post("/interchange/intakes/{pk}/commit",
             response={201: CommitOut, 400: Error, 403: Error})
def commit(request, pk: int, payload: CommitIn):
    """Create the batch from the intake, all or nothing."""
    intake = get_object_or_404(Intake.objects.visible_to(request.user), pk=pk)
    authority = intake.authority if payload.authority_id is None else get_object_or_404(
        Organization, pk=payload.authority_id)
    review = Review(
        authority=authority, title=payload.title or intake.title,
        year=payload.year or intake.year,
        reference=intake.reference if payload.reference is None else payload.reference,
        rows={index: choice.dict() for index, choice in payload.rows.items()},
        past_awards=set(payload.past_awards), submit=payload.submit)
    try:
        batch = commit_intake(request.user, intake, review)
    except IntakeRejected as error:
        return _rejected(error)
    except PermissionDenied as error:
        return _forbidden(error)
    return Status(201, {"batch_id": batch.pk, "state": batch.state})


def _batch(request, pk):
    """The batch if the user may package it; None when visible but not theirs to package."""
    batch = get_object_or_404(NominationBatch.objects.visible_to(request.user), pk=pk)
    return batch if packages.can_export(request.user, batch) else None


FORBIDDEN = {"detail": "Bạn không có quyền lập gói hồ sơ của tờ trình này."}


@router.get("/interchange/batches/{pk}/package/checklist", response={200: ChecklistOut,
                                                                     403: Error})
def package_checklist(request, pk: int):
    batch = _batch(request, pk)
    if batch is None:
        return Status(403, FORBIDDEN)
    rows, missing = packages.checklist(batch)
    return {"ready": not missing, "missing": missing,
            "checklist": [{"label": label, "ok": ok} for label, ok in rows]}


@router.get("/interchange/batches/{pk}/package", response={200: None, 400: Error, 403: Error})
def download_package(request, pk: int):
    """The ZIP (application/zip), or 400 with what is missing."""
    batch = _batch(request, pk)
    if batch is None:
        return Status(403, FORBIDDEN)
    try:
        name, data = packages.build_package(request.user, batch)
    except packages.PackageIncomplete as incomplete:
        return Status(400, {"detail": "Hồ sơ chưa đủ để lập gói.",
                            "problems": incomplete.messages})
    response = HttpResponse(data, content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
