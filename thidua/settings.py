"""Settings for thidua, read from the environment (see docs/configuration.md).

Development is the default: SQLite in var/, tasks inline, console email. ``THIDUA_ENV=production``
turns on the hardening below and refuses to start with an unsafe configuration.
"""
import hashlib
import os
from pathlib import Path

import dj_database_url
from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("THIDUA_VAR_DIR", BASE_DIR / "var"))


def env_bool(name, default=False):
    return os.environ.get(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEVELOPMENT_SECRET_KEY = "dev-only-insecure-key-do-not-use-in-production"
THIDUA_ENV = os.environ.get("THIDUA_ENV", "development")
PRODUCTION = THIDUA_ENV == "production"
DEBUG = env_bool("DEBUG", not PRODUCTION)
SECRET_KEY = os.environ.get("SECRET_KEY", DEVELOPMENT_SECRET_KEY)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "" if PRODUCTION else "127.0.0.1,localhost,testserver")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

# Key for personal data encrypted at rest (citizen ID). Any string; derived into a Fernet key.
FIELD_ENCRYPTION_KEY = os.environ.get("FIELD_ENCRYPTION_KEY", SECRET_KEY)
# Password of every demo account (`manage.py load_demo`); demo only.
THIDUA_DEMO_PASSWORD = os.environ.get("THIDUA_DEMO_PASSWORD", "thidua-demo-2026")

if PRODUCTION:
    if DEBUG:
        raise ImproperlyConfigured("THIDUA_ENV=production không được chạy với DEBUG bật.")
    if SECRET_KEY == DEVELOPMENT_SECRET_KEY or len(SECRET_KEY) < 50:
        raise ImproperlyConfigured("THIDUA_ENV=production cần SECRET_KEY riêng, dài ít nhất 50 ký tự.")
    if "FIELD_ENCRYPTION_KEY" not in os.environ or FIELD_ENCRYPTION_KEY == DEVELOPMENT_SECRET_KEY:
        # A key of its own: rotating SECRET_KEY must never make stored citizen IDs unreadable.
        raise ImproperlyConfigured("THIDUA_ENV=production cần FIELD_ENCRYPTION_KEY riêng.")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "rules.apps.AutodiscoverRulesConfig",
    "simple_history",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_filters",
    "ninja",
    "thidua.core",
    "thidua.audit",
    "thidua.accounts",
    "thidua.organizations",
    "thidua.legal",
    "thidua.movements",
    "thidua.records",
    "thidua.awards",
    "thidua.nominations",
    "thidua.documents",
    "thidua.portal",
    "thidua.reports",
    "thidua.interchange",
    "thidua.api",
    "thidua.demo",
    "thidua.guide",
    "captcha",  # after thidua.portal, whose templates restyle its widget
]

MIDDLEWARE = [
    "thidua.core.middleware.TrustedProxyMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "thidua.core.middleware.ComposedTextMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "thidua.accounts.middleware.IdleTimeoutMiddleware",
    "thidua.accounts.middleware.SecondFactorMiddleware",
    "thidua.accounts.middleware.PublicPostRateLimitMiddleware",
    "thidua.audit.context.AuditContextMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "axes.middleware.AxesMiddleware",
    # Last, so that it wraps the views alone: organisation-scoped rows are read scoped.
    "thidua.core.scopes.ScopeGuardMiddleware",
]
# A scoped model read unscoped in a request: "raise" a ScopeError, or "log" it at ERROR level
# and serve the page (the production default, see docs/architecture.md "Scoped models").
THIDUA_UNSCOPED_READS = os.environ.get("THIDUA_UNSCOPED_READS", "log" if PRODUCTION else "raise")

ROOT_URLCONF = "thidua.urls"
WSGI_APPLICATION = "thidua.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "thidua" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "thidua.navigation.navigation",
            ],
        },
    },
    {  # row fragments of the busiest lists only (thidua/core/jinja.py says why)
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "DIRS": [BASE_DIR / "thidua" / "jinja2"],
        "APP_DIRS": False,
        "OPTIONS": {"environment": "thidua.core.jinja.environment"},
    },
]

# Django's renderer, with text inputs and selects written in Python (same HTML, see the module).
FORM_RENDERER = "thidua.core.renderers.FastWidgetRenderer"

