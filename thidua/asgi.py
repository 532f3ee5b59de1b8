import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "thidua.settings")
application = get_asgi_application()

from thidua.core.startup import refuse_unsafe_production  # noqa: E402

refuse_unsafe_production()
