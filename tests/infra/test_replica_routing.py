"""Report reads on replicas (thidua/dbrouters.py) through Django's real request handler: the
replicas are stand-in connections that accept, refuse, or fail in the middle of a request."""
from datetime import timedelta

import pytest
from django.db import OperationalError
from django.http import HttpResponse
from django.urls import path

from thidua import dbrouters
from thidua.dbrouters import WROTE_COOKIE, ReplicaRouter, reporting_reads

router = ReplicaRouter()


class Replica:
    """Stands in for a replica's connection (the two calls the router makes, and Django's
    ``errors_occurred`` flag)."""

    def __init__(self, refuses=False, fails_in_view=False):
        self.refuses, self.fails_in_view = refuses, fails_in_view
        self.errors_occurred, self.connects = False, 0

    def close_if_health_check_failed(self):
        pass

    def ensure_connection(self):
        self.connects += 1
        if self.refuses:
            raise OperationalError("connection refused")


def report(request):
    """Answers with the alias its reads go to; a replica that fails in views fails here."""
    alias = router.db_for_read(None)
    if alias != "default" and dbrouters.connections[alias].fails_in_view:
        dbrouters.connections[alias].errors_occurred = True
        raise OperationalError("terminating connection due to administrator command")
    return HttpResponse(alias)


def primary_down(request):
    raise OperationalError("the primary is down")


urlpatterns = [path("bao-cao/", report), path("ca-nhan/", report),
               path("bao-cao/chinh-hong/", primary_down)]


@pytest.fixture(autouse=True)
def stack(settings):
    """Only the middleware under test, these URLs, and no replica remembered as down."""
    settings.MIDDLEWARE = ["thidua.dbrouters.ReportingReadsMiddleware"]
    settings.ROOT_URLCONF = __name__
    settings.THIDUA_REPLICA_PATHS = ["/bao-cao/"]
    settings.THIDUA_READ_YOUR_WRITES_SECONDS = 10
    settings.THIDUA_REPLICA_RETRY_SECONDS = 10
    dbrouters._down_until.clear()
    yield
    dbrouters._down_until.clear()


@pytest.fixture
def replicas(monkeypatch):
    """Two replicas that accept connections; tests change them."""
    found = {"replica1": Replica(), "replica2": Replica()}
    monkeypatch.setattr(dbrouters, "replicas", lambda: list(found))
    monkeypatch.setattr(dbrouters, "connections", found)
    return found


def test_without_replicas_everything_reads_the_primary(client):
    assert client.get("/bao-cao/").content == b"default"
    assert client.post("/bao-cao/").content == b"default"
    with reporting_reads():
        assert router.db_for_read(None) == "default"
    assert router.db_for_write(None) == "default"


def test_report_gets_read_a_replica_other_requests_the_primary(client, replicas):
    assert client.get("/bao-cao/").content.decode() in replicas
    assert client.get("/ca-nhan/").content == b"default"
    assert router.db_for_read(None) == "default"
    with reporting_reads():
        assert router.db_for_read(None) in replicas
    assert router.db_for_write(None) == "default"
    assert router.allow_migrate("replica1", "organizations") is False


def test_a_users_own_write_is_read_back_from_the_primary_for_the_window(client, replicas, clock):
    wrote = client.post("/bao-cao/")
    assert wrote.content == b"default"
    assert wrote.cookies[WROTE_COOKIE]["max-age"] == 10
    assert client.get("/bao-cao/").content == b"default"
    clock.shift(timedelta(seconds=11))
    assert client.get("/bao-cao/").content.decode() in replicas


def test_another_user_or_a_forged_mark_still_reads_a_replica(client, replicas):
    client.post("/bao-cao/")
    other = type(client)()
    assert other.get("/bao-cao/").content.decode() in replicas
    other.cookies[WROTE_COOKIE] = "1"  # not signed by the server
    assert other.get("/bao-cao/").content.decode() in replicas


def test_a_window_of_zero_sets_no_mark(client, replicas, settings):
    settings.THIDUA_READ_YOUR_WRITES_SECONDS = 0
    assert WROTE_COOKIE not in client.post("/bao-cao/").cookies
    assert client.get("/bao-cao/").content.decode() in replicas


def test_a_refused_replica_is_skipped_and_tried_again_after_a_while(client, replicas, settings,
                                                                     monkeypatch):
    # replica1 first whenever it is not down (the router shuffles: two reads missed it 1 in 4)
    monkeypatch.setattr(dbrouters.random, "shuffle", lambda candidates: None)
    replicas["replica1"].refuses = True
    assert {client.get("/bao-cao/").content for _n in range(8)} == {b"replica2"}
    assert replicas["replica1"].connects == 1  # remembered as down, not retried each read
    settings.THIDUA_REPLICA_RETRY_SECONDS = 0
    dbrouters.mark_down("replica1")
    client.get("/bao-cao/")
    client.get("/bao-cao/")
    assert replicas["replica1"].connects >= 2


def test_with_every_replica_refusing_reports_read_the_primary(client, replicas):
    for replica in replicas.values():
        replica.refuses = True
    assert [client.get("/bao-cao/").content for _n in range(3)] == [b"default"] * 3
    assert [replica.connects for replica in replicas.values()] == [1, 1]


def test_a_replica_lost_mid_request_is_served_from_the_primary(client, replicas):
    del replicas["replica2"]
    replicas["replica1"].fails_in_view = True
    response = client.get("/bao-cao/")
    assert (response.status_code, response.content) == (200, b"default")
    assert client.get("/bao-cao/").content == b"default"  # skipped for the retry period
    assert replicas["replica1"].connects == 1


def test_a_primary_error_on_a_report_page_is_not_retried(client, replicas):
    with pytest.raises(OperationalError):
        client.get("/bao-cao/chinh-hong/")
