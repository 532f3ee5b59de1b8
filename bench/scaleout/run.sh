#!/usr/bin/env bash
# Scale-out for real on one machine (issue 21 item 6; bench/RESULTS.md, "Scale-out"): a
# PostgreSQL primary and a streaming replica (two clusters of their own, made with Debian's
# pg_createcluster and pg_basebackup -R, so the machine's 5432 server is not touched), two
# gunicorn app servers behind nginx, a Celery worker on a Redis of its own; a locust run through
# nginx; the replica stopped mid-run, then Redis (cache and broker) too; then everything stopped
# and removed, and a summary printed.
# As root (the clusters belong to postgres), from anywhere:
#
#   bench/scaleout/run.sh                                       # ≈ 7 min in all
#   USERS=20 DURATION=90s STOP_REPLICA_AT=45 bench/scaleout/run.sh
#
# Environment [defaults]:
#   NAME [scaleout]          clusters NAME_primary and NAME_replica, database NAME_bench
#   PG_VERSION [15]  PRIMARY_PORT [5433]  REPLICA_PORT [5434]
#   NGINX_PORT [8120]  APP_PORTS ["8121 8122"]  WORKERS gunicorn workers per app server [2]
#   REDIS_PORT [6391]        a redis-server of the run's own (nothing saved): Celery broker on /0,
#                            the cache on /1
#   STOP_REDIS_AT [135]      seconds into the run when that Redis is shut down (not restarted)
#   SCALE [0.01]             size of bench/org_scale.py's network (0.01: 1,100 units, 20,000 people)
#   USERS [30]               half bench/load's MixUser, half ReportUser; WRITER_USERS [2] more
#   RATE [10] users started a second; DURATION [3m]; THINK_MIN, THINK_MAX [1, 3] seconds
#   STOP_REPLICA_AT [90]     seconds into the run when the replica is stopped (fast shutdown)
#   APPLY_DELAY [5s]         the replica's recovery_min_apply_delay: a read from it misses any
#                            write younger than that, so read-your-writes is put to the test
#   READ_YOUR_WRITES [10]    THIDUA_READ_YOUR_WRITES_SECONDS of the app servers
#   OUT [/tmp/thidua-scaleout]  logs, locust CSVs, reads.log, summary.txt (kept)
#   LOCUST [.venv/bin/locust, else locust on PATH]; a bench tool, not a dependency:
#     python3 -m venv /tmp/locust && /tmp/locust/bin/pip install locust
#     LOCUST=/tmp/locust/bin/locust bench/scaleout/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
NAME=${NAME:-scaleout}
PG_VERSION=${PG_VERSION:-15}
PRIMARY_PORT=${PRIMARY_PORT:-5433}
REPLICA_PORT=${REPLICA_PORT:-5434}
NGINX_PORT=${NGINX_PORT:-8120}
read -r -a APP_PORTS <<< "${APP_PORTS:-8121 8122}"
REDIS_PORT=${REDIS_PORT:-6391}
STOP_REDIS_AT=${STOP_REDIS_AT:-135}
SCALE=${SCALE:-0.01}
USERS=${USERS:-30}
RATE=${RATE:-10}
DURATION=${DURATION:-3m}
STOP_REPLICA_AT=${STOP_REPLICA_AT:-90}
APPLY_DELAY=${APPLY_DELAY:-5s}
OUT=${OUT:-/tmp/thidua-scaleout}
LOCUST=${LOCUST:-$( [ -x .venv/bin/locust ] && echo .venv/bin/locust || echo locust)}
PRIMARY=${NAME}_primary
REPLICA=${NAME}_replica
DB=${NAME}_bench
PY=.venv/bin/python
if [ "$(id -u)" != 0 ]; then
  echo "run as root (pg_createcluster: clusters owned by postgres)" >&2; exit 1
fi
for port in "$PRIMARY_PORT" "$REPLICA_PORT" "$NGINX_PORT" "${APP_PORTS[@]}" "$REDIS_PORT"; do
  if ss -Htln "sport = :$port" | grep -q .; then echo "port $port is in use" >&2; exit 1; fi
done
if pg_lsclusters -h | awk '{print $2}' | grep -qx -e "$PRIMARY" -e "$REPLICA"; then
  echo "cluster $PRIMARY or $REPLICA exists: drop it (pg_dropcluster --stop $PG_VERSION …)" >&2
  exit 1
fi
rm -rf "$OUT" && mkdir -p "$OUT/nginx"
pids=()

