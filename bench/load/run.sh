#!/usr/bin/env bash
# The load and fault run of bench/RESULTS.md ("Production stack: load and faults", issue 9 item 7).
#
# Full scale (on an idle machine; the database built once by
#   .venv/bin/python bench/org_scale.py --scale 1 --keep --database-url $DATABASE_URL):
#   DATABASE_URL=postgres://postgres@127.0.0.1:5432/thidua_bench bench/load/run.sh
# Small check:
#   DATABASE_URL=postgres://postgres@127.0.0.1:5432/thidua_bench_load_small USERS=20 \
#     DURATION=1m RESTART_AT=30 RATIO_DURATION=20s bench/load/run.sh
#
# Environment (defaults in brackets):
#   DATABASE_URL    the bench database (required; migrated, as org_scale.py leaves it)
#   REDIS_URL       the shared cache, as in production (e.g. redis://127.0.0.1:6379/5); unset, each
#                   worker caches alone. Sessions are read from PostgreSQL either way (since 7/12)
#   OUT             output directory [/tmp/thidua-load]: mix.txt, mix_stats.csv, accepted.log,
#                   faults.log, ListPageUser/TrivialUser_stats.csv, gunicorn.log, report.txt
#   USERS           signed-in users of the mixed run [200]   RATE  users started per second [20]
#   DURATION        length of the mixed run [3m]
#   SIGNIN_USERS    users signing in through the form during the mixed run [2]
#   SIGNIN_EVERY    seconds between two sign-ins of one of them [30]
#   THINK_MIN, THINK_MAX  seconds a load user waits between two requests [1, 3]
#   RESTART_AT      seconds into the mixed run when PostgreSQL is restarted [80]; 0: no restart
#   PG_CLUSTER      "<version> <name>" for pg_ctlcluster [the only cluster of pg_lsclusters]
#   RATIO_USERS     users of each throughput phase, no think time [20]
#   RATIO_DURATION  length of each throughput phase [1m]
#   PORT [8790], WORKERS gunicorn workers [2], LOCUST [.venv/bin/locust, else locust on PATH]
# locust is a bench tool, not a project dependency: `.venv/bin/pip install locust`, or a venv
# of its own (`python3 -m venv /tmp/locust && /tmp/locust/bin/pip install locust`, then
# LOCUST=/tmp/locust/bin/locust).
#
# Steps: seed.py (accounts, council session, LOAD_USERS pre-made signed-in sessions: load users
# do not sign in, SignInUser does, on its own line); collectstatic; gunicorn (production
# settings + a trivial view, bench_settings.py); 1. the mix (MixUser + SignInUser) with the
# PostgreSQL restart; 2. ListPageUser alone, then TrivialUser alone; report.py prints the table,
# looks every accepted batch up in the database (lost = 0?) and the throughput ratio.
set -euo pipefail
cd "$(dirname "$0")/../.."
: "${DATABASE_URL:?set DATABASE_URL to the bench database}"
OUT=${OUT:-/tmp/thidua-load}
PORT=${PORT:-8790}
USERS=${USERS:-200}
RATE=${RATE:-20}
DURATION=${DURATION:-3m}
RESTART_AT=${RESTART_AT:-80}
RATIO_USERS=${RATIO_USERS:-20}
RATIO_DURATION=${RATIO_DURATION:-1m}
PG_CLUSTER=${PG_CLUSTER:-$(pg_lsclusters -h | awk 'NR == 1 {print $1, $2}')}
LOCUST=${LOCUST:-$( [ -x .venv/bin/locust ] && echo .venv/bin/locust || echo locust)}
export SIGNIN_USERS=${SIGNIN_USERS:-2} SIGNIN_EVERY=${SIGNIN_EVERY:-30}
mkdir -p "$OUT"
export DATABASE_URL THIDUA_ENV=production DEBUG=false ALLOWED_HOSTS=127.0.0.1 \
  SECURE_SSL_REDIRECT=false SECURE_HSTS_SECONDS=0 DJANGO_SETTINGS_MODULE=bench_settings \
  PYTHONPATH=bench/load THIDUA_VAR_DIR=$OUT/var GUNICORN_BIND=127.0.0.1:$PORT \
  GUNICORN_WORKERS=${WORKERS:-2} GUNICORN_ACCESS_LOG=/dev/null \
  ACCEPTED_LOG=$OUT/accepted.log LOAD_SESSIONS=$OUT/sessions.json LOAD_USERS=$USERS
# The same key for seed.py and gunicorn: sessions are signed with it.
export SECRET_KEY=${SECRET_KEY:-$(.venv/bin/python -c 'import secrets; print(secrets.token_urlsafe(64))')}
export FIELD_ENCRYPTION_KEY=${FIELD_ENCRYPTION_KEY:-bench-field-encryption-key}
: > "$OUT/accepted.log"
rm -f "$OUT/faults.log"

.venv/bin/python bench/load/seed.py
.venv/bin/python manage.py collectstatic --noinput -v 0
.venv/bin/gunicorn -c deploy/gunicorn.conf.py thidua.wsgi > "$OUT/gunicorn.log" 2>&1 &
GUNICORN=$!
trap 'kill $GUNICORN 2>/dev/null || true' EXIT
until curl -sf -o /dev/null "http://127.0.0.1:$PORT/dang-nhap/"; do sleep 1; done

run_locust() {  # run_locust <out name> <user classes…> -u … -t …
  local name=$1; shift
  "$LOCUST" -f bench/load/locustfile.py "$@" --headless --host "http://127.0.0.1:$PORT" \
    --csv "$OUT/$name" --only-summary > "$OUT/$name.txt" 2>&1 || true
}

if [ "$RESTART_AT" != 0 ]; then
  ( sleep "$RESTART_AT"
    echo "restart-begin $(date +%s.%N) $(date -u +%T)" >> "$OUT/faults.log"
    pg_ctlcluster --skip-systemctl-redirect $PG_CLUSTER restart
    echo "restart-end $(date +%s.%N) $(date -u +%T)" >> "$OUT/faults.log" ) &
  RESTARTER=$!
fi
echo "mixed run: $USERS users + $SIGNIN_USERS signing in, $DURATION," \
  "PostgreSQL restart at ${RESTART_AT}s (0: none)"
run_locust mix MixUser SignInUser -u $((USERS + SIGNIN_USERS)) -r "$RATE" -t "$DURATION"
[ -z "${RESTARTER:-}" ] || wait "$RESTARTER"

for user in ListPageUser TrivialUser; do
  echo "throughput: $user, $RATIO_USERS users, $RATIO_DURATION"
  run_locust "$user" "$user" -u "$RATIO_USERS" -r "$RATIO_USERS" -t "$RATIO_DURATION"
done

.venv/bin/python bench/load/report.py "$OUT" | tee "$OUT/report.txt"
