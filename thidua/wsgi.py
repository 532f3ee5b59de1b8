import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "thidua.settings")
application = get_wsgi_application()

from thidua.core.startup import refuse_unsafe_production  # noqa: E402

refuse_unsafe_production()

# Move everything loaded at start-up out of the garbage collector's sight, so its full passes do
# not stall requests (bench/RESULTS.md, p5).
gc.collect()
gc.freeze()
