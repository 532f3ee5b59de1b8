"""gunicorn settings for thidua (``gunicorn -c deploy/gunicorn.conf.py thidua.wsgi``).

Every value can be overridden from the environment (the systemd unit's EnvironmentFile).
"""
import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# Synchronous workers: the app is database-bound and PostgreSQL connections are kept per worker
# (DB_CONN_MAX_AGE). 2 × cores + 1 is gunicorn's rule of thumb.
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
graceful_timeout = 30
keepalive = 5
# Recycle workers now and then so a slow leak can never take a server down.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "2000"))
max_requests_jitter = 200
# Load the app once in the master: workers share its memory (and wsgi.py's start-up checks and
# gc.freeze run once; a refused start-up stops the master, not a worker loop).
preload_app = True
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-")
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "info").lower()
proc_name = "thidua"


def pre_fork(server, worker):
    """wsgi.py's start-up check queries the database in the master (preload_app); close that
    connection before forking, or the workers would share one PostgreSQL socket."""
    from django.db import connections

    connections.close_all()
