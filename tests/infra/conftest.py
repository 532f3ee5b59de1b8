"""Real processes against real services: a Celery worker on Redis, gunicorn. These tests need
the suite to run on PostgreSQL (the processes must see the test database) and Redis reachable;
otherwise they are skipped."""
import pytest
from django.db import connection
from infra_processes import REDIS_URL, Processes, reachable


@pytest.fixture
def services(transactional_db):
    """Skip unless the test database is PostgreSQL and Redis answers."""
    if connection.vendor != "postgresql":
        pytest.skip("needs the suite on PostgreSQL (DATABASE_URL=postgres://…)")
    if not reachable(REDIS_URL):
        pytest.skip(f"needs Redis at {REDIS_URL}")


@pytest.fixture
def processes(services, tmp_path):
    running = Processes(tmp_path)
    yield running
    running.close()
