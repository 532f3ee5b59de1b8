"""API v1: OpenAPI at /api/v1/openapi.json, interactive docs at /api/v1/docs."""
from ninja import NinjaAPI
from ninja.errors import HttpError
from ninja.security import APIKeyHeader, HttpBearer, django_auth

from thidua.accounts import tokens

from .awards import router as awards_router
from .common import install_handlers
from .deletion import router as deletion_router
from .ec_staff import router as ec_staff_router
from .issuers import router as issuers_router
from .legal import router as legal_router
from .movements import router as movements_router
from .nominations import router as nominations_router
from .opinions import router as opinions_router
from .organizations import router as organizations_router
from .records import router as records_router
from .transfers import router as transfers_router


def token_user(request, key):
    """The token's user (also set as ``request.user``); a refused token answers 401 with why."""
    try:
        user = tokens.authenticate(key or "")
    except tokens.TokenRefused as refused:
        raise HttpError(401, str(refused)) from None
    if user:
        request.user = user
    return user


class BearerToken(HttpBearer):
    def authenticate(self, request, token):
        return token_user(request, token)


class HeaderToken(APIKeyHeader):
    param_name = "X-API-Key"

    def authenticate(self, request, key):
        return token_user(request, key)


api = NinjaAPI(
    title="Thi đua – Khen thưởng API",
    version="1",
    description="API của nền tảng thi đua – khen thưởng, có phân quyền như trên giao diện.",
    auth=[BearerToken(), HeaderToken(), django_auth],
    urls_namespace="api-v1",
)
install_handlers(api)
api.add_router("/", organizations_router)
api.add_router("/", transfers_router)
api.add_router("/", deletion_router)
api.add_router("/", awards_router)
api.add_router("/", movements_router)
api.add_router("/", records_router)
api.add_router("/", nominations_router)
api.add_router("/", opinions_router)
api.add_router("/", ec_staff_router)
api.add_router("/", issuers_router)
api.add_router("/", legal_router)
api.add_router("/", "thidua.api.interchange.router")
