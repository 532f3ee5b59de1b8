"""Fixed-window hit counters in the cache, for the rate limits of public forms and downloads.

The cache only helps here: when it cannot count (Redis down, see settings.CACHES), the hit is
let through and logged, so an outage of the cache never locks anyone out. Sign-in failures are
counted in the database by django-axes, which does not depend on it."""
import logging
import time

from django.core.cache import cache

logger = logging.getLogger(__name__)


def hits(key, window, now=None):
    """How many times ``key`` was hit in the current ``window``-second window, this hit
    included; 0 when the cache cannot count."""
    bucket = f"{key}:{int(time.time() if now is None else now) // window}"
    if cache.add(bucket, 1, timeout=window):
        return 1
    try:
        count = cache.incr(bucket)
    except ValueError:  # expired between add and incr: this hit starts a new count
        cache.set(bucket, 1, timeout=window)
        return 1
    if count is None:
        logger.warning("Cache unreachable: %s not counted", key.split(":")[0])
        return 0
    return count


def exceeded(key, limit, window, now=None):
    """True once ``key`` has been hit more than ``limit`` times in the current window."""
    return hits(key, window, now) > limit
