#!/usr/bin/env python
"""Throughput of the busiest pages against a trivial view, on the production server (issue 21 item 1).

The target is a ratio: each page must serve at least 35 % of the requests a second that the
same gunicorn serves for a view that does nothing (``bench/load/bench_urls.py``), requested by
the same signed-in user (so session, authentication and middleware count on both sides, as in
``bench/load/``'s ratio). The server is
the production one (``deploy/gunicorn.conf.py``, production settings, the Redis cache when
``REDIS_URL`` is set; sessions in PostgreSQL since 7/12) on a database built by ``bench/pages.py``; the client is
``wrk`` with signed-in session cookies. Pages are measured interleaved — trivial view, page,
trivial view, page … for ``--rounds`` rounds — so that a change in the machine's load hits the
page and its reference alike; each page's ratio is the median over rounds of its req/s divided
by the trivial view's req/s of the same round.

    .venv/bin/python bench/pages.py --scale 0.01 --keep --database-url $URL   # builds the data
    .venv/bin/python bench/throughput.py --database-url $URL [--seconds 10 --rounds 3]
    .venv/bin/python bench/throughput.py --database-url $URL --portal-cache --only portal-served

The portal home is measured rendered on every request (its page cache off) unless
``--portal-cache`` leaves the cache on, as for the public (``portal-served``).

Needs ``wrk`` (``apt-get install wrk``). Prints a Markdown table with the load average.
"""
import argparse
import json
import os
import re
import secrets
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PAGES = [  # name, user (bench/org_scale.py's users), path
    ("people-officer", "province EC officer", "/ca-nhan/"),
    ("people-admin", "national admin", "/ca-nhan/"),
    ("orgs-officer", "province EC officer", "/don-vi/"),
    ("orgs-admin", "national admin", "/don-vi/"),
    ("batches-officer", "province EC officer", "/ho-so/"),
    ("batches-admin", "national admin", "/ho-so/"),
    ("home-officer", "province EC officer", "/"),
    ("portal-rendered", None, "/p/vca/"),
]
# With --portal-cache the portal home is served as the public gets it, from the page cache that
# keeps it THIDUA_PORTAL_PAGE_SECONDS after the first visitor's render (portal.views.common).
SERVED = ("portal-served", None, "/p/vca/")
SESSIONS = """
import json, time
from importlib import import_module
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
import org_scale
cookies = {}
for role, account in org_scale.bench_users().items():
    store = import_module(settings.SESSION_ENGINE).SessionStore()
    store.update({SESSION_KEY: str(account.pk),
                  BACKEND_SESSION_KEY: "django.contrib.auth.backends.ModelBackend",
                  HASH_SESSION_KEY: account.get_session_auth_hash(), "last_seen": int(time.time()),
                  "no_2fa": True})
    store.create()
    cookies[role] = store.session_key
print(json.dumps(cookies))
"""


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--seconds", type=int, default=10, help="length of one wrk run")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--connections", type=int, default=4)
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    parser.add_argument("--port", type=int, default=8795)
    parser.add_argument("--only", help="comma-separated page names")
    parser.add_argument("--portal-cache", action="store_true",
                        help="leave the portal's page cache on: portal-served instead of "
                             "portal-rendered")
    return parser.parse_args()


def environment(args):
    return {**os.environ, "DATABASE_URL": args.database_url, "THIDUA_ENV": "production",
            "DEBUG": "false", "ALLOWED_HOSTS": "127.0.0.1", "SECURE_SSL_REDIRECT": "false",
            "SECURE_HSTS_SECONDS": "0", "DJANGO_SETTINGS_MODULE": "bench_settings",
            "PYTHONPATH": f"{ROOT / 'bench' / 'load'}:{ROOT / 'bench'}:{ROOT}",
            "THIDUA_VAR_DIR": "/tmp/thidua-throughput/var",
            "GUNICORN_BIND": f"127.0.0.1:{args.port}", "GUNICORN_WORKERS": str(args.workers),
            "GUNICORN_ACCESS_LOG": "/dev/null", "LOG_LEVEL": "WARNING",
            "GUNICORN_MAX_REQUESTS": "0",  # no recycling in the middle of a measurement
            # bench users have no second factor; the check costs the page and the trivial view alike
            "THIDUA_REQUIRE_2FA": "false",
            "REDIS_URL": os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/7"),
            "SECRET_KEY": os.environ.get("SECRET_KEY", secrets.token_urlsafe(64)),
            "FIELD_ENCRYPTION_KEY": os.environ.get("FIELD_ENCRYPTION_KEY",
                                                   "bench-field-encryption-key"),
            # else the portal home comes from the page cache after the first request
            **({} if args.portal_cache else {"THIDUA_PORTAL_PAGE_SECONDS": "0"})}


