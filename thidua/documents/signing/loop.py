"""pyHanko's synchronous calls run their coroutines with ``asyncio.run``, which refuses to start
in a thread whose event loop is already running — a Playwright test that loads the demo, an ASGI
worker. There the call goes to a short-lived thread of its own, with this thread's context."""
import asyncio
import contextvars
from concurrent.futures import ThreadPoolExecutor


def call_synchronously(function, *args, **kwargs):
    """``function(*args, **kwargs)``, outside any running event loop."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return function(*args, **kwargs)
    context = contextvars.copy_context()
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(context.run, function, *args, **kwargs).result()