stop_everything() {
  set +e
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null; done
  [ -f "$OUT/nginx/nginx.pid" ] && kill -QUIT "$(cat "$OUT/nginx/nginx.pid")" 2>/dev/null
  wait 2>/dev/null
  for cluster in "$REPLICA" "$PRIMARY"; do
    # pg_dropcluster removes the files it made, and then their folder only when it is empty
    rm -f "/etc/postgresql/$PG_VERSION/$cluster/conf.d/scaleout.conf"
    pg_lsclusters -h | awk '{print $2}' | grep -qx "$cluster" &&
      pg_dropcluster --stop "$PG_VERSION" "$cluster"
  done
  sleep 1
  local left
  left=$(pg_lsclusters -h | awk -v a="$PRIMARY" -v b="$REPLICA" '$2 == a || $2 == b';
         ls -d "/etc/postgresql/$PG_VERSION/$PRIMARY" "/etc/postgresql/$PG_VERSION/$REPLICA" \
           "/var/lib/postgresql/$PG_VERSION/$PRIMARY" "/var/lib/postgresql/$PG_VERSION/$REPLICA" \
           2> /dev/null;
         for port in "$PRIMARY_PORT" "$REPLICA_PORT" "$NGINX_PORT" "${APP_PORTS[@]}" \
           "$REDIS_PORT"; do
           ss -Htln "sport = :$port"; done)
  echo "left behind (clusters, their folders, listening ports): ${left:-nothing}" |
    tee -a "$OUT/summary.txt"
}
trap stop_everything EXIT

step() { echo "== $(date -u +%T) $*"; }
as_postgres() { runuser -u postgres -- "$@"; }
create_cluster() {  # create_cluster NAME PORT [SETTING]: on loopback only, trusted (bench only)
  pg_createcluster -q "$PG_VERSION" "$1" -p "$2" --start-conf=manual --locale=C.UTF-8 > /dev/null
  local conf=/etc/postgresql/$PG_VERSION/$1
  printf '%s\n' "listen_addresses = '127.0.0.1'" "${3:-}" > "$conf/conf.d/scaleout.conf"
  printf '%s\n' "local all all trust" "host all all 127.0.0.1/32 trust" \
    "local replication all trust" "host replication all 127.0.0.1/32 trust" > "$conf/pg_hba.conf"
}

step "Redis of the run's own on port $REDIS_PORT"
redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save "" --appendonly no \
  > "$OUT/redis.log" 2>&1 & pids+=($!)
until redis-cli -p "$REDIS_PORT" ping 2> /dev/null | grep -q PONG; do sleep 0.2; done

step "primary: cluster $PRIMARY on port $PRIMARY_PORT"
create_cluster "$PRIMARY" "$PRIMARY_PORT"
pg_ctlcluster --skip-systemctl-redirect "$PG_VERSION" "$PRIMARY" start

set -a
SECRET_KEY=$($PY -c 'import secrets; print(secrets.token_urlsafe(64))')
FIELD_ENCRYPTION_KEY=bench-field-encryption-key
DATABASE_URL=postgres://postgres@127.0.0.1:$PRIMARY_PORT/$DB
CELERY_BROKER_URL=redis://127.0.0.1:$REDIS_PORT/0
REDIS_URL=redis://127.0.0.1:$REDIS_PORT/1
THIDUA_ENV=production DEBUG=false ALLOWED_HOSTS=127.0.0.1 SECURE_SSL_REDIRECT=false
SECURE_HSTS_SECONDS=0 LOG_LEVEL=WARNING THIDUA_VAR_DIR=$OUT/var
DJANGO_SETTINGS_MODULE=scaleout_settings PYTHONPATH=bench/scaleout:bench/load
LOAD_USERS=$USERS LOAD_SESSIONS=$OUT/sessions.json ACCEPTED_LOG=$OUT/accepted.log
READS_LOG=$OUT/reads.log THIDUA_READ_YOUR_WRITES_SECONDS=${READ_YOUR_WRITES:-10}
set +a
: > "$OUT/accepted.log"; : > "$OUT/reads.log"

step "data: the network at scale $SCALE, then load users and sessions (bench/load/seed.py)"
$PY bench/scaleout/load_data.py "$SCALE" > "$OUT/load.log" 2>&1 ||
  { tail -20 "$OUT/load.log"; exit 1; }
$PY bench/load/seed.py
$PY manage.py collectstatic --noinput -v 0

step "replica: cluster $REPLICA on port $REPLICA_PORT from pg_basebackup -R, $APPLY_DELAY behind"
create_cluster "$REPLICA" "$REPLICA_PORT" "recovery_min_apply_delay = '$APPLY_DELAY'"
REPLICA_DATA=/var/lib/postgresql/$PG_VERSION/$REPLICA
find "$REPLICA_DATA" -mindepth 1 -delete
as_postgres pg_basebackup -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres -D "$REPLICA_DATA" \
  -R -X stream -c fast
ls "$REPLICA_DATA/standby.signal" > /dev/null
pg_ctlcluster --skip-systemctl-redirect "$PG_VERSION" "$REPLICA" start
primary_sql() { psql -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres -d "$DB" -Atc "$1"; }
replica_sql() { psql -h 127.0.0.1 -p "$REPLICA_PORT" -U postgres -d "$DB" -Atc "$1"; }
until [ "$(primary_sql "SELECT count(*) FROM pg_stat_replication WHERE state = 'streaming'")" = 1 ]
do sleep 1; done
echo "replica in recovery: $(replica_sql 'SELECT pg_is_in_recovery()');" \
  "streaming: $(primary_sql 'SELECT application_name, state, sync_state FROM pg_stat_replication')"
