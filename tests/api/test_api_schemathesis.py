"""Property-based run of the whole API (schemathesis over the OpenAPI document, in process): with
an E&C officer's token no request may cause a server error, and every documented answer matches
its schema. Few examples per operation keep CI quick; the data are the shared test network."""
import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import content_type_conformance, response_schema_conformance

from thidua.accounts.models import ApiToken, Role
from thidua.api.urls import api
from thidua.wsgi import application

CHECKS = [not_a_server_error, response_schema_conformance, content_type_conformance]


@pytest.fixture
def in_process():
    """Calling the WSGI application directly sends the request signals, whose connection
    clean-up would close the test's database connection (PostgreSQL); Django's test client
    detaches it the same way."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def officer_token(network, make_user):
    _token, key = ApiToken.issue(make_user(Role.EC_OFFICER, network.hue), "schemathesis")
    return key


# Built from the API object, not fetched: a request at collection time would touch the database
# (middleware) before the test database exists.
schema = schemathesis.openapi.from_dict(api.get_openapi_schema(path_prefix="/api/v1/"))


@schema.parametrize()
@settings(max_examples=5, deadline=None, derandomize=True,
          suppress_health_check=list(HealthCheck))
def test_api_conforms_to_its_schema(case, officer_token, in_process):
    case.call_and_validate(headers={"Authorization": f"Bearer {officer_token}"}, checks=CHECKS,
                           app=application)
