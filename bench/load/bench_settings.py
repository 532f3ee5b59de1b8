"""Production settings with ``bench_urls`` as the URL conf (bench only)."""
from thidua.settings import *

ROOT_URLCONF = "bench_urls"