VAR_DIR.mkdir(parents=True, exist_ok=True)
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'thidua.sqlite3'}"),
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,  # a restarted PostgreSQL costs one reconnect, not an error page
    )
}
# National scale: read replicas for the report pages (thidua/dbrouters.py, docs/deploy.md).
for index, url in enumerate(env_list("DATABASE_REPLICA_URLS"), 1):
    replica = DATABASES[f"replica{index}"] = dj_database_url.parse(
        url, conn_max_age=DATABASES["default"]["CONN_MAX_AGE"], conn_health_checks=True)
    replica["TEST"] = {"MIRROR": "default"}
    if "postgresql" in replica["ENGINE"]:
        # An unreachable replica is given up after 3 s (not the system's TCP timeout, minutes).
        replica.setdefault("OPTIONS", {}).setdefault("connect_timeout", 3)
THIDUA_REPLICA_PATHS = env_list("THIDUA_REPLICA_PATHS", "/bao-cao/")
# After a user's POST, that user's report pages read from the primary for this many seconds.
THIDUA_READ_YOUR_WRITES_SECONDS = int(os.environ.get("THIDUA_READ_YOUR_WRITES_SECONDS", "10"))
# A replica that refused a connection is not tried again for this many seconds (per process).
THIDUA_REPLICA_RETRY_SECONDS = int(os.environ.get("THIDUA_REPLICA_RETRY_SECONDS", "10"))
if len(DATABASES) > 1:
    DATABASE_ROUTERS = ["thidua.dbrouters.ReplicaRouter"]
    MIDDLEWARE.append("thidua.dbrouters.ReportingReadsMiddleware")
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
     "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "core:home"
LOGOUT_REDIRECT_URL = "accounts:login"
SESSION_COOKIE_AGE = int(os.environ.get("SESSION_COOKIE_AGE", 8 * 3600))
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
# Signed-in users idle this long are signed out (seconds).
THIDUA_IDLE_TIMEOUT = int(os.environ.get("THIDUA_IDLE_TIMEOUT", 30 * 60))

# Two-factor sign-in (TOTP with recovery codes, django-otp). Anyone may enrol; system admins,
# signers and superusers must when it is required (always in production; see
# docs/configuration.md for the demo).
THIDUA_REQUIRE_2FA = env_bool("THIDUA_REQUIRE_2FA", PRODUCTION)
OTP_TOTP_ISSUER = os.environ.get("OTP_TOTP_ISSUER", "Thi đua – Khen thưởng")
THIDUA_RECOVERY_CODES = 10


def audit_keys(value):
    """THIDUA_AUDIT_KEYS="new-id:secret,old-id:old-secret": the first key signs the audit log,
    the others verify what they signed. Unset: one key derived from SECRET_KEY (docs/configuration.md)."""
    pairs = [item.split(":", 1) for item in value.split(",") if ":" in item]
    return {key_id.strip(): secret.strip() for key_id, secret in pairs} or {
        "k0": hashlib.sha256(f"thidua.audit:{SECRET_KEY}".encode()).hexdigest()}


THIDUA_AUDIT_KEYS = audit_keys(os.environ.get("THIDUA_AUDIT_KEYS", ""))
# The audit chain head is also written here (keep it on another volume than the database) and to
# the log stream: hourly and at every backup.
THIDUA_AUDIT_CHECKPOINT_FILE = Path(os.environ.get(
    "THIDUA_AUDIT_CHECKPOINT_FILE", VAR_DIR / "audit" / "checkpoints.jsonl"))
# Called before every backup (``core.backups.create_backup``), by dotted path: core sits below
# the apps they belong to.
THIDUA_BEFORE_BACKUP = ["thidua.audit.checkpoint.checkpoint_before_backup"]
# An API token stops this many days after it is made (a new one is made on the profile page).
THIDUA_API_TOKEN_DAYS = int(os.environ.get("THIDUA_API_TOKEN_DAYS", "180"))
# Anonymous POSTs (sign-in, password reset, public comments and questions) per address and window.
THIDUA_PUBLIC_POST_LIMIT = int(os.environ.get("THIDUA_PUBLIC_POST_LIMIT", "60"))
THIDUA_PUBLIC_POST_WINDOW = int(os.environ.get("THIDUA_PUBLIC_POST_WINDOW", "600"))
# Proxies whose X-Forwarded-For is believed (IPs or networks); the documented nginx runs locally.
THIDUA_TRUSTED_PROXIES = env_list("THIDUA_TRUSTED_PROXIES", "127.0.0.1,::1")

AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = 0.25  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_RESET_ON_SUCCESS = True

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "thidua" / "locale"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
# Grouping is applied where a number is a quantity (the |intcomma filter: 1.234.567); ids and
# years must never be grouped.
USE_THOUSAND_SEPARATOR = False
FORMAT_MODULE_PATH = ["thidua.formats"]
# A list page's filter left empty keeps every row: its lists say so instead of "---------".
FILTERS_EMPTY_CHOICE_LABEL = gettext_lazy("Tất cả")

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "thidua" / "static"]
STATIC_ROOT = VAR_DIR / "static"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
MEDIA_URL = "media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
# S3-compatible object storage for uploads when a bucket is set (several app servers share it);
# the files stay private: every download goes through the app's permission checks.
AWS_STORAGE_BUCKET_NAME = os.environ.get("AWS_STORAGE_BUCKET_NAME", "")
STORAGES = {
    "default": {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": {
        "bucket_name": AWS_STORAGE_BUCKET_NAME,
        "endpoint_url": os.environ.get("S3_ENDPOINT_URL") or None,
        "region_name": os.environ.get("S3_REGION_NAME") or None,
        "access_key": os.environ.get("S3_ACCESS_KEY_ID") or None,
        "secret_key": os.environ.get("S3_SECRET_ACCESS_KEY") or None,
        "default_acl": "private",
        "querystring_auth": True,
        "file_overwrite": False,
    }} if AWS_STORAGE_BUCKET_NAME else {
        "BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if PRODUCTION
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = not PRODUCTION  # development and tests serve the vendored assets directly
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
# Periodic reports are due this many working days after the period ends; reminders go out this
# many working days before the due date.
THIDUA_REPORT_DUE_WORKING_DAYS = int(os.environ.get("THIDUA_REPORT_DUE_WORKING_DAYS", "5"))
THIDUA_REPORT_REMINDER_WORKING_DAYS = int(os.environ.get("THIDUA_REPORT_REMINDER_WORKING_DAYS", "3"))
THIDUA_UPLOAD_MAX_BYTES = int(os.environ.get("THIDUA_UPLOAD_MAX_BYTES", 10 * 1024 * 1024))
THIDUA_IMPORT_MAX_BYTES = int(os.environ.get("THIDUA_IMPORT_MAX_BYTES", 10 * 1024 * 1024))
THIDUA_IMPORT_MAX_ROWS = int(os.environ.get("THIDUA_IMPORT_MAX_ROWS", 20_000))
THIDUA_IMPORT_STAGING_SECONDS = int(os.environ.get("THIDUA_IMPORT_STAGING_SECONDS", 3600))
# The nomination pipeline's deadlines in working days, the council's quorum and ballot rounds,
# and the largest dossier attachment (docs/configuration.md describes each).
THIDUA_INTAKE_WORKING_DAYS = int(os.environ.get("THIDUA_INTAKE_WORKING_DAYS", "5"))
THIDUA_APPRAISAL_WORKING_DAYS = int(os.environ.get("THIDUA_APPRAISAL_WORKING_DAYS", "20"))
THIDUA_CORRECTION_WORKING_DAYS = int(os.environ.get("THIDUA_CORRECTION_WORKING_DAYS", "10"))
THIDUA_COUNCIL_WORKING_DAYS = int(os.environ.get("THIDUA_COUNCIL_WORKING_DAYS", "20"))
THIDUA_DEADLINE_REMINDER_WORKING_DAYS = int(
    os.environ.get("THIDUA_DEADLINE_REMINDER_WORKING_DAYS", "2"))
THIDUA_COUNCIL_QUORUM_PERCENT = float(os.environ.get("THIDUA_COUNCIL_QUORUM_PERCENT", "66.67"))
THIDUA_MAX_BALLOT_ROUNDS = int(os.environ.get("THIDUA_MAX_BALLOT_ROUNDS", "2"))
THIDUA_ATTACHMENT_MAX_BYTES = int(os.environ.get("THIDUA_ATTACHMENT_MAX_BYTES", 10 * 1024 * 1024))

EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if PRODUCTION
    else "django.core.mail.backends.console.EmailBackend",
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "thidua@localhost")
# Absolute address of the site, used in links inside emails.
THIDUA_SITE_URL = os.environ.get("THIDUA_SITE_URL", "http://127.0.0.1:8000")
# Digital signatures (docs/signing.md): trust roots and CRLs under <dir>/trust/, the demo CA
# under <dir>/demo-ca/; the timestamping authority's URL (empty: the demo's in-process TSA).
THIDUA_SIGNING_DIR = Path(os.environ.get("THIDUA_SIGNING_DIR", VAR_DIR / "signing"))
THIDUA_TSA_URL = os.environ.get("THIDUA_TSA_URL", "")
# The signer's local signing agent (Ban Cơ yếu VGCA SignService): allowed in connect-src on the
# signing page only.
THIDUA_SIGNING_AGENT_URL = os.environ.get("THIDUA_SIGNING_AGENT_URL", "http://127.0.0.1:8987")
# A token agent that signs a digest and returns a CMS (the CA's plug-in behind an adapter that
# answers POST /sign-hash, docs/signing.md); empty hides that way of signing.
THIDUA_DIGEST_SIGNING_AGENT_URL = os.environ.get("THIDUA_DIGEST_SIGNING_AGENT_URL",
                                                 "http://127.0.0.1:8988")
