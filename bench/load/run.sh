#!/usr/bin/env bash
# The load and fault run of bench/RESULTS.md ("Production stack"). Needs a database built by
# `bench/org_scale.py --scale 1 --keep --database-url $DATABASE_URL`, migrated and seeded by
# `bench/load/seed.py`, static files collected, and locust in the venv (bench only:
# `.venv/bin/pip install locust`; not a project dependency).
#   DATABASE_URL=… bench/load/run.sh            # env: see the exports below
# 1. 200 users × 3 min of the mix (MixUser) against gunicorn (2 workers); PostgreSQL is
#    restarted at RESTART_AT seconds; afterwards every accepted nomination batch is looked up.
# 2. Throughput of the people list vs a trivial view, same stack, 20 users without think time.
set -euo pipefail
cd "$(dirname "$0")/../.."
OUT=${OUT:-/tmp/thidua-load}
PORT=${PORT:-8790}
USERS=${USERS:-200}
DURATION=${DURATION:-3m}
RATE=${RATE:-20}              # users started per second (each signs in: PBKDF2 costs CPU)
RESTART_AT=${RESTART_AT:-80}  # 0: no PostgreSQL restart
mkdir -p "$OUT"
export THIDUA_ENV=production DEBUG=false ALLOWED_HOSTS=127.0.0.1 SECURE_SSL_REDIRECT=false \
  SECURE_HSTS_SECONDS=0 DJANGO_SETTINGS_MODULE=bench_settings PYTHONPATH=bench/load \
  GUNICORN_BIND=127.0.0.1:$PORT GUNICORN_WORKERS=2 GUNICORN_ACCESS_LOG=/dev/null \
  ACCEPTED_LOG=$OUT/accepted.log
export SECRET_KEY=${SECRET_KEY:-$(.venv/bin/python -c 'import secrets; print(secrets.token_urlsafe(64))')}
export FIELD_ENCRYPTION_KEY=${FIELD_ENCRYPTION_KEY:-bench-field-encryption-key}
: > "$OUT/accepted.log"
SESSION=$(.venv/bin/python bench/load/seed.py | sed -n 's/.*session \([0-9]*\)$/\1/p')
export LOAD_SESSION_URL=/ho-so/phien-hop/$SESSION/

.venv/bin/gunicorn -c deploy/gunicorn.conf.py thidua.wsgi > "$OUT/gunicorn.log" 2>&1 &
GUNICORN=$!
trap 'kill $GUNICORN 2>/dev/null || true' EXIT
until curl -sf -o /dev/null "http://127.0.0.1:$PORT/dang-nhap/"; do sleep 1; done

if [ "$RESTART_AT" != 0 ]; then
  ( sleep "$RESTART_AT"
    echo "$(date +%T) restarting PostgreSQL" >> "$OUT/faults.log"
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql)" main restart
    echo "$(date +%T) PostgreSQL back" >> "$OUT/faults.log" ) &
  RESTARTER=$!
fi
.venv/bin/locust -f bench/load/locustfile.py MixUser --headless -u "$USERS" -r "$RATE" -t "$DURATION" \
  --host "http://127.0.0.1:$PORT" --csv "$OUT/mix" --only-summary > "$OUT/mix.txt" 2>&1 || true
[ -z "${RESTARTER:-}" ] || wait "$RESTARTER"

.venv/bin/python - "$OUT/accepted.log" <<'PYEOF'
import os, sys
import django
django.setup()
from thidua.nominations.models import NominationBatch
titles = [line.strip() for line in open(sys.argv[1]) if line.strip()]
found = set(NominationBatch.objects.filter(title__in=titles).values_list("title", flat=True))
print(f"accepted nomination batches: {len(titles)}, in the database: {len(found)}, "
      f"lost: {len(set(titles) - found)}")
PYEOF

for user in ListPageUser TrivialUser; do
  .venv/bin/locust -f bench/load/locustfile.py "$user" --headless -u 20 -r 20 -t 30s \
    --host "http://127.0.0.1:$PORT" --csv "$OUT/$user" --only-summary > "$OUT/$user.txt" 2>&1 || true
done
