"""The bench's production settings (``bench/load/bench_settings.py``) plus the read tally of
``read_tally.py``, innermost, so each response says which database its view read from."""
from bench_settings import *  # noqa: F403

MIDDLEWARE = [*MIDDLEWARE, "read_tally.ReadTallyMiddleware"]  # noqa: F405
