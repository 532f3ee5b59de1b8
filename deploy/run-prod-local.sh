#!/usr/bin/env bash
# `make run-prod-local`: the production stack on this machine — gunicorn (2 workers), a Celery
# worker and Celery beat, THIDUA_ENV=production, against local PostgreSQL and Redis.
# Secrets are generated once into var/prod-local.env (mode 600) and reused. Demo accounts are
# locked. Plain HTTP on localhost only: HTTPS redirect and HSTS are off, cookies stay Secure
# (browsers accept them on http://localhost). Ctrl-C stops everything.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
PORT=${PORT:-8000}
ENV_FILE=var/prod-local.env

mkdir -p var
if [ ! -f "$ENV_FILE" ]; then
  umask 077
  {
    echo "SECRET_KEY=$($PY -c 'import secrets; print(secrets.token_urlsafe(64))')"
    echo "FIELD_ENCRYPTION_KEY=$($PY -c 'import secrets; print(secrets.token_urlsafe(64))')"
  } > "$ENV_FILE"
  echo "Đã tạo khóa bí mật cho máy này trong $ENV_FILE (giữ kín, đừng xóa: mất khóa là mất số CCCD đã lưu)."
fi
set -a
# shellcheck source=/dev/null
. "$ENV_FILE"
THIDUA_ENV=production
DEBUG=false
DATABASE_URL=${PROD_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/thidua_prod_local}
CELERY_BROKER_URL=${PROD_CELERY_BROKER_URL:-redis://127.0.0.1:6379/0}
REDIS_URL=${PROD_REDIS_URL:-redis://127.0.0.1:6379/1}
THIDUA_VAR_DIR=$PWD/var/prod-local
ALLOWED_HOSTS=127.0.0.1,localhost
CSRF_TRUSTED_ORIGINS=http://127.0.0.1:$PORT,http://localhost:$PORT
THIDUA_SITE_URL=http://localhost:$PORT
SECURE_SSL_REDIRECT=false
SECURE_HSTS_SECONDS=0
EMAIL_BACKEND=django.core.mail.backends.console.EmailBackend
GUNICORN_BIND=127.0.0.1:$PORT
GUNICORN_WORKERS=${GUNICORN_WORKERS:-2}
set +a

$PY - <<'PYEOF'
"""Create the database if it does not exist yet."""
import os
from urllib.parse import urlsplit, urlunsplit

import psycopg

url = urlsplit(os.environ["DATABASE_URL"])
name = url.path.lstrip("/")
with psycopg.connect(urlunsplit(url._replace(path="/postgres")), autocommit=True) as conn:
    if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
        conn.execute(f'CREATE DATABASE "{name}"')
        print(f"Đã tạo cơ sở dữ liệu {name}.")
PYEOF
$PY manage.py migrate --noinput
$PY manage.py collectstatic --noinput -v 0
$PY manage.py disable_demo_accounts
$PY manage.py check --deploy --fail-level ERROR

pids=()
stop() { kill "${pids[@]}" 2>/dev/null || true; wait || true; }
trap stop EXIT INT TERM
.venv/bin/gunicorn -c deploy/gunicorn.conf.py thidua.wsgi & pids+=($!)
.venv/bin/celery -A thidua worker --loglevel=INFO --concurrency=2 & pids+=($!)
.venv/bin/celery -A thidua beat --loglevel=INFO & pids+=($!)
echo "thidua (production) tại http://localhost:$PORT — tạo tài khoản quản trị: THIDUA_ENV=production … manage.py createsuperuser (xem docs/deploy.md)."
wait -n
