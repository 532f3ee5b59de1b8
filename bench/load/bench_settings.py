"""Production settings with ``bench_urls`` as the URL conf (bench only)."""
from thidua.settings import *  # noqa: F403

ROOT_URLCONF = "bench_urls"
