"""Helpers for tests that start real processes (Celery worker, gunicorn) against the test
database and Redis (REDIS_TEST_URL, default redis://127.0.0.1:6379/13)."""
import os
import signal
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path
from urllib.parse import quote, urlsplit

from django.db import connection

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
REDIS_URL = os.environ.get("REDIS_TEST_URL", "redis://127.0.0.1:6379/13")


def reachable(url):
    parts = urlsplit(url)
    try:
        socket.create_connection((parts.hostname, parts.port or 6379), timeout=1).close()
    except OSError:
        return False
    return True


def database_url():
    db = connection.settings_dict
    password = f":{quote(db['PASSWORD'])}" if db.get("PASSWORD") else ""
    return (f"postgres://{quote(db['USER'])}{password}@{db['HOST'] or '127.0.0.1'}:"
            f"{db['PORT'] or 5432}/{db['NAME']}")


class Processes:
    """Start project processes in their own session with the test database and a private
    queue; kill them (the whole process group) at the end."""

    def __init__(self, tmp_path):
        self.tmp_path = tmp_path
        self.queue = f"thidua-test-{uuid.uuid4().hex[:8]}"
        self.started = []

    def env(self, **extra):
        return {**os.environ, "DATABASE_URL": database_url(), "CELERY_BROKER_URL": REDIS_URL,
                "CELERY_QUEUE": self.queue, "THIDUA_VAR_DIR": str(self.tmp_path / "var"),
                "MEDIA_ROOT": str(self.tmp_path / "media"), "PYTHONUNBUFFERED": "1", **extra}

    def start(self, args, name, **extra):
        log = open(self.tmp_path / f"{name}.log", "ab")  # noqa: SIM115 - closed with the process
        process = subprocess.Popen([str(BIN / args[0]), *args[1:]], cwd=ROOT,
                                   env=self.env(**extra), stdout=log, stderr=subprocess.STDOUT,
                                   start_new_session=True)
        process.log_path = log.name
        self.started.append(process)
        return process

    def worker(self, **extra):
        return self.start(["celery", "-A", "thidua", "worker", "-Q", self.queue,
                           "--concurrency=1", "--without-gossip", "--without-mingle",
                           "--loglevel=INFO"], "worker", **extra)

    def send(self, task, *args):
        from celery import Celery

        # not set as the current app: shared tasks (thidua.core.tasks) would send through it after
        with Celery(broker=REDIS_URL, set_as_current=False) as client:
            client.send_task(task, args=list(args), queue=self.queue)

    @staticmethod
    def kill(process):
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(10)

    def close(self):
        for process in self.started:
            self.kill(process)


def wait_for(condition, timeout, what):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.2)
    raise AssertionError(f"timed out after {timeout} s waiting for {what}")