# The organisation seal on certificates: a key in a PKCS#11 token or HSM (the vendor's module,
# the token's label, the key's label — "{code}" is the issuing organisation's code); the user PIN
# comes from the environment variable THIDUA_SEAL_PIN when signing. No module: the demo's seal
# (SoftHSM2 when installed, else a key file), and only where the demo CA exists.
THIDUA_SEAL_PKCS11_MODULE = os.environ.get("THIDUA_SEAL_PKCS11_MODULE", "")
THIDUA_SEAL_TOKEN_LABEL = os.environ.get("THIDUA_SEAL_TOKEN_LABEL", "")
THIDUA_SEAL_KEY_LABEL = os.environ.get("THIDUA_SEAL_KEY_LABEL", "seal-{code}")
# Remote signing for signers without a token (docs/signing.md): a CSC-style service (Cloud
# Signature Consortium API; the base address with its version, …/csc/v1 or …/csc/v2). Set: the
# decision page signs through it instead of the demo's key. The credential ID ("{username}": the
# signer's user name), the bearer token (environment only, never in the database), the seconds
# to wait for an answer.
THIDUA_REMOTE_SIGNING_URL = os.environ.get("THIDUA_REMOTE_SIGNING_URL", "")
THIDUA_REMOTE_SIGNING_CREDENTIAL = os.environ.get("THIDUA_REMOTE_SIGNING_CREDENTIAL", "{username}")
THIDUA_REMOTE_SIGNING_TOKEN = os.environ.get("THIDUA_REMOTE_SIGNING_TOKEN", "")
THIDUA_REMOTE_SIGNING_TIMEOUT = float(os.environ.get("THIDUA_REMOTE_SIGNING_TIMEOUT", "15"))
# How each remote signature is authorised: implicit (the token), pin, or otp (sent by the service).
THIDUA_REMOTE_SIGNING_AUTH = os.environ.get("THIDUA_REMOTE_SIGNING_AUTH", "implicit")
if THIDUA_REMOTE_SIGNING_AUTH not in ("implicit", "pin", "otp"):
    raise ImproperlyConfigured("THIDUA_REMOTE_SIGNING_AUTH là implicit, pin hoặc otp.")
if PRODUCTION and THIDUA_REMOTE_SIGNING_URL and not THIDUA_REMOTE_SIGNING_URL.startswith(
        "https://"):
    raise ImproperlyConfigured("THIDUA_ENV=production cần THIDUA_REMOTE_SIGNING_URL bắt đầu bằng "
                               "https:// (mã truy cập đi kèm mỗi yêu cầu ký).")

CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL", "")
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TIMEZONE = TIME_ZONE
# No result backend unless asked for: nothing reads task results (a Job keeps its own), and with
# one, sending a task while Redis is down waits 20 s on it before failing.
CELERY_RESULT_BACKEND = os.environ.get("CELERY_RESULT_BACKEND") or None
CELERY_TASK_IGNORE_RESULT = not CELERY_RESULT_BACKEND
CELERY_RESULT_EXPIRES = 24 * 3600
CELERY_TASK_DEFAULT_QUEUE = os.environ.get("CELERY_QUEUE", "thidua")
# A task is acknowledged when it has finished, not when a worker takes it: a worker killed
# mid-task leaves the message to be redelivered (Redis: after the visibility timeout), and the
# task resumes; tasks are written to be safe to run twice (thidua.core.tasks).
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BROKER_TRANSPORT_OPTIONS = {
    # Longer than the longest task, or a slow task is handed to a second worker meanwhile.
    "visibility_timeout": int(os.environ.get("CELERY_VISIBILITY_TIMEOUT", 3600)),
    # Look for messages of dead workers every 10 s (a cheap sorted-set range), not every 100 s.
    "unacked_restore_throttle": 1,
}
CELERY_BEAT_SCHEDULE_FILENAME = str(VAR_DIR / "celerybeat-schedule")
CELERY_BEAT_SCHEDULE = {
    "report-reminders": {"task": "thidua.movements.tasks.send_report_reminders",
                         "schedule": crontab(hour=7, minute=0)},
    "close-publicity-windows": {"task": "thidua.nominations.tasks.close_publicity_windows",
                                "schedule": crontab(hour=0, minute=15)},
    "refresh-statistics": {"task": "thidua.reports.refresh_summaries",
                           "schedule": crontab(hour=1, minute=0)},
    "refresh-honour-roll": {"task": "thidua.portal.refresh_honour_roll",
                            "schedule": crontab(hour=1, minute=30)},
    "refresh-unit-scopes": {"task": "thidua.organizations.refresh_ended_unit_scopes",
                            "schedule": crontab(hour=0, minute=5)},
    # After the summaries and the honour roll; 02:30 local is a day already begun, so the
    # proposal years are the new day's (1 January: last year and the new one).
    "refresh-verdicts": {"task": "thidua.awards.refresh_verdicts",
                         "schedule": crontab(hour=2, minute=30)},
    "deadline-reminders": {"task": "thidua.nominations.tasks.send_deadline_reminders",
                           "schedule": crontab(hour=7, minute=10)},
    "audit-checkpoint": {"task": "thidua.audit.tasks.checkpoint_audit_chain",
                         "schedule": crontab(minute=0)},
}


def redis_cache(url):
    """Redis only makes things faster (counts, the portal's pages, rate counters): when it is
    down or slow, a read is a miss and a write is skipped, logged, and every page still answers.
    Sessions therefore stay in the database alone: a sign-out during an outage could not delete
    a cached copy, which would come back to life with Redis."""
    return {"BACKEND": "django_redis.cache.RedisCache", "LOCATION": url,
            "OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 0.5,
                        "SOCKET_TIMEOUT": 0.5}}


CACHES = {
    "default": redis_cache(os.environ["REDIS_URL"]) if os.environ.get("REDIS_URL")
    else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
}
DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True

SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "same-origin"
CSRF_COOKIE_SAMESITE = "Lax"
# No inline script anywhere (tests/security checks the templates): scripts only from our own
# static files. Inline style attributes stay allowed (progress bars, print layouts).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}
if PRODUCTION:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", 31536000))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "WARNING"},
                # PDF rendering narrates every font subset at INFO.
                "weasyprint": {"level": "WARNING"}, "fontTools": {"level": "WARNING"}},
}

# Portal: public sites, CAPTCHA, page cache and flood limits
MIDDLEWARE.insert(MIDDLEWARE.index("django.middleware.common.CommonMiddleware"),
                  "thidua.portal.middleware.PortalHostMiddleware")
CAPTCHA_LENGTH = 5
CAPTCHA_TIMEOUT = 10  # minutes a challenge stays valid
CAPTCHA_IMAGE_SIZE = (150, 50)
CAPTCHA_FONT_SIZE = 36
CAPTCHA_FLITE_PATH = os.environ.get("CAPTCHA_FLITE_PATH", "/usr/bin/flite")
if not Path(CAPTCHA_FLITE_PATH).exists():
    CAPTCHA_FLITE_PATH = None  # no audio challenge without flite (`apt-get install flite`)
CAPTCHA_TEST_MODE = env_bool("CAPTCHA_TEST_MODE")  # tests only: "PASSED" is always right
# Anonymous portal pages are served from the cache for this many seconds.
THIDUA_PORTAL_PAGE_SECONDS = int(os.environ.get("THIDUA_PORTAL_PAGE_SECONDS", "60"))
# Article views are written to the database in steps of this many (counted in the cache between).
THIDUA_PORTAL_VIEW_FLUSH = int(os.environ.get("THIDUA_PORTAL_VIEW_FLUSH", "20"))
# At most this many comments/questions from one address per window (seconds).
THIDUA_PORTAL_POST_LIMIT = int(os.environ.get("THIDUA_PORTAL_POST_LIMIT", "5"))
THIDUA_PORTAL_POST_WINDOW = int(os.environ.get("THIDUA_PORTAL_POST_WINDOW", "600"))
if PRODUCTION and CAPTCHA_TEST_MODE:
    raise ImproperlyConfigured("THIDUA_ENV=production không được bật CAPTCHA_TEST_MODE.")
