"""Production settings with ``bench_urls`` as the URL conf (bench only)."""
from thidua.settings import *

ROOT_URLCONF = "bench_urls"

# Loopback without TLS (nginx terminates TLS in production): cookies must travel over http.
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = False
