"""The production stack as CI can run it: gunicorn with deploy/gunicorn.conf.py and
THIDUA_ENV=production serving a page and a static file, and a task run by a real Celery worker
(PostgreSQL + Redis only)."""
import secrets
import socket
import subprocess
import urllib.request

from infra_processes import BIN, ROOT, wait_for

from thidua.core.models import Job

SAFE = {"THIDUA_ENV": "production", "DEBUG": "false", "SECRET_KEY": secrets.token_urlsafe(64),
        "FIELD_ENCRYPTION_KEY": secrets.token_urlsafe(64), "ALLOWED_HOSTS": "127.0.0.1"}


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def get(url, forwarded_proto="https"):
    """GET as nginx forwards it (HTTPS terminated in front); redirects are not followed."""
    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args):
            return None

    request = urllib.request.Request(url, headers={"X-Forwarded-Proto": forwarded_proto})
    try:
        return urllib.request.build_opener(NoRedirect).open(request, timeout=10)
    except urllib.error.HTTPError as error:
        return error


def test_gunicorn_serves_in_production_mode(processes):
    env = processes.env(**SAFE)
    subprocess.run([str(BIN / "python"), "manage.py", "collectstatic", "--noinput", "-v", "0"],
                   cwd=ROOT, env=env, check=True)
    port = free_port()
    server = processes.start(["gunicorn", "-c", "deploy/gunicorn.conf.py", "thidua.wsgi"],
                             "gunicorn", GUNICORN_BIND=f"127.0.0.1:{port}", GUNICORN_WORKERS="2",
                             **SAFE)

    def answering():
        assert server.poll() is None, open(server.log_path).read()
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
        except OSError:
            return False
        return True

    wait_for(answering, 60, "gunicorn to listen")
    login = get(f"http://127.0.0.1:{port}/dang-nhap/")
    assert login.status == 200
    assert "max-age=" in login.headers["Strict-Transport-Security"]
    assert "Secure" in login.headers["Set-Cookie"]  # the CSRF cookie
    stylesheet = get(f"http://127.0.0.1:{port}/static/thidua/app.css")
    assert stylesheet.status == 200 and "max-age" in stylesheet.headers["Cache-Control"]
    private = get(f"http://127.0.0.1:{port}/ho-so/")
    assert private.status == 302 and "/dang-nhap/" in private.headers["Location"]
    plain = get(f"http://127.0.0.1:{port}/dang-nhap/", forwarded_proto="http")
    assert plain.status == 301 and plain.headers["Location"].startswith("https://")


def test_a_task_runs_in_a_real_worker(processes):
    processes.worker(**SAFE)
    processes.send("thidua.movements.tasks.send_report_reminders")  # as beat sends it
    wait_for(lambda: Job.objects.filter(key__startswith="report-reminders:",
                                        status=Job.Status.DONE).exists(), 90,
             "the worker to run the day's reminder job")