def get(url, cookie):
    request = urllib.request.Request(url, headers={"Cookie": f"sessionid={cookie}"} if cookie else {})
    with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310 (loopback bench)
        return response.status, response.geturl()


def wrk(url, cookie, args):
    command = ["wrk", "-t", "2", "-c", str(args.connections), "-d", f"{args.seconds}s", url]
    if cookie:
        command[1:1] = ["-H", f"Cookie: sessionid={cookie}"]
    out = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    if "Non-2xx" in out or "Socket errors" in out:
        sys.exit(f"wrk saw errors on {url}:\n{out}")
    return float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))


def main():
    args = parse_args()
    env = environment(args)
    Path(env["THIDUA_VAR_DIR"]).mkdir(parents=True, exist_ok=True)
    cookies = json.loads(subprocess.run(
        [sys.executable, "-c", "import django; django.setup()\n" + SESSIONS],
        env=env, cwd=ROOT, stdout=subprocess.PIPE, text=True, check=True).stdout)
    subprocess.run([sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"],
                   env=env, cwd=ROOT, check=True)
    server = subprocess.Popen([ROOT / ".venv/bin/gunicorn", "-c", "deploy/gunicorn.conf.py",
                               "thidua.wsgi"], env=env, cwd=ROOT)
    base = f"http://127.0.0.1:{args.port}"
    try:
        for _ in range(120):
            try:
                get(f"{base}/bench/trivial/", None)
                break
            except OSError:
                time.sleep(0.5)
        pages = [SERVED if args.portal_cache and page[0] == "portal-rendered" else page
                 for page in PAGES]
        chosen = [p for p in pages if not args.only or p[0] in args.only.split(",")]
        for name, role, path in chosen:  # each page answers itself (no sign-in redirect)
            status, final = get(base + path, cookies.get(role))
            if status != 200 or final != base + path:
                sys.exit(f"{name}: {status} {final}")
            for _ in range(20):  # warm both workers' caches
                get(base + path, cookies.get(role))
        ratios = {name: [] for name, _role, _path in chosen}
        rates = {name: [] for name, _role, _path in chosen}
        trivial = []
        for _ in range(args.rounds):
            for name, role, path in chosen:
                reference = wrk(f"{base}/bench/trivial/", cookies.get(role), args)
                rate = wrk(base + path, cookies.get(role), args)
                trivial.append(reference)
                rates[name].append(rate)
                ratios[name].append(rate / reference)
    finally:
        server.terminate()
        server.wait()
    load = os.getloadavg()
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT,
                            capture_output=True, text=True).stdout.strip()
    print(f"commit {commit}; {args.workers} gunicorn workers; wrk {args.connections} connections, "
          f"{args.seconds} s a run, {args.rounds} rounds; trivial view median "
          f"{statistics.median(trivial):.0f} req/s; load average at the end "
          f"{load[0]:.1f} {load[1]:.1f} {load[2]:.1f}\n")
    print("| Page | req/s (median) | % of the trivial view (median; min–max) |\n|---|---:|---:|")
    for name, _role, _path in chosen:
        share = [100 * r for r in ratios[name]]
        print(f"| {name} | {statistics.median(rates[name]):.0f} | "
              f"{statistics.median(share):.1f} % ({min(share):.1f}–{max(share):.1f}) |")


if __name__ == "__main__":
    main()