export DATABASE_REPLICA_URLS=postgres://postgres@127.0.0.1:$REPLICA_PORT/$DB

step "Celery worker on $CELERY_BROKER_URL; gunicorn on ${APP_PORTS[*]}; nginx on $NGINX_PORT"
# a result backend for the one checked task below only (the app servers have none, see
# docs/configuration.md): the worker stores its result there, the check reads it
CHECK_BACKEND=redis://127.0.0.1:$REDIS_PORT/2
CELERY_RESULT_BACKEND=$CHECK_BACKEND .venv/bin/celery -A thidua worker --concurrency=1 \
  --loglevel=WARNING -n "scaleout@%h" > "$OUT/celery.log" 2>&1 & pids+=($!)
upstream=""
for port in "${APP_PORTS[@]}"; do
  GUNICORN_BIND=127.0.0.1:$port GUNICORN_WORKERS=${WORKERS:-2} GUNICORN_ACCESS_LOG=/dev/null \
    .venv/bin/gunicorn -c deploy/gunicorn.conf.py thidua.wsgi > "$OUT/gunicorn-$port.log" 2>&1 &
  pids+=($!)
  upstream+="    server 127.0.0.1:$port fail_timeout=0;"$'\n'
done
cat > "$OUT/nginx/nginx.conf" <<NGINX
# deploy/nginx/thidua.conf's proxying, on plain HTTP on loopback, with a log of the upstream.
pid $OUT/nginx/nginx.pid;
error_log $OUT/nginx/error.log;
worker_processes 1;
events { worker_connections 1024; }
http {
  log_format upstream '\$msec \$upstream_addr \$status \$request_time \$request_method \$uri';
  access_log $OUT/nginx/access.log upstream;
  client_body_temp_path $OUT/nginx/body; proxy_temp_path $OUT/nginx/proxy;
  fastcgi_temp_path $OUT/nginx/fastcgi; uwsgi_temp_path $OUT/nginx/uwsgi;
  scgi_temp_path $OUT/nginx/scgi;
  upstream thidua_app {
$upstream    keepalive 32;
  }
  server {
    listen 127.0.0.1:$NGINX_PORT;
    client_max_body_size 12m;
    location / {
      proxy_pass http://thidua_app;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$host;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto \$scheme;
      proxy_read_timeout 90s;
      proxy_redirect off;
    }
  }
}
NGINX
/usr/sbin/nginx -p "$OUT/nginx" -c "$OUT/nginx/nginx.conf" -e "$OUT/nginx/error.log"
for port in "${APP_PORTS[@]}" "$NGINX_PORT"; do
  until curl -sf -o /dev/null "http://127.0.0.1:$port/dang-nhap/"; do sleep 1; done
done
CELERY_RESULT_BACKEND=$CHECK_BACKEND $PY - <<'PYEOF' | tee "$OUT/celery.txt"
"""One real task through the broker: the nightly refresh of report figures."""
import django

django.setup()
from thidua.reports.tasks import refresh_summaries

print(f"Celery task thidua.reports.refresh_summaries: {refresh_summaries.delay().get(timeout=300)}")
PYEOF

replica_stats() {
  echo "$1 $(date +%s.%N) $(replica_sql "SELECT xact_commit, tup_returned, tup_fetched
    FROM pg_stat_database WHERE datname = current_database()")" >> "$OUT/replica_stats.log"
}
replica_stats start
( sleep "$STOP_REPLICA_AT"
  replica_stats before-stop
  echo "lag $(primary_sql "SELECT coalesce(replay_lag, '0')::text FROM pg_stat_replication")" \
    >> "$OUT/faults.log"
  echo "stop-begin $(date +%s.%N) $(date -u +%T)" >> "$OUT/faults.log"
  pg_ctlcluster --skip-systemctl-redirect "$PG_VERSION" "$REPLICA" stop -m fast
  echo "stop-end $(date +%s.%N) $(date -u +%T)" >> "$OUT/faults.log" ) & stoppers=($!)
( sleep "$STOP_REDIS_AT"
  echo "redis-stop $(date +%s.%N) $(date -u +%T)" >> "$OUT/faults.log"
  redis-cli -p "$REDIS_PORT" shutdown nosave ) & stoppers+=($!)
pids+=("${stoppers[@]}")

step "load: $USERS users + ${WRITER_USERS:-2} writers through nginx for $DURATION," \
  "replica stopped at ${STOP_REPLICA_AT}s, Redis at ${STOP_REDIS_AT}s"
"$LOCUST" -f bench/scaleout/scaleout_users.py MixUser ReportUser WriterUser \
  -u $((USERS + ${WRITER_USERS:-2})) -r "$RATE" -t "$DURATION" --headless \
  --host "http://127.0.0.1:$NGINX_PORT" --csv "$OUT/run" --only-summary \
  > "$OUT/locust.txt" 2>&1 || true
wait "${stoppers[@]}"

step "summary"
echo "commit $(git rev-parse --short HEAD); $(uptime)" > "$OUT/summary.txt"
$PY bench/scaleout/report.py "$OUT" | tee -a "$OUT/summary.txt"
