"""Redis down: the cache answers nothing and the broker takes nothing. A person still signs in,
works and signs out; rate counters let hits through; tasks and jobs run in the web process.
Nothing fails, nothing is lost (the portal's side: tests/portal/test_portal_publishing.py)."""
import pytest
from django.urls import reverse

from thidua.accounts.models import Role
from thidua.celery import app
from thidua.core import tasks, throttle
from thidua.core.models import Job

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-test-password"  # make_user's


@pytest.fixture
def broker_down(settings, redis_down, monkeypatch):
    """Tasks go to a Celery broker that does not answer (the same dead Redis)."""
    settings.CELERY_BROKER_URL = redis_down
    monkeypatch.setitem(app.conf, "broker_url", redis_down)
    monkeypatch.setitem(app.conf, "task_always_eager", False)
    fresh_connections()
    yield
    fresh_connections()


def fresh_connections():
    """Forget the connections made for the broker used before (an eager run makes one to the
    default broker, which the producer pool would keep using)."""
    app.close()
    del app.amqp  # a cached property: the next use builds its producer pool anew


def recorded(path, log):
    log.append(path)


def test_the_rate_counter_lets_every_hit_through_and_says_so(redis_down, caplog):
    assert [throttle.hits("public-posts:abc", 60) for _ in range(3)] == [0, 0, 0]
    assert not throttle.exceeded("public-posts:abc", 1, 60)
    assert "Cache unreachable: public-posts not counted" in caplog.text


def test_with_the_cache_up_hits_are_counted_per_window():
    assert [throttle.hits("k", 60, now=120) for _ in range(3)] == [1, 2, 3]
    assert throttle.exceeded("k", 3, 60, now=179)
    assert throttle.hits("k", 60, now=180) == 1  # a new window


def test_a_person_signs_in_works_and_signs_out(client, redis_down, network, make_user):
    user = make_user(Role.EC_OFFICER, network.hue)
    response = client.post(reverse("accounts:login"),
                           {"username": user.username, "password": PASSWORD})
    assert response.status_code == 302
    for path in ("/", "/ca-nhan/", "/don-vi/", "/ho-so/"):
        assert client.get(path).status_code == 200, path
    client.post(reverse("accounts:logout"))
    assert client.get("/ho-so/").status_code == 302  # the session is gone from the database


def test_a_task_runs_here_when_the_broker_is_down(broker_down, caplog):
    log = []
    tasks.run_task(recorded, "done", log)
    assert log == ["done"]
    assert "Broker unreachable" in caplog.text


def count_to_three(job):
    return sum(1 for _ in job.each(range(3), key=str))


def test_a_job_runs_here_when_the_broker_is_down(broker_down, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        job = tasks.start_job(count_to_three, title="Đếm")
    job.refresh_from_db()
    assert job.status == Job.Status.DONE and job.result == 3
