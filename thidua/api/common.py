"""What every router shares: the error body, refusals turned into HTTP answers, Django forms as
the validators of writes (so the API accepts exactly what the pages accept), and pagination."""
from typing import Annotated

from django.core.exceptions import PermissionDenied, ValidationError
from ninja import Field, Schema
from ninja.pagination import LimitOffsetPagination

# Bounded so no request can carry a number the database cannot hold (a 500 on either backend).
MAX_ID = 2**53
Id = Annotated[int, Field(ge=1, le=MAX_ID)]
Year = Annotated[int, Field(ge=1900, le=2200)]
Count = Annotated[int, Field(ge=0, le=2**31 - 1)]
# PostgreSQL text cannot hold NUL; refused here (400) instead of failing in the database (500).
Text = Annotated[str, Field(pattern=r"^[^\x00]*$")]


class Error(Schema):
    detail: str
    errors: dict[str, list[str]] = {}


# Declared on every endpoint that may refuse, so the OpenAPI document lists the answers.
REFUSALS = {400: Error, 403: Error, 404: Error}


class Pages(LimitOffsetPagination):
    """limit/offset; a page holds at most 100 rows."""

    class Input(Schema):
        limit: int = Field(50, ge=1, le=100)
        offset: int = Field(0, ge=0, le=10_000_000)


class FormInvalid(Exception):
    def __init__(self, form):
        super().__init__("invalid form")
        self.form = form


def validated(form):
    """The form, once valid; else a 400 carrying the form's Vietnamese messages by field."""
    if not form.is_valid():
        raise FormInvalid(form)
    return form


def form_data(payload, **overrides):
    """A schema's fields as form data (``None`` → empty, as a blank input would post)."""
    data = {key: "" if value is None else value for key, value in payload.dict().items()}
    data.update(overrides)
    return data


def install_handlers(api):
    @api.exception_handler(PermissionDenied)
    def forbidden(request, error):
        return api.create_response(request, {"detail": str(error) or "Không có quyền."},
                                   status=403)

    @api.exception_handler(ValidationError)
    def invalid(request, error):
        errors = error.message_dict if hasattr(error, "error_dict") else {}
        return api.create_response(request, {"detail": " ".join(error.messages),
                                             "errors": errors}, status=400)

    @api.exception_handler(FormInvalid)
    def invalid_form(request, error):
        errors = {field: [e["message"] for e in items]
                  for field, items in error.form.errors.get_json_data().items()}
        detail = " ".join(message for items in errors.values() for message in items)
        return api.create_response(request, {"detail": detail, "errors": errors}, status=400)
